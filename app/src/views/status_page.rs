//! `/status`, the page for a phone: the signed-in person's objects (or,
//! for the steering group and readers, who have none, the objects needing
//! attention), the portfolio's headline figures for the year, and what
//! changed since they last marked the changes as read.
//!
//! The figures are the dashboard's ([`Dashboard`]), so the two agree to
//! the krona. The changes are audit records the person may read
//! ([`may_read_change`]) made by someone else, named and grouped here: a
//! run of changes by one person to one item is one line.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Dashboard, DashboardObject};
use crate::domain::{
    may_read_change, AuditAction, AuditRecord, BudgetLine, InitiativeStatus, Object, PlanStatus, PlanYear, Principal,
};

/// How many change lines the page shows; the rest are counted.
pub const CHANGE_LIMIT: usize = 30;
/// How far back a first visit looks, in days.
pub const FIRST_VISIT_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusPage {
    /// The plan year the figures are for (the dashboard's default year).
    pub year: Option<i32>,
    /// True: `objects` are the person's own (they hold a role on them).
    /// False: they have none, and `objects` are those needing attention.
    pub own: bool,
    pub objects: Vec<DashboardObject>,
    pub portfolio: PortfolioFigures,
    /// Newest first, at most [`CHANGE_LIMIT`].
    pub changes: Vec<Change>,
    /// Change lines left out.
    pub more: usize,
    /// The baseline: changes after it are shown.
    pub since: DateTime<Utc>,
    /// No baseline was stored: `since` is a week before `now`.
    pub first_visit: bool,
    /// When the page was made; "mark as read" moves the baseline here, so
    /// a change made after the page was made stays unread.
    pub now: DateTime<Utc>,
    /// May open the full audit trail (administrators, PSG).
    pub can_view_audit: bool,
}

/// The portfolio's headline figures for the year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortfolioFigures {
    pub total: BudgetLine,
    pub initiatives: usize,
    pub escalations: usize,
    pub contracts: usize,
    pub over_capacity: usize,
}

/// What happened, in words the page can phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    InitiativeAdded,
    InitiativeChanged,
    InitiativeRemoved,
    InitiativeMoved,
    StatusReported(Option<InitiativeStatus>),
    OutcomeRecorded,
    ComponentsChanged,
    PlanCreated,
    PlanChanged,
    PlanApproved,
    PlanReopened,
    PlanImported,
    CapacityChanged,
    PortfolioCapacityChanged,
    ObjectAdded,
    ObjectChanged,
    CatalogChanged,
    ContractAdded,
    ContractChanged,
    ContractTermChanged,
    ContractRemoved,
    EscalationRaised,
    EscalationChanged,
    SupplierChanged,
}

/// One line of "since you last looked".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The newest of the run.
    pub at: DateTime<Utc>,
    /// Who did it; `None` for the system.
    pub actor: Option<String>,
    pub kind: ChangeKind,
    /// What it was done to: an initiative's name, a plan's year, a
    /// contract's supplier and reference, …
    pub subject: String,
    /// The object it belongs to, when it belongs to one.
    pub object_code: Option<String>,
    /// Where to see it now (none for what is gone).
    pub href: Option<String>,
    /// How many changes the line stands for (a run of one person's edits).
    pub count: usize,
}

/// What a record's JSON says beyond its columns (read on the server).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeFacts {
    /// `name`, `title` or `reference` of the item, when the record has it.
    pub name: Option<String>,
    /// An initiative status report's new status.
    pub status: Option<InitiativeStatus>,
    /// A plan's new status (approved, reopened).
    pub plan_status: Option<PlanStatus>,
    /// A contract's term changed (option, renewal, notice).
    pub term: bool,
}

/// What item a record is about, for looking its name up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    Initiative(i64),
    Contract(i64),
    Escalation(i64),
    Supplier(i64),
}

/// The item a record is about, if its name is looked up by id.
pub fn subject_of(record: &AuditRecord) -> Option<Subject> {
    let id = record.entity_id.as_deref()?.parse().ok()?;
    match record.entity.as_str() {
        "initiative" | "initiative_status" | "initiative_it_components" | "outcome" => Some(Subject::Initiative(id)),
        "contract" => Some(Subject::Contract(id)),
        "escalation" => Some(Subject::Escalation(id)),
        "supplier" => Some(Subject::Supplier(id)),
        _ => None,
    }
}

