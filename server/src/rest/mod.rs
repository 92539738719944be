//! The API under `/api/v1`, for integrations such as Power BI (reading, with
//! API tokens or a session) and for reordering (a session): JSON,
//! amounts as exact decimal strings, described by `/api/v1/openapi.json`.
//! Unknown ids answer 404 and malformed parameters 400, both with a JSON
//! body `{"error": …, "message": …}`.

mod error;
mod handlers;
mod moves;
mod openapi;

use app::store::SharedStore;
use axum::routing::get;
use axum::Router;

pub use error::ApiError;

/// Every route's path; the OpenAPI test checks that each is documented.
pub const ROUTES: &[&str] = &[
    "/objects",
    "/objects/{code}",
    "/objects/{code}/plan-years",
    "/objects/{code}/plan-years/{year}",
    "/objects/{code}/plan-years/{year}/initiatives",
    "/objects/{code}/plan-years/{year}/budget",
    "/initiatives/{id}",
    "/contracts",
    "/contracts/{id}",
    "/portfolio/{year}",
    "/openapi.json",
];

/// The routes that change something: (method, path).
pub const WRITE_ROUTES: &[(&str, &str)] = &[
    ("POST", "/objects/{code}/plan-years/{year}/moves"),
    ("POST", "/objects/{code}/plan-years/{year}/moves/undo"),
    ("POST", "/portfolio/{year}/moves"),
    ("POST", "/portfolio/{year}/moves/undo"),
];

pub fn router<S: Clone + Send + Sync + 'static>(store: SharedStore) -> Router<S> {
    Router::new()
        .route("/objects", get(handlers::objects))
        .route("/objects/{code}", get(handlers::object))
        .route("/objects/{code}/plan-years", get(handlers::plan_years))
        .route("/objects/{code}/plan-years/{year}", get(handlers::plan_year))
        .route("/objects/{code}/plan-years/{year}/initiatives", get(handlers::initiatives))
        .route("/objects/{code}/plan-years/{year}/budget", get(handlers::budget))
        .route("/initiatives/{id}", get(handlers::initiative))
        .route("/contracts", get(handlers::contracts))
        .route("/contracts/{id}", get(handlers::contract))
        .route("/objects/{code}/plan-years/{year}/moves", axum::routing::post(moves::create))
        .route("/objects/{code}/plan-years/{year}/moves/undo", axum::routing::post(moves::undo))
        .route("/portfolio/{year}", get(moves::portfolio))
        .route("/portfolio/{year}/moves", axum::routing::post(moves::create_in_portfolio))
        .route("/portfolio/{year}/moves/undo", axum::routing::post(moves::undo_in_portfolio))
        .route("/openapi.json", get(openapi::document))
        .fallback(handlers::not_found)
        .with_state(store)
}
