//! What a person sees when someone else saved first: field by field, what
//! it was when they opened the page, what is stored now and what they
//! typed, and a choice between taking what is stored and keeping theirs.
//! Nothing is overwritten until they save again.

use leptos::prelude::*;

use super::form::{EditForm, FormState};
use crate::i18n::Texts;
use crate::ui::use_texts;

/// A save refused as stale: the stored version and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    pub version: i64,
    pub stored: Vec<(String, String)>,
}

/// Shown while `stale` holds a refused save. `version` and `opened` are
/// the edit's base: both move to what is stored once the person chooses.
#[component]
pub fn ConflictNotice<F, S>(
    state: FormState<F>,
    stale: RwSignal<Option<Stale>>,
    version: RwSignal<i64>,
    opened: RwSignal<F>,
    /// Shows a plain value the way the form shows it (keys become labels).
    show: S,
    /// What the form calls its `name` field, when not a goal's name.
    #[prop(optional)]
    name_label: Option<&'static str>,
) -> impl IntoView
where
    F: EditForm,
    S: Fn(&'static Texts, &str, &str) -> String + Send + Sync + 'static,
{
    let t = use_texts();
    let kept = RwSignal::new(false);
    let take_stored = move |_| {
        if let Some(s) = stale.get_untracked() {
            let stored = opened.get_untracked().with_values(&s.stored);
            state.reset(stored.clone());
            opened.set(stored);
            version.set(s.version);
            stale.set(None);
        }
    };
    let keep_mine = move |_| {
        if let Some(s) = stale.get_untracked() {
            opened.set(opened.get_untracked().with_values(&s.stored));
            version.set(s.version);
            stale.set(None);
            kept.set(true);
        }
    };
    move || match stale.get() {
        None => kept.get().then(|| view! { <p class="notice" role="status">{t.keep_mine_note}</p> }.into_any()),
        Some(s) => {
            let was = opened.get_untracked();
            let yours = state.form.get_untracked();
            let rows: Vec<_> = s
                .stored
                .iter()
                .filter(|(field, stored)| was.value(field) != *stored || yours.value(field) != *stored)
                .map(|(field, stored)| {
                    let changed = was.value(field) != *stored;
                    view! {
                        <tr class:changed=changed data-conflict=field.clone()>
                            <th scope="row">{match (field.as_str(), name_label) {
                                ("name", Some(label)) => label,
                                _ => t.field_label(field),
                            }}</th>
                            <td data-label=t.col_opened>{show(t, field, &was.value(field))}</td>
                            <td data-label=t.col_stored_now>{show(t, field, stored)}</td>
                            <td data-label=t.col_yours>{show(t, field, &yours.value(field))}</td>
                        </tr>
                    }
                })
                .collect();
            Some(
                view! {
                    <div class="conflict" role="alert" data-conflict-notice>
                        <h2>{t.conflict_title}</h2>
                        <p>{t.conflict_body}</p>
                        <table class="data-table stack">
                            <thead>
                                <tr>
                                    <th scope="col">{t.col_field}</th>
                                    <th scope="col">{t.col_opened}</th>
                                    <th scope="col">{t.col_stored_now}</th>
                                    <th scope="col">{t.col_yours}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <div class="actions">
                            <button type="button" on:click=take_stored>{t.use_stored}</button>" "
                            <button type="button" on:click=keep_mine>{t.keep_mine}</button>
                        </div>
                    </div>
                }
                .into_any(),
            )
        }
    }
}
