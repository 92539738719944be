//! `/objects/:code/plans/:year/priorities`: the object leaders' priority
//! list. Reorder by dragging the handle (pointer events: mouse, touch and
//! pen alike), by keyboard (Space lifts, arrows move, Space drops, Escape
//! cancels; announced in a live region), or by the up, down and top
//! buttons (plain forms before hydration). A move shows at once and is
//! sent as an intent ("X before Y"); the server's order comes back, and a
//! refused move goes back with a message. The capacity line moves as items
//! move; the scores suggest an order item by item. Others' moves arrive by
//! server-sent events.
//!
//! The same board shows the portfolio's list across objects
//! (`/portfolio/priorities`, in `portfolio.rs`): there a filter may hide
//! items, and moves among the shown items are moves on the whole list.

use std::collections::HashMap;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::form::{FormState, TextField};
use super::{use_hydrated, Outcome};
use crate::api::{
    get_priorities, move_in_portfolio, move_initiative, AppError, SetCapacity, StepInPortfolio, StepInitiative,
    UndoMove, UndoPortfolioMove,
};
use crate::domain::{
    apply_move, capacity_line_of, collisions, step_move, suggested_order, within_view, Capacity, CapacityForm, Claim,
    Collision, FieldProblem, Initiative, Move, Step, PORTFOLIO_TOP,
};
use crate::i18n::Texts;
use crate::i18n::{format_hours_unit, format_money};
use crate::ui::access::{general_error, last_error, succeeded};
use crate::ui::status::ErrorPage;
use crate::ui::{title_text, use_texts};
use crate::views::{PortfolioFilter, PriorityPage as Page, PriorityRow};

impl super::form::EditForm for CapacityForm {
    fn value(&self, field: &str) -> String {
        match field {
            "business_hours" => self.business_hours.clone(),
            "it_hours" => self.it_hours.clone(),
            "budget" => self.budget.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "business_hours" => self.business_hours = value,
            "it_hours" => self.it_hours = value,
            "budget" => self.budget = value,
            _ => {}
        }
    }

    fn problems(&self) -> Vec<FieldProblem> {
        self.check().err().unwrap_or_default()
    }
}

#[component]
pub fn PriorityPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let reload = RwSignal::new(0_u32);
    let key = move || {
        let p = params.read();
        (p.get("code").unwrap_or_default(), p.get("year").and_then(|y| y.parse::<i32>().ok()).unwrap_or_default())
    };
    let data = Resource::new(move || (key(), reload.get()), |((code, year), _)| get_priorities(code, year));
    view! {
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Priorities page reload/> }.into_any(),
                    Err(error) => view! { <Title text=t.priority_title/><ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// A drag under way: the item, the order when it began, and where it
/// would drop (before that id; `None`: last).
#[derive(Clone, Copy, PartialEq)]
struct Drag {
    item: i64,
    target: Option<Option<i64>>,
}

#[component]
fn Priorities(page: Page, reload: RwSignal<u32>) -> impl IntoView {
    let t = use_texts();
    let Page { object, plan, rows, revision, can_undo, can_edit } = page;
    let title = title_text(format!("{} – {} {} – {}", t.priority_title, object.name, plan.year, t.app_name));
    let back = format!("/objects/{}?year={}", object.code, plan.year);
    let events = format!("/objects/{}/plans/{}/priorities/events", object.code, plan.year);
    view! {
        <Title text=title/>
        <p class="breadcrumb"><a href=back>{format!("{} ({}) – {}", object.name, object.code, plan.year)}</a></p>
        <div class="page-head"><div><h1>{t.priority_title}</h1><p class="lead">{t.priority_intro}</p></div></div>
        <CapacitySummary plan=plan.clone() can_edit reload/>
        <PriorityBoard
            list=List::Plan(plan.id)
            rows
            capacity=plan.capacity
            revision
            can_undo
            can_edit
            events
            filter=PortfolioFilter::default()
            reload
        />
    }
}

/// The list a board reorders: a plan's, or the portfolio's for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    Plan(i64),
    Portfolio(i32),
}

impl List {
    async fn send(self, step: Move) -> Result<crate::domain::Reordered, AppError> {
        match self {
            List::Plan(plan) => move_initiative(plan, step.item, step.before, String::new()).await,
            List::Portfolio(year) => move_in_portfolio(year, step.item, step.before, String::new()).await,
        }
    }
}

