//! `/objects/:code/catalog`: what an object is made of, for its owners and
//! leaders. Object products (in the object plan's order, with the business
//! and IT components each uses), the object's business components, and
//! the IT components it uses from the shared register. Every form is a
//! plain HTML form before hydration; after it, fields are checked as typed,
//! a stale save shows what changed, and the page reloads its data after
//! each change.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::conflict::{ConflictNotice, Stale};
use super::form::{EditForm, FormState, TextAreaField, TextField};
use super::{use_hydrated, Outcome};
use crate::api::{
    get_catalog_editor, AppError, LinkItComponent, MoveProduct, RemoveBusinessComponent, RemoveProduct,
    SaveBusinessComponent, SaveItComponent, SaveProduct, UnlinkItComponent,
};
use crate::domain::{
    BusinessComponent, ComponentForm, FieldProblem, ItComponent, ObjectProduct, ProductForm, Supplier, SupplierForm,
};
use crate::i18n::Texts;
use crate::ui::access::{changed, last_error, succeeded, Changed};
use crate::ui::status::ErrorPage;
use crate::ui::{title_text, use_texts};
use crate::views::CatalogEditor;

impl EditForm for ComponentForm {
    fn value(&self, field: &str) -> String {
        match field {
            "name" => self.name.clone(),
            "description" => self.description.clone(),
            "supplier" => self.supplier.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "name" => self.name = value,
            "description" => self.description = value,
            "supplier" => self.supplier = value,
            _ => {}
        }
    }

    fn problems(&self) -> Vec<FieldProblem> {
        self.check().err().unwrap_or_default()
    }
}

impl EditForm for ProductForm {
    fn value(&self, field: &str) -> String {
        match field {
            "name" => self.name.clone(),
            "description" => self.description.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "name" => self.name = value,
            "description" => self.description = value,
            _ => {}
        }
    }

    fn problems(&self) -> Vec<FieldProblem> {
        // The components are chosen from lists and checked by the server.
        self.check(&[], &[]).err().unwrap_or_default()
    }
}

impl EditForm for SupplierForm {
    fn value(&self, field: &str) -> String {
        if field == "name" {
            self.name.clone()
        } else {
            String::new()
        }
    }

    fn set(&mut self, field: &str, value: String) {
        if field == "name" {
            self.name = value;
        }
    }

    fn problems(&self) -> Vec<FieldProblem> {
        self.check().err().unwrap_or_default()
    }
}

