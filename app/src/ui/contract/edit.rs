//! `/contracts/new` and `/contracts/:id/edit`: the register form. Text
//! fields are checked as typed by the same domain rules the server runs;
//! supplier, line organisation and people are chosen from the registers;
//! IT components and objects are ticked. Saving opens the contract.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{get_contract_editor, AppError, SaveContract};
use crate::domain::{ContractForm, FieldProblem};
use crate::ui::access::{general_error, last_error};
use crate::ui::plan::form::{toggle_in, EditForm, FormState, TextAreaField, TextField};
use crate::ui::status::ErrorPage;
use crate::ui::{title_text, use_texts};
use crate::views::{Choice, ContractEditor};

impl EditForm for ContractForm {
    fn value(&self, field: &str) -> String {
        self.fields().into_iter().find(|(f, _)| f == field).map(|(_, v)| v).unwrap_or_default()
    }

    fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "reference" => &mut self.reference,
            "supplier" => &mut self.supplier,
            "start" => &mut self.start,
            "end" => &mut self.end,
            "notice_months" => &mut self.notice_months,
            "option_count" => &mut self.option_count,
            "option_months" => &mut self.option_months,
            "options_used" => &mut self.options_used,
            "auto_renewal_months" => &mut self.auto_renewal_months,
            "yearly_cost" => &mut self.yearly_cost,
            "line_organisation" => &mut self.line_organisation,
            "owner" => &mut self.owner,
            "deputy" => &mut self.deputy,
            "procurement_lead_months" => &mut self.procurement_lead_months,
            "notes" => &mut self.notes,
            _ => return,
        };
        *slot = value;
    }

    fn problems(&self) -> Vec<FieldProblem> {
        self.parse().err().unwrap_or_default()
    }
}

#[component]
pub fn NewContractPage() -> impl IntoView {
    view! { <EditorPage id=Signal::derive(|| Some(0))/> }
}

#[component]
pub fn EditContractPage() -> impl IntoView {
    let params = use_params_map();
    let id = Signal::derive(move || params.read().get("id").and_then(|id| id.parse::<i64>().ok()).filter(|id| *id > 0));
    view! { <EditorPage id/> }
}

