//! The Swedish words of the file format, as the object plan writes them:
//! sheet names, column headers, setting labels and the names of enum
//! values. They are the file's contract, so they live here and not in the
//! interface texts, which may be reworded freely.

use crate::domain::{AssignmentType, InitiativeStatus, MainActivity, PlanStatus};

/// The settings sheet, and the label of each setting.
pub const SETTINGS_SHEET: &str = "Plan";
pub const BUDGET_SHEET: &str = "Budget";
pub const FTE_SHEET: &str = "FTE";
/// The sheet name the CSV reader reports errors under.
pub const CSV_SHEET: &str = "CSV";

/// The settings, one per row: label in column A, value in column B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Setting {
    ObjectCode,
    /// Written for reading; ignored on import.
    ObjectName,
    Year,
    BusinessRate,
    ItRate,
    HoursPerFte,
    Status,
}

impl Setting {
    pub(crate) const ALL: [Setting; 7] = [
        Setting::ObjectCode,
        Setting::ObjectName,
        Setting::Year,
        Setting::BusinessRate,
        Setting::ItRate,
        Setting::HoursPerFte,
        Setting::Status,
    ];

    pub(crate) fn label(self) -> &'static str {
        match self {
            Setting::ObjectCode => "Objekt",
            Setting::ObjectName => "Objektnamn",
            Setting::Year => "År",
            Setting::BusinessRate => "Timpris verksamhetsnära förvaltning",
            Setting::ItRate => "Timpris IT-nära förvaltning",
            Setting::HoursPerFte => "Timmar per heltid",
            Setting::Status => "Planstatus",
        }
    }

    pub(crate) fn from_label(text: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| same(s.label(), text))
    }
}

/// The columns of an initiative table, in export order. `Activity` only
/// appears in the CSV, where one table holds every main activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Activity,
    Id,
    Rank,
    Name,
    AssignmentType,
    Priority,
    Status,
    BusinessHours,
    BusinessOther,
    BusinessSum,
    ItHours,
    ItOther,
    ItSum,
    Sum,
    Benefit,
    GoalContribution,
    Effort,
}

impl Column {
    /// The columns of an activity sheet.
    pub(crate) const SHEET: [Column; 16] = [
        Column::Id,
        Column::Rank,
        Column::Name,
        Column::AssignmentType,
        Column::Priority,
        Column::Status,
        Column::BusinessHours,
        Column::BusinessOther,
        Column::BusinessSum,
        Column::ItHours,
        Column::ItOther,
        Column::ItSum,
        Column::Sum,
        Column::Benefit,
        Column::GoalContribution,
        Column::Effort,
    ];

    pub(crate) fn header(self) -> &'static str {
        match self {
            Column::Activity => "Huvudaktivitet",
            Column::Id => "Id",
            Column::Rank => "Rang",
            Column::Name => "Delmål",
            Column::AssignmentType => "Uppdragstyp",
            Column::Priority => "Prio",
            Column::Status => "Status",
            Column::BusinessHours => "Verksamhet timmar",
            Column::BusinessOther => "Verksamhet övriga kostnader",
            Column::BusinessSum => "Verksamhet summa",
            Column::ItHours => "IT timmar",
            Column::ItOther => "IT övriga kostnader",
            Column::ItSum => "IT summa",
            Column::Sum => "Summa",
            Column::Benefit => "Nytta",
            Column::GoalContribution => "Måluppfyllelse",
            Column::Effort => "Insats",
        }
    }

    pub(crate) fn from_header(text: &str) -> Option<Column> {
        std::iter::once(Column::Activity).chain(Column::SHEET).find(|c| same(c.header(), text))
    }

    /// Written for reading and ignored on import.
    pub(crate) fn is_computed(self) -> bool {
        matches!(self, Column::BusinessSum | Column::ItSum | Column::Sum)
    }
}

/// Equal when trimmed and case is ignored: "användarstöd " is Användarstöd.
fn same(label: &str, text: &str) -> bool {
    label.to_lowercase() == text.trim().to_lowercase()
}

/// The sheet of a main activity (all ≤ 31 characters, no `/ \ ? * [ ] :`).
pub fn activity_name(activity: MainActivity) -> &'static str {
    match activity {
        MainActivity::Governance => "Förvaltningsstyrning",
        MainActivity::UserSupport => "Användarstöd",
        MainActivity::ChangeManagement => "Ändringshantering",
        MainActivity::Operations => "Daglig IT-drift och underhåll",
    }
}

