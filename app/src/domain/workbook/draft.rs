//! An uploaded import waiting for its preview to be confirmed: what the
//! file said (or why it could not be read), and the state of the plan it
//! was previewed against. Applying it is refused when the plan changed in
//! between, so a person never confirms a preview of another plan.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CellError, PlanImport};
use crate::domain::{Initiative, PlanYear};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportDraft {
    /// A random token: the preview page's address.
    pub id: String,
    pub plan_year_id: i64,
    /// Who uploaded it; only they may apply it.
    pub person_id: i64,
    pub file_name: String,
    /// See [`fingerprint`].
    pub fingerprint: String,
    pub created_at: DateTime<Utc>,
    pub outcome: Result<PlanImport, Vec<CellError>>,
}

/// The plan year's state as the versions of its settings and of every
/// initiative: any save in between changes it.
pub fn fingerprint(plan: &PlanYear, initiatives: &[Initiative]) -> String {
    let mut versions: Vec<(i64, i64)> = initiatives.iter().map(|i| (i.id, i.version)).collect();
    versions.sort_unstable();
    let items: Vec<String> = versions.iter().map(|(id, version)| format!("{id}@{version}")).collect();
    format!("{}@{};{}", plan.id, plan.version, items.join(","))
}

/// What an applied import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportApplied {
    pub created: usize,
    pub changed: usize,
    pub removed: usize,
    pub settings_changed: bool,
}
