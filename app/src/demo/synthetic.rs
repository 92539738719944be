//! A synthetic portfolio of any size, for benchmarks: `styrbord seed
//! --objects 100 --initiatives 10000 --contracts 2000`. Deterministic for a
//! given seed, so two runs measure the same data. The first object is
//! called AKN so that the demo accounts (and their object roles) sign in
//! to it as they do to the demo portfolio.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::dataset::{
    ContractSeed, Dataset, EscalationSeed, InitiativeSeed, ItComponentSeed, ObjectSeed, PersonSeed, PlanYearSeed,
    RoleSeed,
};
use crate::domain::{
    add_months, sub_months, AssignmentType, ExtensionOptions, Hours, InitiativeStatus, MainActivity, Money,
    ObjectCategory, PlanStatus, Scores, SideEffort,
};

use super::{portfolio::settings, DEMO_ACCOUNTS, DEMO_PASSWORD_HASH};

/// How much to make. Initiatives and contracts are spread over the objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub objects: usize,
    pub initiatives: usize,
    pub contracts: usize,
    /// The plan year the initiatives belong to.
    pub year: i32,
    pub seed: u64,
}

impl Size {
    pub const LIMIT: usize = 1_000_000;

    /// Refuses sizes that cannot make a portfolio (no objects) or would
    /// take the machine down.
    pub fn check(&self) -> Result<(), String> {
        if self.objects == 0 || self.objects > 10_000 {
            return Err("--objects must be from 1 to 10000".into());
        }
        if self.initiatives > Self::LIMIT || self.contracts > Self::LIMIT {
            return Err(format!("--initiatives and --contracts may be at most {}", Self::LIMIT));
        }
        if !(2000..=2100).contains(&self.year) {
            return Err("--year must be from 2000 to 2100".into());
        }
        Ok(())
    }
}

/// SplitMix64: small, fast and the same everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const SUPPLIERS: usize = 200;

fn code(index: usize) -> String {
    if index == 0 {
        "AKN".to_owned()
    } else {
        format!("OBJ{:03}", index + 1)
    }
}

fn hours(value: u64) -> Hours {
    Hours::new(Decimal::from(value)).unwrap_or(Hours::ZERO)
}

fn money(value: u64) -> Money {
    Money::new(Decimal::from(value)).unwrap_or(Money::ZERO)
}

/// The portfolio, with the demo accounts and their roles, as of `today`.
pub fn dataset(size: Size, today: NaiveDate) -> Dataset {
    let mut random = Random(size.seed);
    let mut data = Dataset::default();
    for &(email, role, object) in DEMO_ACCOUNTS {
        let name = email.split('@').next().unwrap_or(email).replace('.', " ");
        data.people.push(PersonSeed { name, email: email.to_owned() });
        data.roles.push(RoleSeed { email: email.to_owned(), role, object: object.map(str::to_owned) });
        data.credentials.push((email.to_owned(), DEMO_PASSWORD_HASH.to_owned()));
    }
    data.line_organisations = vec!["Kommunledningsförvaltningen".into(), "Utbildningsförvaltningen".into()];
    data.suppliers = (1..=SUPPLIERS).map(|n| format!("Leverantör {n:03} AB")).collect();

    let categories = ObjectCategory::ALL;
    for index in 0..size.objects {
        data.objects.push(ObjectSeed {
            code: code(index),
            name: format!("Objekt {}", index + 1),
            category: categories[index % categories.len()],
            description: format!("Syntetiskt objekt nummer {} för prestandamätning.", index + 1),
            nearby: Vec::new(),
        });
        // Two IT components per object, each from a supplier.
        for part in 1..=2 {
            data.it_components.push(ItComponentSeed {
                name: format!("System {}-{part}", code(index)),
                description: String::new(),
                supplier: Some(data.suppliers[random.below(SUPPLIERS)].clone()),
                objects: vec![code(index)],
            });
        }
    }

    // Initiatives round-robin over the objects, in the given year; the
    // year before has a plan per object with a tenth as many, so year
    // against year has something to compare.
    let mut plans: Vec<PlanYearSeed> = (0..size.objects)
        .map(|index| PlanYearSeed {
            object: code(index),
            year: size.year,
            settings: settings(size.year),
            status: if random.below(3) == 0 { PlanStatus::Approved } else { PlanStatus::Draft },
            initiatives: Vec::new(),
        })
        .collect();
    for n in 0..size.initiatives {
        let plan = &mut plans[n % size.objects];
        let number = plan.initiatives.len() + 1;
        plan.initiatives.push(initiative(&mut random, number));
    }
    let previous: Vec<PlanYearSeed> = plans
        .iter()
        .map(|plan| PlanYearSeed {
            object: plan.object.clone(),
            year: size.year - 1,
            settings: settings(size.year - 1),
            status: PlanStatus::Approved,
            initiatives: plan.initiatives.iter().step_by(10).cloned().collect(),
        })
        .collect();
    data.plan_years = previous.into_iter().chain(plans).collect();

    for n in 0..size.contracts {
        data.contracts.push(contract(&mut random, &data, n, today));
    }

    // A few open questions between neighbouring objects.
    let raiser = DEMO_ACCOUNTS[5].0.to_owned();
    for n in 0..(size.objects / 5).min(40) {
        let (a, b) = (code(n * 2 % size.objects), code((n * 2 + 1) % size.objects));
        if a == b {
            continue;
        }
        let first = |object: &str| {
            data.plan_years
                .iter()
                .find(|p| p.object == object && p.year == size.year)
                .and_then(|p| p.initiatives.first())
                .map(|i| (object.to_owned(), i.name.clone()))
        };
        let initiatives = first(&a).into_iter().chain(first(&b)).collect();
        data.escalations.push(EscalationSeed {
            raised_by: raiser.clone(),
            objects: vec![a.clone(), b.clone()],
            initiatives,
            year: size.year,
            title: format!("Resurskonflikt {a}/{b}"),
            description: "Samma resurser behövs i båda objekten samma kvartal.".into(),
            due_on: today + chrono::Duration::days(7 + random.below(60) as i64),
            to_owners: None,
        });
    }
    data
}

