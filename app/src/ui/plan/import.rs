//! Importing a plan year from a file: the upload form (a plain multipart
//! form, so it works the same before and after the wasm loads) and the
//! preview of what the file would create, change and remove, or of every
//! problem in it, before the person applies it all or nothing.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::fields::show_value;
use super::upload::Progress;
use super::{Outcome, PlanHead};
use crate::api::{get_import_preview, get_plan_editor, AppError, ApplyImport};
use crate::domain::workbook::{CellError, FieldChange, ImportPreview};
use crate::domain::InitiativeStatus;
use crate::i18n::Texts;
use crate::ui::access::last_error;
use crate::ui::status::ErrorPage;
use crate::ui::use_texts;
use crate::views::{ImportPreviewPage, PlanEditor};

fn plan_key() -> impl Fn() -> (String, i32) + Copy {
    let params = use_params_map();
    move || {
        let params = params.read();
        (params.get("code").unwrap_or_default(), params.get("year").and_then(|y| y.parse().ok()).unwrap_or_default())
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(plan_key(), |(code, year)| get_plan_editor(code, year));
    view! {
        <Title text=format!("{} – {}", t.import_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => view! { <UploadForm editor/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn UploadForm(editor: PlanEditor) -> impl IntoView {
    let t = use_texts();
    let PlanEditor { object, plan, can_edit, .. } = editor;
    let action = format!("/objects/{}/plans/{}/import/upload", object.code, plan.year);
    let progress = Progress::new();
    let on_submit = move |ev: SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use leptos::wasm_bindgen::JsCast;
            let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
            if form.is_some_and(|form| super::upload::send(&form, progress)) {
                ev.prevent_default();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, progress);
    };
    let export = format!("/objects/{}/plans/{}/export.xlsx", object.code, plan.year);
    view! {
        <PlanHead object plan heading=t.import_title/>
        {if can_edit {
            view! {
                <p>{t.import_intro}</p>
                <form method="post" action=action enctype="multipart/form-data" class="plan-form upload-form" on:submit=on_submit>
                    <label for="import-file">{t.import_file_label}</label>
                    <input
                        id="import-file"
                        name="file"
                        type="file"
                        required
                        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                        aria-describedby="import-file-hint"
                    />
                    <p class="hint" id="import-file-hint">
                        {t.import_file_hint}" "
                        <a href=export rel="external" download>{t.export_xlsx}</a>
                    </p>
                    <div class="form-actions">
                        <button type="submit" class="primary" disabled=move || progress.percent.get().is_some()>
                            {t.import_preview_button}
                        </button>
                    </div>
                    <div class="upload-progress" role="status" aria-live="polite">
                        {move || progress.percent.get().map(|percent| view! {
                            <label for="upload-progress">{t.uploading}" "{percent}" %"</label>
                            <progress id="upload-progress" max="100" value=percent></progress>
                        })}
                        {move || progress.failed.get().then(|| view! { <p class="form-error">{t.err_failed}</p> })}
                    </div>
                </form>
            }
            .into_any()
        } else {
            view! { <p class="notice">{t.plan_locked}</p> }.into_any()
        }}
    }
    .into_any()
}

#[component]
pub fn ImportPreviewRoute() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let id = move || params.read().get("draft").unwrap_or_default();
    let data = Resource::new(id, get_import_preview);
    view! {
        <Title text=format!("{} – {}", t.preview_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Preview page/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Preview(page: ImportPreviewPage) -> impl IntoView {
    let t = use_texts();
    let apply = ServerAction::<ApplyImport>::new();
    let error = last_error(apply.value());
    let again = format!("/objects/{}/plans/{}/import", page.object.code, page.plan.year);
    let id = page.draft_id.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        apply.dispatch(ApplyImport { id: id.clone() });
    };
    let body = if !page.errors.is_empty() {
        view! { <Problems errors=page.errors.clone()/> }.into_any()
    } else if let Some(preview) = page.preview.clone() {
        view! { <Changes preview/> }.into_any()
    } else {
        ().into_any()
    };
    view! {
        <PlanHead object=page.object.clone() plan=page.plan.clone() heading=t.preview_title/>
        <p class="muted" data-file>{page.file_name.clone()}</p>
        {page.stale.then(|| view! { <p class="notice" data-stale>{t.preview_stale}</p> })}
        {body}
        <div class="form-actions">
            {page.can_apply.then(|| view! {
                <form method="post" action=ApplyImport::url() on:submit=on_submit>
                    <input type="hidden" name="id" value=page.draft_id.clone()/>
                    <button type="submit" class="primary" disabled=move || apply.pending().get()>{t.apply_import}</button>
                </form>
            })}
            <a href=again>{t.upload_again}</a>
        </div>
        {move || match error.get() {
            Some(AppError::Conflict { message }) if message == "import_stale" => {
                Some(view! { <p class="form-error" role="alert">{t.imp_stale}</p> }.into_any())
            }
            _ => Some(view! { <Outcome error done=Signal::derive(|| false)/> }.into_any()),
        }}
    }
    .into_any()
}

#[component]
fn Problems(errors: Vec<CellError>) -> impl IntoView {
    let t = use_texts();
    let count = errors.len();
    view! {
        <div class="import-errors" role="alert" data-import-errors=count>
            <p class="form-error">{t.preview_errors}</p>
            <table class="data-table stack">
                <thead>
                    <tr>
                        <th scope="col">{t.col_sheet}</th>
                        <th scope="col">{t.col_cell}</th>
                        <th scope="col">{t.col_problem}</th>
                        <th scope="col">{t.col_content}</th>
                    </tr>
                </thead>
                <tbody>
                    {errors.into_iter().map(|e| view! {
                        <tr data-cell=format!("{}!{}", e.sheet, e.cell_name()) data-code=e.code.clone()>
                            <td data-label=t.col_sheet>{e.sheet.clone()}</td>
                            <td data-label=t.col_cell>{e.cell_name()}</td>
                            <td data-label=t.col_problem>{t.import_problem(&e.code)}</td>
                            <td data-label=t.col_content class="comment">{e.text.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A changed value as the forms show it (keys become labels).
fn shown(t: &'static Texts, field: &str, value: &str) -> String {
    match field {
        "status" => InitiativeStatus::from_key(value)
            .map(|s| t.initiative_status(s).to_owned())
            .unwrap_or_else(|_| value.to_owned()),
        _ => show_value(t, field, value),
    }
}

fn change_list(t: &'static Texts, changes: Vec<FieldChange>) -> impl IntoView {
    view! {
        <ul class="field-changes">
            {changes.into_iter().map(|c| view! {
                <li data-field=c.field.clone()>
                    {t.field_label(&c.field)}": "
                    <del>{shown(t, &c.field, &c.before)}</del>" → "<ins>{shown(t, &c.field, &c.after)}</ins>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Changes(preview: ImportPreview) -> impl IntoView {
    let t = use_texts();
    if preview.is_empty() {
        return view! { <p class="notice" data-nothing>{t.preview_nothing}</p> }.into_any();
    }
    let ImportPreview { created, changed, removed, unchanged, settings } = preview;
    view! {
        <dl class="kpis import-counts">
            <div class="kpi"><dt>{t.preview_created}</dt><dd data-count="created">{created.len()}</dd></div>
            <div class="kpi"><dt>{t.preview_changed}</dt><dd data-count="changed">{changed.len()}</dd></div>
            <div class="kpi"><dt>{t.preview_removed}</dt><dd data-count="removed">{removed.len()}</dd></div>
            <div class="kpi"><dt>{t.preview_unchanged}</dt><dd data-count="unchanged">{unchanged}</dd></div>
        </dl>
        {(!settings.is_empty()).then(|| view! {
            <section aria-labelledby="settings-changes"><h2 id="settings-changes">{t.preview_settings}</h2>{change_list(t, settings)}</section>
        })}
        {(!created.is_empty()).then(|| view! {
            <section aria-labelledby="created-heading">
                <h2 id="created-heading">{t.preview_created}</h2>
                <ul class="plain-list">
                    {created.into_iter().map(|c| view! {
                        <li>{c.input.name.clone()}" ("{t.activity(c.input.main_activity)}")"</li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!changed.is_empty()).then(|| view! {
            <section aria-labelledby="changed-heading">
                <h2 id="changed-heading">{t.preview_changed}</h2>
                {changed.into_iter().map(|c| view! {
                    <div class="changed-initiative" data-changed=c.id>
                        <h3>{c.name.clone()}</h3>
                        {change_list(t, c.changes)}
                    </div>
                }).collect_view()}
            </section>
        })}
        {(!removed.is_empty()).then(|| view! {
            <section aria-labelledby="removed-heading">
                <h2 id="removed-heading">{t.preview_removed}</h2>
                <ul class="plain-list">
                    {removed.into_iter().map(|r| view! { <li data-removed=r.id>{r.name.clone()}</li> }).collect_view()}
                </ul>
            </section>
        })}
    }
    .into_any()
}
