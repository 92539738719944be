//! A whole portfolio as plain data, referring to things by their natural
//! keys (object codes, component and supplier names, e-mail addresses)
//! instead of database ids. The demo data is one; a store loads any of
//! them in one transaction.

use chrono::NaiveDate;

use crate::domain::{
    AssignmentType, ExtensionOptions, Hours, InitiativeStatus, MainActivity, Money, ObjectCategory, PlanSettings,
    PlanStatus, Role, Scores, SideEffort,
};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    pub line_organisations: Vec<String>,
    pub suppliers: Vec<String>,
    pub people: Vec<PersonSeed>,
    pub objects: Vec<ObjectSeed>,
    pub it_components: Vec<ItComponentSeed>,
    pub business_components: Vec<BusinessComponentSeed>,
    pub products: Vec<ProductSeed>,
    pub roles: Vec<RoleSeed>,
    pub plan_years: Vec<PlanYearSeed>,
    pub contracts: Vec<ContractSeed>,
    /// The IT components initiatives touch.
    pub initiative_it_components: Vec<InitiativeComponentSeed>,
    /// The portfolio's priorities across objects, year by year.
    pub portfolios: Vec<PortfolioSeed>,
    /// Passwords (argon2id PHC strings) by e-mail, for people who sign in
    /// with one.
    pub credentials: Vec<(String, String)>,
    /// Questions in the escalation register.
    pub escalations: Vec<EscalationSeed>,
}

/// An initiative (by object, year and name) touches an IT component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeComponentSeed {
    pub object: String,
    pub year: i32,
    pub initiative: String,
    pub it_component: String,
}

/// A year's portfolio: what the IT side has, and the head of the steering
/// group's order as (object, initiative name); the rest follows unranked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioSeed {
    pub year: i32,
    pub it_hours: Option<Hours>,
    pub head: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSeed {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectSeed {
    pub code: String,
    pub name: String,
    pub category: ObjectCategory,
    pub description: String,
    /// Codes of nearby objects ("närliggande objekt").
    pub nearby: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItComponentSeed {
    /// Unique across the portfolio.
    pub name: String,
    pub description: String,
    pub supplier: Option<String>,
    /// Codes of the objects that use it.
    pub objects: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessComponentSeed {
    pub object: String,
    /// Unique within the object.
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductSeed {
    pub object: String,
    pub name: String,
    pub description: String,
    /// Names of business components of the same object.
    pub business_components: Vec<String>,
    /// Names of IT components.
    pub it_components: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleSeed {
    pub email: String,
    pub role: Role,
    /// `None` for portfolio-wide roles.
    pub object: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanYearSeed {
    pub object: String,
    pub year: i32,
    pub settings: PlanSettings,
    pub status: PlanStatus,
    /// In rank order.
    pub initiatives: Vec<InitiativeSeed>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeSeed {
    pub name: String,
    pub main_activity: MainActivity,
    pub assignment_type: AssignmentType,
    pub priority: Option<i32>,
    pub status: InitiativeStatus,
    pub business: SideEffort,
    pub it: SideEffort,
    pub scores: Scores,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractSeed {
    pub reference: String,
    pub supplier: String,
    pub it_components: Vec<String>,
    pub objects: Vec<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub notice_months: u32,
    pub options: ExtensionOptions,
    pub auto_renewal_months: Option<u32>,
    pub yearly_cost: Money,
    pub line_organisation: Option<String>,
    /// E-mail addresses of people in the dataset.
    pub owner: Option<String>,
    pub deputy: Option<String>,
    pub procurement_lead_months: u32,
    pub notes: String,
}

/// Builds an initiative's side from literal hours and other costs. For
/// literals in demo data only: a malformed literal is a programming error
/// caught by the demo-data tests.
pub fn effort(hours: &str, other: &str) -> SideEffort {
    SideEffort::new(literal(Hours::parse(hours)), literal(Money::parse(other)))
}

pub(crate) fn literal<T>(parsed: Result<T, crate::domain::DomainError>) -> T {
    match parsed {
        Ok(value) => value,
        Err(error) => panic!("malformed literal in demo data: {error}"),
    }
}

/// A question in the escalation register (001, 2.3.4), raised when the
/// dataset is loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscalationSeed {
    /// The e-mail address of the person who raised it.
    pub raised_by: String,
    /// Codes of the objects involved.
    pub objects: Vec<String>,
    /// Initiatives in conflict: object code and name, in that object's
    /// plan for `year`.
    pub initiatives: Vec<(String, String)>,
    pub year: i32,
    pub title: String,
    pub description: String,
    /// When the object leaders are to have acted.
    pub due_on: NaiveDate,
    /// Raised to the object owners by the one who raised it: why, and when
    /// the owners are to have acted.
    pub to_owners: Option<(String, NaiveDate)>,
}