/// Everything the changes are named from.
pub struct ChangeSource<'a> {
    /// Newest first, with what their JSON says.
    pub records: &'a [(AuditRecord, ChangeFacts)],
    pub principal: &'a Principal,
    pub people: &'a [(i64, String)],
    pub objects: &'a [Object],
    pub plans: &'a [PlanYear],
    /// Current names of the items records are about.
    pub names: &'a HashMap<Subject, String>,
}

/// The changes `principal` may read that someone else made, named, a run
/// of one person's changes to one item as one line; newest first, at most
/// `limit` lines and how many more there are.
pub fn build_changes(source: &ChangeSource<'_>, limit: usize) -> (Vec<Change>, usize) {
    let me = source.principal.person_id;
    let mut lines: Vec<(Change, Option<i64>, String)> = Vec::new();
    for (record, facts) in source.records {
        if !may_read_change(source.principal, record) || (me.is_some() && record.actor_id == me) {
            continue;
        }
        let Some(change) = name_change(source, record, facts) else { continue };
        let key = format!("{}|{}", record.entity, record.entity_id.as_deref().unwrap_or(""));
        if let Some((last, actor, last_key)) = lines.last_mut() {
            if *actor == record.actor_id && *last_key == key && last.kind == change.kind {
                last.count += 1;
                continue;
            }
        }
        lines.push((change, record.actor_id, key));
    }
    let more = lines.len().saturating_sub(limit);
    (lines.into_iter().take(limit).map(|(change, _, _)| change).collect(), more)
}

fn name_change(source: &ChangeSource<'_>, record: &AuditRecord, facts: &ChangeFacts) -> Option<Change> {
    use AuditAction::*;
    use ChangeKind::*;
    let object = record.object_id.and_then(|id| source.objects.iter().find(|o| o.id == id));
    let object_code = object.map(|o| o.code.to_string());
    let id = record.entity_id.clone().unwrap_or_default();
    let looked_up = subject_of(record).and_then(|s| source.names.get(&s).cloned());
    let name = || facts.name.clone().or_else(|| looked_up.clone()).unwrap_or_else(|| format!("#{id}"));
    let plan = || id.parse::<i64>().ok().and_then(|pid| source.plans.iter().find(|p| p.id == pid));
    let plan_href = |year: i32| object_code.as_ref().map(|code| format!("/objects/{code}?year={year}"));
    let (kind, subject, href) = match (record.entity.as_str(), record.action) {
        ("initiative", action) => {
            let kind = match action {
                Create => InitiativeAdded,
                Delete => InitiativeRemoved,
                Reorder => InitiativeMoved,
                _ => InitiativeChanged,
            };
            let href = (kind != InitiativeRemoved).then(|| format!("/initiatives/{id}"));
            // A reorder's JSON holds ranks, not the name.
            let subject = looked_up.clone().or_else(|| facts.name.clone()).unwrap_or_else(|| format!("#{id}"));
            (kind, subject, href)
        }
        ("initiative_status", _) => (StatusReported(facts.status), name(), Some(format!("/initiatives/{id}"))),
        ("outcome", _) => (OutcomeRecorded, name(), Some(format!("/initiatives/{id}"))),
        ("initiative_it_components", _) => (ComponentsChanged, name(), Some(format!("/initiatives/{id}"))),
        ("plan_year", action) => {
            let kind = match (action, facts.plan_status) {
                (Create, _) => PlanCreated,
                (Import, _) => PlanImported,
                (_, Some(PlanStatus::Approved)) => PlanApproved,
                (_, Some(PlanStatus::Draft)) => PlanReopened,
                _ => PlanChanged,
            };
            let year = plan().map(|p| p.year)?;
            (kind, year.to_string(), plan_href(year))
        }
        ("plan_capacity", _) => {
            let year = plan().map(|p| p.year)?;
            (CapacityChanged, year.to_string(), plan_href(year))
        }
        ("portfolio_capacity", _) => {
            let year: i32 = id.parse().ok()?;
            (PortfolioCapacityChanged, id.clone(), Some(format!("/portfolio/priorities?year={year}")))
        }
        ("object", action) => {
            let object = object?;
            let kind = if action == Create { ObjectAdded } else { ObjectChanged };
            (kind, object.name.clone(), Some(format!("/objects/{}", object.code)))
        }
        ("object_product" | "business_component" | "it_component" | "object_it_component", _) => {
            let href = object_code.as_ref().map(|code| format!("/objects/{code}/catalog"));
            (CatalogChanged, facts.name.clone().unwrap_or_default(), href)
        }
        ("contract", action) => {
            let kind = match action {
                Create => ContractAdded,
                Delete => ContractRemoved,
                _ if facts.term => ContractTermChanged,
                _ => ContractChanged,
            };
            let href = (kind != ContractRemoved).then(|| format!("/contracts/{id}"));
            (kind, looked_up.clone().or_else(|| facts.name.clone()).unwrap_or_else(|| format!("#{id}")), href)
        }
        ("escalation", action) => {
            let kind = if action == Create { EscalationRaised } else { EscalationChanged };
            (kind, name(), Some(format!("/escalations/{id}")))
        }
        ("supplier", _) => (SupplierChanged, name(), Some("/suppliers".to_owned())),
        _ => return None,
    };
    let actor = record.actor_id.map(|actor| {
        source.people.iter().find(|(pid, _)| *pid == actor).map_or_else(|| format!("#{actor}"), |(_, n)| n.clone())
    });
    Some(Change { at: record.at, actor, kind, subject, object_code, href, count: 1 })
}