/// A board's shared state, handed to each item once.
#[derive(Clone, Copy)]
struct Shared {
    list: List,
    can_edit: bool,
    order: RwSignal<Vec<i64>>,
    /// The ids the filter shows, in order.
    visible: Memo<Vec<i64>>,
    line: Memo<crate::domain::CapacityLine>,
    suggestion: Memo<Vec<i64>>,
    collisions: Memo<Vec<Collision>>,
    lifted: RwSignal<Option<(i64, Vec<i64>)>>,
    drag: RwSignal<Option<Drag>>,
    announce: RwSignal<String>,
    filter: StoredValue<PortfolioFilter>,
}

/// The reorderable list itself, for a plan or the portfolio.
#[component]
#[allow(clippy::too_many_arguments)] // one page's data, passed once
pub(crate) fn PriorityBoard(
    list: List,
    rows: Vec<PriorityRow>,
    capacity: Capacity,
    revision: i64,
    can_undo: bool,
    can_edit: bool,
    /// Where the list's server-sent events come from.
    events: String,
    filter: PortfolioFilter,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let t = use_texts();
    let by_id: HashMap<i64, PriorityRow> = rows.iter().map(|r| (r.initiative.id, r.clone())).collect();
    let by_id = StoredValue::new(by_id);
    let order = RwSignal::new(rows.iter().map(|r| r.initiative.id).collect::<Vec<i64>>());
    let revision = RwSignal::new(revision);
    let in_flight = RwSignal::new(0_u32);
    let announce = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<AppError>);
    let lifted = RwSignal::new(None::<(i64, Vec<i64>)>);
    let drag = RwSignal::new(None::<Drag>);
    let filter = StoredValue::new(filter);
    let name_of =
        move |id: i64| by_id.with_value(|m| m.get(&id).map(|r| r.initiative.name.clone()).unwrap_or_default());

    let visible: Memo<Vec<i64>> = Memo::new(move |_| {
        order.with(|o| {
            by_id.with_value(|m| {
                filter.with_value(|f| o.iter().copied().filter(|id| m.get(id).is_some_and(|r| f.admits(r))).collect())
            })
        })
    });
    // The line counts every item, shown or not: capacity is the whole list's.
    let line = Memo::new(move |_| {
        order.with(|o| {
            by_id.with_value(|m| {
                capacity_line_of(
                    o.iter()
                        .filter_map(|id| m.get(id))
                        .map(|r| (r.initiative.business.hours.value(), r.initiative.it.hours.value(), r.cost)),
                    &capacity,
                )
            })
        })
    });
    let suggestion = Memo::new(move |_| {
        let shown: Vec<Initiative> = visible.with(|v| {
            by_id.with_value(|m| v.iter().filter_map(|id| m.get(id).map(|r| r.initiative.clone())).collect())
        });
        suggested_order(&shown)
    });
    // Among the top (above the line, or the first few without one).
    let collisions = Memo::new(move |_| {
        let top = line.with(|l| l.first_unfunded).unwrap_or(PORTFOLIO_TOP);
        order.with(|o| {
            by_id.with_value(|m| {
                let claims: Vec<Claim<'_>> = o
                    .iter()
                    .filter_map(|id| m.get(id))
                    .map(|r| Claim {
                        item: r.initiative.id,
                        object_id: r.initiative.plan_year_id,
                        resources: &r.resources,
                    })
                    .collect();
                collisions(&claims, top)
            })
        })
    });

    // Sends an intent; the order shows it at once and takes the server's
    // answer, or goes back (and reloads) when refused.
    let send = move |step: Move| {
        let before = order.get_untracked();
        let step = visible.with_untracked(|v| within_view(&before, v, step));
        let Ok(next) = apply_move(&before, step) else { return };
        if next == before {
            return;
        }
        order.set(next.clone());
        failure.set(None);
        let (place, total) =
            visible.with_untracked(|v| (v.iter().position(|&id| id == step.item).map_or(0, |p| p + 1), v.len()));
        announce.set(format!("{} {} {place} {} {total}", name_of(step.item), t.moved_to_place, t.of_total));
        in_flight.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let result = list.send(step).await;
            in_flight.update(|n| *n -= 1);
            match result {
                Ok(done) => {
                    if done.revision > revision.get_untracked() {
                        revision.set(done.revision);
                    }
                    if in_flight.get_untracked() == 0 {
                        order.set(done.order);
                    }
                }
                Err(error) => {
                    order.set(before);
                    announce.set(t.move_failed.to_owned());
                    failure.set(Some(error));
                    reload.update(|n| *n += 1);
                }
            }
        });
    };

    live_updates(events, revision, in_flight, reload);

    let unfunded_note = move || {
        line.with(|l| {
            l.first_unfunded.map(|index| {
                let over: Vec<&str> = l.demand[index].over.iter().map(|limit| t.limit(*limit)).collect();
                format!("{} {}", t.capacity_passed, over.join(", "))
            })
        })
    };
    let shared =
        Shared { list, can_edit, order, visible, line, suggestion, collisions, lifted, drag, announce, filter };
    view! {
        {can_edit.then(|| view! { <p class="hint">{t.priority_keyboard_hint}</p> })}
        {(!can_edit).then(|| view! { <p class="notice">{t.priority_read_only}</p> })}
        <p class="visually-hidden" role="status" aria-live="assertive">{move || announce.get()}</p>
        {move || failure.get().map(|error| view! { <p class="form-error" role="alert">{general_error(t, &error)}</p> })}
        {move || unfunded_note().map(|text| view! { <p class="capacity-note" data-capacity-note>{text}</p> })}
        {match list { List::Portfolio(year) => Some(view! { <CollisionList year collisions by_id/> }), List::Plan(_) => None }}
        {can_undo.then(|| view! { <UndoForm list order revision reload/> })}
        {move || visible.with(Vec::is_empty).then(|| view! { <p class="empty">{t.portfolio_none_shown}</p> })}
        <ol
            class="priority-list"
            class:dragging=move || drag.get().is_some()
            data-revision=move || revision.get().to_string()
            data-pending=move || in_flight.get().to_string()
        >
            <For each=move || visible.get() key=|id| *id let:id>
                {
                    let row = by_id.with_value(|m| m.get(&id).cloned());
                    row.map(|row| view! { <PriorityItem row shared send/> })
                }
            </For>
            <li class="drop-end" class:active=move || drag.get().is_some_and(|d| d.target == Some(None)) aria-hidden="true"></li>
        </ol>
    }
}

