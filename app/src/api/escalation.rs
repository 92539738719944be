//! The escalation register (001, 2.3.4): everyone who reads the portfolio
//! sees it; those who manage an involved object raise a question; the
//! object leaders (step 1) or owners (step 2) of the involved objects take
//! it a step further or settle it; at step 3 only the steering group
//! decides; the one who raised it (or the steering group) withdraws it.
//! Every check is made here, on the server, against the stored escalation.

use leptos::prelude::*;

use super::AppError;
use crate::domain::Escalation;
use crate::views::{EscalationList, EscalationPage, NewEscalation};

/// Open escalations, for the overview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EscalationSummary {
    pub open: usize,
    /// Open at step 3: the steering group's to decide.
    pub at_steering_group: usize,
    pub overdue: usize,
}

#[cfg(feature = "ssr")]
mod server {
    use std::collections::HashMap;

    use crate::api::support::{person_id, require, store};
    use crate::api::AppError;
    use crate::domain::{Escalation, EscalationState, Permission, Principal};
    use crate::store::{SharedStore, StoreError};
    use crate::views::{actors_of, Actor};

    pub fn today() -> chrono::NaiveDate {
        chrono::Utc::now().date_naive()
    }

    /// The stored escalation and who asks for a change to it.
    pub async fn stored(id: i64) -> Result<(Escalation, Principal, i64), AppError> {
        let principal = require(Permission::ReadPortfolio)?;
        let actor = person_id(&principal)?;
        let escalation = store()?.escalation(id).await?.ok_or(AppError::NotFound)?;
        Ok((escalation, principal, actor))
    }

    /// Who must act now, with the roles of each object read once.
    pub async fn actors(
        store: &SharedStore,
        escalation: &Escalation,
        roles: &mut HashMap<i64, Vec<crate::domain::RoleAssignment>>,
    ) -> Result<Vec<Actor>, AppError> {
        if escalation.state != EscalationState::Open {
            return Ok(Vec::new());
        }
        let mut all = Vec::new();
        for object in &escalation.objects {
            if let std::collections::hash_map::Entry::Vacant(slot) = roles.entry(object.id) {
                slot.insert(store.roles_of(object.id).await?);
            }
            all.extend(roles.get(&object.id).cloned().unwrap_or_default());
        }
        Ok(actors_of(escalation.step, &all))
    }

    /// A store refusal in the forms' terms: a stale change comes back with
    /// what is stored now.
    pub async fn settle(result: Result<Escalation, StoreError>, id: i64) -> Result<Escalation, AppError> {
        match result {
            Ok(escalation) => Ok(escalation),
            Err(StoreError::Stale) => {
                let now = store()?.escalation(id).await?.ok_or(AppError::NotFound)?;
                Err(AppError::Stale {
                    version: now.version,
                    current: vec![
                        ("step".into(), now.step.number().to_string()),
                        ("state".into(), now.state.key().into()),
                        ("due_on".into(), now.due_on.to_string()),
                    ],
                })
            }
            Err(other) => Err(other.into()),
        }
    }
}

#[server(prefix = "/sf", endpoint = "escalations/list")]
pub async fn get_escalations(
    #[server(default)] all: bool,
    #[server(default)] object: String,
) -> Result<EscalationList, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{may_raise, Permission};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let today = server::today();
        let mut roles = std::collections::HashMap::new();
        let mut rows = Vec::new();
        let object = Some(object.trim().to_owned()).filter(|o| !o.is_empty());
        for escalation in store.escalations(!all).await? {
            if object.as_ref().is_some_and(|code| !escalation.objects.iter().any(|o| &o.code == code)) {
                continue;
            }
            let actors = server::actors(&store, &escalation, &mut roles).await?;
            rows.push(crate::views::escalation_row(&escalation, &actors, today));
        }
        crate::views::sort_rows(&mut rows);
        let own: Vec<i64> = principal.grants.iter().filter_map(|g| g.object_id).collect();
        Ok(EscalationList { rows, show_all: all, can_raise: may_raise(&principal, &own), today, object })
    })
    .await
}

/// How many are open, at step 3 and overdue.
#[server(prefix = "/sf", endpoint = "escalations/summary")]
pub async fn get_escalation_summary() -> Result<EscalationSummary, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{EscalationStep, Permission};
    respond(async {
        require(Permission::ReadPortfolio)?;
        let open = store()?.escalations(true).await?;
        let today = server::today();
        Ok(EscalationSummary {
            open: open.len(),
            at_steering_group: open.iter().filter(|e| e.step == EscalationStep::SteeringGroup).count(),
            overdue: open.iter().filter(|e| e.is_overdue(today)).count(),
        })
    })
    .await
}

#[server(prefix = "/sf", endpoint = "escalations/page")]
pub async fn get_escalation(id: i64) -> Result<EscalationPage, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{may_act, may_withdraw, EscalationState, Permission};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let escalation = store.escalation(id).await?.ok_or(AppError::NotFound)?;
        let today = server::today();
        let actors = server::actors(&store, &escalation, &mut Default::default()).await?;
        let open = escalation.state == EscalationState::Open;
        let acts = open && may_act(&principal, &escalation.object_ids(), escalation.step);
        Ok(EscalationPage {
            history: store.escalation_events(id).await?,
            can_escalate: acts && escalation.step.next().is_some(),
            can_decide: acts,
            can_withdraw: open && may_withdraw(&principal, escalation.raised_by),
            overdue: escalation.is_overdue(today),
            actors,
            escalation,
            today,
        })
    })
    .await
}

