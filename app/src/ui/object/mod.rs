//! `/objects/:code`: one object's plan year and contents, laid out like the
//! object plan document (sections 2.2, 2.4, 4.2.3 and 4.3).

pub(crate) mod budget;
mod catalog;
mod goals;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::status::ErrorPage;
use super::tables::{hours, money, YearPicker};
use super::use_texts;
use crate::api::get_object_page;
use crate::views::{ObjectPage as Page, PlanView};

#[component]
pub fn ObjectPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let code = params.read().get("code").unwrap_or_default();
        let year = query.read().get("year").and_then(|y| y.parse::<i32>().ok());
        (code, year)
    };
    let data = Resource::new(key, |(code, year)| get_object_page(code, year));
    let t = use_texts();
    view! {
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <ObjectBody page/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ObjectBody(page: Page) -> impl IntoView {
    let t = use_texts();
    let object = page.object;
    let title = format!("{} ({})", object.name, object.code);
    let base = format!("/objects/{}", object.code);
    let year_suffix = page.year.map(|y| format!(" {y}")).unwrap_or_default();
    view! {
        <Title text=super::title_text(format!("{title}{year_suffix} – {}", t.app_name))/>
        <div class="page-head">
            <div>
                <p class="eyebrow">{t.category(object.category)}</p>
                <h1>{title}</h1>
                {(!object.description.is_empty()).then(|| view! { <p class="lead">{object.description.clone()}</p> })}
                <p class="object-links">
                    {page.can_manage.then(|| view! {
                        <a href=format!("/objects/{}/edit", object.code)>{t.edit_object}</a>
                        " · "
                        <a href=format!("/objects/{}/catalog", object.code)>{t.edit_catalog}</a>
                        " · "
                    })}
                    <a href=format!("/contracts?object={}", object.code) data-contracts-link>{t.contract.object_link}</a>
                </p>
            </div>
            <YearPicker years=page.years.clone() selected=page.year base/>
        </div>
        {(!page.nearby.is_empty()).then(|| view! {
            <section class="nearby" aria-labelledby="nearby-heading">
                <h2 id="nearby-heading" class="small-heading">{t.nearby_objects}</h2>
                <ul class="chips">
                    {page.nearby.into_iter().map(|n| view! {
                        <li><A href=format!("/objects/{}", n.code)>{n.name}" ("{n.code}")"</A></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {match page.plan {
            Some(plan) => {
                let next_exists = page.years.contains(&(plan.plan.year + 1));
                view! {
                    <crate::ui::plan::CycleSection
                        plan=plan.plan.clone()
                        can_approve=page.can_approve
                        can_manage=page.can_manage
                        next_exists
                    />
                    <PlanSections plan can_manage=page.can_manage/>
                }
                .into_any()
            }
            None => view! { <p class="notice">{t.no_plan_for_year}</p> }.into_any(),
        }}
        <catalog::Products products=page.products/>
        <catalog::ItComponents components=page.it_components/>
        <catalog::Organisation groups=page.organisation/>
    }
}

#[component]
fn PlanSections(plan: PlanView, can_manage: bool) -> impl IntoView {
    let t = use_texts();
    let settings = plan.plan.settings;
    let status = plan.plan.status;
    // Links to the edit pages, for those who may use them on an open plan.
    let export_base = format!("/objects/{}/plans/{}", plan.plan.object_code, plan.plan.year);
    let edit_base = (can_manage && status == crate::domain::PlanStatus::Draft)
        .then(|| format!("/objects/{}/plans/{}", plan.plan.object_code, plan.plan.year));
    view! {
        <section class="plan-summary" aria-labelledby="settings-heading">
            <h2 id="settings-heading" class="small-heading">{t.plan_settings}</h2>
            <dl class="kpis">
                <div class="kpi">
                    <dt>{t.col_budget}</dt>
                    <dd data-total="budget">{money(plan.matrix.total.amount)}</dd>
                </div>
                <div class="kpi">
                    <dt>{t.col_hours}</dt>
                    <dd data-total="hours">{hours(plan.matrix.total.hours)}</dd>
                </div>
                <div class="kpi">
                    <dt>{t.plan_status}</dt>
                    <dd><span class=format!("badge plan-{}", status.key())>{t.plan_status_label(status)}</span></dd>
                </div>
                <div class="kpi">
                    <dt>{t.rate_business}</dt>
                    <dd>{hours(settings.business_rate.value())}" "{t.per_hour}</dd>
                </div>
                <div class="kpi">
                    <dt>{t.rate_it}</dt>
                    <dd>{hours(settings.it_rate.value())}" "{t.per_hour}</dd>
                </div>
                <div class="kpi">
                    <dt>{t.hours_per_fte}</dt>
                    <dd>{hours(settings.hours_per_fte.value())}</dd>
                </div>
            </dl>
            <p class="actions plan-actions">
                {edit_base.clone().map(|base| view! {
                    <a class="button" href=format!("{base}/new")>{t.new_initiative}</a>
                    <a class="button" href=format!("{base}/settings")>{t.edit_settings}</a>
                    <a class="button" href=format!("{base}/import")>{t.import_link}</a>
                })}
                <a class="button" href=format!("{export_base}/priorities")>{t.priority_link}</a>
                <a class="button" href=format!("{export_base}/report")>{t.report_title}</a>
                <a class="button" href=format!("/objects/{}/compare", plan.plan.object_code)>{t.compare_link}</a>
                // Downloads: plain links, rel=external so the router leaves them to the browser.
                <a class="button" rel="external" download href=format!("{export_base}/export.xlsx")>{t.export_xlsx}</a>
                <a class="button" rel="external" download href=format!("{export_base}/export.csv")>{t.export_csv}</a>
            </p>
        </section>
        <section aria-labelledby="budget-heading">
            <h2 id="budget-heading">{t.section_budget}</h2>
            <budget::BudgetTable matrix=plan.matrix.clone()/>
            <budget::FteTable matrix=plan.matrix.clone()/>
        </section>
        <goals::Goals sections=plan.sections matrix=plan.matrix new_base=edit_base/>
    }
}