#[component]
fn EditorPage(id: Signal<Option<i64>>) -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_contract_editor(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => view! { <Editor editor/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// A labelled choice among the registers' entries, with its message.
#[component]
fn SelectField(
    state: FormState<ContractForm>,
    field: &'static str,
    label: &'static str,
    choices: Vec<Choice>,
    /// The empty choice's text; none makes the field required.
    #[prop(optional)]
    empty: Option<&'static str>,
) -> impl IntoView {
    let t = use_texts();
    let id = format!("contract-{field}");
    let error_id = format!("{id}-error");
    let initial = state.form.with_untracked(|f| f.value(field));
    let described = {
        let error_id = error_id.clone();
        move || state.problem(field).map(|_| error_id.clone())
    };
    view! {
        <div class="field" data-field=field>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=field
                required=empty.is_none()
                prop:value=move || state.get(field)
                aria-invalid=move || state.problem(field).map(|_| "true")
                aria-describedby=described
                on:change=move |ev| state.input(field, event_target_value(&ev))
            >
                <option value="" selected=initial.is_empty()>{empty.unwrap_or(t.choose_placeholder)}</option>
                {choices.into_iter().map(|choice| {
                    let selected = choice.value == initial;
                    view! { <option value=choice.value selected=selected>{choice.label}</option> }
                }).collect_view()}
            </select>
            {move || state.problem(field).map(|code| view! {
                <p class="field-error" id=error_id.clone()>{t.field_error(field, &code)}</p>
            })}
        </div>
    }
}

#[component]
fn Editor(editor: ContractEditor) -> impl IntoView {
    let t = use_texts();
    let c = t.contract;
    let ContractEditor {
        id,
        version,
        form,
        it_components,
        objects,
        supplier_choices,
        line_organisation_choices,
        people_choices,
        component_choices,
        object_choices,
        own_objects,
        reference,
    } = editor;
    let save = ServerAction::<SaveContract>::new();
    let error = last_error(save.value());
    let state = FormState::new("contract", form, error);
    let chosen_components = RwSignal::new(it_components);
    let chosen_objects = RwSignal::new(objects);
    let sent = RwSignal::new(false);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let list_error = move |field: &'static str| {
        Signal::derive(move || {
            if field == "objects" && sent.get() && chosen_objects.with(Vec::is_empty) {
                return Some(t.field_error("objects", "required"));
            }
            match error.get() {
                Some(AppError::Validation { field: f, message }) if f == field => Some(t.field_error(field, &message)),
                _ => None,
            }
        })
    };
    let objects_error = list_error("objects");
    let components_error = list_error("it_components");
    let general = Signal::derive(move || match error.get() {
        None | Some(AppError::Validation { .. }) => None,
        Some(AppError::Stale { .. }) => Some(c.stale),
        Some(other) => Some(general_error(t, &other)),
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        sent.set(true);
        if !state.try_submit() || chosen_objects.with_untracked(Vec::is_empty) {
            return;
        }
        let f = state.form.get_untracked();
        save.dispatch(SaveContract {
            id: id.unwrap_or(0),
            version,
            reference: f.reference,
            supplier: f.supplier,
            start: f.start,
            end: f.end,
            notice_months: f.notice_months,
            option_count: f.option_count,
            option_months: f.option_months,
            options_used: f.options_used,
            auto_renewal_months: f.auto_renewal_months,
            yearly_cost: f.yearly_cost,
            line_organisation: f.line_organisation,
            owner: f.owner,
            deputy: f.deputy,
            procurement_lead_months: f.procurement_lead_months,
            notes: f.notes,
            it_components: chosen_components.get_untracked(),
            objects: chosen_objects.get_untracked(),
        });
    };
    let heading = if id.is_some() { c.edit_title } else { c.new_title };
    let back = id.map_or_else(|| "/contracts".to_owned(), |id| format!("/contracts/{id}"));
    let title = title_text(if reference.is_empty() {
        format!("{heading} – {}", t.app_name)
    } else {
        format!("{heading} {reference} – {}", t.app_name)
    });
    let people = people_choices.clone();
    view! {
        <Title text=title/>
        <p class="breadcrumb"><a href="/contracts">{c.back}</a></p>
        <div class="page-head"><div><h1>{heading}" "{reference.clone()}</h1></div></div>
        <form
            method="post"
            action=SaveContract::url()
            class="plan-form contract-form"
            novalidate=move || hydrated.get()
            on:submit=on_submit
        >
            <input type="hidden" name="id" value=id.unwrap_or(0)/>
            <input type="hidden" name="version" value=version/>
            <div class="field-row">
                <TextField state field="reference" label=c.label_reference hint=c.hint_reference required=true/>
                <SelectField state field="supplier" label=c.label_supplier choices=supplier_choices/>
            </div>
            <div class="field-row">
                <TextField state field="start" label=c.label_start input_type="date" required=true/>
                <TextField state field="end" label=c.label_end hint=c.hint_end input_type="date" required=true/>
            </div>
            <div class="field-row">
                <TextField state field="notice_months" label=c.label_notice_months numeric=true/>
                <TextField state field="procurement_lead_months" label=c.label_lead hint=c.hint_lead numeric=true/>
            </div>
            <div class="field-row">
                <TextField state field="option_count" label=c.label_option_count numeric=true/>
                <TextField state field="option_months" label=c.label_option_months numeric=true/>
                <TextField state field="options_used" label=c.label_options_used numeric=true/>
            </div>
            <div class="field-row">
                <TextField state field="auto_renewal_months" label=c.label_auto_renewal hint=c.hint_auto_renewal numeric=true/>
                <TextField state field="yearly_cost" label=c.label_yearly_cost numeric=true/>
            </div>
            <SelectField state field="line_organisation" label=c.label_line_organisation choices=line_organisation_choices empty=c.none_choice/>
            <div class="field-row">
                <SelectField state field="owner" label=c.label_owner choices=people empty=c.none_choice/>
                <SelectField state field="deputy" label=c.label_deputy choices=people_choices empty=c.none_choice/>
            </div>
            <fieldset
                class="choices"
                data-field="objects"
                aria-invalid=move || objects_error.get().map(|_| "true")
                aria-describedby=move || objects_error.get().map(|_| "contract-objects-error")
            >
                <legend>{c.legend_objects}</legend>
                {object_choices.into_iter().map(|o| {
                    let code = o.code.clone();
                    let checked = chosen_objects.with_untracked(|c| c.contains(&code));
                    let own = own_objects.contains(&code);
                    view! {
                        <label class="choice" class:own=own>
                            <input
                                type="checkbox"
                                name="objects[]"
                                value=o.code.clone()
                                checked=checked
                                on:change=toggle_in(chosen_objects, code)
                            />
                            <span class="code">{o.code}</span>" "{o.name}
                        </label>
                    }
                }).collect_view()}
                {move || objects_error.get().map(|message| view! {
                    <p class="field-error" id="contract-objects-error">{message}</p>
                })}
            </fieldset>
            <fieldset class="choices scroll-choices" data-field="it_components">
                <legend>{c.legend_components}</legend>
                {component_choices.into_iter().map(|choice| {
                    let value: i64 = choice.value.parse().unwrap_or_default();
                    let checked = chosen_components.with_untracked(|c| c.contains(&value));
                    view! {
                        <label class="choice">
                            <input
                                type="checkbox"
                                name="it_components[]"
                                value=choice.value.clone()
                                checked=checked
                                on:change=toggle_in(chosen_components, value)
                            />
                            {choice.label}
                        </label>
                    }
                }).collect_view()}
                {move || components_error.get().map(|message| view! { <p class="field-error">{message}</p> })}
            </fieldset>
            <TextAreaField state field="notes" label=c.label_notes rows=4/>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>{c.save}</button>
                <a href=back>{c.cancel}</a>
                <p class="form-outcome" role="status" aria-live="polite">
                    {move || general.get().map(|message| view! { <span class="form-error">{message}</span> })}
                </p>
            </div>
        </form>
    }
}