/// The portfolio's conflicts: what initiatives of several objects among the
/// top all need, each with a way to raise it (001, 2.3.4).
#[component]
fn CollisionList(
    year: i32,
    collisions: Memo<Vec<Collision>>,
    by_id: StoredValue<HashMap<i64, PriorityRow>>,
) -> impl IntoView {
    let t = use_texts();
    let entry = move |collision: Collision| {
        let rows: Vec<PriorityRow> =
            by_id.with_value(|m| collision.items.iter().filter_map(|id| m.get(id).cloned()).collect());
        let mut codes: Vec<String> = rows.iter().filter_map(|r| r.object.as_ref().map(|o| o.code.clone())).collect();
        codes.sort();
        codes.dedup();
        let kind = match collision.resource {
            crate::domain::Resource::ItComponent { .. } => t.resource_it_component,
            crate::domain::Resource::Supplier { .. } => t.resource_supplier,
        };
        let name = collision.resource.name().to_owned();
        let ids: Vec<String> = collision.items.iter().map(i64::to_string).collect();
        let title = format!("{}: {}", t.collision_title_prefix, name);
        let raise = format!(
            "/escalations/new?year={year}&objects={}&initiatives={}&title={}",
            codes.join(","),
            ids.join(","),
            crate::ui::encode_component(&title),
        );
        view! {
            <li data-collision=name.clone()>
                <span class="collision-kind">{kind}</span>" "<strong>{name.clone()}</strong>": "
                {rows.iter().map(|r| format!(
                    "{} ({})",
                    r.initiative.name,
                    r.object.as_ref().map(|o| o.code.as_str()).unwrap_or_default()
                )).collect::<Vec<_>>().join(" · ")}
                " "<a href=raise class="raise-link">{t.raise_escalation}</a>
            </li>
        }
    };
    view! {
        <section class="collisions" aria-label=t.collisions_title>
            {move || {
                let found = collisions.get();
                let count = found.len().to_string();
                if found.is_empty() {
                    view! { <p class="hint" data-collisions="0">{t.collisions_none}</p> }.into_any()
                } else {
                    view! {
                        <h2>{t.collisions_title}</h2>
                        <p class="hint">{t.collisions_intro}</p>
                        <ul class="collision-list" data-collisions=count>
                            {found.into_iter().map(entry).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn PriorityItem(row: PriorityRow, shared: Shared, send: impl Fn(Move) + Copy + Send + Sync + 'static) -> impl IntoView {
    let t = use_texts();
    let Shared { list, can_edit, order, visible, line, suggestion, collisions, lifted, drag, announce, filter } =
        shared;
    let PriorityRow { initiative, cost, score, object, resources } = row;
    let id = initiative.id;
    let name = initiative.name.clone();
    // Its rank in the whole list, and its place among the items shown.
    let place = Memo::new(move |_| order.with(|o| o.iter().position(|&x| x == id).unwrap_or(0)));
    let shown_at = Memo::new(move |_| visible.with(|v| v.iter().position(|&x| x == id).unwrap_or(0)));
    let unfunded = move || line.with(|l| l.first_unfunded.is_some_and(|first| place.get() >= first));
    // The line shows above the first unfunded item shown.
    let first_unfunded = move || {
        line.with(|l| {
            l.first_unfunded.is_some_and(|first| {
                let at = place.get();
                at >= first
                    && visible.with(|v| {
                        order.with(|o| {
                            v.iter().take_while(|&&x| x != id).all(|x| o.iter().position(|y| y == x) < Some(first))
                        })
                    })
            })
        })
    };
    let suggested = move || suggestion.with(|s| s.iter().position(|&x| x == id).unwrap_or(0));
    let collides: Memo<Vec<String>> = Memo::new(move |_| {
        collisions.with(|c| c.iter().filter(|c| c.items.contains(&id)).map(|c| c.resource.name().to_owned()).collect())
    });
    let is_lifted = move || lifted.with(|l| l.as_ref().is_some_and(|(item, _)| *item == id));
    let handle_id = format!("handle-{id}");

    let keyboard = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        let lifted_now = lifted.get_untracked();
        match (key.as_str(), lifted_now) {
            (" " | "Enter", None) => {
                ev.prevent_default();
                lifted.set(Some((id, order.get_untracked())));
                announce.set(format!("{} {}", name_of_row(&order, id, t), t.lifted_hint));
            }
            (" " | "Enter", Some((item, start))) if item == id => {
                ev.prevent_default();
                lifted.set(None);
                // The same order as the keys made, as one intent from the
                // start: before the item now following it in the view.
                let step = visible.with_untracked(|v| {
                    let at = v.iter().position(|&x| x == id).unwrap_or(0);
                    Move { item: id, before: v.get(at + 1).copied() }
                });
                order.set(start);
                send(step);
            }
            ("Escape", Some((item, start))) if item == id => {
                ev.prevent_default();
                order.set(start);
                lifted.set(None);
                announce.set(t.move_cancelled.to_owned());
                refocus(id);
            }
            ("ArrowUp" | "ArrowDown", Some((item, _))) if item == id => {
                ev.prevent_default();
                let current = order.get_untracked();
                let shown = visible.get_untracked();
                let step = if key == "ArrowUp" { Step::Up } else { Step::Down };
                let next = step_move(&shown, id, step)
                    .map(|m| within_view(&current, &shown, m))
                    .and_then(|m| apply_move(&current, m).ok());
                if let Some(next) = next {
                    order.set(next);
                    let (place, total) =
                        visible.with_untracked(|v| (v.iter().position(|&x| x == id).map_or(0, |p| p + 1), v.len()));
                    announce.set(format!("{} {place} {} {total}", t.place, t.of_total));
                    refocus(id);
                }
            }
            _ => {}
        }
    };

    let pointer_down = move |ev: leptos::ev::PointerEvent| {
        if !can_edit || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        drag.set(Some(Drag { item: id, target: None }));
        capture(&ev);
    };
    let pointer_move = move |ev: leptos::ev::PointerEvent| {
        if drag.with_untracked(|d| d.is_some_and(|d| d.item == id)) {
            let target = drop_target(ev.client_y() as f64, id);
            drag.update(|d| {
                if let Some(d) = d {
                    d.target = Some(target);
                }
            });
            auto_scroll(ev.client_y() as f64);
        }
    };
    let pointer_up = move |_ev: leptos::ev::PointerEvent| {
        if let Some(Drag { item, target: Some(before) }) = drag.get_untracked() {
            if item == id && before != Some(id) {
                send(Move { item, before });
            }
        }
        drag.set(None);
    };
    let pointer_cancel = move |_ev: leptos::ev::PointerEvent| drag.set(None);

    let name_for_steps = name.clone();
    let step_form = move |step: Step, label: &'static str, symbol: &'static str| {
        let name = name_for_steps.clone();
        let disabled = move || match step {
            Step::Up | Step::Top => shown_at.get() == 0,
            Step::Down => visible.with(|v| shown_at.get() + 1 >= v.len()),
        };
        let key = match step {
            Step::Up => "up",
            Step::Down => "down",
            Step::Top => "top",
        };
        let on_submit = move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Some(intent) = step_move(&visible.get_untracked(), id, step) {
                send(intent);
            }
        };
        let (action, scope) = match list {
            List::Plan(plan) => {
                (StepInitiative::url(), view! { <input type="hidden" name="plan_year_id" value=plan/> }.into_any())
            }
            List::Portfolio(year) => {
                let f = filter.get_value();
                (
                    StepInPortfolio::url(),
                    view! {
                        <input type="hidden" name="year" value=year/>
                        <input type="hidden" name="object" value=f.object/>
                        <input type="hidden" name="kind" value=f.kind/>
                        <input type="hidden" name="activity" value=f.activity/>
                    }
                    .into_any(),
                )
            }
        };
        view! {
            <form method="post" action=action class="step-form" on:submit=on_submit>
                {scope}
                <input type="hidden" name="item" value=id/>
                <input type="hidden" name="step" value=key/>
                <button type="submit" disabled=disabled aria-label=format!("{label}: {name}") title=label>{symbol}</button>
            </form>
        }
    };
    let accept = move |_| {
        let target = suggested();
        let rest: Vec<i64> = visible.get_untracked().into_iter().filter(|&x| x != id).collect();
        send(Move { item: id, before: rest.get(target).copied() });
    };
    let score_title = format!(
        "{}: {} · {}: {} · {}: {}",
        t.label_benefit,
        score.benefit.map_or_else(|| t.none.to_owned(), |s| s.to_string()),
        t.label_goal_contribution,
        score.goal_contribution.map_or_else(|| t.none.to_owned(), |s| s.to_string()),
        t.effort_points,
        score.effort_points.map_or_else(|| t.none.to_owned(), |s| s.to_string()),
    );
    view! {
        <li
            class="priority-item"
            class:unfunded=unfunded
            class:lifted=is_lifted
            class:drop-before=move || drag.get().is_some_and(|d| d.target == Some(Some(id)) && d.item != id)
            class:dragged=move || drag.get().is_some_and(|d| d.item == id)
            data-priority-row=id
            data-name=name.clone()
        >
            {move || first_unfunded().then(|| view! {
                <div class="capacity-line" role="note">{t.capacity_line}</div>
            })}
            <div class="priority-main">
                {can_edit.then(|| view! {
                    <button
                        type="button"
                        id=handle_id.clone()
                        class="drag-handle"
                        aria-label=format!("{}: {}", t.move_item, name)
                        aria-pressed=move || is_lifted().to_string()
                        on:keydown=keyboard
                        on:pointerdown=pointer_down
                        on:pointermove=pointer_move
                        on:pointerup=pointer_up
                        on:pointercancel=pointer_cancel
                    >"⠿"</button>
                })}
                <span class="priority-rank">{move || place.get() + 1}</span>
                {object.map(|o| view! { <span class="badge object-badge" title=o.name.clone()>{o.code.clone()}</span> })}
                <a class="priority-name" href=format!("/initiatives/{id}")>{name.clone()}</a>
                {move || unfunded().then(|| view! { <span class="badge unfunded-badge">{t.unfunded}</span> })}
                {move || collides.with(|names| (!names.is_empty()).then(|| view! {
                    <span class="badge collision-badge" data-collides>{format!("{}: {}", t.collision_badge, names.join(", "))}</span>
                }))}
            </div>
            <dl class="priority-facts">
                <div><dt>{t.col_main_activity}</dt><dd>{t.activity(initiative.main_activity)}</dd></div>
                <div><dt>{t.col_assignment_type}</dt><dd>{t.assignment_type(initiative.assignment_type)}</dd></div>
                <div><dt>{t.label_business_hours}</dt><dd class="num">{format_hours_unit(initiative.business.hours.value())}</dd></div>
                <div><dt>{t.label_it_hours}</dt><dd class="num">{format_hours_unit(initiative.it.hours.value())}</dd></div>
                <div><dt>{t.col_cost}</dt><dd class="num">{format_money(cost, t.currency)}</dd></div>
                <div><dt>{t.col_status}</dt><dd>{t.initiative_status(initiative.status)}</dd></div>
                <div><dt>{t.col_score}</dt><dd title=score_title.clone()>
                    {score.total}
                    <span class="score-breakdown">" ("{score_title.clone()}")"</span>
                </dd></div>
                {(!resources.is_empty()).then(|| {
                    let names: Vec<&str> = resources
                        .iter()
                        .filter(|r| matches!(r, crate::domain::Resource::ItComponent { .. }))
                        .map(|r| r.name())
                        .collect();
                    view! { <div class="wide"><dt>{t.label_it_components_touched}</dt><dd>{names.join(", ")}</dd></div> }
                })}
            </dl>
            {can_edit.then(|| view! {
                <div class="priority-actions">
                    {step_form(Step::Top, t.move_top, "⤒")}
                    {step_form(Step::Up, t.move_up, "↑")}
                    {step_form(Step::Down, t.move_down, "↓")}
                    {move || (suggested() != shown_at.get()).then(|| view! {
                        <button type="button" class="suggestion" on:click=accept>
                            {format!("{} {}", t.accept_suggestion, suggested() + 1)}
                        </button>
                    })}
                </div>
            })}
        </li>
    }
}

fn name_of_row(order: &RwSignal<Vec<i64>>, id: i64, t: &'static Texts) -> String {
    let place = order.with_untracked(|o| o.iter().position(|&x| x == id).map_or(0, |p| p + 1));
    format!("{} {place}", t.place)
}

/// Keeps keyboard focus on the moved item's handle (its row moved in the DOM).
fn refocus(id: i64) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        use leptos::wasm_bindgen::JsCast;
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("handle-{id}")))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// The pointer stays with the handle while dragging, wherever it goes.
fn capture(ev: &leptos::ev::PointerEvent) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        if let Some(element) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = element.set_pointer_capture(ev.pointer_id());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// The row the pointer is over, by the rows' middles: drop before the
/// first row (other than the dragged one) whose middle is below it, else
/// last.
#[allow(clippy::float_arithmetic)] // screen pixels from the DOM, never money
fn drop_target(y: f64, dragged: i64) -> Option<i64> {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let rows = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all("[data-priority-row]").ok())?;
        for index in 0..rows.length() {
            let Some(row) = rows.item(index).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let Some(id) = row.get_attribute("data-priority-row").and_then(|v| v.parse::<i64>().ok()) else { continue };
            if id == dragged {
                continue;
            }
            let rect = row.get_bounding_client_rect();
            if y < rect.top() + rect.height() / 2.0 {
                return Some(id);
            }
        }
        None
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (y, dragged);
        None
    }
}

/// Near the window's top or bottom edge while dragging, the page scrolls.
#[allow(clippy::float_arithmetic)] // screen pixels from the DOM, never money
fn auto_scroll(y: f64) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let edge = 48.0;
        if y < edge {
            window.scroll_by_with_x_and_y(0.0, -16.0);
        } else if y > height - edge {
            window.scroll_by_with_x_and_y(0.0, 16.0);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = y;
}

/// Others' moves: a server-sent event with the order's revision; a newer
/// one than shown reloads the list (unless a move of ours is on its way,
/// whose answer brings the order anyway).
fn live_updates(url: String, revision: RwSignal<i64>, in_flight: RwSignal<u32>, reload: RwSignal<u32>) {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use leptos::wasm_bindgen::closure::Closure;
        use leptos::wasm_bindgen::JsCast;
        let Ok(source) = web_sys::EventSource::new(&url) else { return };
        let on_reordered = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let newer = event.data().as_string().and_then(|d| d.parse::<i64>().ok());
            if let Some(newer) = newer {
                if newer > revision.get_untracked() && in_flight.get_untracked() == 0 {
                    reload.update(|n| *n += 1);
                }
            }
        });
        let _ = source.add_event_listener_with_callback("reordered", on_reordered.as_ref().unchecked_ref());
        on_reordered.forget();
        // Closed when the list is rebuilt or left (a local, non-Send value).
        let source = StoredValue::new_local(source);
        on_cleanup(move || source.with_value(|s| s.close()));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (url, revision, in_flight, reload);
}

