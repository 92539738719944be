//! Who may do what: the one authorization policy, pure, shared by every
//! server function and API route. The server finds out who is asking
//! (session, API token, or nobody); this module decides.
//!
//! Object-scoped permissions carry the id of the object the *data* belongs
//! to, looked up by the caller from the item itself, never taken from the
//! request: that is what keeps an id from another object from slipping
//! through (the IDOR bugs of comparable tools).

use serde::{Deserialize, Serialize};

use super::person::Role;

/// A role held by the person asking: on one object, or portfolio-wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub object_id: Option<i64>,
}

/// How the request proved who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Via {
    /// A signed-in browser session.
    Session,
    /// An API token: read-only, whatever its owner's roles.
    ApiToken,
    /// Nobody, reading the public status pages an administrator turned on.
    Public,
}

/// Someone the server has identified, with everything the policy needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principal {
    /// `None` only for [`Via::Public`].
    pub person_id: Option<i64>,
    pub name: String,
    pub grants: Vec<Grant>,
    pub via: Via,
}

/// Everything that can be allowed or refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Permission {
    /// Read objects, plans, budgets and contracts.
    ReadPortfolio,
    /// Read the audit trail.
    ViewAudit,
    /// Manage people, their roles, and site settings.
    ManagePeople,
    /// Create and revoke one's own API tokens.
    ManageOwnTokens,
    /// Decide portfolio-level priorities and escalations.
    DecidePortfolio,
    /// Change an object's plan, priorities and contracts.
    ManageObject(i64),
    /// Update the status of an initiative in an object.
    UpdateInitiativeStatus(i64),
    /// Approve an object's plan, which locks it, and reopen it: the object
    /// owner's decision (001, 3.4).
    ApprovePlan(i64),
    /// Add, rename and remove suppliers: the register is shared, so anyone
    /// who manages some object (or the steering group) keeps it.
    ManageSuppliers,
}

impl Principal {
    /// The anonymous reader of public status pages.
    pub fn public() -> Self {
        Self { person_id: None, name: String::new(), grants: Vec::new(), via: Via::Public }
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    fn holds_on(&self, object_id: i64, roles: &[Role]) -> bool {
        self.grants.iter().any(|g| g.object_id == Some(object_id) && roles.contains(&g.role))
    }

    pub fn can(&self, permission: Permission) -> bool {
        use Permission::*;
        match self.via {
            Via::Public => return permission == ReadPortfolio,
            // Tokens read what their owner may read, and nothing more.
            Via::ApiToken => return permission == ReadPortfolio && !self.grants.is_empty(),
            Via::Session => {}
        }
        if self.has_role(Role::Administrator) {
            return true;
        }
        let psg = self.has_role(Role::PsgMember);
        match permission {
            // Any role at all reads the whole portfolio (pm3 is transparent
            // inside the organisation); a person with no role reads nothing.
            ReadPortfolio => !self.grants.is_empty(),
            ViewAudit | DecidePortfolio => psg,
            ManagePeople => false,
            ManageOwnTokens => self.person_id.is_some(),
            ManageObject(object) => self.holds_on(object, MANAGERS),
            ManageSuppliers => psg || self.grants.iter().any(|g| g.object_id.is_some() && MANAGERS.contains(&g.role)),
            ApprovePlan(object) => self.holds_on(object, OWNERS),
            UpdateInitiativeStatus(object) => {
                self.holds_on(object, MANAGERS) || self.holds_on(object, INITIATIVE_WORKERS)
            }
        }
    }
}

/// Why a new password is refused (ASVS 2.1: at least 12 characters, any
/// characters allowed, no composition rules; long enough passphrases fine).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
}

pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 128;

pub fn password_problem(password: &str) -> Option<PasswordProblem> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Some(PasswordProblem::TooShort)
    } else if chars > PASSWORD_MAX_CHARS {
        Some(PasswordProblem::TooLong)
    } else {
        None
    }
}

/// Who manages an object: its owners and leaders, on either side.
const MANAGERS: &[Role] =
    &[Role::ObjectOwnerBusiness, Role::ObjectOwnerIt, Role::ObjectLeaderBusiness, Role::ObjectLeaderIt];

/// Who decides on an object's plan.
const OWNERS: &[Role] = &[Role::ObjectOwnerBusiness, Role::ObjectOwnerIt];

/// Who works in an object's initiatives and reports their status.
const INITIATIVE_WORKERS: &[Role] = &[Role::SpecialistBusiness, Role::SpecialistIt, Role::ProductCoordinator];

