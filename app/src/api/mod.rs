//! Server functions: thin. Each checks who is asking, gets the store from
//! context, calls it and the pure view builders, and returns. No SQL here.

#[cfg(feature = "ui")]
mod access;
#[cfg(feature = "ui")]
mod calendar;
#[cfg(feature = "ui")]
mod catalog;
#[cfg(feature = "ui")]
mod cycle;
mod error;
#[cfg(feature = "ui")]
mod import;
#[cfg(feature = "ui")]
mod objects;
#[cfg(feature = "ui")]
mod pages;
#[cfg(feature = "ui")]
mod plan;
#[cfg(feature = "ui")]
mod priority;
#[cfg(feature = "ssr")]
mod support;

#[cfg(feature = "ssr")]
pub use access::audit_page;
#[cfg(feature = "ui")]
pub use access::{
    add_person, create_api_token, get_account, get_audit, get_people_admin, get_sign_in_options, grant_role,
    revoke_api_token, revoke_role, set_public_status, who_am_i, AddPerson, CreateApiToken, GrantRole, RevokeApiToken,
    RevokeRole, SetPublicStatus,
};
#[cfg(feature = "ssr")]
pub use calendar::base_url;
#[cfg(feature = "ui")]
pub use calendar::{
    create_calendar_feed, get_calendar_feeds, revoke_calendar_feed, CreateCalendarFeed, PublicUrl, RevokeCalendarFeed,
    FEED_SECRET_PREFIX,
};
#[cfg(feature = "ui")]
pub use catalog::{
    get_catalog_editor, get_suppliers, link_it_component, move_product, remove_business_component, remove_product,
    remove_supplier, save_business_component, save_it_component, save_product, save_supplier, unlink_it_component,
    LinkItComponent, MoveProduct, RemoveBusinessComponent, RemoveProduct, RemoveSupplier, SaveBusinessComponent,
    SaveItComponent, SaveProduct, SaveSupplier, UnlinkItComponent,
};
#[cfg(feature = "ui")]
pub use cycle::{approve_plan, get_object_report, get_year_comparison, reopen_plan, ApprovePlan, ReopenPlan};
pub use error::AppError;
#[cfg(feature = "ui")]
pub use import::{apply_import, get_import_preview, ApplyImport};
#[cfg(feature = "ui")]
pub use objects::{create_object, get_object_editor, may_add_objects, update_object, CreateObject, UpdateObject};
#[cfg(feature = "ui")]
pub use pages::{get_object_page, get_overview};
#[cfg(feature = "ui")]
pub use plan::{
    create_initiative, delete_initiative, get_initiative_editor, get_plan_editor, record_outcome, report_status,
    update_initiative, update_plan_settings, CreateInitiative, DeleteInitiative, RecordOutcome, ReportStatus,
    UpdateInitiative, UpdatePlanSettings,
};
#[cfg(feature = "ui")]
pub use priority::{
    get_initiative_components, get_portfolio_priorities, get_priorities, move_in_portfolio, move_initiative,
    save_initiative_components, set_capacity, set_portfolio_capacity, step_in_portfolio, step_initiative, undo_move,
    undo_portfolio_move, InitiativeComponents, MoveInPortfolio, MoveInitiative, SaveInitiativeComponents, SetCapacity,
    SetPortfolioCapacity, StepInPortfolio, StepInitiative, UndoMove, UndoPortfolioMove,
};

#[cfg(feature = "ui")]
mod contract;
#[cfg(feature = "ui")]
pub use contract::{
    change_contract_term, create_procurement, delete_contract, get_contract, get_contract_editor, get_contract_summary,
    get_contracts, save_contract, ChangeContractTerm, ContractSummary, CreateProcurement, DeleteContract, SaveContract,
};
#[cfg(feature = "ui")]
mod dashboard;
#[cfg(feature = "ssr")]
pub use dashboard::{current_dashboard, DashboardCache};
#[cfg(feature = "ui")]
pub use dashboard::{get_dashboard, get_drill_rows};
#[cfg(feature = "ui")]
mod escalation;
#[cfg(feature = "ui")]
pub use escalation::{
    decide_escalation, escalate_escalation, get_escalation, get_escalation_summary, get_escalations,
    get_new_escalation, raise_escalation, withdraw_escalation, DecideEscalation, EscalateEscalation, EscalationSummary,
    RaiseEscalation, WithdrawEscalation,
};

#[cfg(feature = "ui")]
mod meeting;
#[cfg(feature = "ui")]
pub use meeting::{
    add_agenda_item, close_meeting, create_meeting, get_meeting, get_meeting_comparison, get_meetings, get_new_meeting,
    get_protocol, record_decision, remove_agenda_item, retake_snapshot, AddAgendaItem, CloseMeeting, CreateMeeting,
    RecordDecision, RemoveAgendaItem, RetakeSnapshot,
};
#[cfg(feature = "ui")]
mod status_page;
#[cfg(feature = "ui")]
pub use status_page::{get_status_page, mark_status_seen, MarkStatusSeen};

#[cfg(feature = "ui")]
mod reminders;
#[cfg(feature = "ui")]
pub use reminders::{get_contract_reminders, get_my_reminders};

/// Who the server found behind a request (session, API token, the public,
/// or nobody). The server's middleware puts it in the request; server
/// functions read it from Leptos context.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity(pub Option<crate::domain::Principal>);
