//! The demo portfolio loaded into an empty database on first start.
//!
//! AKN 2020 is transcribed from its object plan (`shared/seeds/000_…`) and
//! must reproduce that document's tables exactly. The other objects of the
//! guideline (`001_…`) get plausible, deterministic synthetic plans, and the
//! IT components get contracts whose dates are placed relative to `today`
//! so that expiry views always have something to show.

mod akn;
mod contracts;
mod escalations;
mod portfolio;
pub mod synthetic;

use chrono::NaiveDate;

use crate::dataset::Dataset;
use crate::domain::Role;

/// The password of every demo account. Demo data only, never a real
/// deployment: it is loaded with the demo portfolio and nowhere else.
pub const DEMO_PASSWORD: &str = "styrbord-demo";

/// [`DEMO_PASSWORD`] hashed once with argon2id (19 MiB, 2 passes), so that
/// loading the demo costs no hashing.
const DEMO_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$1Up2S6JUuFQRJbf9ZbMDwA$eMnggTnSUOfX9FWvi/R/gFOJJJNpZ0QKPa6Smpz0mX0";

/// One demo account per role (README lists them): e-mail, the role that
/// account shows, and the object it holds it on.
pub const DEMO_ACCOUNTS: &[(&str, Role, Option<&str>)] = &[
    ("alva.lind@linkoping.example", Role::Administrator, None),
    ("cecilia.wahlstrom@linkoping.example", Role::PsgMember, None),
    ("maria.ottosson@linkoping.example", Role::ObjectOwnerBusiness, Some("AKN")),
    ("krister.siggesjo@linkoping.example", Role::ObjectOwnerIt, Some("AKN")),
    ("urban.nilsson@linkoping.example", Role::ObjectLeaderBusiness, Some("AKN")),
    ("naris.radetinac@linkoping.example", Role::ObjectLeaderIt, Some("AKN")),
    ("andres.adelman@linkoping.example", Role::SpecialistBusiness, Some("AKN")),
    ("jonas.wiman@linkoping.example", Role::SpecialistIt, Some("AKN")),
    ("elin.forsberg@linkoping.example", Role::Reader, None),
];

/// The whole demo portfolio as of `today`, with its demo accounts.
pub fn dataset(today: NaiveDate) -> Dataset {
    let mut data = Dataset::default();
    akn::add(&mut data);
    portfolio::add(&mut data);
    contracts::add(&mut data, today);
    escalations::add(&mut data, today);
    data.credentials =
        DEMO_ACCOUNTS.iter().map(|&(email, _, _)| (email.to_owned(), DEMO_PASSWORD_HASH.to_owned())).collect();
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
    for escalation in &data.escalations {
        let label = format!("escalation {}", escalation.title);
        check(people.contains(escalation.raised_by.as_str()), format!("{label}: person {}", escalation.raised_by));
        check(!escalation.objects.is_empty(), format!("{label}: no objects"));
        for code in &escalation.objects {
            check(objects.contains(code.as_str()), format!("{label}: object {code}"));
        }
        for (code, name) in &escalation.initiatives {
            let planned = data.plan_years.iter().any(|p| {
                p.object == *code && p.year == escalation.year && p.initiatives.iter().any(|i| i.name == *name)
            });
            check(planned && escalation.objects.contains(code), format!("{label}: initiative {code}/{name}"));
        }
    }
    for (email, _) in &data.credentials {
        check(people.contains(email.as_str()), format!("credentials: person {email}"));
    }
    dangling
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_account_exists_holds_its_role_and_has_the_demo_password() {
        let data = dataset(NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"));
        for &(email, role, object) in DEMO_ACCOUNTS {
            assert!(
                data.roles.iter().any(|r| r.email == email && r.role == role && r.object.as_deref() == object),
                "{email} holds {role:?} on {object:?}"
            );
            assert!(data.credentials.iter().any(|(e, _)| e == email), "{email} can sign in");
        }
        assert_eq!(data.credentials.len(), DEMO_ACCOUNTS.len(), "only demo accounts get a password");
        assert_eq!(dangling_references(&data), Vec::<String>::new());
    }
}
