//! Importing a plan year: the preview of an uploaded file (the upload
//! itself is a plain multipart route on the server) and applying it.

use leptos::prelude::*;

use super::AppError;
use crate::domain::workbook::ImportApplied;
use crate::views::ImportPreviewPage;

/// What the uploaded draft would do to its plan, compared with the plan as
/// it is now. Only the person who uploaded it sees it.
#[server(prefix = "/sf", endpoint = "plan/import_preview")]
pub async fn get_import_preview(id: String) -> Result<ImportPreviewPage, AppError> {
    use crate::api::support::{person_id, require, respond, store};
    use crate::domain::workbook::{fingerprint, preview};
    use crate::domain::{Permission, PlanStatus};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let me = person_id(&principal)?;
        let store = store()?;
        let draft = store.import_draft(&id).await?.filter(|d| d.person_id == me).ok_or(AppError::NotFound)?;
        let plan = store.plan_year_by_id(draft.plan_year_id).await?.ok_or(AppError::NotFound)?;
        let object = store.objects().await?.into_iter().find(|o| o.id == plan.object_id).ok_or(AppError::NotFound)?;
        let current = store.initiatives(plan.id).await?;
        let stale = fingerprint(&plan, &current) != draft.fingerprint;
        let (errors, preview) = match &draft.outcome {
            Err(errors) => (errors.clone(), None),
            Ok(import) => match preview(&current, &plan, import) {
                Ok(preview) => (Vec::new(), Some(preview)),
                Err(errors) => (errors, None),
            },
        };
        let can_apply = errors.is_empty()
            && !stale
            && plan.status == PlanStatus::Draft
            && principal.can(Permission::ManageObject(plan.object_id));
        Ok(ImportPreviewPage {
            draft_id: draft.id,
            object: crate::views::ObjectRef {
                code: object.code.to_string(),
                name: object.name,
                category: object.category,
            },
            plan,
            file_name: draft.file_name,
            errors,
            preview,
            stale,
            can_apply,
        })
    })
    .await
}

/// Applies a previewed import all or nothing, then returns to the plan.
#[server(prefix = "/sf", endpoint = "plan/apply_import")]
pub async fn apply_import(id: String) -> Result<ImportApplied, AppError> {
    use crate::api::support::{person_id, require, respond, store};
    use crate::domain::Permission;
    use crate::store::StoreError;
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let me = person_id(&principal)?;
        let store = store()?;
        let draft = store.import_draft(&id).await?.filter(|d| d.person_id == me).ok_or(AppError::NotFound)?;
        let plan = store.plan_year_by_id(draft.plan_year_id).await?.ok_or(AppError::NotFound)?;
        require(Permission::ManageObject(plan.object_id))?;
        let applied = store.apply_import(&id, me).await.map_err(|error| match error {
            StoreError::Stale => AppError::Conflict { message: "import_stale".into() },
            StoreError::Locked => AppError::Conflict { message: "locked".into() },
            StoreError::Invalid(_) => AppError::BadRequest { message: "the file has errors".into() },
            other => other.into(),
        })?;
        leptos_axum::redirect(&format!("/objects/{}?year={}", plan.object_code, plan.year));
        Ok(applied)
    })
    .await
}
