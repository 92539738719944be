//! `POST /objects/{code}/plans/{year}/next`: next year's plan from this
//! year's, with the initiatives ticked on the form (`keep`, repeated). A
//! plain form route, as checkboxes post repeated fields; the answer sends
//! the browser to the new plan.

use app::api::{AppError, Identity};
use app::domain::Permission;
use app::store::{SharedStore, StoreError};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};

use crate::rest::ApiError;

pub async fn create(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<(String, i32)>, axum::extract::rejection::PathRejection>,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let principal = identity.and_then(|Extension(identity)| identity.0);
    let Some((principal, actor)) = principal.and_then(|p| p.person_id.map(|id| (p, id))) else {
        return ApiError(AppError::Unauthorized).into_response();
    };
    let (Ok(Path((code, year))), Ok(Form(fields))) = (path, form) else {
        return ApiError(AppError::BadRequest { message: "malformed form".into() }).into_response();
    };
    let result = async {
        let object = store.object_by_code(&code).await?.ok_or(AppError::NotFound)?;
        if !principal.can(Permission::ManageObject(object.id)) {
            return Err(AppError::Forbidden);
        }
        let plan =
            store.plan_years_of(object.id).await?.into_iter().find(|p| p.year == year).ok_or(AppError::NotFound)?;
        let mut keep = Vec::new();
        for (name, value) in fields.iter().filter(|(name, _)| name == "keep") {
            let id = value
                .parse::<i64>()
                .map_err(|_| AppError::Validation { field: name.clone(), message: "not_a_number".into() })?;
            keep.push(id);
        }
        let created = store.create_next_plan(plan.id, &keep, actor).await.map_err(|error| match error {
            StoreError::Invalid(_) => AppError::Validation { field: "keep".into(), message: "unknown".into() },
            other => other.into(),
        })?;
        Ok(format!("/objects/{}?year={}", object.code, created.year))
    }
    .await;
    match result {
        Ok(location) => (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response(),
        Err(error) => ApiError(error).into_response(),
    }
}
