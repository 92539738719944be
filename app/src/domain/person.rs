//! People and the roles they hold on objects (001, 3.5).

use serde::{Deserialize, Serialize};

use super::DomainError;

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

impl Role {
    pub const ALL: [Role; 10] = [
        Self::Administrator,
        Self::PsgMember,
        Self::ObjectOwnerBusiness,
        Self::ObjectOwnerIt,
        Self::ObjectLeaderBusiness,
        Self::ObjectLeaderIt,
        Self::ProductCoordinator,
        Self::SpecialistBusiness,
        Self::SpecialistIt,
        Self::Reader,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::PsgMember => "psg_member",
            Self::ObjectOwnerBusiness => "object_owner_business",
            Self::ObjectOwnerIt => "object_owner_it",
            Self::ObjectLeaderBusiness => "object_leader_business",
            Self::ObjectLeaderIt => "object_leader_it",
            Self::ProductCoordinator => "product_coordinator",
            Self::SpecialistBusiness => "specialist_business",
            Self::SpecialistIt => "specialist_it",
            Self::Reader => "reader",
        }
    }

    pub fn from_key(key: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|r| r.key() == key).ok_or_else(|| DomainError::UnknownValue(key.to_owned()))
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Ok(role));
        }
    }
}