#[cfg(test)]
mod tests {
    use super::*;

    fn person(grants: &[(Role, Option<i64>)]) -> Principal {
        Principal {
            person_id: Some(1),
            name: "Test".into(),
            grants: grants.iter().map(|&(role, object_id)| Grant { role, object_id }).collect(),
            via: Via::Session,
        }
    }

    const AKN: i64 = 10;
    const OTHER: i64 = 20;

    #[test]
    fn only_the_object_owners_and_administrators_approve_and_reopen_a_plan() {
        for role in [Role::ObjectOwnerBusiness, Role::ObjectOwnerIt] {
            let p = person(&[(role, Some(AKN))]);
            assert!(p.can(Permission::ApprovePlan(AKN)), "{role:?}");
            assert!(!p.can(Permission::ApprovePlan(OTHER)), "{role:?} on another object");
        }
        for role in [Role::ObjectLeaderBusiness, Role::ObjectLeaderIt, Role::SpecialistIt] {
            assert!(!person(&[(role, Some(AKN))]).can(Permission::ApprovePlan(AKN)), "{role:?}");
        }
        assert!(!person(&[(Role::PsgMember, None)]).can(Permission::ApprovePlan(AKN)));
        assert!(person(&[(Role::Administrator, None)]).can(Permission::ApprovePlan(AKN)));
    }

    #[test]
    fn object_roles_reach_their_own_object_only() {
        for &role in MANAGERS {
            let p = person(&[(role, Some(AKN))]);
            assert!(p.can(Permission::ManageObject(AKN)), "{role:?}");
            assert!(p.can(Permission::UpdateInitiativeStatus(AKN)), "{role:?}");
            assert!(!p.can(Permission::ManageObject(OTHER)), "{role:?} on another object");
            assert!(!p.can(Permission::UpdateInitiativeStatus(OTHER)), "{role:?} on another object");
            assert!(!p.can(Permission::ManagePeople));
            assert!(!p.can(Permission::ViewAudit));
            assert!(p.can(Permission::ManageSuppliers), "{role:?} keeps the supplier register");
        }
        for &role in INITIATIVE_WORKERS {
            let p = person(&[(role, Some(AKN))]);
            assert!(p.can(Permission::UpdateInitiativeStatus(AKN)), "{role:?}");
            assert!(!p.can(Permission::ManageObject(AKN)), "{role:?} does not manage the plan");
            assert!(!p.can(Permission::ManageSuppliers), "{role:?}");
            assert!(!p.can(Permission::UpdateInitiativeStatus(OTHER)));
        }
    }

    #[test]
    fn passwords_need_twelve_to_128_characters() {
        assert_eq!(password_problem("kort"), Some(PasswordProblem::TooShort));
        assert_eq!(password_problem("elva tecken"), Some(PasswordProblem::TooShort));
        assert_eq!(password_problem("åäö åäö åäö!"), None, "characters, not bytes");
        assert_eq!(password_problem(&"x".repeat(129)), Some(PasswordProblem::TooLong));
    }

    #[test]
    fn portfolio_roles() {
        let admin = person(&[(Role::Administrator, None)]);
        let psg = person(&[(Role::PsgMember, None)]);
        let reader = person(&[(Role::Reader, None)]);
        assert!(admin.can(Permission::ManagePeople) && admin.can(Permission::ManageObject(OTHER)));
        assert!(psg.can(Permission::ViewAudit) && psg.can(Permission::DecidePortfolio));
        assert!(!psg.can(Permission::ManageObject(AKN)) && !psg.can(Permission::ManagePeople));
        assert!(reader.can(Permission::ReadPortfolio) && reader.can(Permission::ManageOwnTokens));
        assert!(!reader.can(Permission::ViewAudit) && !reader.can(Permission::UpdateInitiativeStatus(AKN)));
        assert!(psg.can(Permission::ManageSuppliers) && !reader.can(Permission::ManageSuppliers));
    }

    #[test]
    fn no_role_reads_nothing_and_tokens_and_public_only_read() {
        assert!(!person(&[]).can(Permission::ReadPortfolio));
        let mut token = person(&[(Role::Administrator, None)]);
        token.via = Via::ApiToken;
        assert!(token.can(Permission::ReadPortfolio));
        assert!(!token.can(Permission::ManagePeople) && !token.can(Permission::ManageOwnTokens));
        let public = Principal::public();
        assert!(public.can(Permission::ReadPortfolio));
        assert!(!public.can(Permission::ManageOwnTokens) && !public.can(Permission::ViewAudit));
    }
}
