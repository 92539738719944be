//! Creating and editing objects. The steering group and administrators add
//! objects to the portfolio; an object's owners and leaders edit its name,
//! category and description. Codes are unique and set once.

use leptos::prelude::*;

use super::AppError;
use crate::domain::Object;

#[cfg(feature = "ssr")]
fn taken(error: crate::store::StoreError) -> AppError {
    match error {
        crate::store::StoreError::Conflict(message) if message == "code_taken" => {
            AppError::Validation { field: "code".into(), message: "taken".into() }
        }
        other => other.into(),
    }
}

/// The object as its edit form opens, for those who may edit it.
#[server(prefix = "/sf", endpoint = "objects/editor")]
pub async fn get_object_editor(code: String) -> Result<Object, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::Permission;
    respond(async {
        require(Permission::ReadPortfolio)?;
        let object = store()?.object_by_code(&code).await?.ok_or(AppError::NotFound)?;
        require(Permission::ManageObject(object.id))?;
        Ok(object)
    })
    .await
}

/// Whether the caller may add objects: the new-object page asks first.
#[server(prefix = "/sf", endpoint = "objects/may_add")]
pub async fn may_add_objects() -> Result<(), AppError> {
    use crate::api::support::{require, respond};
    respond(async { require(crate::domain::Permission::DecidePortfolio).map(|_| ()) }).await
}

#[server(prefix = "/sf", endpoint = "objects/create")]
pub async fn create_object(
    code: String,
    name: String,
    category: String,
    description: String,
) -> Result<Object, AppError> {
    use crate::api::support::{person_id, require, respond, store};
    use crate::domain::{ObjectForm, Permission};
    respond(async {
        let actor = person_id(&require(Permission::DecidePortfolio)?)?;
        let input = ObjectForm { code, name, category, description }.check().map_err(crate::api::support::refused)?;
        let created = store()?.create_object(&input, actor).await.map_err(taken)?;
        leptos_axum::redirect(&format!("/objects/{}", created.code));
        Ok(created)
    })
    .await
}

/// Saves an edit started from `version`; a stale one is answered with the
/// object as stored now.
#[server(prefix = "/sf", endpoint = "objects/update")]
pub async fn update_object(
    id: i64,
    version: i64,
    name: String,
    category: String,
    description: String,
) -> Result<Object, AppError> {
    use crate::api::support::{person_id, require, respond, store};
    use crate::domain::{ObjectForm, Permission};
    use crate::store::StoreError;
    respond(async {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        // The object from the store, by its id: the code is never taken from the request.
        let object = store.objects().await?.into_iter().find(|o| o.id == id).ok_or(AppError::NotFound)?;
        let actor = person_id(&require(Permission::ManageObject(object.id))?)?;
        let form = ObjectForm { code: object.code.to_string(), name, category, description };
        let input = form.check().map_err(crate::api::support::refused)?;
        match store.update_object(object.id, version, &input, actor).await {
            Err(StoreError::Stale) => {
                let current = store.object_by_code(object.code.as_str()).await?.ok_or(AppError::NotFound)?;
                Err(AppError::Stale { version: current.version, current: ObjectForm::of(&current).fields() })
            }
            other => other.map_err(taken),
        }
    })
    .await
}
