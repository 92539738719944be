//! Interface language and number formats. Swedish first, English second.
//!
//! Texts are a struct with one field per phrase, so a missing translation
//! is a compile error rather than a blank on screen. Numbers are always
//! written the Swedish way (`18 988 100 kr`, `1 313,00`), in both languages,
//! because that is how the municipality's documents write them.

mod calendar;
mod contract;
mod dashboard;
mod en;
mod escalation;
mod format;
mod meeting;
mod reminders;
mod status_page;
mod sv;

pub use calendar::CalendarTexts;
pub use contract::{fill, ContractTexts};
pub use dashboard::DashboardTexts;
pub use escalation::EscalationTexts;
pub use format::{
    format_amount, format_date, format_fte, format_hours, format_hours_unit, format_money, format_timestamp,
};
pub use meeting::MeetingTexts;
pub use reminders::ReminderTexts;
pub use status_page::StatusPageTexts;

use crate::domain::{
    AssignmentType, AuditAction, InitiativeStatus, MainActivity, ObjectCategory, PlanStatus, Role, Side,
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Locale {
    #[default]
    Sv,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Sv, Locale::En];
    /// Name of the cookie that remembers the choice.
    pub const COOKIE: &'static str = "styrbord_lang";

    pub fn code(self) -> &'static str {
        match self {
            Locale::Sv => "sv",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Reads the language from a `Cookie` header value; Swedish otherwise.
    pub fn from_cookie_header(header: &str) -> Locale {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == Self::COOKIE)
            .and_then(|(_, value)| Self::from_code(value.trim()))
            .unwrap_or_default()
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::Sv => &sv::TEXTS,
            Locale::En => &en::TEXTS,
        }
    }
}

