//! Rows as the database returns them, and their conversion into domain
//! values. A row that does not parse is reported as corrupt data rather
//! than shown wrong.

use std::str::FromStr;

use app::domain::{
    AssignmentType, AuditAction, AuditRecord, Capacity, Contract, ExtensionOptions, Hours, Initiative,
    InitiativeStatus, ItComponent, MainActivity, Money, Object, ObjectCategory, ObjectCode, Person, PlanSettings,
    PlanStatus, PlanYear, Role, RoleAssignment, Scores, SideEffort, StatusReport, Supplier,
};
use app::store::StoreError;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(sqlx::FromRow)]
pub struct ObjectRow {
    id: i64,
    code: String,
    name: String,
    category: String,
    description: String,
    version: i64,
}

impl TryFrom<ObjectRow> for Object {
    type Error = StoreError;
    fn try_from(row: ObjectRow) -> Result<Self, StoreError> {
        Ok(Object {
            id: row.id,
            code: ObjectCode::parse(&row.code).map_err(corrupt("objects.code"))?,
            name: row.name,
            category: ObjectCategory::from_key(&row.category).map_err(corrupt("objects.category"))?,
            description: row.description,
            version: row.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct PlanYearRow {
    id: i64,
    object_id: i64,
    object_code: String,
    year: i32,
    business_rate: String,
    it_rate: String,
    hours_per_fte: String,
    status: String,
    version: i64,
    capacity_business_hours: Option<String>,
    capacity_it_hours: Option<String>,
    capacity_budget: Option<String>,
}

impl TryFrom<PlanYearRow> for PlanYear {
    type Error = StoreError;
    fn try_from(row: PlanYearRow) -> Result<Self, StoreError> {
        let settings = PlanSettings::new(
            Money::from_str(&row.business_rate).map_err(corrupt("plan_years.business_rate"))?,
            Money::from_str(&row.it_rate).map_err(corrupt("plan_years.it_rate"))?,
            Hours::from_str(&row.hours_per_fte).map_err(corrupt("plan_years.hours_per_fte"))?,
        )
        .map_err(corrupt("plan_years.hours_per_fte"))?;
        Ok(PlanYear {
            id: row.id,
            object_id: row.object_id,
            object_code: row.object_code,
            year: row.year,
            settings,
            status: PlanStatus::from_key(&row.status).map_err(corrupt("plan_years.status"))?,
            version: row.version,
            capacity: Capacity {
                business_hours: row
                    .capacity_business_hours
                    .map(|h| Hours::from_str(&h))
                    .transpose()
                    .map_err(corrupt("plan_years.capacity_business_hours"))?,
                it_hours: row
                    .capacity_it_hours
                    .map(|h| Hours::from_str(&h))
                    .transpose()
                    .map_err(corrupt("plan_years.capacity_it_hours"))?,
                budget: row
                    .capacity_budget
                    .map(|m| Money::from_str(&m))
                    .transpose()
                    .map_err(corrupt("plan_years.capacity_budget"))?,
            },
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct InitiativeRow {
    id: i64,
    plan_year_id: i64,
    rank: i32,
    name: String,
    main_activity: String,
    assignment_type: String,
    priority: Option<i32>,
    status: String,
    business_hours: String,
    business_other: String,
    it_hours: String,
    it_other: String,
    benefit: Option<i32>,
    goal_contribution: Option<i32>,
    effort: Option<i32>,
    version: i64,
}

impl TryFrom<InitiativeRow> for Initiative {
    type Error = StoreError;
    fn try_from(row: InitiativeRow) -> Result<Self, StoreError> {
        let side = |hours: &str, other: &str, what: &'static str| -> Result<SideEffort, StoreError> {
            Ok(SideEffort::new(
                Hours::from_str(hours).map_err(corrupt(what))?,
                Money::from_str(other).map_err(corrupt(what))?,
            ))
        };
        let score = |value: Option<i32>| value.and_then(|v| u8::try_from(v).ok());
        Ok(Initiative {
            id: row.id,
            plan_year_id: row.plan_year_id,
            rank: row.rank,
            name: row.name,
            main_activity: MainActivity::from_key(&row.main_activity).map_err(corrupt("initiatives.main_activity"))?,
            assignment_type: AssignmentType::from_key(&row.assignment_type)
                .map_err(corrupt("initiatives.assignment_type"))?,
            priority: row.priority,
            status: InitiativeStatus::from_key(&row.status).map_err(corrupt("initiatives.status"))?,
            business: side(&row.business_hours, &row.business_other, "initiatives.business")?,
            it: side(&row.it_hours, &row.it_other, "initiatives.it")?,
            scores: Scores::new(score(row.benefit), score(row.goal_contribution), score(row.effort))
                .map_err(corrupt("initiatives.scores"))?,
            version: row.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct RoleRow {
    id: i64,
    name: String,
    email: String,
    role: String,
    object_code: Option<String>,
}

impl TryFrom<RoleRow> for RoleAssignment {
    type Error = StoreError;
    fn try_from(row: RoleRow) -> Result<Self, StoreError> {
        Ok(RoleAssignment {
            person: Person { id: row.id, name: row.name, email: row.email },
            role: Role::from_key(&row.role).map_err(corrupt("role_assignments.role"))?,
            object_code: row.object_code,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct ProductRow {
    pub id: i64,
    pub position: i32,
    pub name: String,
    pub description: String,
    pub version: i64,
}

/// A named item linked to an owner row, with the item's id: a product's
/// components.
#[derive(sqlx::FromRow)]
pub struct ItemLink {
    pub owner_id: i64,
    pub item_id: i64,
    pub name: String,
}

/// The items linked to one owner as (ids, names), in query order.
pub fn items_of(links: &[ItemLink], owner_id: i64) -> (Vec<i64>, Vec<String>) {
    links.iter().filter(|l| l.owner_id == owner_id).map(|l| (l.item_id, l.name.clone())).unzip()
}

#[derive(sqlx::FromRow)]
pub struct BusinessComponentRow {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
pub struct SupplierRow {
    pub id: i64,
    pub name: String,
    pub version: i64,
    pub contracts: i64,
}

/// A name that belongs to some owner row: a component of a product, an
/// object code of a contract, and so on.
#[derive(sqlx::FromRow)]
pub struct NamedLink {
    pub owner_id: i64,
    pub name: String,
}

/// The names linked to one owner, in query order.
pub fn names_of(links: &[NamedLink], owner_id: i64) -> Vec<String> {
    links.iter().filter(|l| l.owner_id == owner_id).map(|l| l.name.clone()).collect()
}

#[derive(sqlx::FromRow)]
pub struct ItComponentRow {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub supplier_id: Option<i64>,
    pub supplier_name: Option<String>,
    pub version: i64,
}

impl ItComponentRow {
    pub fn into_component(self, object_codes: Vec<String>, products: Vec<String>) -> ItComponent {
        let supplier = match (self.supplier_id, self.supplier_name) {
            (Some(id), Some(name)) => Some(Supplier { id, name }),
            _ => None,
        };
        ItComponent {
            id: self.id,
            name: self.name,
            description: self.description,
            supplier,
            object_codes,
            products,
            version: self.version,
        }
    }
}

#[derive(sqlx::FromRow)]
pub struct ContractRow {
    pub id: i64,
    reference: String,
    supplier: String,
    start_date: String,
    end_date: String,
    notice_months: i32,
    option_count: i32,
    option_months: i32,
    options_used: i32,
    auto_renewal_months: Option<i32>,
    yearly_cost: String,
    line_organisation: Option<String>,
    owner: Option<String>,
    deputy: Option<String>,
    procurement_lead_months: i32,
    notes: String,
    renewals_used: i32,
    notice_given_on: Option<String>,
    version: i64,
    procurement_initiative_id: Option<i64>,
}

impl ContractRow {
    pub fn into_contract(self, it_components: Vec<String>, object_codes: Vec<String>) -> Result<Contract, StoreError> {
        let months = |value: i32, what: &'static str| {
            u32::try_from(value).map_err(|_| StoreError::Corrupt(format!("{what}: negative")))
        };
        Ok(Contract {
            id: self.id,
            reference: self.reference,
            supplier: self.supplier,
            it_components,
            object_codes,
            start: date(&self.start_date, "contracts.start_date")?,
            end: date(&self.end_date, "contracts.end_date")?,
            notice_months: months(self.notice_months, "contracts.notice_months")?,
            options: ExtensionOptions {
                count: months(self.option_count, "contracts.option_count")?,
                months: months(self.option_months, "contracts.option_months")?,
                used: months(self.options_used, "contracts.options_used")?,
            },
            auto_renewal_months: self
                .auto_renewal_months
                .map(|m| months(m, "contracts.auto_renewal_months"))
                .transpose()?,
            yearly_cost: Money::from_str(&self.yearly_cost).map_err(corrupt("contracts.yearly_cost"))?,
            line_organisation: self.line_organisation,
            owner: self.owner,
            deputy: self.deputy,
            procurement_lead_months: months(self.procurement_lead_months, "contracts.procurement_lead_months")?,
            notes: self.notes,
            renewals_used: months(self.renewals_used, "contracts.renewals_used")?,
            notice_given_on: self.notice_given_on.map(|d| date(&d, "contracts.notice_given_on")).transpose()?,
            version: self.version,
            procurement_initiative_id: self.procurement_initiative_id,
        })
    }
}

fn date(text: &str, what: &'static str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

fn corrupt<E: std::fmt::Display>(what: &'static str) -> impl Fn(E) -> StoreError {
    move |e| StoreError::Corrupt(format!("{what}: {e}"))
}

#[derive(sqlx::FromRow)]
pub struct StatusReportRow {
    id: i64,
    status: String,
    as_of: String,
    comment: String,
    reported_by: Option<String>,
    reported_at: String,
}

impl TryFrom<StatusReportRow> for StatusReport {
    type Error = StoreError;
    fn try_from(row: StatusReportRow) -> Result<Self, StoreError> {
        Ok(StatusReport {
            id: row.id,
            status: InitiativeStatus::from_key(&row.status).map_err(corrupt("status_reports.status"))?,
            as_of: date(&row.as_of, "status_reports.as_of")?,
            comment: row.comment,
            reported_by: row.reported_by,
            reported_at: timestamp(&row.reported_at)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct AuditRow {
    id: i64,
    at: String,
    actor_id: Option<i64>,
    action: String,
    entity: String,
    entity_id: Option<String>,
    object_id: Option<i64>,
    before: Option<String>,
    after: Option<String>,
}

impl TryFrom<AuditRow> for AuditRecord {
    type Error = StoreError;
    fn try_from(row: AuditRow) -> Result<Self, StoreError> {
        Ok(AuditRecord {
            id: row.id,
            at: timestamp(&row.at)?,
            actor_id: row.actor_id,
            action: AuditAction::from_key(&row.action).map_err(corrupt("audit_log.action"))?,
            entity: row.entity,
            entity_id: row.entity_id,
            object_id: row.object_id,
            before: row.before,
            after: row.after,
        })
    }
}

/// SQLite keeps RFC 3339 text; PostgreSQL's timestamptz reads as
/// `2026-11-24 19:35:00.123456+00`.
pub fn timestamp(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f%#z"))
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt(format!("timestamp '{text}': {e}")))
}

#[cfg(test)]
mod tests {
    use super::timestamp;

    #[test]
    fn both_backends_timestamps_parse_to_the_same_instant() {
        let sqlite = timestamp("2026-11-24T19:35:00.123456Z").expect("rfc 3339");
        let postgres = timestamp("2026-11-24 19:35:00.123456+00").expect("postgres text");
        assert_eq!(sqlite, postgres);
        assert!(timestamp("yesterday").is_err());
    }
}
