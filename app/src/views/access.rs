//! What the sign-in, account, people and audit pages show.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use crate::domain::neutralise_cell;
use crate::domain::{ApiToken, AuditAction, AuditRecord, Object, Person, PersonAccount, Role};

/// The person behind the page, and which parts of the menu they get.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub name: String,
    /// Only the public status pages are being read: no one is signed in.
    pub public: bool,
    pub can_read: bool,
    pub can_manage_people: bool,
    pub can_view_audit: bool,
}

/// What the sign-in page offers besides e-mail and password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOptions {
    pub single_sign_on: bool,
    /// Demo accounts (e-mail, role), listed when the demo is loaded.
    pub demo_accounts: Vec<(String, Role, Option<String>)>,
    pub demo_password: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectChoice {
    pub code: String,
    pub name: String,
}

impl From<&Object> for ObjectChoice {
    fn from(object: &Object) -> Self {
        Self { code: object.code.to_string(), name: object.name.clone() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleAdmin {
    pub people: Vec<PersonAccount>,
    pub objects: Vec<ObjectChoice>,
    pub public_status_pages: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountPage {
    pub person: Person,
    pub roles: Vec<(Role, Option<String>)>,
    pub tokens: Vec<ApiToken>,
}

/// A token just created: the secret is shown this once and never again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApiToken {
    pub token: ApiToken,
    pub secret: String,
}

/// One audit record with the names a reader needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// `None`: the system (demo data, the command line).
    pub actor: Option<String>,
    pub action: AuditAction,
    pub entity: String,
    pub entity_id: Option<String>,
    pub object_code: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The filter as the reader typed it, to show it back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    pub object: Option<String>,
    pub person: Option<i64>,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub objects: Vec<ObjectChoice>,
    pub people: Vec<(i64, String)>,
    pub query: AuditQuery,
    /// The list stops at this many records; narrow the filter for older ones.
    pub limit: usize,
}

/// Names the people and objects of audit records.
pub fn audit_entries(records: Vec<AuditRecord>, people: &[Person], objects: &[Object]) -> Vec<AuditEntry> {
    records
        .into_iter()
        .map(|r| AuditEntry {
            actor: r
                .actor_id
                .map(|id| people.iter().find(|p| p.id == id).map_or_else(|| format!("#{id}"), |p| p.name.clone())),
            object_code: r
                .object_id
                .map(|id| objects.iter().find(|o| o.id == id).map_or_else(|| format!("#{id}"), |o| o.code.to_string())),
            id: r.id,
            at: r.at,
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            before: r.before,
            after: r.after,
        })
        .collect()
}

/// The audit entries as CSV (RFC 4180, comma-separated, UTF-8 with BOM so
/// Excel reads å, ä and ö), every cell neutralised.
pub fn audit_csv(entries: &[AuditEntry], header: [&str; 8], action_name: impl Fn(AuditAction) -> String) -> String {
    fn cell(text: &str) -> String {
        let text = neutralise_cell(text);
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text
        }
    }
    let mut out = String::from("\u{feff}");
    out.push_str(&header.map(cell).join(","));
    out.push_str("\r\n");
    for e in entries {
        let row = [
            e.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            e.actor.clone().unwrap_or_default(),
            action_name(e.action),
            format!("{}{}", e.entity, e.entity_id.as_deref().map(|id| format!(" {id}")).unwrap_or_default()),
            e.object_code.clone().unwrap_or_default(),
            e.before.clone().unwrap_or_default(),
            e.after.clone().unwrap_or_default(),
            e.id.to_string(),
        ];
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(after: &str) -> AuditEntry {
        AuditEntry {
            id: 7,
            at: "2026-11-24T10:00:00Z".parse().expect("time"),
            actor: Some("Åsa Öberg".into()),
            action: AuditAction::Update,
            entity: "initiative".into(),
            entity_id: Some("12".into()),
            object_code: Some("AKN".into()),
            before: None,
            after: Some(after.into()),
        }
    }

    #[test]
    fn formulas_are_neutralised_and_quotes_escaped() {
        for hostile in ["=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tx"] {
            assert!(neutralise_cell(hostile).starts_with('\''), "{hostile}");
        }
        assert_eq!(neutralise_cell("Kalle"), "Kalle");
        let csv =
            audit_csv(&[entry("=cmd|' /C calc'!A0")], ["a", "b", "c", "d", "e", "f", "g", "h"], |a| a.key().to_owned());
        let line = csv.lines().nth(1).expect("a data row");
        assert!(line.contains(",'=cmd|' /C calc'!A0,"), "{line}");
        let csv = audit_csv(&[entry("{\"name\":\"a,b\"}")], ["a"; 8], |a| a.key().to_owned());
        assert!(csv.contains("\"{\"\"name\"\":\"\"a,b\"\"}\""), "{csv}");
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("Åsa Öberg,update,initiative 12,AKN"));
    }

    #[test]
    fn entries_name_people_and_objects_or_keep_the_id() {
        let record = AuditRecord {
            id: 1,
            at: "2026-11-24T10:00:00Z".parse().expect("time"),
            actor_id: Some(99),
            action: AuditAction::SignIn,
            entity: "session".into(),
            entity_id: None,
            object_id: Some(5),
            before: None,
            after: None,
        };
        let people = [Person { id: 99, name: "Anna".into(), email: "anna@x.se".into() }];
        let entries = audit_entries(vec![record.clone()], &people, &[]);
        assert_eq!(entries[0].actor.as_deref(), Some("Anna"));
        assert_eq!(entries[0].object_code.as_deref(), Some("#5"));
        let entries = audit_entries(vec![AuditRecord { actor_id: None, ..record }], &[], &[]);
        assert_eq!(entries[0].actor, None);
    }
}
