//! The budget and FTE tables of section 4.3: main activity down, side and
//! assignment type across, sums on the right and at the foot.

use leptos::prelude::*;

use super::super::tables::{fte, money, Scroller};
use super::super::use_texts;
use crate::domain::{BudgetColumn, BudgetLine, BudgetMatrix, MainActivity, Side};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Measure {
    Money,
    Fte,
}

impl Measure {
    fn show(self, line: BudgetLine) -> String {
        match self {
            Measure::Money => money(line.amount),
            Measure::Fte => fte(line.fte),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Measure::Money => "budget",
            Measure::Fte => "fte",
        }
    }
}

#[component]
pub fn BudgetTable(matrix: BudgetMatrix) -> impl IntoView {
    let t = use_texts();
    view! { <Matrix matrix measure=Measure::Money caption=t.budget_table sum_label=t.col_sum_sek foot_label=t.row_sum/> }
}

#[component]
pub fn FteTable(matrix: BudgetMatrix) -> impl IntoView {
    let t = use_texts();
    view! { <Matrix matrix measure=Measure::Fte caption=t.fte_table sum_label=t.col_sum_time foot_label=t.row_sum_fte/> }
}

#[component]
fn Matrix(
    matrix: BudgetMatrix,
    measure: Measure,
    caption: &'static str,
    sum_label: &'static str,
    foot_label: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let columns = matrix.columns.clone();
    let spans: Vec<(Side, usize)> =
        Side::ALL.iter().map(|&side| (side, columns.iter().filter(|c| c.side == side).count())).collect();
    let key = |activity: MainActivity, column: BudgetColumn| {
        format!("{}.{}.{}", activity.key(), column.side.key(), column.assignment_type.key())
    };
    view! {
        <Scroller label=caption.to_string()>
            <table class="numbers matrix" data-table=measure.key()>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">{t.col_main_activity}</th>
                        {spans.into_iter().map(|(side, span)| view! {
                            <th scope="colgroup" colspan=span>{t.side(side)}</th>
                        }).collect_view()}
                        <th scope="col" rowspan="2" class="num">{sum_label}</th>
                    </tr>
                    <tr>
                        {columns.iter().map(|c| view! {
                            <th scope="col" class="num">
                                <abbr title=t.assignment_type(c.assignment_type)>{t.assignment_type_short(c.assignment_type)}</abbr>
                            </th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {MainActivity::ALL.iter().map(|&activity| view! {
                        <tr>
                            <th scope="row">{t.activity(activity)}</th>
                            {columns.iter().map(|&c| view! {
                                <td class="num" data-cell=key(activity, c)>
                                    {measure.show(matrix.cell(activity, c.side, c.assignment_type))}
                                </td>
                            }).collect_view()}
                            <td class="num sum" data-cell=format!("{}.total", activity.key())>
                                {measure.show(matrix.activity_total(activity))}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{foot_label}</th>
                        {columns.iter().map(|&c| view! {
                            <td class="num" data-cell=format!("total.{}.{}", c.side.key(), c.assignment_type.key())>
                                {measure.show(matrix.column_total(c))}
                            </td>
                        }).collect_view()}
                        <td class="num sum" data-cell="total">{measure.show(matrix.total)}</td>
                    </tr>
                </tfoot>
            </table>
        </Scroller>
    }
}
