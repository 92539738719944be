//! The IT components an initiative touches, on its page: tick boxes for
//! those who manage its object (a plain form before hydration), a list for
//! everyone else. The portfolio's priority list finds conflicts between
//! objects from them.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::Outcome;
use crate::api::{get_initiative_components, InitiativeComponents, SaveInitiativeComponents};
use crate::ui::access::{last_error, succeeded};
use crate::ui::use_texts;

#[component]
pub fn ComponentsSection(id: i64) -> impl IntoView {
    let data = Resource::new(move || id, get_initiative_components);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                data.await.ok().map(|components| view! { <Components id components/> })
            })}
        </Suspense>
    }
}

#[component]
fn Components(id: i64, components: InitiativeComponents) -> impl IntoView {
    let t = use_texts();
    let InitiativeComponents { choices, selected, can_edit } = components;
    let chosen = RwSignal::new(selected.clone());
    let label = |name: &str, supplier: &Option<String>| match supplier {
        Some(supplier) => format!("{name} ({supplier})"),
        None => name.to_owned(),
    };
    let body = if can_edit && !choices.is_empty() {
        let save = ServerAction::<SaveInitiativeComponents>::new();
        let error = last_error(save.value());
        let saved = succeeded(save.value());
        let on_submit = move |ev: SubmitEvent| {
            ev.prevent_default();
            save.dispatch(SaveInitiativeComponents { initiative_id: id, components: chosen.get_untracked() });
        };
        let boxes = choices
            .iter()
            .map(|(component, name, supplier)| {
                let component = *component;
                view! {
                    <label class="choice">
                        <input
                            type="checkbox"
                            name="components[]"
                            value=component
                            checked=selected.contains(&component)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|x| *x != component);
                                    if on {
                                        c.push(component);
                                    }
                                });
                            }
                        />
                        {label(name, supplier)}
                    </label>
                }
            })
            .collect_view();
        view! {
            <form method="post" action=SaveInitiativeComponents::url() class="plan-form components-form" on:submit=on_submit>
                <input type="hidden" name="initiative_id" value=id/>
                <fieldset class="choices">
                    <legend class="visually-hidden">{t.initiative_components_title}</legend>
                    {boxes}
                </fieldset>
                {move || error.get().map(|e| view! {
                    <p class="field-error" role="alert">{crate::ui::access::general_error(t, &e)}</p>
                })}
                <div class="form-actions">
                    <button type="submit" disabled=move || save.pending().get()>{t.save_components}</button>
                    <Outcome error done=saved/>
                </div>
            </form>
        }
        .into_any()
    } else {
        let names: Vec<String> = choices
            .iter()
            .filter(|(component, _, _)| selected.contains(component))
            .map(|(_, name, supplier)| label(name, supplier))
            .collect();
        if names.is_empty() {
            view! { <p class="hint">{t.initiative_components_none}</p> }.into_any()
        } else {
            view! { <ul class="plain-list">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    view! {
        <section class="components-section" aria-labelledby="components-title">
            <h2 id="components-title">{t.initiative_components_title}</h2>
            <p class="hint">{t.initiative_components_intro}</p>
            {body}
        </section>
    }
}