#[component]
pub fn CatalogPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let counter = RwSignal::new(0_u32);
    provide_context(Changed(counter));
    let data = Resource::new(
        move || (params.read().get("code").unwrap_or_default(), counter.get()),
        |(code, _)| get_catalog_editor(code),
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => view! { <Catalog editor/> }.into_any(),
                    Err(error) => view! { <Title text=t.catalog_title/><ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Catalog(editor: CatalogEditor) -> impl IntoView {
    let t = use_texts();
    let CatalogEditor { object, products, business_components, it_components, other_it_components, suppliers } = editor;
    let code = object.code.clone();
    let title = title_text(format!("{} – {} – {}", t.catalog_title, object.name, t.app_name));
    let product_count = products.len();
    // Rows are keyed: after a change, a changed item (new version, new
    // place, new choices) gets a fresh row, closed, while the others keep
    // what the person has open. Reused rows would carry an open editor
    // over to whichever item lands in their place.
    let choices = format!(
        "{:?}/{:?}",
        business_components.iter().map(|c| (c.id, c.version)).collect::<Vec<_>>(),
        it_components.iter().map(|c| (c.id, c.version)).collect::<Vec<_>>()
    );
    let rows: Vec<(String, ObjectProduct, bool, bool)> = products
        .iter()
        .enumerate()
        .map(|(index, p)| {
            let (first, last) = (index == 0, index + 1 == product_count);
            (format!("{}/{}/{first}/{last}/{choices}", p.id, p.version), p.clone(), first, last)
        })
        .collect();
    let (business_rows, it_rows) = (business_components.clone(), it_components.clone());
    let (code_for_rows, code_for_business, code_for_it) = (code.clone(), code.clone(), code.clone());
    let (business_for_rows, it_for_rows) = (business_components.clone(), it_components.clone());
    let suppliers_for_it = suppliers.clone();
    view! {
        <Title text=title/>
        <p class="breadcrumb"><a href=format!("/objects/{}", object.code)>{format!("{} ({})", object.name, object.code)}</a></p>
        <div class="page-head"><div><h1>{t.catalog_title}</h1><p class="lead">{t.catalog_intro}</p></div></div>

        <section class="catalog" aria-labelledby="catalog-products">
            <h2 id="catalog-products">{t.section_products}" "<span class="count">"("{product_count}")"</span></h2>
            <ol class="catalog-list">
                <For each=move || rows.clone() key=|row| row.0.clone() let:row>
                    <ProductItem
                        code=code_for_rows.clone()
                        product=row.1
                        first=row.2
                        last=row.3
                        business=business_for_rows.clone()
                        it=it_for_rows.clone()
                    />
                </For>
            </ol>
            <ProductEditor
                code=code.clone()
                product=None
                business=business_components.clone()
                it=it_components.clone()
                summary=Summary::Add(t.add_product)
            />
        </section>

        <section class="catalog" aria-labelledby="catalog-business">
            <h2 id="catalog-business">{t.section_business_components}" "<span class="count">"("{business_components.len()}")"</span></h2>
            <ul class="catalog-list">
                <For each=move || business_rows.clone() key=|c| (c.id, c.version) let:c>
                    <BusinessItem code=code_for_business.clone() component=c/>
                </For>
            </ul>
            <ComponentEditor code=code.clone() existing=None suppliers=None summary=Summary::Add(t.add_business_component)/>
        </section>

        <section class="catalog" aria-labelledby="catalog-it">
            <h2 id="catalog-it">{t.section_it_components}" "<span class="count">"("{it_components.len()}")"</span></h2>
            <p class="hint">{t.it_register_note}" "<a href="/suppliers">{t.suppliers_title}</a></p>
            <ul class="catalog-list">
                <For each=move || it_rows.clone() key=|c| (c.id, c.version, c.supplier.as_ref().map(|s| s.name.clone())) let:c>
                    <ItItem code=code_for_it.clone() component=c suppliers=suppliers_for_it.clone()/>
                </For>
            </ul>
            <ComponentEditor
                code=code.clone()
                existing=None
                suppliers=Some(suppliers.clone())
                summary=Summary::Add(t.add_it_component)
            />
            {(!other_it_components.is_empty()).then(|| view! { <LinkComponent code=code.clone() choices=other_it_components/> })}
        </section>
    }
}

/// A name and its description, as the lists show an item.
fn item_head(name: String, description: String, extra: Option<String>) -> impl IntoView {
    view! {
        <div class="catalog-item-head">
            <strong class="catalog-name">{name}</strong>
            {(!description.is_empty()).then(|| view! { <span class="catalog-description">{description}</span> })}
            {extra.map(|text| view! { <span class="muted">{text}</span> })}
        </div>
    }
}

#[component]
fn BusinessItem(code: String, component: BusinessComponent) -> impl IntoView {
    let t = use_texts();
    let remove = ServerAction::<RemoveBusinessComponent>::new();
    let (id, version) = (component.id, component.version);
    let code_for_remove = code.clone();
    view! {
        <li class="catalog-item" data-item=component.name.clone()>
            {item_head(component.name.clone(), component.description.clone(), None)}
            <ComponentEditor
                code=code.clone()
                existing=Some((id, version, ComponentForm::of_business(&component)))
                suppliers=None
                summary=Summary::Edit(component.name.clone())
            />
            <ConfirmForm
                url=RemoveBusinessComponent::url()
                hidden=vec![("code", code), ("id", id.to_string()), ("version", version.to_string())]
                label=t.remove
                question=t.remove_component_confirm
                error=last_error(remove.value())
                done=remove.value()
                on_confirm=Callback::new(move |_| {
                    remove.dispatch(RemoveBusinessComponent { code: code_for_remove.clone(), id, version });
                })
            />
        </li>
    }
}

#[component]
fn ItItem(code: String, component: ItComponent, suppliers: Vec<Supplier>) -> impl IntoView {
    let t = use_texts();
    let unlink = ServerAction::<UnlinkItComponent>::new();
    let id = component.id;
    let supplier = component.supplier.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| t.no_supplier.to_owned());
    let others: Vec<String> = component.object_codes.iter().filter(|c| **c != code).cloned().collect();
    let shared = (!others.is_empty()).then(|| format!("{} {}", t.used_by_objects, others.join(", ")));
    let code_for_unlink = code.clone();
    view! {
        <li class="catalog-item" data-item=component.name.clone()>
            {item_head(component.name.clone(), component.description.clone(), Some(format!("{}: {supplier}", t.col_supplier)))}
            {shared.map(|text| view! { <p class="hint">{text}</p> })}
            <ComponentEditor
                code=code.clone()
                existing=Some((id, component.version, ComponentForm::of_it(&component)))
                suppliers=Some(suppliers)
                summary=Summary::Edit(component.name.clone())
            />
            <ConfirmForm
                url=UnlinkItComponent::url()
                hidden=vec![("code", code), ("id", id.to_string())]
                label=t.unlink_it_component
                question=t.unlink_confirm
                error=last_error(unlink.value())
                done=unlink.value()
                on_confirm=Callback::new(move |_| {
                    unlink.dispatch(UnlinkItComponent { code: code_for_unlink.clone(), id });
                })
            />
        </li>
    }
}

#[component]
fn ProductItem(
    code: String,
    product: ObjectProduct,
    first: bool,
    last: bool,
    business: Vec<BusinessComponent>,
    it: Vec<ItComponent>,
) -> impl IntoView {
    let t = use_texts();
    let remove = ServerAction::<RemoveProduct>::new();
    let (id, version) = (product.id, product.version);
    let list = |names: &[String]| if names.is_empty() { t.none.to_owned() } else { names.join(", ") };
    let code_for_remove = code.clone();
    view! {
        <li class="catalog-item" data-item=product.name.clone()>
            {item_head(product.name.clone(), product.description.clone(), None)}
            <dl class="catalog-uses">
                <div><dt>{t.col_business_components}</dt><dd>{list(&product.business_components)}</dd></div>
                <div><dt>{t.col_it_components}</dt><dd>{list(&product.it_components)}</dd></div>
            </dl>
            <div class="catalog-actions">
                <MoveForm code=code.clone() id version up=true disabled=first name=product.name.clone()/>
                <MoveForm code=code.clone() id version up=false disabled=last name=product.name.clone()/>
            </div>
            <ProductEditor code=code.clone() product=Some(product.clone()) business it summary=Summary::Edit(product.name.clone())/>
            <ConfirmForm
                url=RemoveProduct::url()
                hidden=vec![("code", code), ("id", id.to_string()), ("version", version.to_string())]
                label=t.remove
                question=t.remove_product_confirm
                error=last_error(remove.value())
                done=remove.value()
                on_confirm=Callback::new(move |_| {
                    remove.dispatch(RemoveProduct { code: code_for_remove.clone(), id, version });
                })
            />
        </li>
    }
}

/// Move a product one step up or down in the object's order.
#[component]
fn MoveForm(code: String, id: i64, version: i64, up: bool, disabled: bool, name: String) -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<MoveProduct>::new();
    let error = last_error(action.value());
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            changed();
        }
    });
    let code_for_submit = code.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        action.dispatch(MoveProduct { code: code_for_submit.clone(), id, version, up });
    };
    let label = if up { t.move_up } else { t.move_down };
    view! {
        <form method="post" action=MoveProduct::url() class="inline-form" on:submit=on_submit>
            <input type="hidden" name="code" value=code/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="version" value=version/>
            <input type="hidden" name="up" value=up.to_string()/>
            <button type="submit" disabled=move || disabled || action.pending().get() aria-label=format!("{label}: {name}")>
                {if up { "↑ " } else { "↓ " }}{label}
            </button>
            <Outcome error done=Signal::derive(|| false)/>
        </form>
    }
}

