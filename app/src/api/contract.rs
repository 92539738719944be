//! The contract register (001, 3.1.3): everyone who reads the portfolio
//! sees every contract and its deadlines; those who manage one of a
//! contract's objects edit it, exercise its options, record renewals and
//! notice, and make its procurement initiative. Every check is made here,
//! on the server, against the stored contract.

// A server function takes one argument per form field; the `#[server]`
// macro also makes the client function, which an attribute cannot reach.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::AppError;
use crate::views::{ContractEditor, ContractPage, ContractRegister};

#[cfg(feature = "ssr")]
mod server {
    use crate::api::support::{invalid, store};
    use crate::api::AppError;
    use crate::domain::{Contract, ContractForm, Permission, Principal};
    use crate::store::StoreError;

    /// Ids of the objects named by code, in order; `unknown` for one that
    /// is not there.
    pub async fn object_ids(codes: &[String]) -> Result<Vec<i64>, AppError> {
        let objects = store()?.objects().await?;
        codes
            .iter()
            .map(|code| {
                objects
                    .iter()
                    .find(|o| o.code.as_str() == code.trim())
                    .map(|o| o.id)
                    .ok_or_else(|| invalid("objects", "unknown"))
            })
            .collect()
    }

    /// Whether `principal` manages one of the objects.
    pub fn manages_any(principal: &Principal, object_ids: &[i64]) -> bool {
        object_ids.iter().any(|&id| principal.can(Permission::ManageObject(id)))
    }

    pub async fn may_edit(principal: &Principal, contract: &Contract) -> Result<bool, AppError> {
        Ok(manages_any(principal, &object_ids(&contract.object_codes).await?))
    }

    /// A store refusal in the forms' terms: a stale edit comes back with
    /// what is stored now; an unknown name next to its field.
    pub async fn settle<T>(result: Result<T, StoreError>, id: Option<i64>) -> Result<T, AppError> {
        match result {
            Ok(value) => Ok(value),
            Err(StoreError::Stale) => {
                let now = match id {
                    Some(id) => store()?.contract(id).await?.ok_or(AppError::NotFound)?,
                    None => return Err(AppError::Internal),
                };
                Err(AppError::Stale { version: now.version, current: ContractForm::of(&now).fields() })
            }
            Err(StoreError::Invalid(field)) => Err(invalid(&field, "unknown")),
            Err(other) => Err(other.into()),
        }
    }
}

/// How many contracts need action, for the overview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ContractSummary {
    pub act_now: usize,
    pub notice_passed: usize,
    pub within_12_months: usize,
}

#[server(prefix = "/sf", endpoint = "contracts/summary")]
pub async fn get_contract_summary() -> Result<ContractSummary, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{clock, ContractStatus, Permission};
    respond(async {
        require(Permission::ReadPortfolio)?;
        let today = clock::today();
        let mut summary = ContractSummary::default();
        for contract in store()?.contracts().await? {
            match contract.deadlines(today).status {
                ContractStatus::ActNow => summary.act_now += 1,
                ContractStatus::NoticePassed => summary.notice_passed += 1,
                ContractStatus::Within12Months => summary.within_12_months += 1,
                ContractStatus::Ended | ContractStatus::Ok => {}
            }
        }
        Ok(summary)
    })
    .await
}

/// The register, filtered by the query string's values.
#[server(prefix = "/sf", endpoint = "contracts/list")]
pub async fn get_contracts(
    #[server(default)] object: String,
    #[server(default)] supplier: String,
    #[server(default)] status: String,
    #[server(default)] within: String,
    #[server(default)] group: String,
) -> Result<ContractRegister, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{clock, Permission};
    use crate::views::{build_register, ContractFilter, ObjectName};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let mut objects: Vec<ObjectName> =
            store.objects().await?.into_iter().map(|o| ObjectName { code: o.code.to_string(), name: o.name }).collect();
        objects.sort_by(|a, b| a.code.cmp(&b.code));
        let own: Vec<i64> = principal.grants.iter().filter_map(|g| g.object_id).collect();
        let can_create =
            principal.has_role(crate::domain::Role::Administrator) || server::manages_any(&principal, &own);
        let filter = ContractFilter::from_query(&object, &supplier, &status, &within, &group);
        Ok(build_register(&store.contracts().await?, objects, clock::today(), filter, can_create))
    })
    .await
}