#[component]
fn UndoForm(list: List, order: RwSignal<Vec<i64>>, revision: RwSignal<i64>, reload: RwSignal<u32>) -> impl IntoView {
    let t = use_texts();
    let undo = ServerAction::<UndoMove>::new();
    let undo_portfolio = ServerAction::<UndoPortfolioMove>::new();
    let value = Signal::derive(move || match list {
        List::Plan(_) => undo.value().get(),
        List::Portfolio(_) => undo_portfolio.value().get(),
    });
    let pending = move || undo.pending().get() || undo_portfolio.pending().get();
    let error = Signal::derive(move || value.get().and_then(Result::err));
    Effect::new(move |_| {
        if let Some(Ok(done)) = value.get() {
            revision.set(done.revision);
            order.set(done.order);
            reload.update(|n| *n += 1);
        }
    });
    let (action, scope) = match list {
        List::Plan(plan) => {
            (UndoMove::url(), view! { <input type="hidden" name="plan_year_id" value=plan/> }.into_any())
        }
        List::Portfolio(year) => {
            (UndoPortfolioMove::url(), view! { <input type="hidden" name="year" value=year/> }.into_any())
        }
    };
    view! {
        <form method="post" action=action class="undo-form" on:submit=move |ev: SubmitEvent| {
            ev.prevent_default();
            match list {
                List::Plan(plan_year_id) => { undo.dispatch(UndoMove { plan_year_id }); }
                List::Portfolio(year) => { undo_portfolio.dispatch(UndoPortfolioMove { year }); }
            }
        }>
            {scope}
            <button type="submit" disabled=pending>{t.undo_move}</button>
            <Outcome error done=Signal::derive(|| false)/>
        </form>
    }
}

