//! `/meetings/:id`: one meeting. Its facts and the snapshot's key figures,
//! the agenda grouped by kind with each item's source linked and its
//! decision, and — for the steering group while the meeting is open —
//! forms to record decisions, add and remove items, take the snapshot
//! again and close the meeting. The page reloads its data after each
//! change.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::fields::{Input, TextArea};
use super::{state_badge, use_hydrated, Figures, Outcome};
use crate::api::{
    get_meeting, AddAgendaItem, AppError, CloseMeeting, RecordDecision, RemoveAgendaItem, RetakeSnapshot,
};
use crate::domain::{AgendaItem, AgendaItemForm, AgendaKind, DecisionForm, Limit, Meeting, MEETING_TEXT_MAX_CHARS};
use crate::i18n::{fill, format_date, format_hours_unit, format_money, format_timestamp};
use crate::ui::access::{after_success, last_error, succeeded, Changed};
use crate::ui::locale::use_locale;
use crate::ui::plan::form::FormState;
use crate::ui::status::ErrorPage;
use crate::ui::{title_text, use_texts};
use crate::views::{agenda_groups, CapacityNote, MeetingPage, MeetingRow};

#[component]
pub fn MeetingDetailPage() -> impl IntoView {
    let m = use_locale().meeting();
    let params = use_params_map();
    let counter = RwSignal::new(0_u32);
    provide_context(Changed(counter));
    let id = move || params.read().get("id").and_then(|id| id.parse::<i64>().ok());
    let data = Resource::new(
        move || (id(), counter.get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_meeting(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{m.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Detail page/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Detail(page: MeetingPage) -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    let MeetingPage { meeting, figures, capacity, can_edit, others } = page;
    let title = title_text(format!("{} – {} – {}", meeting.title, m.list_title, t.app_name));
    let href = format!("/meetings/{}", meeting.id);
    let groups = agenda_groups(&meeting.items);
    let (id, year, open) = (meeting.id, meeting.year, meeting.is_open());
    view! {
        <Title text=title/>
        <p class="breadcrumb"><a href="/meetings">{m.list_title}</a></p>
        <div class="page-head">
            <div>
                <p class="eyebrow">{format!("{} · {}", m.eyebrow, format_date(meeting.held_on))}</p>
                <h1>{meeting.title.clone()}</h1>
                <p class="meeting-badges">{state_badge(meeting.state)}</p>
            </div>
        </div>
        <nav class="meeting-links no-print" aria-label=m.protocol_title>
            <A href=format!("/meetings/{id}/protocol")>{m.protocol_link}</A>
            <a href=format!("/meetings/{id}/protocol.xlsx") rel="external" download>{m.export_link}</a>
        </nav>
        <Facts meeting=meeting.clone()/>
        {(!open).then(|| view! { <p class="notice" data-closed>{m.closed_notice}</p> })}
        {(open && !can_edit).then(|| view! { <p class="notice" data-read-only>{m.read_only}</p> })}
        <section aria-labelledby="meeting-figures">
            <h2 id="meeting-figures">{m.figures_heading}</h2>
            <Figures figures/>
        </section>
        <section aria-labelledby="meeting-agenda" class="meeting-agenda">
            <h2 id="meeting-agenda">{m.agenda_heading}</h2>
            {groups.is_empty().then(|| view! { <p class="muted" data-empty>{m.empty_agenda}</p> })}
            {groups.into_iter().map(|(kind, items)| {
                let heading_id = format!("agenda-{}", kind.key());
                let capacity = capacity.clone();
                let href = href.clone();
                view! {
                    <section class="agenda-group" aria-labelledby=heading_id data-kind=kind.key()>
                        <h3 id=heading_id.clone()>{m.kind(kind)}" "<span class="count">"("{items.len()}")"</span></h3>
                        <ol class="agenda-items">
                            {items.into_iter().map(|item| view! {
                                <Item item meeting=id year capacity=capacity.clone() can_edit href=href.clone()/>
                            }).collect_view()}
                        </ol>
                    </section>
                }
            }).collect_view()}
        </section>
        {can_edit.then(|| view! { <AddItem meeting=id href=href.clone()/> })}
        {can_edit.then(|| view! { <Snapshot meeting=id href=href.clone()/> })}
        {can_edit.then(|| view! { <CloseSection meeting=id href=href.clone()/> })}
        <CompareWith meeting=id others/>
    }
}

#[component]
fn Facts(meeting: Meeting) -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    view! {
        <dl class="facts meeting-facts">
            <div><dt>{m.col_date}</dt><dd data-held-on>{format_date(meeting.held_on)}</dd></div>
            <div><dt>{m.col_year}</dt><dd data-year>{meeting.year}</dd></div>
            <div>
                <dt>{m.attendees_label}</dt>
                <dd data-attendees>
                    {if meeting.attendees.is_empty() {
                        m.no_attendees.to_owned()
                    } else {
                        meeting.attendees.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ")
                    }}
                </dd>
            </div>
            <div><dt>{m.snapshot_label}</dt><dd data-snapshot-at>{format_timestamp(meeting.snapshot_taken_at)}</dd></div>
            <div>
                <dt>{m.created_by}</dt>
                <dd>{meeting.created_by_name.clone().unwrap_or_else(|| t.system_actor.to_owned())}</dd>
            </div>
        </dl>
    }
}

/// What a capacity note says: each limit passed, demand against capacity.
fn capacity_text(note: &CapacityNote) -> String {
    let t = use_texts();
    let m = use_locale().meeting();
    let d = use_locale().dashboard();
    note.checks
        .iter()
        .map(|c| {
            let value = |v| match c.limit {
                Limit::Budget => format_money(v, t.currency),
                Limit::BusinessHours | Limit::ItHours => format_hours_unit(v),
            };
            fill(
                m.over_by,
                &[("limit", d.limit(c.limit)), ("demand", &value(c.demand)), ("capacity", &value(c.capacity))],
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
fn Item(
    item: AgendaItem,
    meeting: i64,
    year: i32,
    capacity: Vec<CapacityNote>,
    can_edit: bool,
    href: String,
) -> impl IntoView {
    let link = item.kind.href(&item.source, year);
    let note = (item.kind == AgendaKind::OverCapacity)
        .then(|| capacity.iter().find(|n| n.code == item.source).map(capacity_text))
        .flatten();
    let decided = !item.decision.is_empty();
    let title = match link {
        Some(link) => view! { <a href=link>{item.title.clone()}</a> }.into_any(),
        None => view! { <span>{item.title.clone()}</span> }.into_any(),
    };
    view! {
        <li class="agenda-item" data-item=item.id data-kind=item.kind.key() data-source=item.source.clone() class:decided=decided>
            <p class="agenda-title"><strong>{title}</strong></p>
            {(!item.detail.is_empty()).then(|| view! { <p class="agenda-detail muted">{item.detail.clone()}</p> })}
            {note.map(|text| view! { <p class="agenda-detail" data-capacity>{text}</p> })}
            {if can_edit {
                view! { <DecisionEditor item=item.clone() meeting href=href.clone()/> }.into_any()
            } else {
                view! { <Decision item=item.clone()/> }.into_any()
            }}
            {can_edit.then(|| view! { <RemoveItem item=item.id meeting href/> })}
        </li>
    }
}

/// A recorded decision (or that there is none yet), read-only.
#[component]
fn Decision(item: AgendaItem) -> impl IntoView {
    let m = use_locale().meeting();
    if item.decision.is_empty() {
        return view! { <p class="muted" data-decision="">{m.no_decision}</p> }.into_any();
    }
    view! {
        <div class="agenda-decision">
            <p class="decision-label">{m.label_decision}</p>
            <p class="decision-text" data-decision=item.decision.clone()>{item.decision.clone()}</p>
            <DecidedBy item/>
        </div>
    }
    .into_any()
}

#[component]
fn DecidedBy(item: AgendaItem) -> impl IntoView {
    let m = use_locale().meeting();
    item.decided_by_name.clone().map(|name| {
        view! {
            <p class="muted decided-by">
                {m.decided_by}" "{name}
                {item.decided_at.map(|at| format!(" {}", format_timestamp(at)))}
            </p>
        }
    })
}

#[component]
fn DecisionEditor(item: AgendaItem, meeting: i64, href: String) -> impl IntoView {
    let m = use_locale().meeting();
    let action = ServerAction::<RecordDecision>::new();
    let error = last_error(action.value());
    after_success(succeeded(action.value()));
    let prefix = format!("decision-{}", item.id);
    let state = FormState::new(prefix.clone(), DecisionForm { decision: item.decision.clone() }, error);
    let hydrated = use_hydrated();
    let (id, version) = (item.id, item.version);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let decision = state.form.get_untracked().decision;
        action.dispatch(RecordDecision { id: meeting, item: id, version, decision });
    };
    view! {
        <form method="post" action=RecordDecision::url() class="plan-form decision-form" novalidate=move || hydrated.get() on:submit=on_submit>
            <input type="hidden" name="id" value=meeting/>
            <input type="hidden" name="item" value=id/>
            <input type="hidden" name="version" value=version/>
            <TextArea state prefix field="decision" label=m.label_decision max_chars=MEETING_TEXT_MAX_CHARS/>
            <DecidedBy item/>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>{m.save_decision}</button>
                <Outcome error reload=href/>
            </div>
        </form>
    }
}

#[component]
fn RemoveItem(item: i64, meeting: i64, href: String) -> impl IntoView {
    let m = use_locale().meeting();
    let action = ServerAction::<RemoveAgendaItem>::new();
    let error = last_error(action.value());
    after_success(succeeded(action.value()));
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        action.dispatch(RemoveAgendaItem { id: meeting, item });
    };
    view! {
        <form method="post" action=RemoveAgendaItem::url() class="remove-item" on:submit=on_submit>
            <input type="hidden" name="id" value=meeting/>
            <input type="hidden" name="item" value=item/>
            <button type="submit" class="link-button" disabled=move || action.pending().get()>{m.remove_item}</button>
            <Outcome error reload=href/>
        </form>
    }
}

#[component]
fn AddItem(meeting: i64, href: String) -> impl IntoView {
    let m = use_locale().meeting();
    let action = ServerAction::<AddAgendaItem>::new();
    let error = last_error(action.value());
    after_success(succeeded(action.value()));
    let state = FormState::new("item", AgendaItemForm::default(), error);
    let hydrated = use_hydrated();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !state.try_submit() {
            return;
        }
        let f = state.form.get_untracked();
        action.dispatch(AddAgendaItem { id: meeting, title: f.title, detail: f.detail });
    };
    view! {
        <section class="meeting-action no-print" aria-labelledby="add-item-heading" data-action="add-item">
            <h2 id="add-item-heading">{m.add_heading}</h2>
            <form method="post" action=AddAgendaItem::url() class="plan-form" novalidate=move || hydrated.get() on:submit=on_submit>
                <input type="hidden" name="id" value=meeting/>
                <Input state prefix="item" field="title" label=m.label_item_title required=true/>
                <TextArea state prefix="item" field="detail" label=m.label_item_detail max_chars=MEETING_TEXT_MAX_CHARS/>
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=move || action.pending().get()>{m.add_button}</button>
                    <Outcome error reload=href/>
                </div>
            </form>
        </section>
    }
}

#[component]
fn Snapshot(meeting: i64, href: String) -> impl IntoView {
    let m = use_locale().meeting();
    let action = ServerAction::<RetakeSnapshot>::new();
    let error = last_error(action.value());
    after_success(succeeded(action.value()));
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        action.dispatch(RetakeSnapshot { id: meeting });
    };
    view! {
        <section class="meeting-action no-print" aria-labelledby="snapshot-heading" data-action="snapshot">
            <h2 id="snapshot-heading">{m.snapshot_heading}</h2>
            <p class="hint">{m.snapshot_intro}</p>
            <form method="post" action=RetakeSnapshot::url() on:submit=on_submit>
                <input type="hidden" name="id" value=meeting/>
                <button type="submit" disabled=move || action.pending().get()>{m.snapshot_button}</button>
                <Outcome error reload=href/>
            </form>
        </section>
    }
}

/// Closing asks once more after hydration; without wasm the plain form
/// sends at once.
#[component]
fn CloseSection(meeting: i64, href: String) -> impl IntoView {
    let m = use_locale().meeting();
    let action = ServerAction::<CloseMeeting>::new();
    let error = last_error(action.value());
    after_success(succeeded(action.value()));
    let confirming = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        confirming.set(false);
        action.dispatch(CloseMeeting { id: meeting });
    };
    view! {
        <section class="meeting-action no-print" aria-labelledby="close-heading" data-action="close">
            <h2 id="close-heading">{m.close_heading}</h2>
            <p class="hint">{m.close_intro}</p>
            <form method="post" action=CloseMeeting::url() on:submit=on_submit>
                <input type="hidden" name="id" value=meeting/>
                {move || if confirming.get() {
                    view! {
                        <div class="confirm" role="alert">
                            <p>{m.close_confirm}</p>
                            <button type="submit" class="danger">{m.close_button}</button>" "
                            <button type="button" on:click=move |_| confirming.set(false)>{m.cancel}</button>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="submit" class="danger" disabled=move || action.pending().get()>{m.close_button}</button>
                    }
                    .into_any()
                }}
                <Outcome error reload=href/>
            </form>
        </section>
    }
}

/// A plain GET form to the comparison, this meeting as the later one.
#[component]
fn CompareWith(meeting: i64, others: Vec<MeetingRow>) -> impl IntoView {
    let m = use_locale().meeting();
    (!others.is_empty()).then(|| {
        view! {
            <section class="meeting-action no-print" aria-labelledby="compare-heading">
                <h2 id="compare-heading">{m.compare_with}</h2>
                <form method="get" action="/meetings/compare" class="meeting-compare-form">
                    <input type="hidden" name="to" value=meeting/>
                    <div class="field">
                        <label for="compare-from">{m.label_from}</label>
                        <select id="compare-from" name="from">
                            {others.into_iter().map(|o| view! {
                                <option value=o.id>{format!("{} – {}", format_date(o.held_on), o.title)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit">{m.compare_button}</button>
                </form>
            </section>
        }
    })
}
