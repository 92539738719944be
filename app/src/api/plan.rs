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
use crate::views::{InitiativeEditor, PlanEditor};

#[cfg(feature = "ssr")]
mod server {
    use super::AppError;
    use crate::api::support::{person_id, require, store};
    use crate::domain::{Permission, Principal};
    use crate::store::StoreError;

    pub use crate::api::support::refused;

    /// The object an initiative belongs to, after checking the caller is
    /// signed in at all (so nobody learns which ids exist).
    pub async fn initiative_object(id: i64) -> Result<(crate::domain::Initiative, i64), AppError> {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        let initiative = store.initiative(id).await?.ok_or(AppError::NotFound)?;
        let plan = store.plan_year_by_id(initiative.plan_year_id).await?.ok_or(AppError::NotFound)?;
        Ok((initiative, plan.object_id))
    }

    pub async fn object_ref(object_id: i64) -> Result<crate::views::ObjectRef, AppError> {
        let object = store()?.objects().await?.into_iter().find(|o| o.id == object_id).ok_or(AppError::NotFound)?;
        Ok(crate::views::ObjectRef { code: object.code.to_string(), name: object.name, category: object.category })
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
/// object, the plan's other initiatives, its status history, and what the
/// caller may do.
#[server(prefix = "/sf", endpoint = "plan/initiative")]
pub async fn get_initiative_editor(id: i64) -> Result<InitiativeEditor, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{Permission, PlanStatus};
    respond(async {
        let (initiative, object_id) = server::initiative_object(id).await?;
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let plan = store.plan_year_by_id(initiative.plan_year_id).await?.ok_or(AppError::NotFound)?;
        let object = server::object_ref(object_id).await?;
        let history = store.status_reports(id).await?;
        let others = store.initiatives(plan.id).await?.into_iter().filter(|i| i.id != id).collect();
        let outcome = store.outcomes(plan.id).await?.into_iter().find(|(i, _)| *i == id).map(|(_, o)| o);
        Ok(InitiativeEditor {
            outcome,
            can_record_outcome: principal.can(Permission::ManageObject(object_id)),
            can_edit: principal.can(Permission::ManageObject(object_id)) && plan.status == PlanStatus::Draft,
            can_report: principal.can(Permission::UpdateInitiativeStatus(object_id)),
            today: chrono::Utc::now().date_naive(),
            initiative,
            plan,
            object,
            others,
            history,
        })
    })
    .await
}

/// A plan year with all its initiatives, for the new-initiative and
/// settings pages.
#[server(prefix = "/sf", endpoint = "plan/editor")]
pub async fn get_plan_editor(code: String, year: i32) -> Result<PlanEditor, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{Permission, PlanStatus};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let object = store.object_by_code(&code).await?.ok_or(AppError::NotFound)?;
        let plan =
            store.plan_years_of(object.id).await?.into_iter().find(|p| p.year == year).ok_or(AppError::NotFound)?;
        let initiatives = store.initiatives(plan.id).await?;
        Ok(PlanEditor {
            can_edit: principal.can(Permission::ManageObject(object.id)) && plan.status == PlanStatus::Draft,
            object: crate::views::ObjectRef {
                code: object.code.to_string(),
                name: object.name,
                category: object.category,
            },
            plan,
            initiatives,
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
        let created = store.create_initiative(plan.id, &input, actor).await.map_err(server::store_error)?;
        // A plain form post (before the wasm has loaded) lands on the new
        // initiative's page; the hydrated page navigates there the same way.
        leptos_axum::redirect(&format!("/initiatives/{}", created.id));
        Ok(created)
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
        let (initiative, object_id) = server::initiative_object(id).await?;
        let (_, actor) = server::actor(Permission::ManageObject(object_id))?;
        let store = store()?;
        let plan = store.plan_year_by_id(initiative.plan_year_id).await?.ok_or(AppError::NotFound)?;
        match store.delete_initiative(id, version, actor).await {
            Err(StoreError::Stale) => {
                let current = store.initiative(id).await?.ok_or(AppError::NotFound)?;
                Err(AppError::Stale { version: current.version, current: InitiativeForm::of(&current).fields() })
            }
            Ok(()) => {
                // Its page is gone: back to the plan it was in.
                leptos_axum::redirect(&format!("/objects/{}?year={}", plan.object_code, plan.year));
                Ok(())
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

/// What an initiative actually took; approved plans take it too.
#[server(prefix = "/sf", endpoint = "plan/outcome")]
pub async fn record_outcome(
    id: i64,
    business_hours: String,
    business_other: String,
    it_hours: String,
    it_other: String,
) -> Result<(), AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::{OutcomeForm, Permission};
    respond(async {
        let (_, object_id) = server::initiative_object(id).await?;
        let (_, actor) = server::actor(Permission::ManageObject(object_id))?;
        let outcome =
            OutcomeForm { business_hours, business_other, it_hours, it_other }.check().map_err(server::refused)?;
        store()?.record_outcome(id, &outcome, actor).await.map_err(server::store_error)
    })
    .await
}
