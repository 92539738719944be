//! The plan year as a spreadsheet and back: export to a neutral workbook
//! model (and CSV), import with every cell checked by the domain's parsers
//! and every problem located as Excel names it, and a preview of what an
//! import would create, change and remove. The `.xlsx` bytes themselves
//! are the server's business (`server/src/workbook.rs`).

mod cell;
mod contracts;
pub(crate) mod csv;
mod draft;
mod export;
mod labels;
mod preview;
mod read;
mod settings;
mod table;
mod values;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::domain::{InitiativeInput, InitiativeStatus, PlanSettings, PlanStatus, Scores};

pub use self::csv::{export_plan_csv, read_plan_csv};
pub use cell::{column_letter, literal_text, neutralise_cell, Cell, CellError, Sheet, Workbook};
pub use contracts::{contract_status_name, export_contracts, export_contracts_csv, CONTRACTS_SHEET};
pub use draft::{fingerprint, ImportApplied, ImportDraft};
pub use export::export_plan;
pub use labels::{
    activity_name, assignment_abbreviation, plan_status_name, status_name, BUDGET_SHEET, CSV_SHEET, FTE_SHEET,
    SETTINGS_SHEET,
};
pub use preview::{preview, FieldChange, ImportPreview, InitiativeChange};
pub use read::read_plan;
pub use values::{MAX_HOURS, MAX_MONEY};

/// A sheet with more rows than this is refused as a whole.
pub const MAX_ROWS: usize = 20_000;
/// A sheet wider than this many columns is refused as a whole.
pub const MAX_COLUMNS: usize = 200;
/// A file larger than this (in bytes) is refused before it is read.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// A checked import: the plan year's settings and its initiatives in rank
/// order, ranks renumbered 1, 2, 3, … in the order the file gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanImport {
    pub settings: PlanSettings,
    /// Read and checked; whether an import may change it is the caller's call.
    pub status: PlanStatus,
    pub initiatives: Vec<ImportedInitiative>,
}

/// One initiative row of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedInitiative {
    /// The stored initiative this row updates; `None` creates one.
    pub id: Option<i64>,
    pub rank: i32,
    pub input: InitiativeInput,
    pub status: InitiativeStatus,
    pub scores: Scores,
    /// Where the row is, for errors found later (an id not in the plan).
    pub source: Source,
}

/// The row an imported initiative came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub sheet: String,
    /// 1-based, as Excel shows it.
    pub row: u32,
    /// The letter of the row's Id column.
    pub id_column: String,
}