/// The plan's abbreviation (VM, VU), as the export writes it.
pub fn assignment_abbreviation(kind: AssignmentType) -> &'static str {
    match kind {
        AssignmentType::Maintain => "VM",
        AssignmentType::Develop => "VU",
        AssignmentType::NewDevelopment => "NU",
        AssignmentType::Decommission => "AV",
    }
}

fn assignment_name(kind: AssignmentType) -> &'static str {
    match kind {
        AssignmentType::Maintain => "Vidmakthållande",
        AssignmentType::Develop => "Vidareutveckling",
        AssignmentType::NewDevelopment => "Nyutveckling",
        AssignmentType::Decommission => "Avveckling",
    }
}

pub fn status_name(status: InitiativeStatus) -> &'static str {
    match status {
        InitiativeStatus::NotStarted => "Ej påbörjad",
        InitiativeStatus::OnTrack => "Enligt plan",
        InitiativeStatus::AtRisk => "Risk",
        InitiativeStatus::Delayed => "Försenad",
        InitiativeStatus::Done => "Klar",
        InitiativeStatus::Stopped => "Stoppad",
    }
}

pub fn plan_status_name(status: PlanStatus) -> &'static str {
    match status {
        PlanStatus::Draft => "Utkast",
        PlanStatus::Approved => "Godkänd",
    }
}

/// The value whose name, abbreviation or stable key the text is.
fn find<T: Copy>(all: &[T], text: &str, names: impl Fn(T) -> Vec<&'static str>) -> Option<T> {
    all.iter().copied().find(|&value| names(value).into_iter().any(|name| same(name, text)))
}

pub(crate) fn parse_activity(text: &str) -> Option<MainActivity> {
    find(MainActivity::ALL, text, |a| vec![activity_name(a), a.key()])
}

/// The stable key of the assignment type the text names, if it names one.
pub(crate) fn assignment_key(text: &str) -> Option<&'static str> {
    find(AssignmentType::ALL, text, |t| vec![assignment_abbreviation(t), assignment_name(t), t.key()])
        .map(AssignmentType::key)
}

pub(crate) fn parse_status(text: &str) -> Option<InitiativeStatus> {
    find(InitiativeStatus::ALL, text, |s| vec![status_name(s), s.key()])
}

pub(crate) fn parse_plan_status(text: &str) -> Option<PlanStatus> {
    find(PlanStatus::ALL, text, |s| vec![plan_status_name(s), s.key()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        for &activity in MainActivity::ALL {
            let name = activity_name(activity);
            assert!(name.chars().count() <= 31, "{name}");
            assert!(!name.contains(['/', '\\', '?', '*', '[', ']', ':']), "{name}");
        }
    }

    #[test]
    fn values_are_read_from_abbreviation_full_name_or_key() {
        for text in ["VM", "vm", "Vidmakthållande", " VIDMAKTHÅLLANDE ", "maintain"] {
            assert_eq!(assignment_key(text), Some("maintain"), "{text}");
        }
        assert_eq!(assignment_key("Vidareutveckling"), Some("develop"));
        assert_eq!(assignment_key("VX"), None);
        assert_eq!(parse_status("ej påbörjad"), Some(InitiativeStatus::NotStarted));
        assert_eq!(parse_status("at_risk"), Some(InitiativeStatus::AtRisk));
        assert_eq!(parse_activity("Daglig IT-drift och underhåll"), Some(MainActivity::Operations));
        assert_eq!(parse_plan_status("Godkänd"), Some(PlanStatus::Approved));
        assert_eq!(Column::from_header("verksamhet TIMMAR"), Some(Column::BusinessHours));
        assert_eq!(Setting::from_label("År"), Some(Setting::Year));
    }

    #[test]
    fn every_name_reads_back_as_its_value() {
        for &t in AssignmentType::ALL {
            assert_eq!(assignment_key(assignment_abbreviation(t)), Some(t.key()));
            assert_eq!(assignment_key(assignment_name(t)), Some(t.key()));
        }
        for &s in InitiativeStatus::ALL {
            assert_eq!(parse_status(status_name(s)), Some(s));
        }
        for &c in &Column::SHEET {
            assert_eq!(Column::from_header(c.header()), Some(c));
        }
    }
}