/// The objects the page leads with: the person's own (any role on them),
/// in the dashboard's order; for someone with none, the objects needing
/// attention (over capacity, open escalations, contracts needing action).
/// True when they are the person's own.
/// The plan year the page shows: for a person with objects of their own,
/// the latest begun year among *their* objects' plans (another object's
/// plan for next year must not leave their cards empty); for everyone
/// else the dashboard's default, `None`.
pub fn status_year(plans: &[crate::domain::PlanYear], principal: &Principal, current_year: i32) -> Option<i32> {
    let own_ids: Vec<i64> = principal.grants.iter().filter_map(|g| g.object_id).collect();
    let own_years: Vec<i32> = plans.iter().filter(|p| own_ids.contains(&p.object_id)).map(|p| p.year).collect();
    if own_years.is_empty() {
        return None;
    }
    super::choose_year(&own_years, None, current_year)
}

pub fn status_objects(
    dashboard: &Dashboard,
    objects: &[Object],
    principal: &Principal,
) -> (bool, Vec<DashboardObject>) {
    let own_ids: Vec<i64> = principal.grants.iter().filter_map(|g| g.object_id).collect();
    let own_codes: Vec<String> =
        objects.iter().filter(|o| own_ids.contains(&o.id)).map(|o| o.code.to_string()).collect();
    if !own_codes.is_empty() {
        let own = dashboard.objects.iter().filter(|o| own_codes.contains(&o.code)).cloned().collect();
        return (true, own);
    }
    let attention = dashboard
        .objects
        .iter()
        .filter(|o| o.plan.as_ref().is_some_and(|p| p.over_capacity()) || o.escalations > 0 || o.contracts > 0)
        .cloned()
        .collect();
    (false, attention)
}