#[server(prefix = "/sf", endpoint = "contracts/page")]
pub async fn get_contract(id: i64) -> Result<ContractPage, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{clock, Permission};
    use crate::views::{
        contract_row, needs_procurement, procurement_year, timeline, Grouping, ProcurementLink, ProcurementTarget,
    };
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let contract = store.contract(id).await?.ok_or(AppError::NotFound)?;
        let today = clock::today();
        let row = contract_row(&contract, today);
        let can_edit = server::may_edit(&principal, &contract).await?;
        let mut procurement = None;
        if let Some(initiative_id) = contract.procurement_initiative_id {
            if let Some(initiative) = store.initiative(initiative_id).await? {
                if let Some(plan) = store.plan_year_by_id(initiative.plan_year_id).await? {
                    procurement = Some(ProcurementLink {
                        initiative_id,
                        name: initiative.name,
                        object_code: plan.object_code,
                        year: plan.year,
                    });
                }
            }
        }
        let mut procurement_targets = Vec::new();
        if can_edit && procurement.is_none() && needs_procurement(&row, today) {
            let year = procurement_year(&row, today);
            for object in store.objects().await? {
                let code = object.code.to_string();
                if contract.object_codes.contains(&code) && principal.can(Permission::ManageObject(object.id)) {
                    let years: Vec<i32> = store.plan_years_of(object.id).await?.iter().map(|p| p.year).collect();
                    procurement_targets.push(ProcurementTarget {
                        object_code: code,
                        object_name: object.name,
                        year,
                        plan_exists: years.contains(&year),
                        latest_plan: years.iter().copied().max(),
                    });
                }
            }
        }
        Ok(ContractPage {
            timeline: timeline(std::slice::from_ref(&row), today, Grouping::Supplier),
            history: store.contract_events(id).await?,
            row,
            contract,
            today,
            can_edit,
            procurement_targets,
            procurement,
        })
    })
    .await
}

/// The register form: empty for a new contract (`id` 0), else as stored.
#[server(prefix = "/sf", endpoint = "contracts/editor")]
pub async fn get_contract_editor(#[server(default)] id: i64) -> Result<ContractEditor, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{ContractForm, Permission, Role};
    use crate::views::{Choice, ObjectName};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let store = store()?;
        let choices = store.contract_choices().await?;
        let own: Vec<String> = choices
            .objects
            .iter()
            .filter(|(id, _, _)| principal.can(Permission::ManageObject(*id)))
            .map(|(_, code, _)| code.clone())
            .collect();
        let (contract, form) = if id == 0 {
            if own.is_empty() && !principal.has_role(Role::Administrator) {
                return Err(AppError::Forbidden);
            }
            (None, ContractForm::default())
        } else {
            let contract = store.contract(id).await?.ok_or(AppError::NotFound)?;
            if !server::may_edit(&principal, &contract).await? {
                return Err(AppError::Forbidden);
            }
            let form = ContractForm::of(&contract);
            (Some(contract), form)
        };
        let named = |pairs: &[(i64, String)], by_id: bool| -> Vec<Choice> {
            pairs
                .iter()
                .map(|(id, name)| Choice {
                    value: if by_id { id.to_string() } else { name.clone() },
                    label: name.clone(),
                })
                .collect()
        };
        let it_components = match &contract {
            Some(c) => choices
                .it_components
                .iter()
                .filter(|(_, name)| c.it_components.contains(name))
                .map(|(id, _)| *id)
                .collect(),
            None => Vec::new(),
        };
        let mut form = form;
        // The form names people by id; the stored contract by name.
        if let Some(c) = &contract {
            let id_of = |name: &Option<String>| {
                name.as_ref()
                    .and_then(|n| choices.people.iter().find(|(_, p)| p == n))
                    .map(|(id, _)| id.to_string())
                    .unwrap_or_default()
            };
            form.owner = id_of(&c.owner);
            form.deputy = id_of(&c.deputy);
        }
        Ok(ContractEditor {
            id: contract.as_ref().map(|c| c.id),
            version: contract.as_ref().map_or(0, |c| c.version),
            reference: contract.as_ref().map(|c| c.reference.clone()).unwrap_or_default(),
            objects: contract
                .as_ref()
                .map(|c| c.object_codes.clone())
                .unwrap_or_else(|| own.iter().take(1).cloned().collect()),
            form,
            it_components,
            supplier_choices: named(&choices.suppliers, false),
            line_organisation_choices: named(&choices.line_organisations, false),
            people_choices: named(&choices.people, true),
            component_choices: named(&choices.it_components, true),
            object_choices: choices
                .objects
                .iter()
                .map(|(_, code, name)| ObjectName { code: code.clone(), name: name.clone() })
                .collect(),
            own_objects: own,
        })
    })
    .await
}

