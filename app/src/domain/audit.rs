//! The audit trail: who changed what, when, from what to what. Records are
//! only ever added; the database refuses to change or delete them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::access::{Permission, Principal};
use super::keyed::keyed;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Reorder,
    Import,
    RoleChange,
    SignIn,
    SignInFailed,
    SignOut,
    TokenUse,
}

keyed!(AuditAction {
    Create => "create",
    Update => "update",
    Delete => "delete",
    Reorder => "reorder",
    Import => "import",
    RoleChange => "role_change",
    SignIn => "sign_in",
    SignInFailed => "sign_in_failed",
    SignOut => "sign_out",
    TokenUse => "token_use",
});

/// One change. `before` and `after` are JSON snapshots of what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The person who acted; `None` for the system itself.
    pub actor_id: Option<i64>,
    pub action: AuditAction,
    /// What kind of thing changed, e.g. `initiative` or `dataset`.
    pub entity: String,
    pub entity_id: Option<String>,
    /// The object the change belongs to, for filtering by object.
    pub object_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Which audit records to list; every field narrows, `None` does not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub object_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// The kinds of record that are portfolio data: objects, their plans,
/// initiatives, outcomes, catalogues, contracts, escalations and suppliers.
/// Anyone who reads the portfolio may read these changes (the status
/// page's "since you last looked"). Every other kind is personal or
/// administration (sign-ins, sessions, API tokens, calendar feeds, people,
/// roles, settings, demo loads) and stays in the audit trail proper.
pub const PORTFOLIO_ENTITIES: &[&str] = &[
    "object",
    "plan_year",
    "plan_capacity",
    "portfolio_capacity",
    "initiative",
    "initiative_status",
    "initiative_it_components",
    "outcome",
    "object_product",
    "business_component",
    "it_component",
    "object_it_component",
    "contract",
    "escalation",
    "supplier",
];

/// Whether `principal` may read this change outside the audit trail: a
/// change to portfolio data, for someone who reads the portfolio. (Every
/// role reads every object in pm3; people, roles, tokens, calendar feeds
/// and sign-ins are never shown this way, even to their own object's
/// people.)
pub fn may_read_change(principal: &Principal, record: &AuditRecord) -> bool {
    PORTFOLIO_ENTITIES.contains(&record.entity.as_str()) && principal.can(Permission::ReadPortfolio)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_action_keys_round_trip() {
        for &action in AuditAction::ALL {
            assert_eq!(AuditAction::from_key(action.key()), Ok(action));
        }
        assert!(AuditAction::from_key("erase").is_err());
    }

    fn record(entity: &str, object_id: Option<i64>) -> AuditRecord {
        AuditRecord {
            id: 1,
            at: "2026-12-01T10:00:00Z".parse().expect("time"),
            actor_id: Some(2),
            action: AuditAction::Update,
            entity: entity.into(),
            entity_id: Some("7".into()),
            object_id,
            before: None,
            after: None,
        }
    }

    #[test]
    fn portfolio_changes_are_for_readers_and_personal_records_for_nobody() {
        use super::super::{Grant, Role, Via};
        let person = |grants: Vec<Grant>| Principal { person_id: Some(1), name: "P".into(), grants, via: Via::Session };
        let leader = person(vec![Grant { role: Role::ObjectLeaderIt, object_id: Some(10) }]);
        let psg = person(vec![Grant { role: Role::PsgMember, object_id: None }]);
        let nobody = person(Vec::new());
        for entity in ["initiative", "contract", "escalation", "plan_year", "initiative_status"] {
            assert!(may_read_change(&leader, &record(entity, Some(10))), "{entity} on the leader's object");
            assert!(may_read_change(&leader, &record(entity, Some(20))), "{entity} on another object: pm3 is open");
            assert!(!may_read_change(&nobody, &record(entity, Some(10))), "{entity}: no role reads nothing");
        }
        for entity in ["calendar_feed", "api_token", "session", "role", "person", "credentials", "setting", "dataset"] {
            assert!(!may_read_change(&leader, &record(entity, Some(10))), "{entity}");
            assert!(!may_read_change(&psg, &record(entity, None)), "{entity} for the steering group");
        }
        assert!(!may_read_change(&Principal::public(), &record("role", Some(10))));
    }
}