/// Every phrase of the interface.
#[derive(Debug)]
pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_overview: &'static str,
    pub language_label: &'static str,
    pub language_name: &'static str,
    pub currency: &'static str,
    pub hours_unit: &'static str,

    pub overview_title: &'static str,
    pub overview_intro: &'static str,
    pub year_label: &'static str,
    pub years_nav_label: &'static str,
    pub portfolio_total: &'static str,
    pub objects_count: &'static str,
    pub no_plan_for_year: &'static str,
    pub no_plans_at_all: &'static str,

    pub col_object: &'static str,
    pub col_budget: &'static str,
    pub col_hours: &'static str,
    pub col_fte: &'static str,
    pub col_status: &'static str,

    pub object_code: &'static str,
    pub nearby_objects: &'static str,
    pub plan_status: &'static str,
    pub plan_settings: &'static str,
    pub rate_business: &'static str,
    pub rate_it: &'static str,
    pub hours_per_fte: &'static str,
    pub per_hour: &'static str,
    pub section_budget: &'static str,
    pub budget_table: &'static str,
    pub fte_table: &'static str,
    pub col_main_activity: &'static str,
    pub col_sum_sek: &'static str,
    pub col_sum_time: &'static str,
    pub row_sum: &'static str,
    pub row_sum_fte: &'static str,
    pub section_initiatives: &'static str,
    pub col_initiative: &'static str,
    pub col_assignment_type: &'static str,
    pub col_priority: &'static str,
    pub col_cost_type: &'static str,
    pub cost_hours: &'static str,
    pub cost_other: &'static str,
    pub cost_sum: &'static str,
    pub sum_of: &'static str,
    pub total: &'static str,
    pub sum_hours: &'static str,
    pub no_initiatives: &'static str,
    pub section_products: &'static str,
    pub col_product: &'static str,
    pub col_business_components: &'static str,
    pub col_it_components: &'static str,
    pub section_it_components: &'static str,
    pub col_it_component: &'static str,
    pub col_supplier: &'static str,
    pub col_description: &'static str,
    pub no_supplier: &'static str,
    pub used_in_products: &'static str,
    pub none: &'static str,
    pub scroll_hint: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub error_title: &'static str,
    pub error_body: &'static str,
    pub back_to_overview: &'static str,
    pub loading: &'static str,

    pub category_core: &'static str,
    pub category_support: &'static str,
    pub category_technical: &'static str,
    pub activity_governance: &'static str,
    pub activity_user_support: &'static str,
    pub activity_change_management: &'static str,
    pub activity_operations: &'static str,
    pub type_maintain: &'static str,
    pub type_develop: &'static str,
    pub type_new_development: &'static str,
    pub type_decommission: &'static str,
    pub type_maintain_short: &'static str,
    pub type_develop_short: &'static str,
    pub type_new_development_short: &'static str,
    pub type_decommission_short: &'static str,
    pub side_business: &'static str,
    pub side_it: &'static str,
    pub plan_draft: &'static str,
    pub plan_approved: &'static str,
    pub status_not_started: &'static str,
    pub status_on_track: &'static str,
    pub status_at_risk: &'static str,
    pub status_delayed: &'static str,
    pub status_done: &'static str,
    pub status_stopped: &'static str,
    pub section_organisation: &'static str,
    pub col_role: &'static str,
    pub col_people: &'static str,
    pub no_organisation: &'static str,
    pub role_administrator: &'static str,
    pub role_psg_member: &'static str,
    pub role_object_owner_business: &'static str,
    pub role_object_owner_it: &'static str,
    pub role_object_leader_business: &'static str,
    pub role_object_leader_it: &'static str,
    pub role_product_coordinator: &'static str,
    pub role_specialist_business: &'static str,
    pub role_specialist_it: &'static str,
    pub role_reader: &'static str,

    pub nav_people: &'static str,
    pub nav_audit: &'static str,
    pub nav_account: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,
    pub sign_in_link: &'static str,
    pub public_reading: &'static str,
    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub email_label: &'static str,
    pub password_label: &'static str,
    pub sign_in_button: &'static str,
    pub sign_in_sso: &'static str,
    pub sign_in_or: &'static str,
    pub err_credentials: &'static str,
    pub err_missing: &'static str,
    pub err_throttled: &'static str,
    pub err_sso_failed: &'static str,
    pub err_sso_unknown: &'static str,
    pub err_sso_off: &'static str,
    pub notice_signed_out: &'static str,
    pub demo_accounts_title: &'static str,
    pub demo_accounts_intro: &'static str,
    pub account_title: &'static str,
    pub account_roles: &'static str,
    pub no_roles: &'static str,
    pub whole_portfolio: &'static str,
    pub tokens_title: &'static str,
    pub tokens_intro: &'static str,
    pub token_name_label: &'static str,
    pub token_name_hint: &'static str,
    pub token_create: &'static str,
    pub token_created: &'static str,
    pub token_revoke: &'static str,
    pub token_revoked: &'static str,
    pub token_active: &'static str,
    pub col_name: &'static str,
    pub col_created: &'static str,
    pub col_last_used: &'static str,
    pub never: &'static str,
    pub no_tokens: &'static str,
    pub people_title: &'static str,
    pub people_intro: &'static str,
    pub add_person_title: &'static str,
    pub name_label: &'static str,
    pub password_optional_label: &'static str,
    pub password_optional_hint: &'static str,
    pub add_person_button: &'static str,
    pub col_person: &'static str,
    pub col_roles: &'static str,
    pub col_sign_in: &'static str,
    pub sign_in_by_password: &'static str,
    pub sign_in_by_sso: &'static str,
    pub sign_in_by_none: &'static str,
    pub add_role_title: &'static str,
    pub add_role_button: &'static str,
    pub role_label: &'static str,
    pub object_label: &'static str,
    pub object_none: &'static str,
    pub revoke_role: &'static str,
    pub revoke_role_label: &'static str,
    pub public_title: &'static str,
    pub public_on: &'static str,
    pub public_off: &'static str,
    pub public_turn_on: &'static str,
    pub public_turn_off: &'static str,
    pub saved: &'static str,
    pub audit_title: &'static str,
    pub audit_intro: &'static str,
    pub filter_label: &'static str,
    pub filter_all: &'static str,
    pub filter_from: &'static str,
    pub filter_to: &'static str,
    pub filter_button: &'static str,
    pub export_csv: &'static str,
    pub col_time: &'static str,
    pub col_actor: &'static str,
    pub col_action: &'static str,
    pub col_entity: &'static str,
    pub col_change: &'static str,
    pub system_actor: &'static str,
    pub audit_empty: &'static str,
    pub audit_limited: &'static str,
    pub audit_create: &'static str,
    pub audit_update: &'static str,
    pub audit_delete: &'static str,
    pub audit_reorder: &'static str,
    pub audit_import: &'static str,
    pub audit_role_change: &'static str,
    pub audit_sign_in: &'static str,
    pub audit_sign_in_failed: &'static str,
    pub audit_sign_out: &'static str,
    pub audit_token_use: &'static str,
    pub err_required: &'static str,
    pub err_too_long: &'static str,
    pub err_email: &'static str,
    pub err_email_taken: &'static str,
    pub err_password_short: &'static str,
    pub err_password_long: &'static str,
    pub err_role_unknown: &'static str,
    pub err_object_required: &'static str,
    pub err_object_unknown: &'static str,
    pub err_object_not_for_role: &'static str,
    pub err_own_admin: &'static str,
    pub err_date: &'static str,
    pub err_before_from: &'static str,
    pub err_invalid: &'static str,
    pub err_forbidden_title: &'static str,
    pub err_forbidden: &'static str,
    pub err_unauthorized_title: &'static str,
    pub err_unauthorized: &'static str,
    pub err_conflict: &'static str,
    pub err_failed: &'static str,
    pub col_before: &'static str,
    pub col_after: &'static str,
    pub col_id: &'static str,
    pub edit_initiative: &'static str,
    pub new_initiative: &'static str,
    pub edit_settings: &'static str,
    pub settings_title: &'static str,
    pub back_to_plan: &'static str,
    pub label_name: &'static str,
    pub label_business_hours: &'static str,
    pub label_business_other: &'static str,
    pub label_it_hours: &'static str,
    pub label_it_other: &'static str,
    pub label_business_rate: &'static str,
    pub label_it_rate: &'static str,
    pub label_hours_per_fte: &'static str,
    pub hint_hours: &'static str,
    pub hint_money: &'static str,
    pub hint_priority: &'static str,
    pub hint_rate: &'static str,
    pub save: &'static str,
    pub create_initiative: &'static str,
    pub delete_initiative: &'static str,
    pub delete_confirm: &'static str,
    pub delete_yes: &'static str,
    pub cancel: &'static str,
    pub live_heading: &'static str,
    pub live_note: &'static str,
    pub goal_cost: &'static str,
    pub goal_fte: &'static str,
    pub conflict_title: &'static str,
    pub conflict_body: &'static str,
    pub col_field: &'static str,
    pub col_opened: &'static str,
    pub col_stored_now: &'static str,
    pub col_yours: &'static str,
    pub use_stored: &'static str,
    pub keep_mine: &'static str,
    pub keep_mine_note: &'static str,
    pub status_heading: &'static str,
    pub report_status: &'static str,
    pub label_as_of: &'static str,
    pub label_comment: &'static str,
    pub no_reports: &'static str,
    pub col_reported_by: &'static str,
    pub col_as_of: &'static str,
    pub status_saved: &'static str,
    pub plan_locked: &'static str,
    pub err_not_a_number: &'static str,
    pub err_negative: &'static str,
    pub err_too_many_decimals: &'static str,
    pub err_not_positive: &'static str,
    pub err_choose: &'static str,
    pub err_score_range: &'static str,
    pub choose_placeholder: &'static str,
    pub err_too_large: &'static str,
    pub export_xlsx: &'static str,
    pub import_title: &'static str,
    pub import_link: &'static str,
    pub import_intro: &'static str,
    pub import_file_label: &'static str,
    pub import_file_hint: &'static str,
    pub import_preview_button: &'static str,
    pub preview_title: &'static str,
    pub preview_errors: &'static str,
    pub col_sheet: &'static str,
    pub col_cell: &'static str,
    pub col_problem: &'static str,
    pub col_content: &'static str,
    pub preview_created: &'static str,
    pub preview_changed: &'static str,
    pub preview_removed: &'static str,
    pub preview_unchanged: &'static str,
    pub preview_settings: &'static str,
    pub preview_nothing: &'static str,
    pub preview_stale: &'static str,
    pub apply_import: &'static str,
    pub upload_again: &'static str,
    pub label_rank: &'static str,
    pub label_benefit: &'static str,
    pub label_goal_contribution: &'static str,
    pub label_effort: &'static str,
    pub imp_unknown: &'static str,
    pub imp_duplicate_id: &'static str,
    pub imp_duplicate_rank: &'static str,
    pub imp_unknown_id: &'static str,
    pub imp_column: &'static str,
    pub imp_no_column: &'static str,
    pub imp_field: &'static str,
    pub imp_wrong_object: &'static str,
    pub imp_wrong_year: &'static str,
    pub imp_sheet: &'static str,
    pub imp_too_big: &'static str,
    pub imp_quote: &'static str,
    pub imp_not_xlsx: &'static str,
    pub imp_not_utf8: &'static str,
    pub imp_no_file: &'static str,
    pub imp_stale: &'static str,
    pub uploading: &'static str,
    pub cycle_heading: &'static str,
    pub approve_plan: &'static str,
    pub approve_hint: &'static str,
    pub reopen_plan: &'static str,
    pub reopen_hint: &'static str,
    pub next_plan_link: &'static str,
    pub next_plan_title: &'static str,
    pub next_plan_intro: &'static str,
    pub next_plan_create: &'static str,
    pub next_plan_exists: &'static str,
    pub continues: &'static str,
    pub compare_title: &'static str,
    pub compare_link: &'static str,
    pub compare_button: &'static str,
    pub from_year: &'static str,
    pub to_year: &'static str,
    pub col_difference: &'static str,
    pub compare_budget: &'static str,
    pub compare_initiatives: &'static str,
    pub only_one_year: &'static str,
    pub outcome_heading: &'static str,
    pub outcome_intro: &'static str,
    pub outcome_save: &'static str,
    pub report_title: &'static str,
    pub report_intro: &'static str,
    pub report_outcomes: &'static str,
    pub print: &'static str,
    pub col_planned: &'static str,
    pub col_actual: &'static str,
    pub col_deviation: &'static str,
    pub col_planned_hours: &'static str,
    pub col_actual_hours: &'static str,
    pub outcome_business_hours: &'static str,
    pub outcome_business_other: &'static str,
    pub outcome_it_hours: &'static str,
    pub outcome_it_other: &'static str,
    pub new_object: &'static str,
    pub edit_object: &'static str,
    pub catalog_title: &'static str,
    pub catalog_intro: &'static str,
    /// A product's, component's or supplier's name.
    pub label_item_name: &'static str,
    pub edit_catalog: &'static str,
    pub priority_title: &'static str,
    pub priority_link: &'static str,
    pub priority_intro: &'static str,
    pub priority_keyboard_hint: &'static str,
    pub priority_read_only: &'static str,
    pub moved_to_place: &'static str,
    pub of_total: &'static str,
    pub place: &'static str,
    pub move_failed: &'static str,
    pub move_cancelled: &'static str,
    pub lifted_hint: &'static str,
    pub move_item: &'static str,
    pub move_top: &'static str,
    pub capacity_passed: &'static str,
    pub capacity_line: &'static str,
    pub unfunded: &'static str,
    pub col_cost: &'static str,
    pub col_score: &'static str,
    pub effort_points: &'static str,
    pub accept_suggestion: &'static str,
    pub undo_move: &'static str,
    pub nav_portfolio: &'static str,
    pub portfolio_title: &'static str,
    pub portfolio_intro: &'static str,
    pub portfolio_none_shown: &'static str,
    pub portfolio_filter_title: &'static str,
    pub label_plan_year: &'static str,
    pub label_assignment_filter: &'static str,
    pub label_activity_filter: &'static str,
    pub portfolio_it_capacity: &'static str,
    pub portfolio_capacity_hint: &'static str,
    pub resource_it_component: &'static str,
    pub resource_supplier: &'static str,
    pub collision_title_prefix: &'static str,
    pub raise_escalation: &'static str,
    pub collisions_title: &'static str,
    pub collisions_intro: &'static str,
    pub collisions_none: &'static str,
    pub collision_badge: &'static str,
    pub label_it_components_touched: &'static str,
    pub initiative_components_title: &'static str,
    pub initiative_components_intro: &'static str,
    pub initiative_components_none: &'static str,
    pub save_components: &'static str,
    pub err_too_many_components: &'static str,
    pub portfolio_reorder_reason: &'static str,
    pub not_set: &'static str,
    pub limit_business_hours: &'static str,
    pub limit_it_hours: &'static str,
    pub limit_budget: &'static str,
    pub capacity_title: &'static str,
    pub edit_capacity: &'static str,
    pub hint_optional: &'static str,
    pub section_business_components: &'static str,
    pub add_product: &'static str,
    pub add_business_component: &'static str,
    pub add_it_component: &'static str,
    pub link_it_component: &'static str,
    pub link_it_component_button: &'static str,
    pub unlink_it_component: &'static str,
    pub unlink_confirm: &'static str,
    pub remove: &'static str,
    pub remove_component_confirm: &'static str,
    pub remove_product_confirm: &'static str,
    pub remove_supplier_confirm: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub edit_item: &'static str,
    pub no_supplier_choice: &'static str,
    pub legend_business_components: &'static str,
    pub legend_it_components: &'static str,
    pub no_components_yet: &'static str,
    pub used_by_objects: &'static str,
    pub it_register_note: &'static str,
    pub suppliers_title: &'static str,
    pub suppliers_intro: &'static str,
    pub add_supplier: &'static str,
    pub col_contracts: &'static str,
    pub col_actions: &'static str,
    pub supplier_in_use: &'static str,
    pub err_name_taken: &'static str,
    pub err_component_unknown: &'static str,
    pub err_supplier_choice: &'static str,
    pub label_code: &'static str,
    pub hint_code: &'static str,
    pub label_object_name: &'static str,
    pub label_category: &'static str,
    pub label_description: &'static str,
    pub create_object: &'static str,
    pub err_code_taken: &'static str,
    pub err_bad_object_code: &'static str,
    /// The escalation register's texts.
    pub escalation: &'static EscalationTexts,
    /// The contract register's texts.
    pub contract: &'static ContractTexts,
    /// Contract reminders' texts (the pages and the e-mail digest).
    pub reminders: &'static ReminderTexts,
}

