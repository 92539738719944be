//! People and the roles they hold on objects (001, 3.5).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::keyed::keyed;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Administrator,
    PsgMember,
    ObjectOwnerBusiness,
    ObjectOwnerIt,
    ObjectLeaderBusiness,
    ObjectLeaderIt,
    ProductCoordinator,
    SpecialistBusiness,
    SpecialistIt,
    Reader,
}

keyed!(Role {
    Administrator => "administrator",
    PsgMember => "psg_member",
    ObjectOwnerBusiness => "object_owner_business",
    ObjectOwnerIt => "object_owner_it",
    ObjectLeaderBusiness => "object_leader_business",
    ObjectLeaderIt => "object_leader_it",
    ProductCoordinator => "product_coordinator",
    SpecialistBusiness => "specialist_business",
    SpecialistIt => "specialist_it",
    Reader => "reader",
});

impl Role {
    /// Whether the role is held on one object (as opposed to portfolio-wide).
    pub fn is_per_object(self) -> bool {
        !matches!(self, Self::Administrator | Self::PsgMember | Self::Reader)
    }
}

/// A person's role, on one object or (for portfolio-wide roles) on none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAssignment {
    pub person: Person,
    pub role: Role,
    pub object_code: Option<String>,
}

/// A person as administrators see them: roles and how they sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonAccount {
    pub person: Person,
    /// Roles with the object's code (`None` for portfolio-wide roles).
    pub roles: Vec<(Role, Option<String>)>,
    pub has_password: bool,
    pub has_single_sign_on: bool,
}

/// A named, read-only, revocable key for the API. Only its hash is stored;
/// the secret itself is shown once, when it is created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_round_trip() {
        for &role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Ok(role));
        }
    }
}