/// What the form to raise one offers: every object, and the initiatives
/// a link named (`12,34`) that exist.
#[server(prefix = "/sf", endpoint = "escalations/new")]
pub async fn get_new_escalation(#[server(default)] initiatives: String) -> Result<NewEscalation, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{may_raise, EscalationInitiative, Permission};
    use crate::views::ObjectOption;
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let own: Vec<i64> = principal.grants.iter().filter_map(|g| g.object_id).collect();
        if !may_raise(&principal, &own) {
            return Err(AppError::Forbidden);
        }
        let store = store()?;
        let mut objects: Vec<ObjectOption> = store
            .objects()
            .await?
            .into_iter()
            .map(|o| ObjectOption { code: o.code.to_string(), name: o.name })
            .collect();
        objects.sort_by(|a, b| a.code.cmp(&b.code));
        let mut chosen = Vec::new();
        for id in crate::views::split_list(&initiatives).iter().filter_map(|id| id.parse::<i64>().ok()) {
            let Some(initiative) = store.initiative(id).await? else { continue };
            let Some(plan) = store.plan_year_by_id(initiative.plan_year_id).await? else { continue };
            chosen.push(EscalationInitiative { id, name: initiative.name, object_code: plan.object_code });
        }
        Ok(NewEscalation { objects, initiatives: chosen, today: server::today() })
    })
    .await
}

/// Raises a question at step 1; a plain form post lands on its page.
#[server(prefix = "/sf", endpoint = "escalations/raise")]
pub async fn raise_escalation(
    year: String,
    title: String,
    description: String,
    due_on: String,
    // Ticked boxes only: none ticked sends nothing.
    #[server(default)] objects: Vec<String>,
    #[server(default)] initiatives: Vec<i64>,
) -> Result<i64, AppError> {
    use crate::api::support::{invalid, person_id, refused, require, respond, store};
    use crate::domain::{may_raise, Permission, RaiseForm};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let actor = person_id(&principal)?;
        let store = store()?;
        let mut ids = Vec::new();
        for code in &objects {
            match store.object_by_code(code.trim()).await? {
                Some(object) => ids.push(object.id),
                None => return Err(invalid("objects", "unknown")),
            }
        }
        // With no object chosen, whether they could raise one at all.
        let own: Vec<i64> = principal.grants.iter().filter_map(|g| g.object_id).collect();
        if !may_raise(&principal, if ids.is_empty() { &own } else { &ids }) {
            return Err(AppError::Forbidden);
        }
        let input = RaiseForm { year, title, description, due_on }
            .check(server::today(), &ids, &initiatives)
            .map_err(refused)?;
        // Initiatives in conflict belong to the objects involved.
        for id in &input.initiative_ids {
            let plan = match store.initiative(*id).await? {
                Some(initiative) => store.plan_year_by_id(initiative.plan_year_id).await?,
                None => None,
            };
            if !plan.is_some_and(|p| input.object_ids.contains(&p.object_id)) {
                return Err(invalid("initiatives", "unknown"));
            }
        }
        let raised = store.raise_escalation(&input, actor).await?;
        leptos_axum::redirect(&format!("/escalations/{}", raised.id));
        Ok(raised.id)
    })
    .await
}

/// Takes an open question to the next step, with why and by when.
#[server(prefix = "/sf", endpoint = "escalations/escalate")]
pub async fn escalate_escalation(id: i64, version: i64, note: String, due_on: String) -> Result<Escalation, AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::{may_act, EscalateForm};
    respond(async {
        let (escalation, principal, actor) = server::stored(id).await?;
        if !may_act(&principal, &escalation.object_ids(), escalation.step) {
            return Err(AppError::Forbidden);
        }
        let change = EscalateForm { note, due_on }.check(server::today()).map_err(refused)?;
        server::settle(store()?.change_escalation(id, version, &change, actor).await, id).await
    })
    .await
}

/// Settles it: the decision and its rationale. At step 3 the steering
/// group only.
#[server(prefix = "/sf", endpoint = "escalations/decide")]
pub async fn decide_escalation(
    id: i64,
    version: i64,
    decision: String,
    rationale: String,
) -> Result<Escalation, AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::{may_act, DecideForm};
    respond(async {
        let (escalation, principal, actor) = server::stored(id).await?;
        if !may_act(&principal, &escalation.object_ids(), escalation.step) {
            return Err(AppError::Forbidden);
        }
        let change = DecideForm { decision, rationale }.check().map_err(refused)?;
        server::settle(store()?.change_escalation(id, version, &change, actor).await, id).await
    })
    .await
}

#[server(prefix = "/sf", endpoint = "escalations/withdraw")]
pub async fn withdraw_escalation(
    id: i64,
    version: i64,
    #[server(default)] note: String,
) -> Result<Escalation, AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::{may_withdraw, WithdrawForm};
    respond(async {
        let (escalation, principal, actor) = server::stored(id).await?;
        if !may_withdraw(&principal, escalation.raised_by) {
            return Err(AppError::Forbidden);
        }
        let change = WithdrawForm { note }.check().map_err(refused)?;
        server::settle(store()?.change_escalation(id, version, &change, actor).await, id).await
    })
    .await
}
