//! Demo contracts: one per supplier with IT components, dated relative to
//! `today` so that the expiry views always show contracts ending soon,
//! within a year, within two years, later, and some already ended.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::dataset::{ContractSeed, Dataset};
use crate::domain::{add_months, sub_months, ExtensionOptions, MainActivity, Money, Role};

use super::portfolio::hash;

/// Months from today to each contract's current end, cycled through in
/// contract order: within 3 months (≤ 2), within 12, within 24, later
/// (3–5 years), and already ended (negative; in the first round only).
const END_OFFSETS: [i32; 16] = [2, 7, 16, 40, -3, 10, 21, 50, 1, 5, 13, 36, -14, 9, 23, 60];

/// Agreed length in months, start to original end (2–6 years).
const DURATIONS: [u32; 7] = [48, 36, 24, 60, 72, 48, 36];

const NOTICE_MONTHS: [u32; 4] = [3, 6, 9, 12];

const PROCUREMENT_LEAD_MONTHS: [u32; 5] = [6, 9, 12, 15, 18];

/// How the contract may continue past its agreed end.
#[derive(Clone, Copy)]
enum Continuation {
    None,
    Options(ExtensionOptions),
    AutoRenewal(u32),
}

const CONTINUATIONS: [Continuation; 5] = [
    Continuation::Options(ExtensionOptions { count: 2, months: 12, used: 0 }),
    Continuation::None,
    Continuation::Options(ExtensionOptions { count: 2, months: 12, used: 1 }),
    Continuation::AutoRenewal(12),
    Continuation::Options(ExtensionOptions { count: 1, months: 24, used: 0 }),
];

/// Adds one contract per supplier that has IT components, covering those
/// components and the objects that use them.
pub fn add(data: &mut Dataset, today: NaiveDate) {
    let mut suppliers: Vec<String> = Vec::new();
    for component in &data.it_components {
        if let Some(supplier) = &component.supplier {
            if !suppliers.contains(supplier) {
                suppliers.push(supplier.clone());
            }
        }
    }
    let contracts: Vec<ContractSeed> = suppliers
        .iter()
        .enumerate()
        .filter(|(_, supplier)| !data.contracts.iter().any(|c| &c.supplier == *supplier))
        .map(|(index, supplier)| contract(data, today, index, supplier))
        .collect();
    data.contracts.extend(contracts);
}

fn contract(data: &Dataset, today: NaiveDate, index: usize, supplier: &str) -> ContractSeed {
    let h = hash(supplier);
    let it_components: Vec<String> =
        data.it_components.iter().filter(|c| c.supplier.as_deref() == Some(supplier)).map(|c| c.name.clone()).collect();
    let mut objects: Vec<String> = Vec::new();
    for component in data.it_components.iter().filter(|c| c.supplier.as_deref() == Some(supplier)) {
        for code in &component.objects {
            if !objects.contains(code) {
                objects.push(code.clone());
            }
        }
    }

    // Only the first round ends in the past, so that one or two have ended.
    let offset = match END_OFFSETS[index % END_OFFSETS.len()] {
        past if past < 0 && index >= END_OFFSETS.len() => 24 - past,
        offset => offset,
    };
    let ended = offset < 0;
    let (options, auto_renewal_months) = match CONTINUATIONS[index % CONTINUATIONS.len()] {
        Continuation::Options(options) => (options, None),
        Continuation::AutoRenewal(months) if !ended => (ExtensionOptions::default(), Some(months)),
        Continuation::AutoRenewal(_) | Continuation::None => (ExtensionOptions::default(), None),
    };
    let current_end = month_end(shift_months(today, offset));
    let end = month_end(sub_months(current_end, options.used * options.months));
    // Long enough to have begun at least half a year ago, at most six years.
    let remaining = i64::from(offset) - i64::from(options.used * options.months);
    let needed = u32::try_from(remaining + 6).unwrap_or(0);
    let duration = DURATIONS[index % DURATIONS.len()].max(needed).min(72);
    let start = sub_months(end.succ_opt().unwrap_or(end), duration);
    let sequence = 3 * index + 2 + index % 3;

    ContractSeed {
        reference: format!("AVT-{}-{sequence:03}", start.year()),
        supplier: supplier.to_owned(),
        it_components: it_components.clone(),
        objects: objects.clone(),
        start,
        end,
        notice_months: pick(&NOTICE_MONTHS, h),
        options,
        auto_renewal_months,
        yearly_cost: yearly_cost(data, &objects, &it_components, h),
        line_organisation: line_organisation(data, &objects, index),
        owner: leader(data, &objects, Role::ObjectLeaderIt),
        deputy: leader(data, &objects, Role::ObjectLeaderBusiness),
        procurement_lead_months: pick(&PROCUREMENT_LEAD_MONTHS, h / 7),
        notes: notes(ended, options, auto_renewal_months),
    }
}