fn initiative(random: &mut Random, number: usize) -> InitiativeSeed {
    let main_activity = random.pick(MainActivity::ALL);
    let assignment_type = random.pick(AssignmentType::ALL);
    let status = random.pick(InitiativeStatus::ALL);
    let side = |random: &mut Random, scale: u64| {
        SideEffort::new(hours(random.next() % (scale * 200)), money((random.next() % scale) * 5_000))
    };
    let business = side(random, 4);
    let it = side(random, 6);
    let score = |random: &mut Random| Some((random.next() % 5 + 1) as u8);
    let scores = Scores { benefit: score(random), goal_contribution: score(random), effort: score(random) };
    InitiativeSeed {
        name: format!("Insats {number}"),
        main_activity,
        assignment_type,
        priority: Some((random.next() % 3 + 1) as i32),
        status,
        business,
        it,
        scores,
    }
}

fn contract(random: &mut Random, data: &Dataset, n: usize, today: NaiveDate) -> ContractSeed {
    let component = &data.it_components[random.below(data.it_components.len())];
    // Ends from a year ago to five years ahead: about one in five needs
    // action within twelve months.
    let months_to_end = random.below(72) as i32 - 12;
    let end = if months_to_end >= 0 {
        add_months(today, months_to_end.unsigned_abs())
    } else {
        sub_months(today, months_to_end.unsigned_abs())
    };
    let start = sub_months(end, 24 + 12 * random.below(4) as u32);
    let options = if random.below(3) == 0 {
        ExtensionOptions { count: 2, months: 12, used: random.below(2) as u32 }
    } else {
        ExtensionOptions { count: 0, months: 0, used: 0 }
    };
    ContractSeed {
        reference: format!("AVT-{:05}", n + 1),
        supplier: component.supplier.clone().unwrap_or_else(|| data.suppliers[0].clone()),
        it_components: vec![component.name.clone()],
        objects: component.objects.clone(),
        start,
        end,
        notice_months: [3, 6, 9, 12][random.below(4)],
        options,
        auto_renewal_months: None,
        yearly_cost: money(50_000 + (random.next() % 200) * 10_000),
        line_organisation: Some(data.line_organisations[n % data.line_organisations.len()].clone()),
        owner: Some(DEMO_ACCOUNTS[5].0.to_owned()),
        deputy: None,
        procurement_lead_months: [6, 9, 12][random.below(3)],
        notes: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(objects: usize, initiatives: usize, contracts: usize) -> Size {
        Size { objects, initiatives, contracts, year: 2026, seed: 7 }
    }

    #[test]
    fn makes_what_was_asked_for_and_every_reference_resolves() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let data = dataset(size(20, 1_000, 300), today);
        assert_eq!(data.objects.len(), 20);
        let in_year: usize = data.plan_years.iter().filter(|p| p.year == 2026).map(|p| p.initiatives.len()).sum();
        assert_eq!(in_year, 1_000);
        assert_eq!(data.contracts.len(), 300);
        assert_eq!(data.objects[0].code, "AKN");
        assert!(super::super::dangling_references(&data).is_empty(), "{:?}", super::super::dangling_references(&data));
        let mut names: Vec<_> = data
            .plan_years
            .iter()
            .flat_map(|p| p.initiatives.iter().map(move |i| (&p.object, p.year, &i.name)))
            .collect();
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count, "initiative names are unique within a plan");
        let soon = data.contracts.iter().filter(|c| c.end > today && c.end <= add_months(today, 12)).count();
        assert!(soon > 20 && soon < 120, "about one in six ends within a year, got {soon}");
    }

    #[test]
    fn the_same_seed_makes_the_same_portfolio() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(dataset(size(5, 50, 10), today), dataset(size(5, 50, 10), today));
        let other = Size { seed: 8, ..size(5, 50, 10) };
        assert_ne!(dataset(size(5, 50, 10), today), dataset(other, today));
    }

    #[test]
    fn refuses_sizes_that_make_no_portfolio() {
        assert!(size(0, 10, 10).check().is_err());
        assert!(size(10, Size::LIMIT + 1, 10).check().is_err());
        assert!(size(100, 10_000, 2_000).check().is_ok());
    }
}