/// Creates (`id` 0) or saves a contract; a plain form post lands on its page.
#[server(prefix = "/sf", endpoint = "contracts/save")]
pub async fn save_contract(
    #[server(default)] id: i64,
    #[server(default)] version: i64,
    #[server(default)] reference: String,
    #[server(default)] supplier: String,
    #[server(default)] start: String,
    #[server(default)] end: String,
    #[server(default)] notice_months: String,
    #[server(default)] option_count: String,
    #[server(default)] option_months: String,
    #[server(default)] options_used: String,
    #[server(default)] auto_renewal_months: String,
    #[server(default)] yearly_cost: String,
    #[server(default)] line_organisation: String,
    #[server(default)] owner: String,
    #[server(default)] deputy: String,
    #[server(default)] procurement_lead_months: String,
    #[server(default)] notes: String,
    // Ticked boxes only: none ticked sends nothing.
    #[server(default)] it_components: Vec<i64>,
    #[server(default)] objects: Vec<String>,
) -> Result<i64, AppError> {
    use crate::api::support::{invalid, person_id, refused, require, respond, store};
    use crate::domain::{ContractForm, Permission, Role};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let actor = person_id(&principal)?;
        let store = store()?;
        let stored = match id {
            0 => None,
            id => Some(store.contract(id).await?.ok_or(AppError::NotFound)?),
        };
        if let Some(contract) = &stored {
            if !server::may_edit(&principal, contract).await? {
                return Err(AppError::Forbidden);
            }
        }
        let admin = principal.has_role(Role::Administrator);
        let own: Vec<i64> = principal.grants.iter().filter_map(|g| g.object_id).collect();
        if stored.is_none() && !admin && !server::manages_any(&principal, &own) {
            return Err(AppError::Forbidden);
        }
        let input = ContractForm {
            reference,
            supplier,
            start,
            end,
            notice_months,
            option_count,
            option_months,
            options_used,
            auto_renewal_months,
            yearly_cost,
            line_organisation,
            owner,
            deputy,
            procurement_lead_months,
            notes,
        }
        .parse()
        .map_err(refused)?;
        let object_ids = server::object_ids(&objects).await?;
        if object_ids.is_empty() {
            return Err(invalid("objects", "required"));
        }
        // A contract stays with an object its editor manages: nobody moves
        // it out of their own reach or files it under others' objects only.
        if !admin && !server::manages_any(&principal, &object_ids) {
            return Err(invalid("objects", "not_managed"));
        }
        let known = store.it_component_choices().await?;
        if it_components.iter().any(|id| !known.iter().any(|(k, _)| k == id)) {
            return Err(invalid("it_components", "unknown"));
        }
        let mut components = it_components;
        components.sort_unstable();
        components.dedup();
        let saved = server::settle(
            store.save_contract(stored.as_ref().map(|c| c.id), version, &input, &components, &object_ids, actor).await,
            stored.as_ref().map(|c| c.id),
        )
        .await?;
        leptos_axum::redirect(&format!("/contracts/{saved}"));
        Ok(saved)
    })
    .await
}

