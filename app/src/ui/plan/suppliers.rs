//! `/suppliers`: the supplier register shared by every object, with what
//! each supplier delivers and how many contracts it has. Anyone who
//! manages an object (and the steering group) adds, renames and removes
//! suppliers; a supplier still named by a component or contract stays.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::catalog::{stale_of, ConfirmForm, Disclosure, Summary};
use super::conflict::ConflictNotice;
use super::form::{FormState, TextField};
use super::{use_hydrated, Outcome};
use crate::api::{get_suppliers, RemoveSupplier, SaveSupplier};
use crate::domain::{SupplierEntry, SupplierForm};
use crate::i18n::Texts;
use crate::ui::access::{changed, last_error, succeeded, Changed};
use crate::ui::status::ErrorPage;
use crate::ui::tables::Scroller;
use crate::ui::use_texts;

#[component]
pub fn SuppliersPage() -> impl IntoView {
    let t = use_texts();
    let counter = RwSignal::new(0_u32);
    provide_context(Changed(counter));
    let data = Resource::new(move || counter.get(), |_| get_suppliers());
    view! {
        <Title text=format!("{} – {}", t.suppliers_title, t.app_name)/>
        <div class="page-head"><div><h1>{t.suppliers_title}</h1><p class="lead">{t.suppliers_intro}</p></div></div>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(register) => {
                        let can_edit = register.can_edit;
                        view! {
                            <Scroller label=t.suppliers_title.to_string()>
                                <table class="data-table stack suppliers">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t.col_supplier}</th>
                                            <th scope="col">{t.col_it_components}</th>
                                            <th scope="col" class="num">{t.col_contracts}</th>
                                            {can_edit.then(|| view! { <th scope="col">{t.col_actions}</th> })}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {register.suppliers.into_iter().map(|s| view! { <SupplierRow supplier=s can_edit/> }).collect_view()}
                                    </tbody>
                                </table>
                            </Scroller>
                            {can_edit.then(|| view! {
                                <section aria-labelledby="add-supplier">
                                    <h2 id="add-supplier">{t.add_supplier}</h2>
                                    <SupplierEditor existing=None summary=Summary::Open/>
                                </section>
                            })}
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SupplierRow(supplier: SupplierEntry, can_edit: bool) -> impl IntoView {
    let t = use_texts();
    let SupplierEntry { id, name, version, it_components, contracts } = supplier;
    let remove = ServerAction::<RemoveSupplier>::new();
    view! {
        <tr data-supplier=name.clone()>
            <th scope="row">{name.clone()}</th>
            <td data-label=t.col_it_components>
                {if it_components.is_empty() { t.none.to_owned() } else { it_components.join(", ") }}
            </td>
            <td class="num" data-label=t.col_contracts>{contracts}</td>
            {can_edit.then(|| view! {
                <td data-label=t.col_actions>
                    <SupplierEditor
                        existing=Some((id, version, SupplierForm { name: name.clone() }))
                        summary=Summary::Edit(name.clone())
                    />
                    <ConfirmForm
                        url=RemoveSupplier::url()
                        hidden=vec![("id", id.to_string()), ("version", version.to_string())]
                        label=t.remove
                        question=t.remove_supplier_confirm
                        error=last_error(remove.value())
                        done=remove.value()
                        on_confirm=Callback::new(move |_| {
                            remove.dispatch(RemoveSupplier { id, version });
                        })
                    />
                </td>
            })}
        </tr>
    }
}

fn show_plain(_: &'static Texts, _: &str, value: &str) -> String {
    value.to_owned()
}

#[component]
fn SupplierEditor(existing: Option<(i64, i64, SupplierForm)>, summary: Summary) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<SaveSupplier>::new();
    let error = last_error(save.value());
    let id = existing.as_ref().map(|(id, ..)| *id);
    let prefix = format!("supplier-{}", id.map_or_else(|| "new".to_owned(), |id| id.to_string()));
    let initial = existing.as_ref().map(|(.., form)| form.clone()).unwrap_or_default();
    let state = FormState::new(prefix, initial.clone(), error);
    let opened = RwSignal::new(initial);
    let version = RwSignal::new(existing.as_ref().map_or(0, |(_, v, _)| *v));
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
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        save.dispatch(SaveSupplier { id, version: id.map(|_| version.get_untracked()), name: f.name });
    };
    view! {
        <Disclosure summary open=Signal::derive(move || error.get().is_some())>
        <ConflictNotice state stale version opened show=show_plain name_label=t.label_item_name/>
        <form method="post" action=SaveSupplier::url() class="plan-form catalog-form" novalidate=move || hydrated.get() on:submit=on_submit>
            {id.map(|id| view! {
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="version" value=version.get_untracked() prop:value=move || version.get().to_string()/>
            })}
            <TextField state field="name" label=t.label_item_name required=true/>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>
                    {if id.is_some() { t.save } else { t.add_supplier }}
                </button>
                <Outcome error done=saved/>
            </div>
        </form>
        </Disclosure>
    }
}