/// A button that asks once more (after hydration) before it sends its
/// form; without wasm the plain form sends at once.
#[component]
pub(super) fn ConfirmForm<T>(
    url: &'static str,
    hidden: Vec<(&'static str, String)>,
    label: &'static str,
    question: &'static str,
    error: Signal<Option<AppError>>,
    done: MappedSignal<Option<Result<T, AppError>>>,
    on_confirm: Callback<()>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let t = use_texts();
    let confirming = RwSignal::new(false);
    let yes = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(button) = yes.get() {
                let _ = button.focus();
            }
        }
    });
    Effect::new(move |_| {
        if matches!(done.get(), Some(Ok(_))) {
            changed();
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if confirming.get_untracked() {
            confirming.set(false);
            on_confirm.run(());
        } else {
            confirming.set(true);
        }
    };
    view! {
        <form method="post" action=url class="delete-form" on:submit=on_submit>
            {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
            {move || if confirming.get() {
                view! {
                    <div class="confirm" role="alert">
                        <p>{question}</p>
                        <button type="submit" class="danger" node_ref=yes>{t.delete_yes}</button>" "
                        <button type="button" on:click=move |_| confirming.set(false)>{t.cancel}</button>
                    </div>
                }
                .into_any()
            } else {
                view! { <button type="submit" class="danger">{label}</button> }.into_any()
            }}
            <Outcome error done=Signal::derive(|| false)/>
        </form>
    }
}

/// A stale save's stored values, from the action's error: after hydration
/// as it comes, and before it from the URL a plain form post lands on.
pub(super) fn stale_of(error: Option<AppError>) -> Option<Stale> {
    match error {
        Some(AppError::Stale { version, current }) => Some(Stale { version, stored: current }),
        _ => None,
    }
}

/// How an editor is shown: behind a disclosure that opens by itself when
/// its form came back with an error (a plain form post), or as it is.
#[derive(Clone)]
pub(super) enum Summary {
    /// "New …", below a list.
    Add(&'static str),
    /// "Edit", for the named item.
    Edit(String),
    Open,
}

#[component]
pub(super) fn Disclosure(summary: Summary, open: Signal<bool>, children: Children) -> impl IntoView {
    let t = use_texts();
    match summary {
        Summary::Open => children().into_any(),
        Summary::Add(text) => view! {
            <details class="catalog-add" open=move || open.get()>
                <summary>{text}</summary>
                {children()}
            </details>
        }
        .into_any(),
        Summary::Edit(name) => view! {
            <details open=move || open.get()>
                <summary>{t.edit_item}<span class="visually-hidden">": "{name}</span></summary>
                {children()}
            </details>
        }
        .into_any(),
    }
}

/// A conflict shows a supplier by its name.
fn show_component_value(suppliers: &[Supplier], field: &str, value: &str) -> String {
    if field == "supplier" {
        return suppliers.iter().find(|s| s.id.to_string() == value).map(|s| s.name.clone()).unwrap_or_default();
    }
    value.to_owned()
}

fn show_plain(_: &'static Texts, _: &str, value: &str) -> String {
    value.to_owned()
}

/// A new or existing business component (`suppliers: None`) or IT
/// component (`Some`: its supplier is chosen from the register).
#[component]
fn ComponentEditor(
    code: String,
    /// The component's id, version and form as stored; `None` for a new one.
    existing: Option<(i64, i64, ComponentForm)>,
    suppliers: Option<Vec<Supplier>>,
    summary: Summary,
) -> impl IntoView {
    let t = use_texts();
    let it = suppliers.is_some();
    let save_business = ServerAction::<SaveBusinessComponent>::new();
    let save_it = ServerAction::<SaveItComponent>::new();
    let business_error = last_error(save_business.value());
    let it_error = last_error(save_it.value());
    let error = Signal::derive(move || if it { it_error.get() } else { business_error.get() });
    let id = existing.as_ref().map(|(id, ..)| *id);
    let prefix =
        format!("{}-{}", if it { "it" } else { "bc" }, id.map_or_else(|| "new".to_owned(), |id| id.to_string()));
    let initial = existing.as_ref().map(|(.., form)| form.clone()).unwrap_or_default();
    let state = FormState::new(prefix.clone(), initial.clone(), error);
    let opened = RwSignal::new(initial);
    let version = RwSignal::new(existing.as_ref().map_or(0, |(_, v, _)| *v));
    let stale = RwSignal::new(stale_of(business_error.get_untracked().or(it_error.get_untracked())));
    let hydrated = use_hydrated();
    let saved_business = succeeded(save_business.value());
    let saved_it = succeeded(save_it.value());
    let stale_from = move |error: Option<AppError>| {
        if let Some(found) = stale_of(error) {
            stale.set(Some(found));
        }
    };
    Effect::new(move |_| stale_from(business_error.get()));
    Effect::new(move |_| stale_from(it_error.get()));
    Effect::new(move |_| {
        if saved_business.get() || saved_it.get() {
            changed();
        }
    });
    let code_for_submit = code.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        let v = id.map(|_| version.get_untracked());
        if it {
            save_it.dispatch(SaveItComponent {
                code: code_for_submit.clone(),
                id,
                version: v,
                name: f.name,
                description: f.description,
                supplier: f.supplier,
            });
        } else {
            save_business.dispatch(SaveBusinessComponent {
                code: code_for_submit.clone(),
                id,
                version: v,
                name: f.name,
                description: f.description,
            });
        }
    };
    let action = if it { SaveItComponent::url() } else { SaveBusinessComponent::url() };
    let pending = move || save_business.pending().get() || save_it.pending().get();
    let names = suppliers.clone().unwrap_or_default();
    let supplier_field = suppliers.map(|list| {
        let select_id = format!("{prefix}-supplier");
        let chosen = state.form.with_untracked(|f| f.supplier.clone());
        view! {
            <div class="field" data-field="supplier">
                <label for=select_id.clone()>{t.col_supplier}</label>
                <select
                    id=select_id
                    name="supplier"
                    prop:value=move || state.get("supplier")
                    on:change=move |ev| state.input("supplier", event_target_value(&ev))
                >
                    <option value="" selected=chosen.is_empty()>{t.no_supplier_choice}</option>
                    {list.into_iter().map(|s| {
                        let value = s.id.to_string();
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{s.name}</option> }
                    }).collect_view()}
                </select>
                {move || state.problem("supplier").map(|code| view! {
                    <p class="field-error">{t.field_error("supplier", &code)}</p>
                })}
            </div>
        }
    });
    // Supplier ids read as names in the conflict table.
    let show = move |_: &'static Texts, field: &str, value: &str| show_component_value(&names, field, value);
    view! {
        <Disclosure summary open=Signal::derive(move || error.get().is_some())>
        <ConflictNotice state stale version opened show name_label=t.label_item_name/>
        <form method="post" action=action class="plan-form catalog-form" novalidate=move || hydrated.get() on:submit=on_submit>
            <input type="hidden" name="code" value=code/>
            {id.map(|id| view! {
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="version" value=version.get_untracked() prop:value=move || version.get().to_string()/>
            })}
            <TextField state field="name" label=t.label_item_name required=true/>
            <TextAreaField state field="description" label=t.label_description/>
            {supplier_field}
            <div class="form-actions">
                <button type="submit" class="primary" disabled=pending>
                    {if id.is_some() { t.save } else if it { t.add_it_component } else { t.add_business_component }}
                </button>
                <Outcome error done=Signal::derive(move || saved_business.get() || saved_it.get())/>
            </div>
        </form>
        </Disclosure>
    }
}

/// A new or existing object product: its name, description, and which of
/// the object's components it uses (ticked, in the product's order first).
#[component]
fn ProductEditor(
    code: String,
    product: Option<ObjectProduct>,
    business: Vec<BusinessComponent>,
    it: Vec<ItComponent>,
    summary: Summary,
) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<SaveProduct>::new();
    let error = last_error(save.value());
    let id = product.as_ref().map(|p| p.id);
    let prefix = format!("product-{}", id.map_or_else(|| "new".to_owned(), |id| id.to_string()));
    let initial = product.as_ref().map(ProductForm::of).unwrap_or_default();
    let state = FormState::new(prefix.clone(), initial.clone(), error);
    let opened = RwSignal::new(initial);
    let version = RwSignal::new(product.as_ref().map_or(0, |p| p.version));
    let stale = RwSignal::new(stale_of(error.get_untracked()));
    let hydrated = use_hydrated();
    let saved = succeeded(save.value());
    Effect::new(move |_| {
        if let Some(found) = stale_of(error.get()) {
            stale.set(Some(found));
        }
    });
    Effect::new(move |_| {
        if saved.get() {
            changed();
        }
    });
    let chosen_business = RwSignal::new(product.as_ref().map(|p| p.business_component_ids.clone()).unwrap_or_default());
    let chosen_it = RwSignal::new(product.as_ref().map(|p| p.it_component_ids.clone()).unwrap_or_default());
    let code_for_submit = code.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        save.dispatch(SaveProduct {
            code: code_for_submit.clone(),
            id,
            version: id.map(|_| version.get_untracked()),
            name: f.name,
            description: f.description,
            business_components: chosen_business.get_untracked(),
            it_components: chosen_it.get_untracked(),
        });
    };
    let business: Vec<(i64, String)> = business.into_iter().map(|c| (c.id, c.name)).collect();
    let it: Vec<(i64, String)> = it.into_iter().map(|c| (c.id, c.name)).collect();
    view! {
        <Disclosure summary open=Signal::derive(move || error.get().is_some())>
        <ConflictNotice state stale version opened show=show_plain name_label=t.label_item_name/>
        <form method="post" action=SaveProduct::url() class="plan-form catalog-form" novalidate=move || hydrated.get() on:submit=on_submit>
            <input type="hidden" name="code" value=code/>
            {id.map(|id| view! {
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="version" value=version.get_untracked() prop:value=move || version.get().to_string()/>
            })}
            <TextField state field="name" label=t.label_item_name required=true/>
            <TextAreaField state field="description" label=t.label_description/>
            <Choices prefix=format!("{prefix}-bc") field="business_components" legend=t.legend_business_components options=business chosen=chosen_business/>
            <Choices prefix=format!("{prefix}-it") field="it_components" legend=t.legend_it_components options=it chosen=chosen_it/>
            {move || match error.get() {
                Some(AppError::Validation { field, message }) if field.ends_with("components") => Some(view! {
                    <p class="field-error">{t.field_error(&field, &message)}</p>
                }),
                _ => None,
            }}
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>
                    {if id.is_some() { t.save } else { t.add_product }}
                </button>
                <Outcome error done=saved/>
            </div>
        </form>
        </Disclosure>
    }
}

