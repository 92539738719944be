//! `/new-object` (the steering group and administrators) and
//! `/objects/:code/edit` (the object's owners and leaders): an object's
//! code (at creation only), name, category and description, checked as
//! typed by the domain's `ObjectForm`.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::conflict::{ConflictNotice, Stale};
use super::form::{ChoiceField, EditForm, FormState, TextAreaField, TextField};
use super::{use_hydrated, Outcome};
use crate::api::{get_object_editor, may_add_objects, AppError, CreateObject, UpdateObject};
use crate::domain::{FieldProblem, Object, ObjectCategory, ObjectForm};
use crate::i18n::Texts;
use crate::ui::access::{last_error, succeeded};
use crate::ui::status::ErrorPage;
use crate::ui::use_texts;

impl EditForm for ObjectForm {
    fn value(&self, field: &str) -> String {
        match field {
            "code" => self.code.clone(),
            "name" => self.name.clone(),
            "category" => self.category.clone(),
            "description" => self.description.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "code" => &mut self.code,
            "name" => &mut self.name,
            "category" => &mut self.category,
            "description" => &mut self.description,
            _ => return,
        };
        *slot = value;
    }

    fn problems(&self) -> Vec<FieldProblem> {
        self.check().err().unwrap_or_default()
    }
}

#[component]
pub fn NewObjectPage() -> impl IntoView {
    let t = use_texts();
    let access = Resource::new(|| (), |_| may_add_objects());
    view! {
        <Title text=format!("{} – {}", t.new_object, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match access.await {
                    Ok(()) => view! { <ObjectFormView object=None/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn EditObjectPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let data = Resource::new(move || params.read().get("code").unwrap_or_default(), get_object_editor);
    view! {
        <Title text=format!("{} – {}", t.edit_object, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(object) => view! { <ObjectFormView object=Some(object)/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ObjectFormView(object: Option<Object>) -> impl IntoView {
    let t = use_texts();
    let create = ServerAction::<CreateObject>::new();
    let update = ServerAction::<UpdateObject>::new();
    let create_error = last_error(create.value());
    let update_error = last_error(update.value());
    let error = Signal::derive(move || create_error.get().or(update_error.get()));
    let initial = object.as_ref().map(ObjectForm::of).unwrap_or_default();
    let state = FormState::new("object", initial, error);
    let hydrated = use_hydrated();
    let saved = succeeded(update.value());
    let id = object.as_ref().map(|o| o.id);
    // The edit's base: what the page opened with, moved on by each save.
    let opened = RwSignal::new(object.as_ref().map(ObjectForm::of).unwrap_or_default());
    let version = RwSignal::new(object.as_ref().map_or(0, |o| o.version));
    let stale = RwSignal::new(super::catalog::stale_of(update_error.get_untracked()));
    Effect::new(move |_| match update.value().get() {
        Some(Ok(stored)) => {
            version.set(stored.version);
            opened.set(ObjectForm::of(&stored));
        }
        Some(Err(AppError::Stale { version, current })) => stale.set(Some(Stale { version, stored: current })),
        _ => {}
    });
    let heading = if object.is_some() { t.edit_object } else { t.new_object };
    let back = object.as_ref().map(|o| format!("/objects/{}", o.code));
    let action = if id.is_some() { UpdateObject::url() } else { CreateObject::url() };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        match id {
            Some(id) => {
                update.dispatch(UpdateObject {
                    id,
                    version: version.get_untracked(),
                    name: f.name,
                    category: f.category,
                    description: f.description,
                });
            }
            None => {
                create.dispatch(CreateObject {
                    code: f.code,
                    name: f.name,
                    category: f.category,
                    description: f.description,
                });
            }
        }
    };
    let categories: Vec<_> = ObjectCategory::ALL.iter().map(|&c| (c.key(), t.category(c))).collect();
    view! {
        {back.map(|href| view! { <p class="breadcrumb"><a href=href>{object.as_ref().map(|o| o.name.clone())}</a></p> })}
        <div class="page-head"><div><h1>{heading}</h1></div></div>
        <ConflictNotice state stale version opened show=show_object_value name_label=t.label_object_name/>
        <form method="post" action=action class="plan-form" novalidate=move || hydrated.get() on:submit=on_submit>
            {match id {
                Some(id) => view! {
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="version" value=version.get_untracked() prop:value=move || version.get().to_string()/>
                }
                .into_any(),
                None => view! {
                    <TextField state field="code" label=t.label_code hint=t.hint_code required=true/>
                }
                .into_any(),
            }}
            <TextField state field="name" label=t.label_object_name required=true/>
            <ChoiceField state field="category" label=t.label_category options=categories/>
            <TextAreaField state field="description" label=t.label_description rows=4/>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || create.pending().get() || update.pending().get()>
                    {if id.is_some() { t.save } else { t.create_object }}
                </button>
                <Outcome error done=saved/>
            </div>
        </form>
    }
    .into_any()
}

/// A conflict shows categories by their names.
fn show_object_value(t: &'static Texts, field: &str, value: &str) -> String {
    match (field, ObjectCategory::from_key(value)) {
        ("category", Ok(category)) => t.category(category).to_owned(),
        _ => value.to_owned(),
    }
}
