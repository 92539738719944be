//! `POST /objects/{code}/plans/{year}/import/upload`: a plan year's
//! workbook (`.xlsx`) or CSV, as a plain multipart form post. The file is
//! read and checked at once and kept as a draft with the state of the plan
//! it will be compared with; the answer sends the browser to the draft's
//! preview, which shows what would be created, changed and removed (or
//! every problem, with sheet, row and column) before anything is saved.

use app::api::{AppError, Identity};
use app::domain::workbook::{read_plan, read_plan_csv, CellError, ImportDraft, PlanImport};
use app::domain::{Permission, PlanStatus};
use app::store::SharedStore;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;

use crate::rest::ApiError;

/// The largest upload accepted (the reader refuses larger files too).
pub const UPLOAD_LIMIT: usize = app::domain::workbook::MAX_FILE_BYTES + 64 * 1024;

pub async fn upload(
    State(store): State<SharedStore>,
    identity: Option<Extension<Identity>>,
    path: Result<Path<(String, i32)>, axum::extract::rejection::PathRejection>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let principal = identity.and_then(|Extension(identity)| identity.0);
    let Some(principal) = principal.filter(|p| p.person_id.is_some()) else {
        return ApiError(AppError::Unauthorized).into_response();
    };
    let Ok(Path((code, year))) = path else {
        return ApiError(AppError::NotFound).into_response();
    };
    let result = async {
        let object = store.object_by_code(&code).await?.ok_or(AppError::NotFound)?;
        if !principal.can(Permission::ManageObject(object.id)) {
            return Err(AppError::Forbidden);
        }
        let plan =
            store.plan_years_of(object.id).await?.into_iter().find(|p| p.year == year).ok_or(AppError::NotFound)?;
        if plan.status == PlanStatus::Approved {
            return Err(AppError::Conflict { message: "locked".into() });
        }
        let (file_name, bytes) = match multipart {
            Ok(multipart) => read_file(multipart).await,
            Err(_) => (String::new(), None),
        };
        let outcome = match bytes {
            None => Err(vec![file_error("no_file")]),
            Some(bytes) => read(bytes, &file_name, &object.code.to_string(), year).await,
        };
        let current = store.initiatives(plan.id).await?;
        let draft = ImportDraft {
            id: app::secrets::random_token("imp_"),
            plan_year_id: plan.id,
            person_id: principal.person_id.ok_or(AppError::Unauthorized)?,
            file_name,
            fingerprint: app::domain::workbook::fingerprint(&plan, &current),
            created_at: chrono::Utc::now(),
            outcome,
        };
        store.save_import_draft(&draft).await?;
        Ok(format!("/objects/{}/plans/{}/import/{}", object.code, plan.year, draft.id))
    }
    .await;
    match result {
        Ok(location) => (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response(),
        Err(error) => ApiError(error).into_response(),
    }
}

/// The form's `file` field: its name and bytes, if one was sent.
async fn read_file(mut multipart: Multipart) -> (String, Option<Vec<u8>>) {
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().chars().take(200).collect::<String>();
        return match field.bytes().await {
            Ok(bytes) if !bytes.is_empty() => (name, Some(bytes.to_vec())),
            _ => (name, None),
        };
    }
    (String::new(), None)
}

fn file_error(code: &str) -> CellError {
    CellError { sheet: String::new(), row: None, column: None, code: code.to_owned(), text: String::new() }
}

/// A workbook when the bytes are a zip (`PK`), CSV when they are not.
async fn read(bytes: Vec<u8>, file_name: &str, code: &str, year: i32) -> Result<PlanImport, Vec<CellError>> {
    let csv = file_name.to_lowercase().ends_with(".csv") || !bytes.starts_with(b"PK");
    if csv {
        let text = String::from_utf8(bytes).map_err(|_| vec![file_error("not_utf8")])?;
        return read_plan_csv(&text, code, year);
    }
    let (code, year) = (code.to_owned(), year);
    // Unzipping and reading cells is CPU work: off the async threads.
    let read = tokio::task::spawn_blocking(move || {
        let workbook = crate::workbook::read_xlsx(bytes).map_err(|e| match e {
            crate::workbook::WorkbookFileError::TooLarge => vec![file_error("file_too_large")],
            e => vec![file_error(e.code())],
        })?;
        read_plan(&workbook, &code, year)
    })
    .await;
    read.unwrap_or_else(|error| {
        tracing::error!(%error, "import task failed");
        Err(vec![file_error("unreadable")])
    })
}
