//! The steering group's meetings as pages: the list, the agenda built
//! from a dashboard snapshot, the protocol (and its workbook for the
//! registry), and two meetings' snapshots side by side. Pure: the server
//! functions fetch the meeting and its stored snapshot, these shape them.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{compare_snapshots, CapacityCheck, Dashboard, SnapshotChange};
use crate::domain::workbook::{plan_status_name, Cell, Sheet, Workbook};
use crate::domain::{AgendaDraft, AgendaItem, AgendaKind, BudgetLine, Meeting, MeetingState, PlanStatus};

/// The agenda a dashboard calls for: its open escalations, the objects
/// over capacity and the contracts needing action, in the dashboard's
/// order (most urgent first). Titles are the data's own words; details
/// are codes and dates, readable in any language.
pub fn agenda_from(dashboard: &Dashboard) -> Vec<AgendaDraft> {
    let escalations = dashboard.escalations.iter().map(|e| AgendaDraft {
        kind: AgendaKind::Escalation,
        source: e.id.to_string(),
        title: e.title.clone(),
        detail: format!("{} · {}", e.object_codes.join(", "), e.due_on),
    });
    let over = dashboard.over_capacity().map(|o| AgendaDraft {
        kind: AgendaKind::OverCapacity,
        source: o.code.clone(),
        title: format!("{} – {}", o.code, o.name),
        detail: String::new(),
    });
    let contracts = dashboard.contracts.iter().map(|c| AgendaDraft {
        kind: AgendaKind::Contract,
        source: c.id.to_string(),
        title: format!("{} – {}", c.reference, c.supplier),
        detail: format!("{} · {}", c.object_codes.join(", "), c.notice_deadline),
    });
    escalations.chain(over).chain(contracts).collect()
}

/// The figures a protocol and a comparison lead with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFigures {
    pub year: Option<i32>,
    pub total: BudgetLine,
    pub initiatives: usize,
    /// Objects with a plan for the year.
    pub planned_objects: usize,
    pub escalations: usize,
    pub contracts: usize,
    pub over_capacity: usize,
}

impl KeyFigures {
    pub fn of(dashboard: &Dashboard) -> Self {
        Self {
            year: dashboard.year,
            total: dashboard.total,
            initiatives: dashboard.initiatives,
            planned_objects: dashboard.objects.iter().filter(|o| o.plan.is_some()).count(),
            escalations: dashboard.escalations.len(),
            contracts: dashboard.contracts.len(),
            over_capacity: dashboard.over_capacity().count(),
        }
    }
}

/// One meeting in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRow {
    pub id: i64,
    pub held_on: NaiveDate,
    pub title: String,
    pub year: i32,
    pub state: MeetingState,
    pub attendees: usize,
}

