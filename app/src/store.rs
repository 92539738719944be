//! The storage port: what the application needs from a database, in domain
//! types. The server crate implements it once per backend (SQLite,
//! PostgreSQL); server functions reach it as `Arc<dyn PortfolioStore>`
//! from Leptos context.

use std::sync::Arc;

use async_trait::async_trait;

use crate::dataset::Dataset;
use crate::domain::{
    AuditFilter, AuditRecord, Contract, Initiative, ItComponent, Object, ObjectProduct, PlanYear, RoleAssignment,
};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The database failed or could not be reached. The text is for logs.
    #[error("database error: {0}")]
    Database(String),
    /// A stored value does not parse as a domain value.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// Data given to the store refers to something that does not exist.
    #[error("invalid data: {0}")]
    Invalid(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

pub type SharedStore = Arc<dyn PortfolioStore>;

#[async_trait]
pub trait PortfolioStore: Send + Sync + 'static {
    /// Which backend this is, for logs and the health check.
    fn backend(&self) -> &'static str;

    async fn objects(&self) -> StoreResult<Vec<Object>>;
    async fn object_by_code(&self, code: &str) -> StoreResult<Option<Object>>;
    async fn nearby_objects(&self, object_id: i64) -> StoreResult<Vec<Object>>;

    /// Every plan year of every object.
    async fn plan_years(&self) -> StoreResult<Vec<PlanYear>>;
    async fn plan_years_of(&self, object_id: i64) -> StoreResult<Vec<PlanYear>>;
    async fn plan_year_by_id(&self, id: i64) -> StoreResult<Option<PlanYear>>;

    /// The initiatives of one plan year, in rank order.
    async fn initiatives(&self, plan_year_id: i64) -> StoreResult<Vec<Initiative>>;
    /// The initiatives of every object's plan for a year.
    async fn initiatives_in_year(&self, year: i32) -> StoreResult<Vec<Initiative>>;
    async fn initiative(&self, id: i64) -> StoreResult<Option<Initiative>>;

    /// An object's products in document order, with component names.
    async fn products(&self, object_id: i64) -> StoreResult<Vec<ObjectProduct>>;
    /// The IT components an object uses, by name.
    async fn it_components(&self, object_id: i64) -> StoreResult<Vec<ItComponent>>;

    /// The people holding roles on an object, by role then name.
    async fn roles_of(&self, object_id: i64) -> StoreResult<Vec<RoleAssignment>>;

    async fn contracts(&self) -> StoreResult<Vec<Contract>>;
    async fn contract(&self, id: i64) -> StoreResult<Option<Contract>>;

    /// True when no object exists: the only state demo data may go into.
    async fn is_empty(&self) -> StoreResult<bool>;
    /// Inserts a whole dataset in one transaction, with its audit record
    /// (`import`, by `actor_id` or the system): all of it or nothing.
    async fn load(&self, data: &Dataset, actor_id: Option<i64>) -> StoreResult<()>;

    /// Audit records matching the filter, newest first.
    async fn audit_log(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditRecord>>;
}