impl Texts {
    pub fn category(&self, category: ObjectCategory) -> &'static str {
        match category {
            ObjectCategory::Core => self.category_core,
            ObjectCategory::Support => self.category_support,
            ObjectCategory::Technical => self.category_technical,
        }
    }

    pub fn activity(&self, activity: MainActivity) -> &'static str {
        match activity {
            MainActivity::Governance => self.activity_governance,
            MainActivity::UserSupport => self.activity_user_support,
            MainActivity::ChangeManagement => self.activity_change_management,
            MainActivity::Operations => self.activity_operations,
        }
    }

    pub fn assignment_type(&self, kind: AssignmentType) -> &'static str {
        match kind {
            AssignmentType::Maintain => self.type_maintain,
            AssignmentType::Develop => self.type_develop,
            AssignmentType::NewDevelopment => self.type_new_development,
            AssignmentType::Decommission => self.type_decommission,
        }
    }

    /// The abbreviation used in table headings: VM, VU, …
    pub fn assignment_type_short(&self, kind: AssignmentType) -> &'static str {
        match kind {
            AssignmentType::Maintain => self.type_maintain_short,
            AssignmentType::Develop => self.type_develop_short,
            AssignmentType::NewDevelopment => self.type_new_development_short,
            AssignmentType::Decommission => self.type_decommission_short,
        }
    }

    pub fn side(&self, side: Side) -> &'static str {
        match side {
            Side::Business => self.side_business,
            Side::It => self.side_it,
        }
    }

    pub fn plan_status_label(&self, status: PlanStatus) -> &'static str {
        match status {
            PlanStatus::Draft => self.plan_draft,
            PlanStatus::Approved => self.plan_approved,
        }
    }

    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Administrator => self.role_administrator,
            Role::PsgMember => self.role_psg_member,
            Role::ObjectOwnerBusiness => self.role_object_owner_business,
            Role::ObjectOwnerIt => self.role_object_owner_it,
            Role::ObjectLeaderBusiness => self.role_object_leader_business,
            Role::ObjectLeaderIt => self.role_object_leader_it,
            Role::ProductCoordinator => self.role_product_coordinator,
            Role::SpecialistBusiness => self.role_specialist_business,
            Role::SpecialistIt => self.role_specialist_it,
            Role::Reader => self.role_reader,
        }
    }

    pub fn audit_action(&self, action: AuditAction) -> &'static str {
        match action {
            AuditAction::Create => self.audit_create,
            AuditAction::Update => self.audit_update,
            AuditAction::Delete => self.audit_delete,
            AuditAction::Reorder => self.audit_reorder,
            AuditAction::Import => self.audit_import,
            AuditAction::RoleChange => self.audit_role_change,
            AuditAction::SignIn => self.audit_sign_in,
            AuditAction::SignInFailed => self.audit_sign_in_failed,
            AuditAction::SignOut => self.audit_sign_out,
            AuditAction::TokenUse => self.audit_token_use,
        }
    }

    /// The message for a validation error's code, as server functions send it.
    pub fn field_error(&self, field: &str, code: &str) -> &'static str {
        if let Some(message) = self.escalation.field_error(field, code) {
            return message;
        }
        if let Some(message) = self.contract.field_error(field, code) {
            return message;
        }
        match (field, code) {
            ("role", "own_admin") => self.err_own_admin,
            ("role", _) => self.err_role_unknown,
            ("password", "too_long") => self.err_password_long,
            ("main_activity" | "assignment_type" | "status", "unknown") => self.err_choose,
            ("date" | "due_on", "unknown") => self.err_date,
            ("category", "unknown") => self.err_choose,
            ("code", "taken") => self.err_code_taken,
            ("name", "taken") => self.err_name_taken,
            ("supplier", _) => self.err_supplier_choice,
            ("id", _) => self.err_choose,
            ("components", "too_many") => self.err_too_many_components,
            ("business_components" | "it_components" | "components", _) => self.err_component_unknown,
            (_, code) => self.field_error_code(code),
        }
    }

    fn field_error_code(&self, code: &str) -> &'static str {
        match code {
            "required" => self.err_required,
            "too_long" => self.err_too_long,
            "email" => self.err_email,
            "taken" => self.err_email_taken,
            "too_short" => self.err_password_short,
            "unknown" => self.err_object_unknown,
            "not_for_role" => self.err_object_not_for_role,
            "own_admin" => self.err_own_admin,
            "date" => self.err_date,
            "before_from" => self.err_before_from,
            "not_a_number" => self.err_not_a_number,
            "bad_object_code" => self.err_bad_object_code,
            "negative" => self.err_negative,
            "too_many_decimals" => self.err_too_many_decimals,
            "not_positive" => self.err_not_positive,
            "score_range" => self.err_score_range,
            "too_large" => self.err_too_large,
            _ => self.err_invalid,
        }
    }

    pub fn limit(&self, limit: crate::domain::Limit) -> &'static str {
        match limit {
            crate::domain::Limit::BusinessHours => self.limit_business_hours,
            crate::domain::Limit::ItHours => self.limit_it_hours,
            crate::domain::Limit::Budget => self.limit_budget,
        }
    }

    /// A form field's label, by its form name (for the conflict table).
    pub fn field_label(&self, field: &str) -> &'static str {
        match field {
            "name" => self.label_name,
            "code" => self.label_code,
            "category" => self.label_category,
            "description" => self.label_description,
            "main_activity" => self.col_main_activity,
            "assignment_type" => self.col_assignment_type,
            "priority" => self.col_priority,
            "business_hours" => self.label_business_hours,
            "business_other" => self.label_business_other,
            "it_hours" => self.label_it_hours,
            "it_other" => self.label_it_other,
            "business_rate" => self.label_business_rate,
            "it_rate" => self.label_it_rate,
            "hours_per_fte" => self.label_hours_per_fte,
            "rank" => self.label_rank,
            "status" => self.col_status,
            "benefit" => self.label_benefit,
            "goal_contribution" => self.label_goal_contribution,
            "effort" => self.label_effort,
            "budget" => self.limit_budget,
            _ => self.col_field,
        }
    }

    /// The message for a problem found in an imported file, by its code.
    pub fn import_problem(&self, code: &str) -> &'static str {
        match code {
            "unknown" => self.imp_unknown,
            "duplicate_id" | "id_in_two_sheets" => self.imp_duplicate_id,
            "duplicate_rank" => self.imp_duplicate_rank,
            "unknown_id" => self.imp_unknown_id,
            "unknown_column" | "duplicate_column" | "missing_column" => self.imp_column,
            "no_column" => self.imp_no_column,
            "unknown_field" | "duplicate_field" | "missing_field" => self.imp_field,
            "wrong_object" => self.imp_wrong_object,
            "wrong_year" => self.imp_wrong_year,
            "missing_sheet" | "unknown_sheet" | "duplicate_sheet" => self.imp_sheet,
            "too_many_rows" | "too_many_columns" | "file_too_large" => self.imp_too_big,
            "unterminated_quote" => self.imp_quote,
            "not_xlsx" | "unreadable" => self.imp_not_xlsx,
            "not_utf8" => self.imp_not_utf8,
            "no_file" => self.imp_no_file,
            other => self.field_error_code(other),
        }
    }

    pub fn initiative_status(&self, status: InitiativeStatus) -> &'static str {
        match status {
            InitiativeStatus::NotStarted => self.status_not_started,
            InitiativeStatus::OnTrack => self.status_on_track,
            InitiativeStatus::AtRisk => self.status_at_risk,
            InitiativeStatus::Delayed => self.status_delayed,
            InitiativeStatus::Done => self.status_done,
            InitiativeStatus::Stopped => self.status_stopped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_cookie_is_read_and_defaults_to_swedish() {
        assert_eq!(Locale::from_cookie_header("a=1; styrbord_lang=en"), Locale::En);
        assert_eq!(Locale::from_cookie_header("styrbord_lang=sv"), Locale::Sv);
        assert_eq!(Locale::from_cookie_header("styrbord_lang=xx"), Locale::Sv);
        assert_eq!(Locale::from_cookie_header(""), Locale::Sv);
    }

    #[test]
    fn swedish_and_english_differ_where_they_should() {
        let (sv, en) = (Locale::Sv.texts(), Locale::En.texts());
        assert_eq!(sv.activity(MainActivity::UserSupport), "Användarstöd");
        assert_eq!(en.activity(MainActivity::UserSupport), "User support");
        assert_ne!(sv.overview_title, en.overview_title);
    }
}
