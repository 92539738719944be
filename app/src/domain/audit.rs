//! The audit trail: who changed what, when, from what to what. Records are
//! only ever added; the database refuses to change or delete them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
}
