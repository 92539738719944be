//! The goals of each main activity, as in section 4.2.3: for every goal its
//! hours, other costs and sum on both sides, then the activity's sums.

use leptos::prelude::*;

use super::super::tables::{amount, hours, Scroller};
use super::super::use_texts;
use crate::domain::{AssignmentType, BudgetMatrix, Side};
use crate::views::{ActivitySection, InitiativeRow};

#[component]
pub fn Goals(sections: Vec<ActivitySection>, matrix: BudgetMatrix, new_base: Option<String>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section aria-labelledby="goals-heading">
            <h2 id="goals-heading">{t.section_initiatives}</h2>
            {sections.into_iter().map(|section| view! { <ActivityTable section matrix=matrix.clone() new_base=new_base.clone()/> }).collect_view()}
        </section>
    }
}

#[component]
fn ActivityTable(section: ActivitySection, matrix: BudgetMatrix, new_base: Option<String>) -> impl IntoView {
    let t = use_texts();
    let activity = section.activity;
    let heading = t.activity(activity);
    let id = format!("goals-{}", activity.key());
    let kr = t.currency;
    // The sums the document always shows (VM, VU), and any other type in use.
    let types: Vec<AssignmentType> = AssignmentType::ALL
        .iter()
        .copied()
        .filter(|&k| {
            matches!(k, AssignmentType::Maintain | AssignmentType::Develop)
                || section.initiatives.iter().any(|r| r.initiative.assignment_type == k)
        })
        .collect();
    let side_cell = move |side: Side, what: &'static str, text: String| {
        view! { <td class="num" data-sum=format!("{what}.{}", side.key())>{text}</td> }
    };
    view! {
        <div class="section-head">
            <h3 id=id.clone()>{heading}</h3>
            {new_base.map(|base| view! {
                <a href=format!("{base}/new?activity={}", activity.key()) aria-label=format!("{} – {heading}", t.new_initiative)>
                    "+ "{t.new_initiative}
                </a>
            })}
        </div>
        {if section.initiatives.is_empty() {
            view! { <p class="muted">{t.no_initiatives}</p> }.into_any()
        } else {
            view! {
                <Scroller label=heading.to_string()>
                    <table class="numbers goals" aria-labelledby=id data-activity=activity.key()>
                        <thead>
                            <tr>
                                <th scope="col">{t.col_initiative}</th>
                                <th scope="col">{t.col_assignment_type}</th>
                                <th scope="col">{t.col_priority}</th>
                                <th scope="col">{t.col_cost_type}</th>
                                <th scope="col" class="num">{t.side_business}</th>
                                <th scope="col" class="num">{t.side_it}</th>
                            </tr>
                        </thead>
                        {section.initiatives.into_iter().map(|row| view! { <GoalRows row/> }).collect_view()}
                        <tfoot>
                            {types.into_iter().map(|k| view! {
                                <tr>
                                    <th scope="row" colspan="4">{format!("{} ({})", t.sum_of, t.assignment_type_short(k))}</th>
                                    {Side::ALL.iter().map(|&side| side_cell(side, k.key(), format!("{} {kr}", amount(matrix.cell(activity, side, k).amount)))).collect_view()}
                                </tr>
                            }).collect_view()}
                            <tr class="total">
                                <th scope="row" colspan="4">{t.total}</th>
                                {Side::ALL.iter().map(|&side| side_cell(side, "total", format!("{} {kr}", amount(matrix.activity_side_total(activity, side).amount)))).collect_view()}
                            </tr>
                            <tr>
                                <th scope="row" colspan="4">{t.sum_hours}</th>
                                {Side::ALL.iter().map(|&side| side_cell(side, "hours", hours(matrix.activity_side_total(activity, side).hours))).collect_view()}
                            </tr>
                        </tfoot>
                    </table>
                </Scroller>
            }
            .into_any()
        }}
    }
}

/// One goal as three rows (hours, other costs, sum), like the document.
#[component]
fn GoalRows(row: InitiativeRow) -> impl IntoView {
    let t = use_texts();
    let kr = t.currency;
    let i = row.initiative;
    view! {
        <tbody class="goal" data-initiative=i.id>
            <tr>
                <th scope="rowgroup" rowspan="3">
                    <a href=format!("/initiatives/{}", i.id)>{i.name.clone()}</a>
                    " "
                    <span class=format!("badge status-{}", i.status.key())>{t.initiative_status(i.status)}</span>
                </th>
                <td rowspan="3">{t.assignment_type(i.assignment_type)}</td>
                <td rowspan="3">{i.priority.map(|p| p.to_string()).unwrap_or_default()}</td>
                <td>{t.cost_hours}</td>
                <td class="num">{hours(i.business.hours.value())}</td>
                <td class="num">{hours(i.it.hours.value())}</td>
            </tr>
            <tr>
                <td>{t.cost_other}</td>
                <td class="num">{format!("{} {kr}", amount(i.business.other.value()))}</td>
                <td class="num">{format!("{} {kr}", amount(i.it.other.value()))}</td>
            </tr>
            <tr class="goal-sum">
                <td>{t.cost_sum}</td>
                <td class="num">{format!("{} {kr}", amount(row.business_sum))}</td>
                <td class="num">{format!("{} {kr}", amount(row.it_sum))}</td>
            </tr>
        </tbody>
    }
}