/// Tick boxes for a product's components, sent as `field[]` (no boxes
/// ticked sends nothing: the server reads that as none). Ticked ones keep
/// their order; a newly ticked one goes last.
#[component]
fn Choices(
    prefix: String,
    field: &'static str,
    legend: &'static str,
    options: Vec<(i64, String)>,
    chosen: RwSignal<Vec<i64>>,
) -> impl IntoView {
    let t = use_texts();
    // The product's own, in its order, then the rest.
    let mut ordered: Vec<(i64, String)> =
        chosen.get_untracked().iter().filter_map(|id| options.iter().find(|(o, _)| o == id).cloned()).collect();
    ordered.extend(options.iter().filter(|(id, _)| !chosen.with_untracked(|c| c.contains(id))).cloned());
    let name = format!("{field}[]");
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {if ordered.is_empty() {
                view! { <p class="muted">{t.no_components_yet}</p> }.into_any()
            } else {
                ordered.into_iter().map(|(id, label)| {
                    let input_id = format!("{prefix}-{id}");
                    let checked = chosen.with_untracked(|c| c.contains(&id));
                    view! {
                        // The box inside its label: no `for` needed.
                        <label class="choice">
                            <input
                                type="checkbox"
                                id=input_id
                                name=name.clone()
                                value=id
                                checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| *x != id);
                                        if on {
                                            c.push(id);
                                        }
                                    });
                                }
                            />
                            {label}
                        </label>
                    }
                }).collect_view().into_any()
            }}
        </fieldset>
    }
}

