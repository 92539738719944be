//! The plan's budget and FTE tables as they will read once the edit is
//! saved, worked out in the browser by the same domain code the server
//! runs (`BudgetMatrix::compute`), again at every keystroke.

use leptos::prelude::*;

use crate::domain::{fte, Initiative, PlanSettings};
use crate::ui::object::budget::{BudgetTable, FteTable};
use crate::ui::tables::{fte as show_fte, money};
use crate::ui::use_texts;
use crate::views::live_matrix;

#[component]
pub fn LiveBudget(
    settings: Signal<PlanSettings>,
    others: Vec<Initiative>,
    /// The initiative being edited or created, as it would be saved.
    #[prop(optional)]
    edited: Option<Signal<Initiative>>,
) -> impl IntoView {
    let t = use_texts();
    let goal = move || {
        edited.map(|edited| {
            let (s, i) = (settings.get(), edited.get());
            let (business, it) = (i.business.cost(s.business_rate), i.it.cost(s.it_rate));
            let fte_total = fte(i.business.hours.value() + i.it.hours.value(), s.hours_per_fte);
            view! {
                <dl class="kpis goal-cost" data-live="goal">
                    <div class="kpi"><dt>{t.side_business}</dt><dd data-live="business">{money(business)}</dd></div>
                    <div class="kpi"><dt>{t.side_it}</dt><dd data-live="it">{money(it)}</dd></div>
                    <div class="kpi"><dt>{t.goal_cost}</dt><dd data-live="total">{money(business + it)}</dd></div>
                    <div class="kpi"><dt>{t.goal_fte}</dt><dd data-live="fte">{show_fte(fte_total)}</dd></div>
                </dl>
            }
        })
    };
    let tables = move || {
        let edited = edited.map(|e| e.get());
        let matrix = live_matrix(settings.get(), &others, edited.as_ref());
        view! {
            <BudgetTable matrix=matrix.clone()/>
            <FteTable matrix/>
        }
    };
    view! {
        <section class="live-budget" aria-labelledby="live-heading" data-live-budget>
            <h2 id="live-heading">{t.live_heading}</h2>
            <p class="hint">{t.live_note}</p>
            {goal}
            {tables}
        </section>
    }
    .into_any()
}
