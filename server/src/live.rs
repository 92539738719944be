//! Live updates of a plan's (or the portfolio's) priority order, as server-sent events: one
//! `reordered` event with the order's revision each time it changes, from
//! this instance or (through PostgreSQL NOTIFY) any other. The page
//! reloads the list when the revision is newer than what it shows.

use std::convert::Infallible;
use std::time::Duration;

use app::api::{AppError, Identity};
use app::domain::Permission;
use app::store::{OrderChanged, OrderList, SharedStore};
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use tokio::sync::broadcast;

use crate::db::SqlStore;
use crate::rest::ApiError;

pub async fn priorities(
    State((store, sql)): State<(SharedStore, SqlStore)>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<(String, i32)>, axum::extract::rejection::PathRejection>,
) -> Response {
    if !may_read(identity) {
        return ApiError(AppError::Unauthorized).into_response();
    }
    let Ok(Path((code, year))) = path else {
        return ApiError(AppError::NotFound).into_response();
    };
    let plan = match plan_id(&store, &code, year).await {
        Ok(plan) => plan,
        Err(error) => return ApiError(error).into_response(),
    };
    // Subscribed before the first event: nothing committed after this is missed.
    let changes = sql.subscribe();
    let revision = store.plan_revision(plan).await.map(|(r, _)| r).unwrap_or_default();
    events(OrderList::Plan(plan), revision, changes)
}

/// The portfolio's order for a year, as [`priorities`] a plan's.
pub async fn portfolio(
    State((store, sql)): State<(SharedStore, SqlStore)>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<i32>, axum::extract::rejection::PathRejection>,
) -> Response {
    if !may_read(identity) {
        return ApiError(AppError::Unauthorized).into_response();
    }
    let Ok(Path(year)) = path else {
        return ApiError(AppError::NotFound).into_response();
    };
    let changes = sql.subscribe();
    let revision = store.portfolio_order(year).await.map(|o| o.revision).unwrap_or_default();
    events(OrderList::Portfolio(year), revision, changes)
}

fn may_read(identity: Option<Extension<Identity>>) -> bool {
    let principal = identity.and_then(|Extension(identity)| identity.0);
    principal.as_ref().is_some_and(|p| p.can(Permission::ReadPortfolio))
}

/// The event stream of one list: its revision now, then each newer one.
fn events(list: OrderList, revision: i64, changes: broadcast::Receiver<OrderChanged>) -> Response {
    let first = Event::default().event("revision").data(revision.to_string());
    let stream = futures_util::stream::unfold((Some(first), changes), move |(first, mut changes)| async move {
        if let Some(event) = first {
            return Some((Ok::<_, Infallible>(event), (None, changes)));
        }
        loop {
            match changes.recv().await {
                Ok(OrderChanged { list: changed, revision }) if changed == list => {
                    let event = Event::default().event("reordered").data(revision.to_string());
                    return Some((Ok(event), (None, changes)));
                }
                Ok(_) => {}
                // Fell behind: say so with a revision that makes the page reload.
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    let event = Event::default().event("reordered").data(i64::MAX.to_string());
                    return Some((Ok(event), (None, changes)));
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response()
}

async fn plan_id(store: &SharedStore, code: &str, year: i32) -> Result<i64, AppError> {
    let object = store.object_by_code(code).await?.ok_or(AppError::NotFound)?;
    let plan = store.plan_years_of(object.id).await?.into_iter().find(|p| p.year == year).ok_or(AppError::NotFound)?;
    Ok(plan.id)
}
