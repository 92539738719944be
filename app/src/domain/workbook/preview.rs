//! What an import would do to the stored plan year, before anything is
//! saved: initiatives created, changed (field by field, before and after),
//! removed and left alone, and the settings that change. Only ids of this
//! plan year may be updated; any other id is refused where it stands.

use serde::{Deserialize, Serialize};

use super::{CellError, ImportedInitiative, PlanImport, Source};
use crate::domain::{Initiative, PlanYear};

/// One field that an import changes. `field` is the form's field name
/// (`name`, `business_hours`, …, plus `rank`, `status`, `benefit`,
/// `goal_contribution`, `effort`; for settings `business_rate`, `it_rate`,
/// `hours_per_fte`, `status`); values are stable keys or plain decimals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeChange {
    pub id: i64,
    /// The name after the import.
    pub name: String,
    pub source: Source,
    pub changes: Vec<FieldChange>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// Rows without an id, in rank order.
    pub created: Vec<ImportedInitiative>,
    pub changed: Vec<InitiativeChange>,
    /// Stored initiatives the import does not mention, in rank order.
    pub removed: Vec<Initiative>,
    pub unchanged: usize,
    pub settings: Vec<FieldChange>,
}

impl ImportPreview {
    /// The import would change nothing.
    pub fn is_empty(&self) -> bool {
        self.created.is_empty() && self.changed.is_empty() && self.removed.is_empty() && self.settings.is_empty()
    }
}

/// Compares an import with the stored plan year. An id that is not one of
/// `current` is an error at its cell (`unknown_id`), never a creation.
pub fn preview(current: &[Initiative], plan: &PlanYear, import: &PlanImport) -> Result<ImportPreview, Vec<CellError>> {
    let mut result = ImportPreview::default();
    let mut errors = Vec::new();
    for imported in &import.initiatives {
        let Some(id) = imported.id else {
            result.created.push(imported.clone());
            continue;
        };
        let Some(stored) = current.iter().find(|i| i.id == id) else {
            let at = &imported.source;
            errors.push(CellError {
                sheet: at.sheet.clone(),
                row: Some(at.row),
                column: Some(at.id_column.clone()),
                code: "unknown_id".into(),
                text: id.to_string(),
            });
            continue;
        };
        let changes = differences(&fields(stored), &imported_fields(imported));
        if changes.is_empty() {
            result.unchanged += 1;
        } else {
            let (name, source) = (imported.input.name.clone(), imported.source.clone());
            result.changed.push(InitiativeChange { id, name, source, changes });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut removed: Vec<Initiative> =
        current.iter().filter(|c| !import.initiatives.iter().any(|i| i.id == Some(c.id))).cloned().collect();
    removed.sort_by_key(|i| (i.rank, i.id));
    result.removed = removed;
    let settings = |s: &crate::domain::PlanSettings, status: crate::domain::PlanStatus| {
        [
            ("business_rate", s.business_rate.to_string()),
            ("it_rate", s.it_rate.to_string()),
            ("hours_per_fte", s.hours_per_fte.to_string()),
            ("status", status.key().to_owned()),
        ]
    };
    result.settings = differences(&settings(&plan.settings, plan.status), &settings(&import.settings, import.status));
    Ok(result)
}

type Fields = [(&'static str, String); 13];

fn differences(before: &[(&'static str, String)], after: &[(&'static str, String)]) -> Vec<FieldChange> {
    before
        .iter()
        .zip(after)
        .filter(|(b, a)| b.1 != a.1)
        .map(|(b, a)| FieldChange { field: b.0.to_owned(), before: b.1.clone(), after: a.1.clone() })
        .collect()
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn fields(i: &Initiative) -> Fields {
    [
        ("rank", i.rank.to_string()),
        ("name", i.name.clone()),
        ("main_activity", i.main_activity.key().to_owned()),
        ("assignment_type", i.assignment_type.key().to_owned()),
        ("priority", optional(i.priority)),
        ("status", i.status.key().to_owned()),
        ("business_hours", i.business.hours.to_string()),
        ("business_other", i.business.other.to_string()),
        ("it_hours", i.it.hours.to_string()),
        ("it_other", i.it.other.to_string()),
        ("benefit", optional(i.scores.benefit)),
        ("goal_contribution", optional(i.scores.goal_contribution)),
        ("effort", optional(i.scores.effort)),
    ]
}

fn imported_fields(i: &ImportedInitiative) -> Fields {
    let input = &i.input;
    [
        ("rank", i.rank.to_string()),
        ("name", input.name.clone()),
        ("main_activity", input.main_activity.key().to_owned()),
        ("assignment_type", input.assignment_type.key().to_owned()),
        ("priority", optional(input.priority)),
        ("status", i.status.key().to_owned()),
        ("business_hours", input.business.hours.to_string()),
        ("business_other", input.business.other.to_string()),
        ("it_hours", input.it.hours.to_string()),
        ("it_other", input.it.other.to_string()),
        ("benefit", optional(i.scores.benefit)),
        ("goal_contribution", optional(i.scores.goal_contribution)),
        ("effort", optional(i.scores.effort)),
    ]
}
