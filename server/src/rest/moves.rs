//! Reordering through the API: `POST …/plan-years/{year}/moves` with
//! `{"item": id, "before": id | null, "reason": "…"}` moves an initiative
//! before another (or last) and answers the plan's new order and revision;
//! `POST …/moves/undo` undoes the plan's last move. A signed-in session of
//! someone who manages the object (API tokens are read-only), with the same
//! cross-site checks as every changing request. The portfolio's order
//! across objects likewise, under `/portfolio/{year}/…`, for the steering
//! group.

use app::api::{AppError, Identity};
use app::domain::{Move, Permission, Reordered};
use app::store::{SharedStore, StoreError};
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde::Deserialize;

use super::handlers::find_plan;
use super::ApiError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoveRequest {
    item: i64,
    #[serde(default)]
    before: Option<i64>,
    #[serde(default)]
    reason: String,
}

/// The plan and the person who may reorder it, checked before the body is read.
async fn managed(
    store: &SharedStore,
    identity: Option<Extension<Identity>>,
    path: Result<Path<(String, i32)>, PathRejection>,
) -> Result<(i64, i64), ApiError> {
    let principal = identity.and_then(|Extension(identity)| identity.0).ok_or(AppError::Unauthorized)?;
    if !principal.can(Permission::ReadPortfolio) {
        return Err(AppError::Unauthorized.into());
    }
    let (code, year) = path?.0;
    let plan = find_plan(store, &code, year).await?;
    if !principal.can(Permission::ManageObject(plan.object_id)) {
        return Err(AppError::Forbidden.into());
    }
    let person = principal.person_id.ok_or(AppError::Unauthorized)?;
    Ok((plan.id, person))
}

fn refusal(error: StoreError) -> ApiError {
    ApiError(match error {
        StoreError::Invalid(code) => AppError::Validation { field: "item".into(), message: code },
        StoreError::Locked => AppError::Conflict { message: "locked".into() },
        other => other.into(),
    })
}

pub async fn create(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<(String, i32)>, PathRejection>,
    body: Bytes,
) -> Result<Json<Reordered>, ApiError> {
    let (plan, person) = managed(&store, identity, path).await?;
    let request: MoveRequest =
        serde_json::from_slice(&body).map_err(|e| AppError::BadRequest { message: e.to_string() })?;
    let reason: String = request.reason.trim().chars().take(app::domain::COMMENT_MAX_CHARS).collect();
    let step = Move { item: request.item, before: request.before };
    Ok(Json(store.move_initiative(plan, step, &reason, person).await.map_err(refusal)?))
}

pub async fn undo(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<(String, i32)>, PathRejection>,
) -> Result<Json<Reordered>, ApiError> {
    let (plan, person) = managed(&store, identity, path).await?;
    Ok(Json(store.undo_last_move(plan, person).await.map_err(refusal)?))
}

/// The person who decides the portfolio's order.
fn decider(identity: Option<Extension<Identity>>) -> Result<i64, ApiError> {
    let principal = identity.and_then(|Extension(identity)| identity.0).ok_or(AppError::Unauthorized)?;
    if !principal.can(Permission::ReadPortfolio) {
        return Err(AppError::Unauthorized.into());
    }
    if !principal.can(Permission::DecidePortfolio) {
        return Err(AppError::Forbidden.into());
    }
    Ok(principal.person_id.ok_or(AppError::Unauthorized)?)
}

fn year_of(path: Result<Path<i32>, PathRejection>) -> Result<i32, ApiError> {
    Ok(path?.0)
}

/// The portfolio's order for a year and what the IT side has: for anyone
/// who reads the portfolio (API tokens too).
pub async fn portfolio(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<i32>, PathRejection>,
) -> Result<Json<app::domain::PortfolioOrder>, ApiError> {
    let principal = identity.and_then(|Extension(identity)| identity.0).ok_or(AppError::Unauthorized)?;
    if !principal.can(Permission::ReadPortfolio) {
        return Err(AppError::Unauthorized.into());
    }
    let year = year_of(path)?;
    let order = store.portfolio_order(year).await.map_err(AppError::from)?;
    if order.order.is_empty() {
        return Err(AppError::NotFound.into());
    }
    Ok(Json(order))
}

pub async fn create_in_portfolio(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<i32>, PathRejection>,
    body: Bytes,
) -> Result<Json<Reordered>, ApiError> {
    let person = decider(identity)?;
    let year = year_of(path)?;
    let request: MoveRequest =
        serde_json::from_slice(&body).map_err(|e| AppError::BadRequest { message: e.to_string() })?;
    let reason: String = request.reason.trim().chars().take(app::domain::COMMENT_MAX_CHARS).collect();
    let step = Move { item: request.item, before: request.before };
    Ok(Json(store.move_in_portfolio(year, step, &reason, person).await.map_err(refusal)?))
}

pub async fn undo_in_portfolio(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<i32>, PathRejection>,
) -> Result<Json<Reordered>, ApiError> {
    let person = decider(identity)?;
    let year = year_of(path)?;
    Ok(Json(store.undo_portfolio_move(year, person).await.map_err(refusal)?))
}
