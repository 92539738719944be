//! What the object is made of: its products with their business and IT
//! components (section 2.2), and its IT components with suppliers (2.4).

use leptos::prelude::*;

use super::super::tables::Scroller;
use super::super::use_texts;
use crate::domain::{ItComponent, ObjectProduct};
use crate::views::RoleGroup;

#[component]
pub fn Products(products: Vec<ObjectProduct>) -> impl IntoView {
    let t = use_texts();
    let list = |names: Vec<String>| {
        if names.is_empty() {
            view! { <span class="muted">{t.none}</span> }.into_any()
        } else {
            view! { <ul class="plain-list">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    view! {
        <section aria-labelledby="products-heading">
            <h2 id="products-heading">{t.section_products}" "<span class="count">"("{products.len()}")"</span></h2>
            <table class="stack products">
                <thead>
                    <tr>
                        <th scope="col">{t.col_product}</th>
                        <th scope="col">{t.col_business_components}</th>
                        <th scope="col">{t.col_it_components}</th>
                    </tr>
                </thead>
                <tbody>
                    {products.into_iter().map(|p| view! {
                        <tr data-product=p.position>
                            <th scope="row">
                                <span class="product-name">{p.position}". "{p.name}</span>
                                {(!p.description.is_empty()).then(|| view! { <span class="product-description">{p.description}</span> })}
                            </th>
                            <td data-label=t.col_business_components>{list(p.business_components)}</td>
                            <td data-label=t.col_it_components>{list(p.it_components)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
pub fn ItComponents(components: Vec<ItComponent>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section aria-labelledby="components-heading">
            <div class="section-head">
                <h2 id="components-heading">{t.section_it_components}" "<span class="count">"("{components.len()}")"</span></h2>
                <a href="/suppliers">{t.suppliers_title}</a>
            </div>
            <Scroller label=t.section_it_components.to_string()>
                <table class="components">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_it_component}</th>
                            <th scope="col">{t.col_supplier}</th>
                            <th scope="col">{t.col_description}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {components.into_iter().map(|c| view! {
                            <tr>
                                <th scope="row">{c.name}</th>
                                <td>{match c.supplier {
                                    Some(s) => view! { <span>{s.name}</span> }.into_any(),
                                    None => view! { <span class="muted" title=t.no_supplier>{t.none}</span> }.into_any(),
                                }}</td>
                                <td>
                                    {c.description}
                                    {(!c.products.is_empty()).then(|| view! {
                                        <span class="used-in">{t.used_in_products}": "{c.products.join(", ")}</span>
                                    })}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Scroller>
        </section>
    }
}

/// Who manages the object (the object plan's section 5.2).
#[component]
pub fn Organisation(groups: Vec<RoleGroup>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section aria-labelledby="organisation-heading">
            <h2 id="organisation-heading">{t.section_organisation}</h2>
            {if groups.is_empty() {
                view! { <p class="muted">{t.no_organisation}</p> }.into_any()
            } else {
                view! {
                    <dl class="organisation">
                        {groups.into_iter().map(|g| view! {
                            <div>
                                <dt>{t.role(g.role)}</dt>
                                <dd>{g.people.join(", ")}</dd>
                            </div>
                        }).collect_view()}
                    </dl>
                }.into_any()
            }}
        </section>
    }
}