impl MeetingRow {
    pub fn of(meeting: &Meeting) -> Self {
        Self {
            id: meeting.id,
            held_on: meeting.held_on,
            title: meeting.title.clone(),
            year: meeting.year,
            state: meeting.state,
            attendees: meeting.attendees.len(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingList {
    /// Today or later, newest first.
    pub upcoming: Vec<MeetingRow>,
    /// Before today, newest first.
    pub past: Vec<MeetingRow>,
    pub can_create: bool,
    pub today: NaiveDate,
}

/// Meetings by date, the latest first (the one made last first on a day).
pub fn newest_first(rows: &mut [MeetingRow]) {
    rows.sort_by_key(|row| std::cmp::Reverse((row.held_on, row.id)));
}

/// Splits meetings into upcoming and past, each newest first.
pub fn meeting_list(meetings: &[Meeting], today: NaiveDate, can_create: bool) -> MeetingList {
    let mut rows: Vec<MeetingRow> = meetings.iter().map(MeetingRow::of).collect();
    newest_first(&mut rows);
    let (upcoming, past) = rows.into_iter().partition(|r| r.held_on >= today);
    MeetingList { upcoming, past, can_create, today }
}

/// What the form for a new meeting offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewMeeting {
    /// (id, name), by name: whoever holds a role.
    pub people: Vec<(i64, String)>,
    /// Plan years, ascending.
    pub years: Vec<i32>,
    /// The year offered first (the dashboard's choice).
    pub year: Option<i32>,
    pub today: NaiveDate,
    /// Those who sit in the steering group, ticked from the start.
    pub psg: Vec<i64>,
}

/// An agenda group: a kind and its items in order.
pub type AgendaGroup = (AgendaKind, Vec<AgendaItem>);

/// The items grouped by kind, in the kinds' order; empty kinds left out.
pub fn agenda_groups(items: &[AgendaItem]) -> Vec<AgendaGroup> {
    let mut groups: Vec<AgendaGroup> = Vec::new();
    for kind in AgendaKind::ALL {
        let mut of_kind: Vec<AgendaItem> = items.iter().filter(|i| i.kind == *kind).cloned().collect();
        of_kind.sort_by_key(|i| (i.position, i.id));
        if !of_kind.is_empty() {
            groups.push((*kind, of_kind));
        }
    }
    groups
}

/// An object over capacity in the snapshot, for its agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacityNote {
    pub code: String,
    pub checks: Vec<CapacityCheck>,
}

/// `/meetings/:id`: the meeting, its agenda and its snapshot's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPage {
    pub meeting: Meeting,
    pub figures: KeyFigures,
    pub capacity: Vec<CapacityNote>,
    /// May edit the agenda, decide and close (open meetings only).
    pub can_edit: bool,
    /// Other meetings, newest first, to compare this one with.
    pub others: Vec<MeetingRow>,
}

/// The objects over capacity in a snapshot, with the limits exceeded.
pub fn capacity_notes(dashboard: &Dashboard) -> Vec<CapacityNote> {
    dashboard
        .over_capacity()
        .map(|o| CapacityNote {
            code: o.code.clone(),
            checks: o
                .plan
                .as_ref()
                .map(|p| p.capacity.iter().copied().filter(|c| c.is_over()).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// One object's line in a protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtocolObject {
    pub code: String,
    pub name: String,
    pub status: Option<PlanStatus>,
    pub total: Option<BudgetLine>,
    pub over_capacity: bool,
}

/// `/meetings/:id/protocol`: everything the registry keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protocol {
    pub meeting: Meeting,
    pub figures: KeyFigures,
    pub objects: Vec<ProtocolObject>,
}

pub fn protocol(meeting: Meeting, snapshot: &Dashboard) -> Protocol {
    let objects = snapshot
        .objects
        .iter()
        .map(|o| ProtocolObject {
            code: o.code.clone(),
            name: o.name.clone(),
            status: o.plan.as_ref().map(|p| p.status),
            total: o.plan.as_ref().map(|p| p.total),
            over_capacity: o.plan.as_ref().is_some_and(|p| p.over_capacity()),
        })
        .collect();
    Protocol { meeting, figures: KeyFigures::of(snapshot), objects }
}

/// The Swedish name of an agenda kind, as the protocol's file writes it.
pub fn agenda_kind_name(kind: AgendaKind) -> &'static str {
    match kind {
        AgendaKind::Escalation => "Eskalering",
        AgendaKind::OverCapacity => "Över kapacitet",
        AgendaKind::Contract => "Avtal att agera på",
        AgendaKind::Other => "Övrigt",
    }
}

pub const PROTOCOL_SHEET: &str = "Protokoll";
pub const MEETING_SHEET: &str = "Möte";
pub const FIGURES_SHEET: &str = "Objekt";

fn money(value: Decimal) -> Cell {
    Cell::Number(value.round_dp(2).trunc_with_scale(2))
}

fn count(value: usize) -> Cell {
    Cell::Number(Decimal::from(value as u64))
}

fn stamp(at: DateTime<Utc>) -> Cell {
    Cell::text(&crate::i18n::format_timestamp(at))
}

/// The protocol as a workbook for the registry: the meeting (date,
/// attendees, key figures), the agenda with its decisions, and every
/// object's figures in the snapshot. Every text cell is neutralised, as
/// in every export.
pub fn protocol_workbook(protocol: &Protocol) -> Workbook {
    let m = &protocol.meeting;
    let f = &protocol.figures;
    let pair = |label: &str, value: Cell| vec![Cell::text(label), value];
    let state = match m.state {
        MeetingState::Open => "Öppet (utkast)",
        MeetingState::Closed => "Stängt",
    };
    let meeting = vec![
        vec![Cell::text("Uppgift"), Cell::text("Värde")],
        pair("Möte", Cell::text(&m.title)),
        pair("Datum", Cell::text(&m.held_on.to_string())),
        pair("Planår", count(m.year.max(0) as usize)),
        pair("Status", Cell::text(state)),
        pair("Närvarande", Cell::text(&m.attendees.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", "))),
        pair("Ögonblicksbild tagen", stamp(m.snapshot_taken_at)),
        pair("Budget (kr)", money(f.total.amount)),
        pair("Timmar", money(f.total.hours)),
        pair("FTE", money(f.total.fte)),
        pair("Delmål", count(f.initiatives)),
        pair("Öppna eskaleringar", count(f.escalations)),
        pair("Avtal att agera på", count(f.contracts)),
        pair("Objekt över kapacitet", count(f.over_capacity)),
    ];
    let mut agenda = vec![["Nr", "Typ", "Punkt", "Uppgifter", "Beslut", "Beslutat av", "Beslutat"]
        .iter()
        .map(|h| Cell::text(h))
        .collect::<Vec<Cell>>()];
    let mut number = 0;
    for (kind, items) in agenda_groups(&m.items) {
        for item in items {
            number += 1;
            agenda.push(vec![
                count(number),
                Cell::text(agenda_kind_name(kind)),
                Cell::text(&item.title),
                Cell::text(&item.detail),
                Cell::text(&item.decision),
                item.decided_by_name.as_deref().map_or(Cell::Empty, Cell::text),
                item.decided_at.map_or(Cell::Empty, stamp),
            ]);
        }
    }
    let mut objects = vec![["Objekt", "Namn", "Planstatus", "Budget (kr)", "Timmar", "FTE", "Över kapacitet"]
        .iter()
        .map(|h| Cell::text(h))
        .collect::<Vec<Cell>>()];
    for o in &protocol.objects {
        objects.push(vec![
            Cell::text(&o.code),
            Cell::text(&o.name),
            o.status.map_or(Cell::Empty, |s| Cell::text(plan_status_name(s))),
            o.total.map_or(Cell::Empty, |t| money(t.amount)),
            o.total.map_or(Cell::Empty, |t| money(t.hours)),
            o.total.map_or(Cell::Empty, |t| money(t.fte)),
            Cell::text(if o.over_capacity { "Ja" } else { "" }),
        ]);
    }
    Workbook {
        sheets: vec![
            Sheet::new(MEETING_SHEET, meeting),
            Sheet::new(PROTOCOL_SHEET, agenda),
            Sheet::new(FIGURES_SHEET, objects),
        ],
    }
}

/// A meeting as a comparison names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparedMeeting {
    pub id: i64,
    pub title: String,
    pub held_on: NaiveDate,
    pub taken_at: DateTime<Utc>,
    pub figures: KeyFigures,
}

