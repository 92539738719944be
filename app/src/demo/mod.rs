//! The demo portfolio loaded into an empty database on first start.
//!
//! AKN 2020 is transcribed from its object plan (`shared/seeds/000_…`) and
//! must reproduce that document's tables exactly. The other objects of the
//! guideline (`001_…`) get plausible, deterministic synthetic plans, and the
//! IT components get contracts whose dates are placed relative to `today`
//! so that expiry views always have something to show.

mod akn;
mod contracts;
mod portfolio;

use chrono::NaiveDate;

use crate::dataset::Dataset;

/// The whole demo portfolio as of `today`.
pub fn dataset(today: NaiveDate) -> Dataset {
    let mut data = Dataset::default();
    akn::add(&mut data);
    portfolio::add(&mut data);
    contracts::add(&mut data, today);
    data
}

/// Every reference in `data` that does not resolve: object codes, suppliers,
/// IT and business components, line organisations and e-mail addresses,
/// plus roles held on an object that is missing or not allowed. Empty when
/// the dataset is consistent.
#[cfg(test)]
pub(crate) fn dangling_references(data: &Dataset) -> Vec<String> {
    use std::collections::BTreeSet;

    let objects: BTreeSet<&str> = data.objects.iter().map(|o| o.code.as_str()).collect();
    let suppliers: BTreeSet<&str> = data.suppliers.iter().map(String::as_str).collect();
    let it_components: BTreeSet<&str> = data.it_components.iter().map(|c| c.name.as_str()).collect();
    let business: BTreeSet<(&str, &str)> =
        data.business_components.iter().map(|b| (b.object.as_str(), b.name.as_str())).collect();
    let people: BTreeSet<&str> = data.people.iter().map(|p| p.email.as_str()).collect();
    let line_organisations: BTreeSet<&str> = data.line_organisations.iter().map(String::as_str).collect();

    let mut dangling = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            dangling.push(what);
        }
    };
    for object in &data.objects {
        for code in &object.nearby {
            check(objects.contains(code.as_str()), format!("object {}: nearby object {code}", object.code));
        }
    }
    for component in &data.it_components {
        if let Some(supplier) = &component.supplier {
            check(
                suppliers.contains(supplier.as_str()),
                format!("IT component {}: supplier {supplier}", component.name),
            );
        }
        for code in &component.objects {
            check(objects.contains(code.as_str()), format!("IT component {}: object {code}", component.name));
        }
    }
    for component in &data.business_components {
        check(
            objects.contains(component.object.as_str()),
            format!("business component {}: object {}", component.name, component.object),
        );
    }
    for product in &data.products {
        let label = format!("product {} / {}", product.object, product.name);
        check(objects.contains(product.object.as_str()), format!("{label}: object"));
        for name in &product.business_components {
            check(
                business.contains(&(product.object.as_str(), name.as_str())),
                format!("{label}: business component {name}"),
            );
        }
        for name in &product.it_components {
            check(it_components.contains(name.as_str()), format!("{label}: IT component {name}"));
        }
    }
    for role in &data.roles {
        let label = format!("role {} {}", role.email, role.role.key());
        check(people.contains(role.email.as_str()), format!("{label}: person"));
        match &role.object {
            Some(code) => {
                check(objects.contains(code.as_str()), format!("{label}: object {code}"));
                check(role.role.is_per_object(), format!("{label}: held on object {code}"));
            }
            None => check(!role.role.is_per_object(), format!("{label}: held on no object")),
        }
    }
    for plan in &data.plan_years {
        check(objects.contains(plan.object.as_str()), format!("plan {} {}: object", plan.object, plan.year));
    }
    for contract in &data.contracts {
        let label = format!("contract {}", contract.reference);
        check(suppliers.contains(contract.supplier.as_str()), format!("{label}: supplier {}", contract.supplier));
        for name in &contract.it_components {
            check(it_components.contains(name.as_str()), format!("{label}: IT component {name}"));
        }
        for code in &contract.objects {
            check(objects.contains(code.as_str()), format!("{label}: object {code}"));
        }
        if let Some(line) = &contract.line_organisation {
            check(line_organisations.contains(line.as_str()), format!("{label}: line organisation {line}"));
        }
        for email in contract.owner.iter().chain(&contract.deputy) {
            check(people.contains(email.as_str()), format!("{label}: person {email}"));
        }
    }
    dangling
}
