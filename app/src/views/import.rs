//! The import preview page: what an uploaded file would do to a plan year.

use serde::{Deserialize, Serialize};

use super::ObjectRef;
use crate::domain::workbook::{CellError, ImportPreview};
use crate::domain::PlanYear;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreviewPage {
    pub draft_id: String,
    pub object: ObjectRef,
    pub plan: PlanYear,
    pub file_name: String,
    /// Every problem in the file; when there are any, nothing can be applied.
    pub errors: Vec<CellError>,
    pub preview: Option<ImportPreview>,
    /// The plan changed after the upload: upload again to compare afresh.
    pub stale: bool,
    pub can_apply: bool,
}