impl ComparedMeeting {
    pub fn of(meeting: &Meeting, snapshot: &Dashboard) -> Self {
        Self {
            id: meeting.id,
            title: meeting.title.clone(),
            held_on: meeting.held_on,
            taken_at: meeting.snapshot_taken_at,
            figures: KeyFigures::of(snapshot),
        }
    }
}

/// `/meetings/compare?from=…&to=…`: two meetings' snapshots side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingComparison {
    /// Every meeting, newest first, for choosing another pair.
    pub meetings: Vec<MeetingRow>,
    /// `None` when fewer than two meetings exist.
    pub from: Option<ComparedMeeting>,
    pub to: Option<ComparedMeeting>,
    /// Every object in either snapshot; changed ones first are the
    /// page's to mark.
    pub changes: Vec<SnapshotChange>,
}

pub fn meeting_comparison(
    meetings: Vec<MeetingRow>,
    from: Option<(&Meeting, &Dashboard)>,
    to: Option<(&Meeting, &Dashboard)>,
) -> MeetingComparison {
    let changes = match (&from, &to) {
        (Some((_, before)), Some((_, after))) => compare_snapshots(before, after),
        _ => Vec::new(),
    };
    MeetingComparison {
        meetings,
        from: from.map(|(m, d)| ComparedMeeting::of(m, d)),
        to: to.map(|(m, d)| ComparedMeeting::of(m, d)),
        changes,
    }
}