/// Use an IT component that is already in the register.
#[component]
fn LinkComponent(code: String, choices: Vec<(i64, String)>) -> impl IntoView {
    let t = use_texts();
    let link = ServerAction::<LinkItComponent>::new();
    let error = last_error(link.value());
    let chosen = RwSignal::new(String::new());
    Effect::new(move |_| {
        if matches!(link.value().get(), Some(Ok(_))) {
            changed();
        }
    });
    let code_for_submit = code.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        link.dispatch(LinkItComponent { code: code_for_submit.clone(), id: chosen.get_untracked() });
    };
    view! {
        <form method="post" action=LinkItComponent::url() class="plan-form catalog-link" on:submit=on_submit>
            <input type="hidden" name="code" value=code/>
            <div class="field">
                <label for="link-it-component">{t.link_it_component}</label>
                <select id="link-it-component" name="id" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">{t.choose_placeholder}</option>
                    {choices.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
                {move || match error.get() {
                    Some(AppError::Validation { field, message }) => Some(view! {
                        <p class="field-error">{t.field_error(&field, &message)}</p>
                    }),
                    _ => None,
                }}
            </div>
            <div class="form-actions">
                <button type="submit" disabled=move || link.pending().get()>{t.link_it_component_button}</button>
                <Outcome error done=Signal::derive(|| false)/>
            </div>
        </form>
    }
}