fn pick(values: &[u32], h: u64) -> u32 {
    let index = usize::try_from(h % values.len() as u64).unwrap_or(0);
    values.get(index).copied().unwrap_or(12)
}

/// Roughly the licence costs: the other costs of the operations lines named
/// after the contract's components in each object's latest plan, or a
/// modest amount when the plans do not name them.
fn yearly_cost(data: &Dataset, objects: &[String], components: &[String], h: u64) -> Money {
    let mut total = Decimal::ZERO;
    for code in objects {
        let latest = data.plan_years.iter().filter(|p| &p.object == code).max_by_key(|p| p.year);
        for initiative in latest.iter().flat_map(|p| &p.initiatives) {
            let named = components.iter().any(|c| initiative.name.to_lowercase().starts_with(&c.to_lowercase()));
            if named && initiative.main_activity == MainActivity::Operations {
                total += initiative.business.other.value() + initiative.it.other.value();
            }
        }
    }
    if total.is_zero() {
        total = Decimal::from(40_000 + (h % 37) * 5_000);
    }
    Money::new(total).unwrap_or(Money::ZERO)
}

/// The line organisation that owns the contract: the one funding the first
/// object using it, when the dataset has it.
fn line_organisation(data: &Dataset, objects: &[String], index: usize) -> Option<String> {
    let candidates: &[&str] = match objects.first().map(String::as_str) {
        Some("VSOA") => {
            &["Socialförvaltningen", "Vård- och omsorgsförvaltningen", "Integrations- och arbetsmarknadsförvaltningen"]
        }
        Some("UKF") => &["Utbildningsförvaltningen", "Kultur- och fritidsförvaltningen"],
        Some("SAM") => &["Miljö- och samhällsbyggnadsförvaltningen"],
        Some("EHR" | "FST") => &["Verksamhetsstöd och service"],
        _ => &["Kommunledningsförvaltningen"],
    };
    let wanted = candidates.get(index % candidates.len().max(1)).copied().unwrap_or_default();
    data.line_organisations
        .iter()
        .find(|l| l.as_str() == wanted)
        .or_else(|| data.line_organisations.get(index % data.line_organisations.len().max(1)))
        .cloned()
}

/// The first person holding `role` on one of the objects, in object order.
fn leader(data: &Dataset, objects: &[String], role: Role) -> Option<String> {
    objects.iter().find_map(|code| {
        data.roles
            .iter()
            .find(|r| {
                r.role == role && r.object.as_ref() == Some(code) && data.people.iter().any(|p| p.email == r.email)
            })
            .map(|r| r.email.clone())
    })
}

fn notes(ended: bool, options: ExtensionOptions, auto_renewal_months: Option<u32>) -> String {
    if ended {
        "Avtalet har löpt ut. Ersättande upphandling pågår; komponenten används tills vidare.".to_owned()
    } else if let Some(months) = auto_renewal_months {
        format!("Förlängs automatiskt med {months} månader i taget om det inte sägs upp.")
    } else if options.used > 0 {
        format!("{} av {} förlängningsoptioner nyttjade.", options.used, options.count)
    } else if options.count > 0 {
        format!("{} förlängningsoption(er) om {} månader kvar att nyttja.", options.count, options.months)
    } else {
        "Ingen förlängningsoption; ny upphandling krävs vid avtalets slut.".to_owned()
    }
}

fn shift_months(date: NaiveDate, months: i32) -> NaiveDate {
    if months >= 0 {
        add_months(date, months.unsigned_abs())
    } else {
        sub_months(date, months.unsigned_abs())
    }
}

