//! An initiative's status: a dated report with a comment, and the history
//! of every report, newest first.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::Outcome;
use crate::api::{get_initiative_editor, ReportStatus};
use crate::domain::{InitiativeStatus, StatusReport, COMMENT_MAX_CHARS};
use crate::ui::access::{described, invalid, last_error, succeeded, FieldError};
use crate::ui::use_texts;

#[component]
pub fn StatusSection(
    id: i64,
    status: InitiativeStatus,
    history: Vec<StatusReport>,
    can_report: bool,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let t = use_texts();
    let history = RwSignal::new(history);
    let current = RwSignal::new(status);
    let report = ServerAction::<ReportStatus>::new();
    let error = last_error(report.value());
    let done = succeeded(report.value());
    let chosen = RwSignal::new(status.key().to_owned());
    let date = RwSignal::new(today.to_string());
    let comment = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(updated)) = report.value().get() {
            current.set(updated.status);
            comment.set(String::new());
            leptos::task::spawn_local(async move {
                if let Ok(editor) = get_initiative_editor(id).await {
                    history.set(editor.history);
                }
            });
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        report.dispatch(ReportStatus {
            id,
            status: chosen.get_untracked(),
            date: date.get_untracked(),
            comment: comment.get_untracked(),
        });
    };
    let form = can_report.then(|| {
        view! {
            <form method="post" action=ReportStatus::url() class="status-form" on:submit=on_submit>
                <h3>{t.report_status}</h3>
                <input type="hidden" name="id" value=id/>
                <div class="field-row">
                    <div class="field">
                        <label for="status-status">{t.col_status}</label>
                        <select
                            id="status-status"
                            name="status"
                            prop:value=move || chosen.get()
                            on:change=move |ev| chosen.set(event_target_value(&ev))
                        >
                            {InitiativeStatus::ALL.iter().map(|&s| view! {
                                <option value=s.key() selected=s == status>{t.initiative_status(s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="status-date">{t.label_as_of}</label>
                        <input
                            id="status-date"
                            name="date"
                            type="date"
                            required
                            value=today.to_string()
                            prop:value=move || date.get()
                            aria-invalid=invalid(error, "date")
                            aria-describedby=described(error, "status", "date")
                            on:input=move |ev| date.set(event_target_value(&ev))
                        />
                        <FieldError error field="date" form="status"/>
                    </div>
                </div>
                <div class="field">
                    <label for="status-comment">{t.label_comment}</label>
                    // Bound as a property, never as the element's child text
                    // (Leptos does not escape a textarea's children).
                    <textarea
                        id="status-comment"
                        name="comment"
                        rows="3"
                        maxlength=COMMENT_MAX_CHARS.to_string()
                        prop:value=move || comment.get()
                        aria-invalid=invalid(error, "comment")
                        aria-describedby=described(error, "status", "comment")
                        on:input=move |ev| comment.set(event_target_value(&ev))
                    ></textarea>
                    <FieldError error field="comment" form="status"/>
                </div>
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=move || report.pending().get()>{t.report_status}</button>
                    <Outcome error done/>
                </div>
            </form>
        }
    });
    view! {
        <section class="status-section" aria-labelledby="status-heading">
            <h2 id="status-heading">{t.status_heading}</h2>
            <p>
                {t.col_status}": "
                {move || {
                    let s = current.get();
                    view! { <span class=format!("badge status-{}", s.key()) data-status=s.key()>{t.initiative_status(s)}</span> }
                }}
            </p>
            {form}
            {move || history.with(|reports| if reports.is_empty() {
                view! { <p class="muted">{t.no_reports}</p> }.into_any()
            } else {
                view! {
                    <table class="data-table stack status-history">
                        <caption>{t.status_heading}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t.col_as_of}</th>
                                <th scope="col">{t.col_status}</th>
                                <th scope="col">{t.label_comment}</th>
                                <th scope="col">{t.col_reported_by}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {reports.iter().map(|r| view! {
                                <tr>
                                    <td data-label=t.col_as_of class="nowrap">{r.as_of.to_string()}</td>
                                    <td data-label=t.col_status>
                                        <span class=format!("badge status-{}", r.status.key())>{t.initiative_status(r.status)}</span>
                                    </td>
                                    <td data-label=t.label_comment class="comment">{r.comment.clone()}</td>
                                    <td data-label=t.col_reported_by>
                                        {r.reported_by.clone().unwrap_or_else(|| t.system_actor.to_owned())}
                                        <span class="muted nowrap">" "{r.reported_at.format("%Y-%m-%d %H:%M").to_string()}</span>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
        </section>
    }
    .into_any()
}
