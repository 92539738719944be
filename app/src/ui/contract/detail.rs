//! `/contracts/:id`: one contract. Its status and the three dates that
//! matter (procurement start, notice deadline, end), its own timeline, the
//! register fields, the procurement initiative, the term changes those who
//! manage its objects may make (exercise an option, record a renewal or
//! notice), and its history. The page reloads its data after each change.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::reminders::ContractReminders;
use super::timeline::TimelineChart;
use super::{kronor, status_badge};
use crate::api::{get_contract, AppError, ChangeContractTerm, CreateProcurement, DeleteContract};
use crate::domain::{Contract, ContractEvent, ContractEventKind, ContractStatus};
use crate::i18n::fill;
use crate::ui::access::{after_success, general_error, last_error, succeeded, Changed};
use crate::ui::status::ErrorPage;
use crate::ui::{title_text, use_texts};
use crate::views::{ContractPage, ProcurementLink, ProcurementTarget};

#[component]
pub fn ContractDetailPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let counter = RwSignal::new(0_u32);
    provide_context(Changed(counter));
    let id = move || params.read().get("id").and_then(|id| id.parse::<i64>().ok());
    let data = Resource::new(
        move || (id(), counter.get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_contract(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Detail page/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// What went wrong with a change that belongs to no field.
#[component]
fn Outcome(error: Signal<Option<AppError>>, #[prop(into)] reload: String) -> impl IntoView {
    let t = use_texts();
    let c = t.contract;
    view! {
        <p class="form-outcome" role="status" aria-live="polite">
            {move || match error.get() {
                None => None,
                Some(AppError::Stale { .. }) => Some(view! {
                    <span class="form-error" data-stale>{c.stale}" "<a href=reload.clone() rel="external">{c.reload}</a></span>
                }.into_any()),
                Some(AppError::Conflict { message }) => Some(view! {
                    <span class="form-error" data-conflict=message.clone()>{c.conflict(&message).unwrap_or(t.err_conflict)}</span>
                }.into_any()),
                Some(other) => Some(view! { <span class="form-error">{general_error(t, &other)}</span> }.into_any()),
            }}
        </p>
    }
}

#[component]
fn Detail(page: ContractPage) -> impl IntoView {
    let t = use_texts();
    let c = t.contract;
    let ContractPage { row, contract, history, can_edit, procurement_targets, procurement, timeline, today } = page;
    let title = title_text(format!("{} – {} – {}", contract.reference, c.title, t.app_name));
    let href = format!("/contracts/{}", contract.id);
    let automatic = contract.deadlines(today).automatic_renewals;
    view! {
        <Title text=title/>
        <p class="breadcrumb"><a href="/contracts">{c.back}</a></p>
        <div class="page-head">
            <div>
                <p class="eyebrow">{contract.supplier.clone()}</p>
                <h1>{contract.reference.clone()}</h1>
                <p>{status_badge(row.status)}</p>
            </div>
            {can_edit.then(|| view! {
                <p class="page-actions"><a class="button" href=format!("/contracts/{}/edit", contract.id)>{c.edit}</a></p>
            })}
        </div>
        <dl class="key-dates" data-key-dates>
            <div class:past={today > row.term.procurement_start}>
                <dt>{c.label_procurement_start}</dt>
                <dd data-procurement-start>{row.term.procurement_start.to_string()}</dd>
            </div>
            <div class:past={today > row.term.notice_deadline}>
                <dt>{c.label_notice_deadline}</dt>
                <dd data-notice-deadline>{row.term.notice_deadline.to_string()}</dd>
            </div>
            <div class:past={today > row.term.end}>
                <dt>{c.label_current_end}</dt>
                <dd data-current-end>{row.term.end.to_string()}</dd>
            </div>
        </dl>
        {(automatic > 0).then(|| view! {
            <p class="notice" data-auto-renewed>{fill(c.auto_renewed_template, &[("n", &automatic.to_string())])}</p>
        })}
        <TimelineChart timeline/>
        <Facts contract=contract.clone()/>
        <Procurement contract=contract.clone() targets=procurement_targets link=procurement status=row.status href=href.clone()/>
        {can_edit.then(|| view! { <TermSection contract=contract.clone() today href=href.clone()/> })}
        <History events=history/>
        <ContractReminders id=contract.id/>
        {can_edit.then(|| view! { <DeleteSection contract=contract.clone() href=href.clone()/> })}
    }
}

#[component]
fn Facts(contract: Contract) -> impl IntoView {
    let t = use_texts();
    let c = t.contract;
    let options = if contract.options.count == 0 {
        c.no_options.to_owned()
    } else {
        fill(
            c.options_template,
            &[
                ("used", &contract.options.used.to_string()),
                ("count", &contract.options.count.to_string()),
                ("months", &contract.options.months.to_string()),
            ],
        )
    };
    let none = || "–".to_owned();
    view! {
        <section aria-labelledby="contract-facts">
            <h2 id="contract-facts">{c.details_heading}</h2>
            <dl class="facts contract-facts">
                <div><dt>{c.label_supplier}</dt><dd>{contract.supplier.clone()}</dd></div>
                <div>
                    <dt>{c.col_objects}</dt>
                    <dd data-objects>
                        {contract.object_codes.iter().enumerate().map(|(i, code)| view! {
                            {(i > 0).then_some(", ")}<a href=format!("/objects/{code}")>{code.clone()}</a>
                        }).collect_view()}
                    </dd>
                </div>
                <div><dt>{c.col_components}</dt><dd>{if contract.it_components.is_empty() { none() } else { contract.it_components.join(", ") }}</dd></div>
                <div><dt>{c.label_start}</dt><dd>{contract.start.to_string()}</dd></div>
                <div><dt>{c.label_end}</dt><dd>{contract.end.to_string()}</dd></div>
                <div><dt>{c.label_notice_months}</dt><dd>{contract.notice_months}</dd></div>
                <div><dt>{c.label_option_count}</dt><dd data-options>{options}</dd></div>
                {contract.auto_renewal_months.map(|n| view! {
                    <div><dt>{c.label_auto_renewal}</dt><dd>{fill(c.renews_template, &[("n", &n.to_string())])}</dd></div>
                })}
                {contract.notice_given_on.map(|date| view! {
                    <div><dt>{c.event_notice}</dt><dd data-notice-given>{fill(c.notice_given_template, &[("date", &date.to_string())])}</dd></div>
                })}
                <div><dt>{c.label_lead}</dt><dd>{contract.procurement_lead_months}</dd></div>
                <div><dt>{c.col_cost}</dt><dd class="nowrap" data-yearly-cost>{kronor(contract.yearly_cost)}</dd></div>
                <div><dt>{c.label_line_organisation}</dt><dd>{contract.line_organisation.clone().unwrap_or_else(none)}</dd></div>
                <div><dt>{c.label_owner}</dt><dd>{contract.owner.clone().unwrap_or_else(none)}</dd></div>
                <div><dt>{c.label_deputy}</dt><dd>{contract.deputy.clone().unwrap_or_else(none)}</dd></div>
            </dl>
            {(!contract.notes.is_empty()).then(|| view! {
                <h3>{c.label_notes}</h3>
                <p class="contract-notes">{contract.notes.clone()}</p>
            })}
        </section>
    }
}

#[component]
fn Procurement(
    contract: Contract,
    targets: Vec<ProcurementTarget>,
    link: Option<ProcurementLink>,
    status: ContractStatus,
    href: String,
) -> impl IntoView {
    let c = use_texts().contract;
    let action = ServerAction::<CreateProcurement>::new();
    let error = last_error(action.value());
    after_success(succeeded(action.value()));
    let id = contract.id;
    let body = if let Some(link) = link {
        view! {
            <p data-procurement-link>
                {c.procurement_made}" "
                <a href=format!("/initiatives/{}", link.initiative_id)>{link.name}</a>
                " "<span class="muted">{format!("({} {})", link.object_code, link.year)}</span>
            </p>
        }
        .into_any()
    } else if targets.is_empty() {
        let quiet = matches!(status, ContractStatus::Ok);
        view! { <p class="muted" class:hint=quiet data-procurement-none>{c.procurement_not_yet}</p> }.into_any()
    } else {
        view! {
            <p class="hint">{c.procurement_intro}</p>
            <div class="procurement-buttons">
                {targets.into_iter().map(|target| if !target.plan_exists {
                    view! {
                        <p class="notice" data-no-plan=target.object_code.clone()>
                            {fill(c.no_plan_template, &[("code", &target.object_code), ("year", &target.year.to_string())])}" "
                            {target.latest_plan.map(|latest| view! {
                                <a href=format!("/objects/{}/plans/{latest}/next-year", target.object_code)>{c.make_next_plan}</a>
                            })}
                        </p>
                    }.into_any()
                } else { view! {
                    <ActionForm action attr:class="inline-form">
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="object" value=target.object_code.clone()/>
                        <button type="submit" class="primary" data-procure=target.object_code.clone() disabled=move || action.pending().get()>
                            {fill(c.procurement_button_template, &[("code", &target.object_code), ("year", &target.year.to_string())])}
                        </button>
                    </ActionForm>
                }.into_any() }).collect_view()}
            </div>
            <Outcome error reload=href/>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="procurement-heading" data-section="procurement">
            <h2 id="procurement-heading">{c.procurement_heading}</h2>
            {body}
        </section>
    }
}

/// Options, renewals and notice: each a small form with a note.
#[component]
fn TermSection(contract: Contract, today: chrono::NaiveDate, href: String) -> impl IntoView {
    let c = use_texts().contract;
    let action = ServerAction::<ChangeContractTerm>::new();
    let error = last_error(action.value());
    let done = succeeded(action.value());
    after_success(done);
    let ended = contract.deadlines(today).status == ContractStatus::Ended;
    let open = contract.notice_given_on.is_none() && !ended;
    let mut choices: Vec<(ContractEventKind, String)> = Vec::new();
    if open && contract.options.left() > 0 {
        choices.push((
            ContractEventKind::OptionExercised,
            fill(c.exercise_option_template, &[("n", &contract.options.months.to_string())]),
        ));
    }
    if let Some(months) = contract.auto_renewal_months.filter(|_| contract.notice_given_on.is_none()) {
        choices.push((ContractEventKind::Renewed, fill(c.record_renewal_template, &[("n", &months.to_string())])));
    }
    if open {
        choices.push((ContractEventKind::NoticeGiven, c.give_notice.to_owned()));
    }
    let kind = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    (!choices.is_empty()).then(|| {
        let (id, version) = (contract.id, contract.version);
        view! {
            <section class="contract-term" aria-labelledby="term-heading" data-section="term">
                <h2 id="term-heading">{c.term_heading}</h2>
                <form method="post" action=ChangeContractTerm::url() class="plan-form" on:submit=move |ev| {
                    ev.prevent_default();
                    action.dispatch(ChangeContractTerm { id, version, kind: kind.get_untracked(), note: note.get_untracked() });
                }>
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="version" value=version/>
                    <div class="field">
                        <label for="term-note">{c.label_note}</label>
                        <textarea
                            id="term-note"
                            name="note"
                            rows="2"
                            maxlength=crate::domain::COMMENT_MAX_CHARS.to_string()
                            prop:value=move || note.get()
                            on:input=move |ev| note.set(event_target_value(&ev))
                        ></textarea>
                    </div>
                    <div class="form-actions">
                        {choices.into_iter().map(|(choice, label)| view! {
                            <button
                                type="submit"
                                name="kind"
                                value=choice.key()
                                data-term=choice.key()
                                on:click=move |_| kind.set(choice.key().to_owned())
                                disabled=move || action.pending().get()
                            >
                                {label}
                            </button>
                        }).collect_view()}
                    </div>
                    {move || done.get().then(|| view! { <p class="form-saved" role="status">{c.term_done}</p> })}
                    <Outcome error reload=href.clone()/>
                </form>
            </section>
        }
    })
}

#[component]
fn History(events: Vec<ContractEvent>) -> impl IntoView {
    let c = use_texts().contract;
    view! {
        <section aria-labelledby="contract-history" data-section="history">
            <h2 id="contract-history">{c.history_heading}</h2>
            {if events.is_empty() {
                view! { <p class="muted">{c.history_empty}</p> }.into_any()
            } else {
                view! {
                    <ol class="history">
                        {events.into_iter().map(|e| view! {
                            <li data-event=e.kind.key()>
                                <span class="nowrap">{e.on.to_string()}</span>" "
                                <strong>{c.event(e.kind)}</strong>" "
                                <span>{fill(c.event_change_template, &[("from", &e.previous_end.to_string()), ("to", &e.new_end.to_string())])}</span>
                                {e.by.map(|by| view! { " · "<span class="muted">{by}</span> })}
                                {(!e.note.is_empty()).then(|| view! { <p class="history-note">{e.note.clone()}</p> })}
                            </li>
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}

/// Deleting asks once more: the summary opens the question.
#[component]
fn DeleteSection(contract: Contract, href: String) -> impl IntoView {
    let c = use_texts().contract;
    let action = ServerAction::<DeleteContract>::new();
    let error = last_error(action.value());
    view! {
        <details class="danger-zone" data-action="delete">
            <summary>{c.delete}</summary>
            <p>{c.delete_confirm}</p>
            <ActionForm action>
                <input type="hidden" name="id" value=contract.id/>
                <input type="hidden" name="version" value=contract.version/>
                <button type="submit" class="danger" disabled=move || action.pending().get()>{c.delete_yes}</button>
            </ActionForm>
            <Outcome error reload=href/>
        </details>
    }
}