/// The portfolio's headline figures, as the dashboard shows them.
pub fn portfolio_figures(dashboard: &Dashboard) -> PortfolioFigures {
    PortfolioFigures {
        total: dashboard.total,
        initiatives: dashboard.initiatives,
        escalations: dashboard.escalations.len(),
        contracts: dashboard.contracts.len(),
        over_capacity: dashboard.over_capacity().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Grant, ObjectCategory, ObjectCode, Role, Via};

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("time")
    }

    fn object(id: i64, code: &str) -> Object {
        Object {
            id,
            code: ObjectCode::parse(code).expect("code"),
            name: format!("Objektet {code}"),
            category: ObjectCategory::Core,
            description: String::new(),
            version: 1,
        }
    }

    fn record(id: i64, actor: i64, action: AuditAction, entity: &str, entity_id: &str, object: i64) -> AuditRecord {
        AuditRecord {
            id,
            at: at("2026-12-01T10:00:00Z") + chrono::Duration::minutes(id),
            actor_id: Some(actor),
            action,
            entity: entity.into(),
            entity_id: Some(entity_id.into()),
            object_id: Some(object),
            before: None,
            after: None,
        }
    }

    #[test]
    fn the_year_is_the_latest_begun_among_the_persons_own_objects() {
        use crate::domain::{Capacity, Hours, Money, PlanSettings, PlanStatus, PlanYear};
        let settings = PlanSettings::new(
            Money::parse("655").unwrap(),
            Money::parse("655").unwrap(),
            Hours::parse("1700").unwrap(),
        )
        .unwrap();
        let plan = |object_id: i64, year: i32| PlanYear {
            id: object_id * 10_000 + i64::from(year),
            object_id,
            object_code: format!("O{object_id}"),
            year,
            settings,
            status: PlanStatus::Draft,
            version: 1,
            capacity: Capacity::default(),
        };
        // Another object went on to 2022; the leader's object (10) has 2020 and 2021.
        let plans = [plan(10, 2020), plan(10, 2021), plan(11, 2022), plan(10, 2030)];
        assert_eq!(status_year(&plans, &leader(), 2026), Some(2021));
        let psg = Principal { grants: vec![Grant { role: Role::PsgMember, object_id: None }], ..leader() };
        assert_eq!(status_year(&plans, &psg, 2026), None, "no own objects: the dashboard's default");
    }

    fn leader() -> Principal {
        Principal {
            person_id: Some(1),
            name: "Naris".into(),
            grants: vec![Grant { role: Role::ObjectLeaderIt, object_id: Some(10) }],
            via: Via::Session,
        }
    }

    #[test]
    fn runs_of_one_persons_changes_to_one_item_are_one_line_and_own_changes_are_left_out() {
        let named = |name: &str| ChangeFacts { name: Some(name.into()), ..Default::default() };
        let records = vec![
            (record(6, 2, AuditAction::Update, "initiative", "5", 10), named("Arkiv")),
            (record(5, 2, AuditAction::Update, "initiative", "5", 10), named("Arkiv")),
            (record(4, 2, AuditAction::Update, "initiative", "5", 10), named("Arkiv")),
            (record(3, 1, AuditAction::Update, "initiative", "5", 10), named("Arkiv")),
            (record(2, 3, AuditAction::Create, "calendar_feed", "9", 10), ChangeFacts::default()),
            (record(1, 3, AuditAction::Update, "initiative_status", "6", 20), ChangeFacts::default()),
        ];
        let mut names = HashMap::new();
        names.insert(Subject::Initiative(6), "Webb".to_owned());
        let source = ChangeSource {
            records: &records,
            principal: &leader(),
            people: &[(2, "Cecilia".into()), (3, "Alva".into())],
            objects: &[object(10, "AKN"), object(20, "VSOA")],
            plans: &[],
            names: &names,
        };
        let (lines, more) = build_changes(&source, 30);
        assert_eq!(more, 0);
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert_eq!(lines[0].count, 3);
        assert_eq!(lines[0].subject, "Arkiv");
        assert_eq!(lines[0].actor.as_deref(), Some("Cecilia"));
        assert_eq!(lines[0].at, records[0].0.at, "the run's newest time");
        assert_eq!(lines[0].href.as_deref(), Some("/initiatives/5"));
        assert_eq!(lines[1].kind, ChangeKind::StatusReported(None));
        assert_eq!((lines[1].subject.as_str(), lines[1].object_code.as_deref()), ("Webb", Some("VSOA")));

        let (lines, more) = build_changes(&source, 1);
        assert_eq!((lines.len(), more), (1, 1));
    }

    #[test]
    fn a_removed_item_has_no_link_and_a_plan_is_named_by_its_year() {
        use crate::domain::{Capacity, Hours, Money, PlanSettings};
        let money = |m: &str| Money::parse(m).expect("money");
        let plan = PlanYear {
            id: 7,
            object_id: 10,
            object_code: "AKN".into(),
            year: 2021,
            settings: PlanSettings::new(money("655"), money("655"), Hours::parse("1700").expect("hours"))
                .expect("settings"),
            status: PlanStatus::Approved,
            version: 2,
            capacity: Capacity::default(),
        };
        let records = vec![
            (
                record(2, 2, AuditAction::Delete, "initiative", "5", 10),
                ChangeFacts { name: Some("X".into()), ..Default::default() },
            ),
            (
                record(1, 2, AuditAction::Update, "plan_year", "7", 10),
                ChangeFacts { plan_status: Some(PlanStatus::Approved), ..Default::default() },
            ),
        ];
        let source = ChangeSource {
            records: &records,
            principal: &leader(),
            people: &[],
            objects: &[object(10, "AKN")],
            plans: &[plan],
            names: &HashMap::new(),
        };
        let (lines, _) = build_changes(&source, 30);
        assert_eq!(lines[0].kind, ChangeKind::InitiativeRemoved);
        assert_eq!(lines[0].href, None);
        assert_eq!(lines[0].actor.as_deref(), Some("#2"), "an unknown person by id");
        assert_eq!((lines[1].kind, lines[1].subject.as_str()), (ChangeKind::PlanApproved, "2021"));
        assert_eq!(lines[1].href.as_deref(), Some("/objects/AKN?year=2021"));
    }
}
