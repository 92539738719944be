//! The read handlers: fetch from the store, shape, answer.

use app::api::AppError;
use app::domain::{
    BudgetColumn, BudgetLine, BudgetMatrix, Contract, ContractStatus, Initiative, MainActivity, Object, PlanYear,
};
use app::store::SharedStore;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::Json;
use chrono::NaiveDate;
use serde::Serialize;

use super::ApiError;

type ApiResult<T> = Result<Json<T>, ApiError>;

pub async fn not_found() -> ApiError {
    ApiError(AppError::NotFound)
}

pub async fn objects(State(store): State<SharedStore>) -> ApiResult<Vec<Object>> {
    Ok(Json(store.objects().await?))
}

#[derive(Serialize)]
pub struct ObjectDetail {
    #[serde(flatten)]
    object: Object,
    nearby: Vec<String>,
    plan_years: Vec<i32>,
}

pub async fn object(
    State(store): State<SharedStore>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<ObjectDetail> {
    let object = find_object(&store, &path?.0).await?;
    let nearby = store.nearby_objects(object.id).await?.into_iter().map(|o| o.code.to_string()).collect();
    let plan_years = store.plan_years_of(object.id).await?.into_iter().map(|p| p.year).collect();
    Ok(Json(ObjectDetail { object, nearby, plan_years }))
}

pub async fn plan_years(
    State(store): State<SharedStore>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Vec<PlanYear>> {
    let object = find_object(&store, &path?.0).await?;
    Ok(Json(store.plan_years_of(object.id).await?))
}

pub async fn plan_year(
    State(store): State<SharedStore>,
    path: Result<Path<(String, i32)>, PathRejection>,
) -> ApiResult<PlanYear> {
    let (code, year) = path?.0;
    Ok(Json(find_plan(&store, &code, year).await?))
}

pub async fn initiatives(
    State(store): State<SharedStore>,
    path: Result<Path<(String, i32)>, PathRejection>,
) -> ApiResult<Vec<Initiative>> {
    let (code, year) = path?.0;
    let plan = find_plan(&store, &code, year).await?;
    Ok(Json(store.initiatives(plan.id).await?))
}

/// The budget matrix with its row and column totals spelled out, so a
/// report tool need not add anything up.
#[derive(Serialize)]
pub struct BudgetResponse {
    object_code: String,
    year: i32,
    #[serde(flatten)]
    matrix: BudgetMatrix,
    rows: Vec<RowTotal>,
    column_totals: Vec<ColumnTotal>,
}

#[derive(Serialize)]
struct RowTotal {
    activity: MainActivity,
    #[serde(flatten)]
    line: BudgetLine,
}

#[derive(Serialize)]
struct ColumnTotal {
    #[serde(flatten)]
    column: BudgetColumn,
    #[serde(flatten)]
    line: BudgetLine,
}

pub async fn budget(
    State(store): State<SharedStore>,
    path: Result<Path<(String, i32)>, PathRejection>,
) -> ApiResult<BudgetResponse> {
    let (code, year) = path?.0;
    let plan = find_plan(&store, &code, year).await?;
    let matrix = BudgetMatrix::compute(plan.settings, &store.initiatives(plan.id).await?);
    let rows = MainActivity::ALL.iter().map(|&activity| RowTotal { activity, line: matrix.activity_total(activity) });
    let column_totals = matrix.columns.iter().map(|&column| ColumnTotal { column, line: matrix.column_total(column) });
    Ok(Json(BudgetResponse {
        object_code: plan.object_code,
        year: plan.year,
        rows: rows.collect(),
        column_totals: column_totals.collect(),
        matrix,
    }))
}

pub async fn initiative(
    State(store): State<SharedStore>,
    path: Result<Path<i64>, PathRejection>,
) -> ApiResult<Initiative> {
    let id = path?.0;
    Ok(Json(store.initiative(id).await?.ok_or(AppError::NotFound)?))
}

/// A contract with the dates that follow from it today.
#[derive(Serialize)]
pub struct ContractView {
    #[serde(flatten)]
    contract: Contract,
    current_end: NaiveDate,
    notice_deadline: NaiveDate,
    procurement_start: NaiveDate,
    status: ContractStatus,
}

impl From<Contract> for ContractView {
    fn from(contract: Contract) -> Self {
        let d = contract.deadlines(app::domain::clock::today());
        Self {
            current_end: d.term.end,
            notice_deadline: d.term.notice_deadline,
            procurement_start: d.term.procurement_start,
            status: d.status,
            contract,
        }
    }
}

pub async fn contracts(State(store): State<SharedStore>) -> ApiResult<Vec<ContractView>> {
    Ok(Json(store.contracts().await?.into_iter().map(ContractView::from).collect()))
}

pub async fn contract(
    State(store): State<SharedStore>,
    path: Result<Path<i64>, PathRejection>,
) -> ApiResult<ContractView> {
    let id = path?.0;
    Ok(Json(store.contract(id).await?.ok_or(AppError::NotFound)?.into()))
}

async fn find_object(store: &SharedStore, code: &str) -> Result<Object, ApiError> {
    Ok(store.object_by_code(code).await?.ok_or(AppError::NotFound)?)
}

pub(super) async fn find_plan(store: &SharedStore, code: &str, year: i32) -> Result<PlanYear, ApiError> {
    let object = find_object(store, code).await?;
    let plans = store.plan_years_of(object.id).await?;
    Ok(plans.into_iter().find(|p| p.year == year).ok_or(AppError::NotFound)?)
}
