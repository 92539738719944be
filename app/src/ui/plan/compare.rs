//! `/objects/:code/compare?from=…&to=…`: two plan years side by side, the
//! budget per main activity and every goal's cost in each year. The year
//! pickers are a plain GET form.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use rust_decimal::Decimal;

use crate::api::get_year_comparison;
use crate::domain::MainActivity;
use crate::ui::status::ErrorPage;
use crate::ui::tables::{money, Scroller};
use crate::ui::use_texts;
use crate::views::{Compared, YearComparison};

#[component]
pub fn ComparePage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let year = |name: &str| query.read().get(name).and_then(|y| y.parse::<i32>().ok());
        (params.read().get("code").unwrap_or_default(), year("from"), year("to"))
    };
    let data = Resource::new(key, |(code, from, to)| get_year_comparison(code, from, to));
    view! {
        <Title text=format!("{} – {}", t.compare_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(comparison) => view! { <Comparison comparison/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn shown(amount: Option<Decimal>) -> String {
    amount.map(money).unwrap_or_else(|| "–".to_owned())
}

/// The change with its sign, so it reads without colour.
fn change(compared: &Compared) -> String {
    let delta = compared.change();
    if delta > Decimal::ZERO {
        format!("+{}", money(delta))
    } else if delta < Decimal::ZERO {
        format!("−{}", money(-delta))
    } else {
        money(delta)
    }
}

fn year_picker(name: &'static str, label: &'static str, years: &[i32], chosen: i32) -> impl IntoView {
    let id = format!("compare-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {years.iter().map(|&y| view! { <option value=y selected=y == chosen>{y}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Comparison(comparison: YearComparison) -> impl IntoView {
    let t = use_texts();
    let YearComparison { object, years, from, to, activities, total, initiatives } = comparison;
    let (a, b) = (from.year, to.year);
    let back = format!("/objects/{}?year={}", object.code, b);
    view! {
        <p class="breadcrumb"><a href=back>{format!("{} ({})", object.name, object.code)}</a></p>
        <div class="page-head"><div><h1>{format!("{} {a} – {b}", t.compare_title)}</h1></div></div>
        {(years.len() < 2).then(|| view! { <p class="notice">{t.only_one_year}</p> })}
        <form method="get" class="filter-form">
            {year_picker("from", t.from_year, &years, a)}
            {year_picker("to", t.to_year, &years, b)}
            <button type="submit">{t.compare_button}</button>
        </form>
        <section aria-labelledby="compare-budget">
            <h2 id="compare-budget">{t.compare_budget}</h2>
            <Scroller label=t.compare_budget>
                <table class="numbers compare" data-compare="activities">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_main_activity}</th>
                            <th scope="col" class="num">{a}</th>
                            <th scope="col" class="num">{b}</th>
                            <th scope="col" class="num">{t.col_difference}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {activities.into_iter().map(|row| view! {
                            <tr data-activity=row.activity.key()>
                                <th scope="row">{t.activity(row.activity)}</th>
                                <td class="num">{shown(row.budget.from)}</td>
                                <td class="num">{shown(row.budget.to)}</td>
                                <td class="num">{change(&row.budget)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                    <tfoot>
                        <tr class="total" data-total="budget">
                            <th scope="row">{t.total}</th>
                            <td class="num">{shown(total.from)}</td>
                            <td class="num">{shown(total.to)}</td>
                            <td class="num">{change(&total)}</td>
                        </tr>
                    </tfoot>
                </table>
            </Scroller>
        </section>
        <section aria-labelledby="compare-goals">
            <h2 id="compare-goals">{t.compare_initiatives}</h2>
            <Scroller label=t.compare_initiatives>
                <table class="numbers compare" data-compare="initiatives">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_initiative}</th>
                            <th scope="col">{t.col_main_activity}</th>
                            <th scope="col" class="num">{a}</th>
                            <th scope="col" class="num">{b}</th>
                            <th scope="col" class="num">{t.col_difference}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {initiatives.into_iter().map(|row| {
                            let activity: MainActivity = row.activity;
                            view! {
                                <tr>
                                    <th scope="row">{row.name.clone()}</th>
                                    <td>{t.activity(activity)}</td>
                                    <td class="num">{shown(row.cost.from)}</td>
                                    <td class="num">{shown(row.cost.to)}</td>
                                    <td class="num">{change(&row.cost)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Scroller>
        </section>
    }
    .into_any()
}
