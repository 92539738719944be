//! Changing an object's plan: initiatives, status reports, the plan year's
//! settings. Each function finds the object the item belongs to from the
//! stored item (never from the request) and checks the caller's role on
//! that object before anything else; the form is then checked by the same
//! domain code the browser runs while the person types.

// Forms post flat fields (so they work as plain HTML forms before the wasm
// loads), and a server function takes one argument per field; the
// `#[server]` macro's generated client functions cannot be annotated
// one by one.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::AppError;
use crate::domain::{Initiative, PlanYear};
use crate::views::InitiativeEditor;

#[cfg(feature = "ssr")]
mod server {
    use super::AppError;
    use crate::api::support::{person_id, require, store};
    use crate::domain::{FieldProblem, Permission, Principal};
    use crate::store::StoreError;

    /// The first refused field, as the API and the no-script form report it.
    pub fn refused(problems: Vec<FieldProblem>) -> AppError {
        match problems.into_iter().next() {
            Some(p) => AppError::Validation { field: p.field.to_owned(), message: p.error.code().to_owned() },
            None => AppError::Internal,
        }
    }

    /// The object an initiative belongs to, after checking the caller is
    /// signed in at all (so nobody learns which ids exist).
    pub async fn initiative_object(id: i64) -> Result<(crate::domain::Initiative, i64), AppError> {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        let initiative = store.initiative(id).await?.ok_or(AppError::NotFound)?;
        let plan = store.plan_year_by_id(initiative.plan_year_id).await?.ok_or(AppError::NotFound)?;
        Ok((initiative, plan.object_id))
    }

    pub fn actor(permission: Permission) -> Result<(Principal, i64), AppError> {
        let principal = require(permission)?;
        let id = person_id(&principal)?;
        Ok((principal, id))
    }

    /// Store refusals in the interface's terms; a stale edit is answered
    /// by the caller with what is stored now.
    pub fn store_error(error: StoreError) -> AppError {
        match error {
            StoreError::Locked => AppError::Conflict { message: "locked".into() },
            other => other.into(),
        }
    }
}

/// Everything the initiative page shows: the initiative, its plan and
/// object, its status history, and what the caller may do.
#[server(prefix = "/sf", endpoint = "plan/initiative")]
pub async fn get_initiative_editor(id: i64) -> Result<InitiativeEditor, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::Permission;
    respond(async {
        let (initiative, object_id) = server::initiative_object(id).await?;
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let plan = store.plan_year_by_id(initiative.plan_year_id).await?.ok_or(AppError::NotFound)?;
        let object = store.objects().await?.into_iter().find(|o| o.id == object_id).ok_or(AppError::NotFound)?;
        let history = store.status_reports(id).await?;
        Ok(InitiativeEditor {
            can_edit: principal.can(Permission::ManageObject(object_id)),
            can_report: principal.can(Permission::UpdateInitiativeStatus(object_id)),
            initiative,
            plan,
            object,
            history,
        })
    })
    .await
}

#[server(prefix = "/sf", endpoint = "plan/create_initiative")]
pub async fn create_initiative(
    plan_year_id: i64,
    name: String,
    main_activity: String,
    assignment_type: String,
    priority: String,
    business_hours: String,
    business_other: String,
    it_hours: String,
    it_other: String,
) -> Result<Initiative, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{InitiativeForm, Permission};
    respond(async {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        let plan = store.plan_year_by_id(plan_year_id).await?.ok_or(AppError::NotFound)?;
        let (_, actor) = server::actor(Permission::ManageObject(plan.object_id))?;
        let form = InitiativeForm {
            name,
            main_activity,
            assignment_type,
            priority,
            business_hours,
            business_other,
            it_hours,
            it_other,
        };
        let input = form.check().map_err(server::refused)?;
        store.create_initiative(plan.id, &input, actor).await.map_err(server::store_error)
    })
    .await
}

#[server(prefix = "/sf", endpoint = "plan/update_initiative")]
pub async fn update_initiative(
    id: i64,
    version: i64,
    name: String,
    main_activity: String,
    assignment_type: String,
    priority: String,
    business_hours: String,
    business_other: String,
    it_hours: String,
    it_other: String,
) -> Result<Initiative, AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::{InitiativeForm, Permission};
    use crate::store::StoreError;
    respond(async {
        let (_, object_id) = server::initiative_object(id).await?;
        let (_, actor) = server::actor(Permission::ManageObject(object_id))?;
        let form = InitiativeForm {
            name,
            main_activity,
            assignment_type,
            priority,
            business_hours,
            business_other,
            it_hours,
            it_other,
        };
        let input = form.check().map_err(server::refused)?;
        let store = store()?;
        match store.update_initiative(id, version, &input, actor).await {
            Err(StoreError::Stale) => {
                let current = store.initiative(id).await?.ok_or(AppError::NotFound)?;
                Err(AppError::Stale { version: current.version, current: InitiativeForm::of(&current).fields() })
            }
            other => other.map_err(server::store_error),
        }
    })
    .await
}

#[server(prefix = "/sf", endpoint = "plan/delete_initiative")]
pub async fn delete_initiative(id: i64, version: i64) -> Result<(), AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::{InitiativeForm, Permission};
    use crate::store::StoreError;
    respond(async {
        let (_, object_id) = server::initiative_object(id).await?;
        let (_, actor) = server::actor(Permission::ManageObject(object_id))?;
        let store = store()?;
        match store.delete_initiative(id, version, actor).await {
            Err(StoreError::Stale) => {
                let current = store.initiative(id).await?.ok_or(AppError::NotFound)?;
                Err(AppError::Stale { version: current.version, current: InitiativeForm::of(&current).fields() })
            }
            other => other.map_err(server::store_error),
        }
    })
    .await
}

/// A dated status report; object specialists may make one too.
#[server(prefix = "/sf", endpoint = "plan/report_status")]
pub async fn report_status(id: i64, status: String, date: String, comment: String) -> Result<Initiative, AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::{Permission, StatusForm};
    respond(async {
        let (_, object_id) = server::initiative_object(id).await?;
        let (_, actor) = server::actor(Permission::UpdateInitiativeStatus(object_id))?;
        let input = StatusForm { status, date, comment }.check().map_err(server::refused)?;
        store()?.report_status(id, &input, actor).await.map_err(server::store_error)
    })
    .await
}

#[server(prefix = "/sf", endpoint = "plan/settings")]
pub async fn update_plan_settings(
    plan_year_id: i64,
    version: i64,
    business_rate: String,
    it_rate: String,
    hours_per_fte: String,
) -> Result<PlanYear, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{Permission, SettingsForm};
    use crate::store::StoreError;
    respond(async {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        let plan = store.plan_year_by_id(plan_year_id).await?.ok_or(AppError::NotFound)?;
        let (_, actor) = server::actor(Permission::ManageObject(plan.object_id))?;
        let settings = SettingsForm { business_rate, it_rate, hours_per_fte }.check().map_err(server::refused)?;
        match store.update_plan_settings(plan.id, version, &settings, actor).await {
            Err(StoreError::Stale) => {
                let current = store.plan_year_by_id(plan.id).await?.ok_or(AppError::NotFound)?;
                Err(AppError::Stale { version: current.version, current: SettingsForm::of(&current.settings).fields() })
            }
            other => other.map_err(server::store_error),
        }
    })
    .await
}