/// Exercises an option, records a renewal or notice (`kind`), with a note.
#[server(prefix = "/sf", endpoint = "contracts/term")]
pub async fn change_contract_term(
    id: i64,
    version: i64,
    kind: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::api::support::{invalid, person_id, require, respond, store};
    use crate::domain::{clock, ContractEvent, ContractEventKind, Permission, TermChangeError, COMMENT_MAX_CHARS};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let actor = person_id(&principal)?;
        let store = store()?;
        let contract = store.contract(id).await?.ok_or(AppError::NotFound)?;
        if !server::may_edit(&principal, &contract).await? {
            return Err(AppError::Forbidden);
        }
        let kind = ContractEventKind::from_key(kind.trim()).map_err(|_| invalid("kind", "unknown"))?;
        let note = note.trim().to_owned();
        if note.chars().count() > COMMENT_MAX_CHARS {
            return Err(invalid("note", "too_long"));
        }
        if contract.version != version {
            return server::settle(Err(crate::store::StoreError::Stale), Some(id)).await;
        }
        let today = clock::today();
        let (after, previous_end, new_end) = contract.change_term(kind, today).map_err(|e| {
            let code = match e {
                TermChangeError::NoOptionsLeft => "no_options_left",
                TermChangeError::NotRenewing => "not_renewing",
                TermChangeError::NoticeAlreadyGiven => "notice_given",
                TermChangeError::Ended => "ended",
            };
            AppError::Conflict { message: code.into() }
        })?;
        let event = ContractEvent { kind, previous_end, new_end, on: today, by: None, note };
        server::settle(store.change_contract_term(version, &after, &event, actor).await, Some(id)).await
    })
    .await
}

#[server(prefix = "/sf", endpoint = "contracts/delete")]
pub async fn delete_contract(id: i64, version: i64) -> Result<(), AppError> {
    use crate::api::support::{person_id, require, respond, store};
    use crate::domain::Permission;
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let actor = person_id(&principal)?;
        let store = store()?;
        let contract = store.contract(id).await?.ok_or(AppError::NotFound)?;
        if !server::may_edit(&principal, &contract).await? {
            return Err(AppError::Forbidden);
        }
        server::settle(store.delete_contract(id, version, actor).await, Some(id)).await?;
        leptos_axum::redirect("/contracts");
        Ok(())
    })
    .await
}

/// Creates the initiative "Upphandling …" in `object`'s plan for the year
/// procurement must start, once; a plain form post lands on it.
#[server(prefix = "/sf", endpoint = "contracts/procure")]
pub async fn create_procurement(id: i64, object: String) -> Result<i64, AppError> {
    use crate::api::support::{invalid, person_id, require, respond, store};
    use crate::domain::{clock, AssignmentType, InitiativeInput, MainActivity, Permission, SideEffort};
    use crate::views::{contract_row, needs_procurement, procurement_name, procurement_year};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let actor = person_id(&principal)?;
        let store = store()?;
        let contract = store.contract(id).await?.ok_or(AppError::NotFound)?;
        if !server::may_edit(&principal, &contract).await? {
            return Err(AppError::Forbidden);
        }
        let target = store.object_by_code(object.trim()).await?;
        let target = target
            .filter(|o| contract.object_codes.contains(&o.code.to_string()))
            .ok_or_else(|| invalid("object", "unknown"))?;
        if !principal.can(Permission::ManageObject(target.id)) {
            return Err(AppError::Forbidden);
        }
        if contract.procurement_initiative_id.is_some() {
            return Err(AppError::Conflict { message: "procurement_exists".into() });
        }
        let today = clock::today();
        let row = contract_row(&contract, today);
        if !needs_procurement(&row, today) {
            return Err(AppError::Conflict { message: "procurement_not_needed".into() });
        }
        let year = procurement_year(&row, today);
        let plan = store.plan_years_of(target.id).await?.into_iter().find(|p| p.year == year);
        let plan = plan.ok_or_else(|| AppError::Conflict { message: format!("no_plan:{year}") })?;
        let word = crate::i18n::Locale::Sv.texts().contract.procurement_word;
        let input = InitiativeInput {
            name: procurement_name(word, &contract),
            // As the AKN plan files "NY - Upphandling DAM-system".
            main_activity: MainActivity::ChangeManagement,
            assignment_type: AssignmentType::Develop,
            priority: None,
            business: SideEffort::default(),
            it: SideEffort::default(),
        };
        let initiative = store.create_initiative(plan.id, &input, actor).await?;
        if !store.link_procurement(id, initiative.id).await? {
            // Someone was faster: theirs stands, this one goes again.
            store.delete_initiative(initiative.id, initiative.version, actor).await?;
            return Err(AppError::Conflict { message: "procurement_exists".into() });
        }
        leptos_axum::redirect(&format!("/initiatives/{}", initiative.id));
        Ok(initiative.id)
    })
    .await
}
