//! What each page shows, built from domain values by pure functions. The
//! server functions fetch, these shape, the components render; the shapes
//! cross the wire as JSON, amounts as exact decimal strings.

mod access;
mod calendar;
mod catalog;
mod compare;
mod contract;
mod dashboard;
mod escalation;
mod import;
mod meeting;
mod object_page;
mod overview;
mod plan_editor;
mod priority;
mod reminders;
mod report;
mod status_page;

pub use access::{
    audit_csv, audit_entries, neutralise_cell, AccountPage, AuditEntry, AuditPage, AuditQuery, NewApiToken,
    ObjectChoice, PeopleAdmin, SessionUser, SignInOptions,
};
pub use calendar::{feed_calendar, feed_urls, CalendarFeedsPage, NewCalendarFeed, FEED_REFRESH_HOURS};
pub use catalog::{CatalogEditor, SupplierRegister};
pub use compare::{compare_years, ActivityComparison, Compared, ComparedInitiative, YearComparison};
pub use contract::{
    build_register, contract_row, needs_procurement, procurement_name, procurement_year, quarter_costs, sort_by_next,
    timeline, Choice, ContractEditor, ContractFilter, ContractPage, ContractRegister, ContractRow, Grouping, Mark,
    MonthTick, NextDate, ObjectName, ProcurementLink, ProcurementTarget, QuarterCost, Span, Timeline, TimelineGroup,
    TimelineRow, HORIZON_MONTHS, PERIODS,
};
pub use dashboard::{
    build_dashboard, compare_snapshots, drill_down, in_history, needs_action, CapacityCheck, ContractBrief, Dashboard,
    DashboardObject, DashboardPlan, DashboardSource, DrillFilter, DrillRow, DrillRows, EscalationBrief, SnapshotChange,
};
pub use escalation::{
    actor_names, actors_of, escalation_row, sort_rows, split_list, Actor, EscalationList, EscalationPage,
    EscalationRow, NewEscalation, ObjectOption,
};
pub use import::ImportPreviewPage;
pub use meeting::{
    agenda_from, agenda_groups, agenda_kind_name, capacity_notes, default_pair, meeting_comparison, meeting_list,
    newest_first, protocol, protocol_workbook, AgendaGroup, CapacityNote, ComparedMeeting, KeyFigures,
    MeetingComparison, MeetingList, MeetingPage, MeetingRow, NewMeeting, Protocol, ProtocolObject, FIGURES_SHEET,
    MEETING_SHEET, PROTOCOL_SHEET,
};
pub use object_page::{
    build_object_page, ActivitySection, InitiativeRow, ObjectPage, ObjectPageParts, ObjectRef, PlanView, RoleGroup,
};
pub use overview::{build_overview, CategoryGroup, ObjectSummary, OverviewPage, PlanSummary};
pub use plan_editor::{live_matrix, InitiativeEditor, PlanEditor};
pub use priority::{priority_rows, PortfolioFilter, PortfolioPriorityPage, PriorityPage, PriorityRow};
pub use reminders::{my_reminders, reminder_digest, ContractReminders, Digest, DigestItem, MyReminder, MyReminders};
pub use report::{build_object_report, ObjectReport, ReportActivity, ReportLine, ReportRow};
pub use status_page::{
    build_changes, portfolio_figures, status_objects, status_year, subject_of, Change, ChangeFacts, ChangeKind,
    ChangeSource, PortfolioFigures, StatusPage, Subject, CHANGE_LIMIT, FIRST_VISIT_DAYS,
};

/// The plan year to show: the one asked for, else the latest that has
/// begun, else the earliest planned one.
pub fn choose_year(years: &[i32], requested: Option<i32>, current_year: i32) -> Option<i32> {
    requested
        .or_else(|| years.iter().copied().filter(|&y| y <= current_year).max().or_else(|| years.iter().copied().min()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_shown_is_asked_for_or_the_latest_begun() {
        assert_eq!(choose_year(&[2020, 2021], Some(2020), 2026), Some(2020));
        assert_eq!(choose_year(&[2020, 2021], None, 2026), Some(2021));
        assert_eq!(choose_year(&[2020, 2021, 2030], None, 2026), Some(2021));
        assert_eq!(choose_year(&[2030, 2031], None, 2026), Some(2030));
        assert_eq!(choose_year(&[], None, 2026), None);
        assert_eq!(choose_year(&[2020], Some(1999), 2026), Some(1999));
    }
}