/// The pair compared by default: the two latest meetings, earlier first.
pub fn default_pair(meetings: &[MeetingRow]) -> Option<(i64, i64)> {
    // Newest first: the second is the earlier.
    match meetings {
        [latest, earlier, ..] => Some((earlier.id, latest.id)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Capacity, ContractStatus, EscalationStep, Hours, Limit, Money, Object, ObjectCategory, ObjectCode,
        PlanSettings, PlanYear,
    };
    use crate::views::{build_dashboard, ContractBrief, DashboardSource, EscalationBrief};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn dashboard() -> Dashboard {
        let objects = vec![
            Object {
                id: 1,
                code: ObjectCode::parse("AKN").unwrap(),
                name: "Administration".into(),
                category: ObjectCategory::Core,
                description: String::new(),
                version: 1,
            },
            Object {
                id: 2,
                code: ObjectCode::parse("FST").unwrap(),
                name: "Förutsättningar".into(),
                category: ObjectCategory::Support,
                description: String::new(),
                version: 1,
            },
        ];
        let settings = PlanSettings::new(
            Money::parse("655").unwrap(),
            Money::parse("655").unwrap(),
            Hours::parse("1700").unwrap(),
        )
        .unwrap();
        let plan = |id, object_id, capacity| PlanYear {
            id,
            object_id,
            object_code: String::new(),
            year: 2021,
            settings,
            status: PlanStatus::Draft,
            version: 1,
            capacity,
        };
        let plans = vec![plan(1, 1, Capacity::default()), plan(2, 2, Capacity::default())];
        let source = DashboardSource {
            objects: &objects,
            plans: &plans,
            initiatives: &[],
            outcomes: &[],
            escalations: &[],
            contracts: &[],
            today: date("2021-03-01"),
        };
        let mut d = build_dashboard(&source, Some(2021));
        // Over capacity by construction: demand 10 h against 5.
        if let Some(plan) = d.objects.iter_mut().find(|o| o.code == "AKN").and_then(|o| o.plan.as_mut()) {
            plan.capacity = vec![CapacityCheck {
                limit: Limit::BusinessHours,
                capacity: Decimal::from(5),
                demand: Decimal::from(10),
            }];
        }
        d.escalations = vec![EscalationBrief {
            id: 7,
            title: "IT-timmar i mars".into(),
            step: EscalationStep::SteeringGroup,
            due_on: date("2021-03-15"),
            object_codes: vec!["AKN".into(), "EHR".into()],
        }];
        d.contracts = vec![ContractBrief {
            id: 3,
            reference: "AVT-3".into(),
            supplier: "Formpipe".into(),
            status: ContractStatus::ActNow,
            notice_deadline: date("2021-06-30"),
            end: date("2021-12-31"),
            object_codes: vec!["AKN".into()],
        }];
        d
    }

    fn item(id: i64, kind: AgendaKind, position: i32, decision: &str) -> AgendaItem {
        AgendaItem {
            id,
            kind,
            source: String::new(),
            title: format!("Punkt {id}"),
            detail: String::new(),
            position,
            decision: decision.into(),
            decided_by_name: (!decision.is_empty()).then(|| "Cecilia Wahlström".into()),
            decided_at: None,
            version: 1,
        }
    }

    fn meeting(items: Vec<AgendaItem>) -> Meeting {
        Meeting {
            id: 1,
            held_on: date("2021-03-20"),
            title: "PSG mars".into(),
            year: 2021,
            state: MeetingState::Closed,
            snapshot_taken_at: "2021-03-19T10:00:00Z".parse().unwrap(),
            created_by_name: None,
            closed_by_name: None,
            closed_at: None,
            attendees: vec![crate::domain::Attendee { person_id: 1, name: "Cecilia Wahlström".into() }],
            items,
        }
    }

    #[test]
    fn the_agenda_holds_the_dashboards_escalations_objects_over_capacity_and_contracts() {
        let d = dashboard();
        let agenda = agenda_from(&d);
        let kinds: Vec<(AgendaKind, &str)> = agenda.iter().map(|a| (a.kind, a.source.as_str())).collect();
        assert_eq!(
            kinds,
            [(AgendaKind::Escalation, "7"), (AgendaKind::OverCapacity, "AKN"), (AgendaKind::Contract, "3")]
        );
        assert_eq!(agenda[0].title, "IT-timmar i mars");
        assert_eq!(agenda[0].detail, "AKN, EHR · 2021-03-15");
        assert_eq!(agenda[1].title, "AKN – Administration");
        assert_eq!(agenda[2].title, "AVT-3 – Formpipe");
        assert_eq!(agenda[2].detail, "AKN · 2021-06-30");
        let notes = capacity_notes(&d);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].checks[0].margin(), Decimal::from(-5));
    }

    #[test]
    fn the_agenda_is_grouped_by_kind_in_position_order() {
        let items = vec![
            item(1, AgendaKind::Other, 1, ""),
            item(2, AgendaKind::Contract, 2, ""),
            item(3, AgendaKind::Escalation, 2, ""),
            item(4, AgendaKind::Escalation, 1, ""),
        ];
        let groups = agenda_groups(&items);
        let shape: Vec<(AgendaKind, Vec<i64>)> =
            groups.iter().map(|(k, items)| (*k, items.iter().map(|i| i.id).collect())).collect();
        assert_eq!(
            shape,
            [(AgendaKind::Escalation, vec![4, 3]), (AgendaKind::Contract, vec![2]), (AgendaKind::Other, vec![1]),]
        );
    }

    #[test]
    fn meetings_split_into_upcoming_and_past_newest_first() {
        let mut a = meeting(vec![]);
        a.held_on = date("2021-01-10");
        let mut b = a.clone();
        b.id = 2;
        b.held_on = date("2021-05-10");
        let mut c = a.clone();
        c.id = 3;
        c.held_on = date("2021-03-01");
        let list = meeting_list(&[a, b, c], date("2021-03-01"), true);
        assert_eq!(list.upcoming.iter().map(|r| r.id).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(list.past.iter().map(|r| r.id).collect::<Vec<_>>(), [1]);
        let all: Vec<MeetingRow> = list.upcoming.into_iter().chain(list.past).collect();
        assert_eq!(default_pair(&all), Some((3, 2)));
    }

    #[test]
    fn the_protocol_workbook_holds_the_meeting_the_decisions_and_the_figures() {
        let d = dashboard();
        let mut decided = item(1, AgendaKind::Escalation, 1, "=PSG prioriterar AKN");
        decided.title = "IT-timmar i mars".into();
        let p = protocol(meeting(vec![item(2, AgendaKind::Other, 1, ""), decided]), &d);
        let book = protocol_workbook(&p);
        let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, [MEETING_SHEET, PROTOCOL_SHEET, FIGURES_SHEET]);
        let meeting_sheet = &book.sheets[0].rows;
        assert_eq!(meeting_sheet[1], vec![Cell::text("Möte"), Cell::text("PSG mars")]);
        assert_eq!(meeting_sheet[5][1], Cell::text("Cecilia Wahlström"));
        let agenda = &book.sheets[1].rows;
        assert_eq!(agenda.len(), 3, "header and two items");
        // Escalations before other items; the decision neutralised.
        assert_eq!(agenda[1][1], Cell::text("Eskalering"));
        assert_eq!(agenda[1][4], Cell::Text("'=PSG prioriterar AKN".into()));
        assert_eq!(agenda[1][5], Cell::text("Cecilia Wahlström"));
        assert_eq!(agenda[2][1], Cell::text("Övrigt"));
        assert_eq!(agenda[2][4], Cell::Empty, "undecided");
        let objects = &book.sheets[2].rows;
        assert_eq!(objects.len(), 3);
        assert_eq!(objects[1][0], Cell::text("AKN"));
        assert_eq!(objects[1][6], Cell::text("Ja"));
    }

    #[test]
    fn two_meetings_compare_by_their_snapshots() {
        let before = dashboard();
        let mut after = dashboard();
        after.escalations.clear();
        let (m1, mut m2) = (meeting(vec![]), meeting(vec![]));
        m2.id = 2;
        let c = meeting_comparison(Vec::new(), Some((&m1, &before)), Some((&m2, &after)));
        let (from, to) = (c.from.unwrap(), c.to.unwrap());
        assert_eq!((from.figures.escalations, to.figures.escalations), (1, 0));
        assert_eq!(c.changes.len(), 2);
        assert!(c.changes.iter().all(|change| !change.changed()), "the objects did not change");
    }
}