/// What the object has for the year, and a form for it.
#[component]
fn CapacitySummary(plan: crate::domain::PlanYear, can_edit: bool, reload: RwSignal<u32>) -> impl IntoView {
    let t = use_texts();
    let capacity = plan.capacity;
    let show_hours =
        |h: Option<crate::domain::Hours>| h.map_or_else(|| t.not_set.to_owned(), |h| format_hours_unit(h.value()));
    let summary = view! {
        <dl class="facts capacity">
            <div><dt>{t.limit_business_hours}</dt><dd>{show_hours(capacity.business_hours)}</dd></div>
            <div><dt>{t.limit_it_hours}</dt><dd>{show_hours(capacity.it_hours)}</dd></div>
            <div><dt>{t.limit_budget}</dt><dd>{capacity.budget.map_or_else(|| t.not_set.to_owned(), |b| format_money(b.value(), t.currency))}</dd></div>
        </dl>
    };
    let form = can_edit.then(|| {
        let save = ServerAction::<SetCapacity>::new();
        let error = last_error(save.value());
        let state = FormState::new("capacity", CapacityForm::of(&capacity), error);
        let saved = succeeded(save.value());
        let hydrated = use_hydrated();
        Effect::new(move |_| {
            if saved.get() {
                reload.update(|n| *n += 1);
            }
        });
        let (plan_id, version) = (plan.id, plan.version);
        let on_submit = move |ev: SubmitEvent| {
            ev.prevent_default();
            if !state.try_submit() {
                return;
            }
            let f = state.form.get_untracked();
            save.dispatch(SetCapacity {
                plan_year_id: plan_id,
                version,
                business_hours: f.business_hours,
                it_hours: f.it_hours,
                budget: f.budget,
            });
        };
        view! {
            <details class="capacity-edit" open=move || error.get().is_some()>
                <summary>{t.edit_capacity}</summary>
                <form method="post" action=SetCapacity::url() class="plan-form" novalidate=move || hydrated.get() on:submit=on_submit>
                    <input type="hidden" name="plan_year_id" value=plan_id/>
                    <input type="hidden" name="version" value=version/>
                    <div class="field-row">
                        <TextField state field="business_hours" label=t.limit_business_hours hint=t.hint_optional numeric=true/>
                        <TextField state field="it_hours" label=t.limit_it_hours hint=t.hint_optional numeric=true/>
                        <TextField state field="budget" label=t.limit_budget hint=t.hint_optional numeric=true/>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="primary" disabled=move || save.pending().get()>{t.save}</button>
                        <Outcome error done=saved/>
                    </div>
                </form>
            </details>
        }
    });
    view! {
        <section class="capacity-section" aria-label=t.capacity_title>
            {summary}
            {form}
        </section>
    }
}