/// The last day of the date's month.
fn month_end(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    add_months(first, 1).pred_opt().unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{dangling_references, dataset};
    use crate::domain::Contract;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    fn today() -> NaiveDate {
        date("2026-11-24")
    }

    fn contracts(data: &Dataset) -> Vec<Contract> {
        data.contracts
            .iter()
            .map(|c| Contract {
                id: 0,
                reference: c.reference.clone(),
                supplier: c.supplier.clone(),
                it_components: c.it_components.clone(),
                object_codes: c.objects.clone(),
                start: c.start,
                end: c.end,
                notice_months: c.notice_months,
                options: c.options,
                auto_renewal_months: c.auto_renewal_months,
                renewals_used: 0,
                notice_given_on: None,
                yearly_cost: c.yearly_cost,
                line_organisation: c.line_organisation.clone(),
                owner: c.owner.clone(),
                deputy: c.deputy.clone(),
                procurement_lead_months: c.procurement_lead_months,
                notes: c.notes.clone(),
                version: 1,
                procurement_initiative_id: None,
            })
            .collect()
    }

    #[test]
    fn contract_ends_are_spread_over_every_horizon() {
        for today in [today(), date("2025-01-31"), date("2024-02-29"), date("2030-12-31")] {
            let data = dataset(today);
            let ends: Vec<NaiveDate> = contracts(&data).iter().map(Contract::recorded_end).collect();
            let count = |from: u32, to: u32| {
                ends.iter().filter(|&&end| end > add_months(today, from) && end <= add_months(today, to)).count()
            };
            let (within_3, within_12, within_24) = (count(0, 3), count(3, 12), count(12, 24));
            let later = ends.iter().filter(|&&end| end > add_months(today, 24)).count();
            let ended = ends.iter().filter(|&&end| end < today).count();
            assert!(ended <= 2, "{today}: {ended} ended");
            assert!(within_3 >= 1, "{today}: none within 3 months");
            assert!(within_12 >= 1, "{today}: none within 12 months");
            assert!(within_24 >= 1, "{today}: none within 24 months");
            assert!(later >= 1, "{today}: none later");
            assert!(ended >= 1, "{today}: none ended");
            assert!(ends.iter().all(|&end| end <= add_months(today, 61)), "{today}: beyond five years");
        }
    }

    #[test]
    fn some_contracts_have_options_and_some_renew_themselves() {
        let data = dataset(today());
        assert!(data.contracts.iter().any(|c| c.options.count > 0 && c.options.used == 0));
        assert!(data.contracts.iter().any(|c| c.options.used > 0 && c.options.used <= c.options.count));
        assert!(data.contracts.iter().any(|c| c.auto_renewal_months == Some(12)));
        for c in &data.contracts {
            assert!(!(c.auto_renewal_months.is_some() && c.options.count > 0), "{}", c.reference);
        }
    }

    #[test]
    fn every_supplier_with_components_has_exactly_one_contract_covering_them() {
        let data = dataset(today());
        let with_components: Vec<&String> = data
            .suppliers
            .iter()
            .filter(|s| data.it_components.iter().any(|c| c.supplier.as_ref() == Some(*s)))
            .collect();
        assert_eq!(data.contracts.len(), with_components.len());
        for supplier in with_components {
            let found: Vec<_> = data.contracts.iter().filter(|c| &c.supplier == supplier).collect();
            assert_eq!(found.len(), 1, "{supplier}");
            for component in data.it_components.iter().filter(|c| c.supplier.as_ref() == Some(supplier)) {
                assert!(found[0].it_components.contains(&component.name), "{supplier}: {}", component.name);
                for code in &component.objects {
                    assert!(found[0].objects.contains(code), "{supplier}: {code}");
                }
            }
        }
        for component in data.it_components.iter().filter(|c| c.supplier.is_none()) {
            assert!(data.contracts.iter().all(|c| !c.it_components.contains(&component.name)));
        }
        assert_eq!(dangling_references(&data), Vec::<String>::new());
    }

    #[test]
    fn contract_terms_are_plausible() {
        let data = dataset(today());
        for c in &data.contracts {
            let label = &c.reference;
            assert!(c.start < c.end, "{label}");
            assert!(c.start <= today(), "{label} starts in the future: {}", c.start);
            let earliest = add_months(c.start, 23);
            let latest = add_months(c.start, 73);
            assert!(c.end >= earliest && c.end <= latest, "{label}: {} – {}", c.start, c.end);
            assert!(NOTICE_MONTHS.contains(&c.notice_months), "{label}");
            assert!((6..=18).contains(&c.procurement_lead_months), "{label}");
            assert!(c.yearly_cost > Money::ZERO && c.yearly_cost.value().fract().is_zero(), "{label}");
            assert!(c.line_organisation.is_some(), "{label}");
            assert!(!c.notes.is_empty(), "{label}");
            assert!(c.reference.starts_with(&format!("AVT-{}-", c.start.year())), "{label}");
            for (email, role) in [(&c.owner, Role::ObjectLeaderIt), (&c.deputy, Role::ObjectLeaderBusiness)] {
                if let Some(email) = email {
                    assert!(
                        data.roles.iter().any(|r| &r.email == email
                            && r.role == role
                            && r.object.as_ref().is_some_and(|o| c.objects.contains(o))),
                        "{label}: {email} is no {role:?} of {:?}",
                        c.objects
                    );
                }
            }
        }
        assert!(data.contracts.iter().filter(|c| c.owner.is_some()).count() * 2 >= data.contracts.len());
    }

    #[test]
    fn contracts_are_the_same_for_the_same_date() {
        assert_eq!(dataset(today()).contracts, dataset(today()).contracts);
        let mut data = dataset(today());
        let before = data.contracts.clone();
        add(&mut data, today());
        assert_eq!(data.contracts, before, "adding again changes nothing");
    }

    #[test]
    fn month_ends_clamp_and_survive_leap_years() {
        assert_eq!(month_end(date("2024-02-10")), date("2024-02-29"));
        assert_eq!(month_end(date("2026-12-01")), date("2026-12-31"));
        assert_eq!(sub_months(date("2027-03-31"), 1), date("2027-02-28"));
        assert_eq!(shift_months(date("2026-11-24"), -3), date("2026-08-24"));
    }
}
