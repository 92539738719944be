//! Prioritisation (001, 2.3.2–2.3.4): a plan's initiatives as one total
//! order, changed by intents ("move X before Y", or last), the capacity
//! line where cumulative demand passes what the object has, and the
//! scoring aid from the guideline's criteria. Pure: the server applies a
//! move inside one transaction, the browser the same move at once.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Hours, Initiative, Money, PlanSettings, Scores, Side};

/// "Move `item` before `before`", or to the end when `before` is `None`:
/// what a client sends. The server decides the order from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    pub item: i64,
    pub before: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum MoveError {
    /// The item to move is not in the list (removed meanwhile, or another plan's).
    #[error("no such item in the list")]
    UnknownItem,
    /// The item to move before is not in the list.
    #[error("no such target in the list")]
    UnknownTarget,
    #[error("an item cannot move before itself")]
    OntoItself,
}

impl MoveError {
    pub fn code(self) -> &'static str {
        match self {
            MoveError::UnknownItem => "unknown_item",
            MoveError::UnknownTarget => "unknown_target",
            MoveError::OntoItself => "onto_itself",
        }
    }
}

/// The order after `step`: the item taken out and put back before its
/// target (or last). Every other item keeps its relative order; nothing is
/// lost or repeated.
pub fn apply_move(order: &[i64], step: Move) -> Result<Vec<i64>, MoveError> {
    if step.before == Some(step.item) {
        return Err(MoveError::OntoItself);
    }
    if !order.contains(&step.item) {
        return Err(MoveError::UnknownItem);
    }
    let mut next: Vec<i64> = order.iter().copied().filter(|&id| id != step.item).collect();
    let at = match step.before {
        None => next.len(),
        Some(target) => next.iter().position(|&id| id == target).ok_or(MoveError::UnknownTarget)?,
    };
    next.insert(at, step.item);
    Ok(next)
}

/// The move that puts `item` back where it stood in `order` (before the
/// item that followed it, or last): undoing a move that nothing followed.
pub fn undo_of(order: &[i64], item: i64) -> Option<Move> {
    let at = order.iter().position(|&id| id == item)?;
    Some(Move { item, before: order.get(at + 1).copied() })
}

/// A plan's order after a move: its revision (the move's id) and the
/// initiatives' ids in priority order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reordered {
    pub revision: i64,
    pub order: Vec<i64>,
}

/// The portfolio's order of a year's initiatives, from every object, and
/// what the IT side has for the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortfolioOrder {
    pub year: i32,
    /// Initiative ids, first priority first.
    pub order: Vec<i64>,
    /// The id of the year's latest portfolio move (0: none yet).
    pub revision: i64,
    /// The last move may be undone.
    pub can_undo: bool,
    pub it_hours: Option<Hours>,
    /// The capacity's version, for saving it (1: never saved).
    pub version: i64,
}

/// What the object has for the year, as typed: each limit optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacityForm {
    pub business_hours: String,
    pub it_hours: String,
    pub budget: String,
}

impl CapacityForm {
    pub fn of(capacity: &Capacity) -> Self {
        let typed = |value: Option<Decimal>| value.map(super::form::as_typed).unwrap_or_default();
        Self {
            business_hours: typed(capacity.business_hours.map(Hours::value)),
            it_hours: typed(capacity.it_hours.map(Hours::value)),
            budget: typed(capacity.budget.map(Money::value)),
        }
    }

    pub fn fields(&self) -> Vec<(String, String)> {
        [("business_hours", &self.business_hours), ("it_hours", &self.it_hours), ("budget", &self.budget)]
            .into_iter()
            .map(|(field, value)| (field.to_owned(), value.clone()))
            .collect()
    }

    pub fn check(&self) -> Result<Capacity, Vec<super::FieldProblem>> {
        fn optional<T>(
            text: &str,
            parse: fn(&str) -> Result<T, super::DomainError>,
        ) -> Result<Option<T>, super::DomainError> {
            if text.trim().is_empty() {
                Ok(None)
            } else {
                parse(text).map(Some)
            }
        }
        let mut c = super::form::Checks::default();
        let business_hours = c.take("business_hours", optional(&self.business_hours, Hours::parse));
        let it_hours = c.take("it_hours", optional(&self.it_hours, Hours::parse));
        let budget = c.take("budget", optional(&self.budget, Money::parse));
        c.finish((|| Some(Capacity { business_hours: business_hours?, it_hours: it_hours?, budget: budget? }))())
    }
}

/// The steps of the keyboard and the buttons, as intents on `order`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Up,
    Down,
    Top,
}

/// The intent for moving `item` one step (or to the top); `None` when it
/// is already there.
pub fn step_move(order: &[i64], item: i64, step: Step) -> Option<Move> {
    let at = order.iter().position(|&id| id == item)?;
    match step {
        Step::Up | Step::Top if at == 0 => None,
        Step::Up => Some(Move { item, before: Some(order[at - 1]) }),
        Step::Top => Some(Move { item, before: Some(order[0]) }),
        Step::Down if at + 1 >= order.len() => None,
        Step::Down => Some(Move { item, before: order.get(at + 2).copied() }),
    }
}

/// What the object has for the year: hours on each side and money. Any
/// limit may be unset (no line drawn for it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capacity {
    pub business_hours: Option<Hours>,
    pub it_hours: Option<Hours>,
    pub budget: Option<Money>,
}

impl Capacity {
    pub fn is_set(&self) -> bool {
        self.business_hours.is_some() || self.it_hours.is_some() || self.budget.is_some()
    }
}

/// Which limit a cumulative demand passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Limit {
    BusinessHours,
    ItHours,
    Budget,
}

/// Cumulative demand down to and including one initiative, and the limits
/// it passes there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demand {
    pub business_hours: Decimal,
    pub it_hours: Decimal,
    pub cost: Decimal,
    pub over: Vec<Limit>,
}

/// Down the list in priority order: the cumulative demand at each item,
/// and the index of the first item that no longer fits (every item from
/// there on is unfunded). Sorting changes the line; nothing else does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacityLine {
    pub demand: Vec<Demand>,
    pub first_unfunded: Option<usize>,
}

/// The cost of one initiative: hours at each side's rate plus other costs.
pub fn cost_of(initiative: &Initiative, settings: &PlanSettings) -> Decimal {
    [Side::Business, Side::It].into_iter().map(|side| initiative.effort(side).cost(settings.rate(side))).sum()
}

pub fn capacity_line(ordered: &[Initiative], settings: &PlanSettings, capacity: &Capacity) -> CapacityLine {
    capacity_line_of(
        ordered.iter().map(|i| (i.business.hours.value(), i.it.hours.value(), cost_of(i, settings))),
        capacity,
    )
}

/// The capacity line over any list in priority order, each item given as
/// (business hours, IT hours, cost): the portfolio's items come from plans
/// with different rates, so their costs are computed plan by plan first.
pub fn capacity_line_of(
    ordered: impl IntoIterator<Item = (Decimal, Decimal, Decimal)>,
    capacity: &Capacity,
) -> CapacityLine {
    let (mut business, mut it, mut cost) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut first_unfunded = None;
    let demand = ordered
        .into_iter()
        .enumerate()
        .map(|(index, (item_business, item_it, item_cost))| {
            business += item_business;
            it += item_it;
            cost += item_cost;
            let mut over = Vec::new();
            if capacity.business_hours.is_some_and(|limit| business > limit.value()) {
                over.push(Limit::BusinessHours);
            }
            if capacity.it_hours.is_some_and(|limit| it > limit.value()) {
                over.push(Limit::ItHours);
            }
            if capacity.budget.is_some_and(|limit| cost > limit.value()) {
                over.push(Limit::Budget);
            }
            if !over.is_empty() && first_unfunded.is_none() {
                first_unfunded = Some(index);
            }
            Demand { business_hours: business, it_hours: it, cost, over }
        })
        .collect();
    CapacityLine { demand, first_unfunded }
}

/// A move made in a filtered view of a longer list, as a move on the whole
/// list. "Before Y" means the same in both; "last" in the view means just
/// after the view's last other item, so the items the filter hides stay
/// where they were relative to it.
pub fn within_view(full: &[i64], visible: &[i64], step: Move) -> Move {
    if step.before.is_some() {
        return step;
    }
    // Already the view's last: it stays where it is.
    if visible.last() == Some(&step.item) {
        let next = full.iter().skip_while(|&&id| id != step.item).nth(1).copied();
        return Move { item: step.item, before: next };
    }
    let Some(&last) = visible.iter().rev().find(|&&id| id != step.item) else { return step };
    let after_last = full.iter().skip_while(|&&id| id != last).skip(1).find(|&&id| id != step.item).copied();
    Move { item: step.item, before: after_last }
}

/// Something several initiatives need at once: an IT component, or a
/// supplier (through the components it delivers).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Resource {
    ItComponent { id: i64, name: String },
    Supplier { id: i64, name: String },
}

impl Resource {
    pub fn name(&self) -> &str {
        match self {
            Resource::ItComponent { name, .. } | Resource::Supplier { name, .. } => name,
        }
    }
}

/// One portfolio item as the collision check sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim<'a> {
    pub item: i64,
    pub object_id: i64,
    pub resources: &'a [Resource],
}

/// A resource that initiatives of two or more objects among the top of the
/// portfolio all need: the conflict the forum must resolve (001, 2.3.4).
/// Items in priority order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collision {
    pub resource: Resource,
    pub items: Vec<i64>,
}

/// The collisions among the first `top` items of `ordered`: each resource
/// claimed there by initiatives from more than one object, components
/// before suppliers, each by name.
pub fn collisions(ordered: &[Claim<'_>], top: usize) -> Vec<Collision> {
    let mut claims: std::collections::BTreeMap<&Resource, Vec<&Claim<'_>>> = std::collections::BTreeMap::new();
    for claim in ordered.iter().take(top) {
        for resource in claim.resources {
            let list = claims.entry(resource).or_default();
            if !list.iter().any(|c| c.item == claim.item) {
                list.push(claim);
            }
        }
    }
    let mut found: Vec<Collision> = claims
        .into_iter()
        .filter(|(_, list)| list.iter().any(|c| c.object_id != list[0].object_id))
        .map(|(resource, list)| Collision { resource: resource.clone(), items: list.iter().map(|c| c.item).collect() })
        .collect();
    found.sort_by(|a, b| {
        let kind = |r: &Resource| matches!(r, Resource::Supplier { .. });
        (kind(&a.resource), a.resource.name()).cmp(&(kind(&b.resource), b.resource.name()))
    });
    found
}

/// How many of the portfolio's first items count as its top when the IT
/// side has no capacity set (with one, the top is what fits above the line).
pub const PORTFOLIO_TOP: usize = 10;

/// The scoring aid, criterion by criterion so the sum is never a black
/// box: benefit and goal contribution count as scored (1–5); effort counts
/// inverted (6 − effort: less effort, more points). Unscored criteria give
/// no points and are named as missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreBreakdown {
    pub benefit: Option<u8>,
    pub goal_contribution: Option<u8>,
    /// Points for effort: 6 − the effort score.
    pub effort_points: Option<u8>,
    pub total: u8,
    /// All three criteria scored.
    pub complete: bool,
}

pub fn score(scores: &Scores) -> ScoreBreakdown {
    let effort_points = scores.effort.map(|effort| 6_u8.saturating_sub(effort));
    let parts = [scores.benefit, scores.goal_contribution, effort_points];
    ScoreBreakdown {
        benefit: scores.benefit,
        goal_contribution: scores.goal_contribution,
        effort_points,
        total: parts.iter().flatten().sum(),
        complete: parts.iter().all(Option::is_some),
    }
}

/// The order the scores suggest: highest total first, unscored last, ties
/// kept in their current order (a stable sort), so accepting the
/// suggestion never shuffles what the scores do not decide.
pub fn suggested_order(ordered: &[Initiative]) -> Vec<i64> {
    let mut items: Vec<(&Initiative, ScoreBreakdown)> = ordered.iter().map(|i| (i, score(&i.scores))).collect();
    items.sort_by_key(|(_, s)| std::cmp::Reverse(s.total));
    items.into_iter().map(|(i, _)| i.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AssignmentType, InitiativeStatus, MainActivity, SideEffort};
    use proptest::prelude::*;

    #[test]
    fn a_move_to_the_end_of_a_filtered_view_lands_after_its_last_item() {
        let full = [1, 2, 3, 4, 5, 6];
        let visible = [1, 3, 5];
        // "Before 3" is before 3 either way.
        assert_eq!(within_view(&full, &visible, Move { item: 5, before: Some(3) }), Move { item: 5, before: Some(3) });
        // "Last" in the view: just after 5, before the hidden 6.
        assert_eq!(within_view(&full, &visible, Move { item: 1, before: None }), Move { item: 1, before: Some(6) });
        // The view's last item moving to the end of the view stays put.
        assert_eq!(within_view(&full, &visible, Move { item: 5, before: None }), Move { item: 5, before: Some(6) });
        let moved = apply_move(&full, within_view(&full, &visible, Move { item: 3, before: None })).expect("moves");
        assert_eq!(moved, vec![1, 2, 4, 5, 3, 6]);
        // Unfiltered, the end is the end.
        assert_eq!(within_view(&full, &full, Move { item: 2, before: None }), Move { item: 2, before: None });
    }

    #[test]
    fn collisions_are_resources_that_top_items_of_different_objects_share() {
        let integration = Resource::ItComponent { id: 1, name: "Integrationsplattform".into() };
        let public = Resource::ItComponent { id: 2, name: "Public 360".into() };
        let tieto = Resource::Supplier { id: 9, name: "Tietoevry".into() };
        let a = [integration.clone(), tieto.clone()];
        let b = [integration.clone()];
        let c = [public.clone(), tieto.clone()];
        let d = [public.clone()];
        let ordered = [
            Claim { item: 10, object_id: 1, resources: &a },
            Claim { item: 20, object_id: 2, resources: &b },
            Claim { item: 30, object_id: 3, resources: &c },
            Claim { item: 40, object_id: 3, resources: &d },
        ];
        let found = collisions(&ordered, 4);
        assert_eq!(
            found,
            vec![
                Collision { resource: integration.clone(), items: vec![10, 20] },
                Collision { resource: tieto.clone(), items: vec![10, 30] },
            ],
            "Public 360 is wanted twice by one object only: its own planning"
        );
        assert_eq!(collisions(&ordered, 1), vec![], "one item collides with nobody");
        assert_eq!(collisions(&ordered, 2), vec![Collision { resource: integration, items: vec![10, 20] }]);
    }

    #[test]
    fn the_line_over_costed_items_matches_the_line_over_initiatives() {
        let limit = Capacity { it_hours: Some(Hours::parse("250").expect("hours")), ..Capacity::default() };
        let line = capacity_line_of(
            [(Decimal::ZERO, Decimal::from(100), Decimal::ZERO), (Decimal::ZERO, Decimal::from(200), Decimal::ZERO)],
            &limit,
        );
        assert_eq!(line.first_unfunded, Some(1));
        assert_eq!(line.demand[1].over, vec![Limit::ItHours]);
        assert_eq!(line.demand[1].it_hours, Decimal::from(300));
    }

    #[test]
    fn moves_put_the_item_before_its_target_or_last() {
        let order = [1, 2, 3, 4];
        assert_eq!(apply_move(&order, Move { item: 4, before: Some(1) }), Ok(vec![4, 1, 2, 3]));
        assert_eq!(apply_move(&order, Move { item: 1, before: Some(3) }), Ok(vec![2, 1, 3, 4]));
        assert_eq!(apply_move(&order, Move { item: 1, before: None }), Ok(vec![2, 3, 4, 1]));
        assert_eq!(apply_move(&order, Move { item: 2, before: Some(3) }), Ok(vec![1, 2, 3, 4]), "already there");
        assert_eq!(apply_move(&order, Move { item: 9, before: Some(1) }), Err(MoveError::UnknownItem));
        assert_eq!(apply_move(&order, Move { item: 1, before: Some(9) }), Err(MoveError::UnknownTarget));
        assert_eq!(apply_move(&order, Move { item: 2, before: Some(2) }), Err(MoveError::OntoItself));
    }

    #[test]
    fn steps_are_intents_and_stop_at_the_ends() {
        let order = [1, 2, 3];
        assert_eq!(step_move(&order, 2, Step::Up), Some(Move { item: 2, before: Some(1) }));
        assert_eq!(step_move(&order, 2, Step::Down), Some(Move { item: 2, before: None }));
        assert_eq!(step_move(&order, 1, Step::Down), Some(Move { item: 1, before: Some(3) }));
        assert_eq!(step_move(&order, 3, Step::Top), Some(Move { item: 3, before: Some(1) }));
        assert_eq!(step_move(&order, 1, Step::Up), None);
        assert_eq!(step_move(&order, 3, Step::Down), None);
        assert_eq!(step_move(&order, 9, Step::Up), None);
    }

    fn goal(id: i64, business_hours: u32, it_hours: u32) -> Initiative {
        let effort = |hours: u32| SideEffort::new(Hours::new(hours.into()).unwrap(), Money::ZERO);
        Initiative {
            id,
            plan_year_id: 1,
            rank: id as i32,
            name: format!("Mål {id}"),
            main_activity: MainActivity::ChangeManagement,
            assignment_type: AssignmentType::Develop,
            priority: None,
            status: InitiativeStatus::NotStarted,
            business: effort(business_hours),
            it: effort(it_hours),
            scores: Scores::default(),
            version: 1,
        }
    }

    #[test]
    fn the_capacity_line_falls_at_the_first_item_that_no_longer_fits() {
        let rate = Money::parse("100").unwrap();
        let settings = PlanSettings::new(rate, rate, Hours::parse("1700").unwrap()).unwrap();
        let list = [goal(1, 100, 10), goal(2, 100, 50), goal(3, 10, 10)];
        let hours = |h: &str| Some(Hours::parse(h).unwrap());
        let it_limited = Capacity { business_hours: hours("500"), it_hours: hours("40"), budget: None };
        let line = capacity_line(&list, &settings, &it_limited);
        assert_eq!(line.first_unfunded, Some(1), "60 IT hours by the second");
        assert_eq!(line.demand[1].over, [Limit::ItHours]);
        assert_eq!(line.demand[2].cost, Decimal::from(28_000), "(210 + 70) h × 100 kr");
        let budget = Capacity { budget: Some(Money::parse("28000").unwrap()), ..Capacity::default() };
        assert_eq!(capacity_line(&list, &settings, &budget).first_unfunded, None, "exactly at the limit fits");
        let reordered = [list[2].clone(), list[0].clone(), list[1].clone()];
        assert_eq!(capacity_line(&reordered, &settings, &it_limited).first_unfunded, Some(2), "the line moves");
        assert_eq!(capacity_line(&list, &settings, &Capacity::default()).first_unfunded, None);
    }

    #[test]
    fn capacity_is_optional_per_limit_and_checked_like_any_number() {
        let form =
            CapacityForm { business_hours: "1 200,5".into(), it_hours: String::new(), budget: "2 500 000".into() };
        let capacity = form.check().expect("valid");
        assert_eq!(capacity.business_hours.map(|h| h.value().to_string()), Some("1200.50".into()));
        assert_eq!(
            (capacity.it_hours, capacity.budget.map(|m| m.value().to_string())),
            (None, Some("2500000.00".into()))
        );
        assert_eq!(CapacityForm::of(&capacity).business_hours, "1200,50");
        let bad = CapacityForm { business_hours: "-1".into(), it_hours: "x".into(), budget: "1,234".into() };
        let codes: Vec<_> = bad.check().unwrap_err().iter().map(|p| (p.field, p.error.code())).collect();
        assert_eq!(
            codes,
            [("business_hours", "negative"), ("it_hours", "not_a_number"), ("budget", "too_many_decimals")]
        );
    }

    #[test]
    fn scores_are_summed_in_the_open() {
        let full = score(&Scores { benefit: Some(5), goal_contribution: Some(3), effort: Some(2) });
        assert_eq!((full.effort_points, full.total, full.complete), (Some(4), 12, true));
        let partial = score(&Scores { benefit: Some(4), goal_contribution: None, effort: None });
        assert_eq!((partial.total, partial.complete), (4, false));
        assert_eq!(score(&Scores::default()).total, 0);
    }

    fn order_strategy() -> impl Strategy<Value = (Vec<i64>, Vec<(usize, Option<usize>)>)> {
        (1_usize..30).prop_flat_map(|n| {
            let ids: Vec<i64> = (1..=n as i64).map(|i| i * 7).collect();
            (Just(ids), proptest::collection::vec((0..n, proptest::option::of(0..n)), 0..40))
        })
    }

    proptest! {
        /// Any sequence of moves keeps a permutation of the items: none lost,
        /// none repeated; each lands right before its target (or last), and
        /// everything else keeps its relative order.
        #[test]
        fn moves_keep_a_total_order((ids, moves) in order_strategy()) {
            let mut order = ids.clone();
            for (item, before) in moves {
                let step = Move { item: ids[item], before: before.map(|b| ids[b]) };
                match apply_move(&order, step) {
                    Ok(next) => {
                        let mut sorted = next.clone();
                        sorted.sort_unstable();
                        prop_assert_eq!(&sorted, &ids);
                        let at = next.iter().position(|&id| id == step.item).unwrap();
                        match step.before {
                            Some(target) => prop_assert_eq!(next.get(at + 1), Some(&target)),
                            None => prop_assert_eq!(at, next.len() - 1),
                        }
                        let rest_before: Vec<i64> = order.iter().copied().filter(|&i| i != step.item).collect();
                        let rest_after: Vec<i64> = next.iter().copied().filter(|&i| i != step.item).collect();
                        prop_assert_eq!(rest_before, rest_after);
                        // Undoing right away gives back the order before.
                        let undo = undo_of(&order, step.item).unwrap();
                        prop_assert_eq!(apply_move(&next, undo).unwrap(), order.clone());
                        order = next;
                    }
                    Err(error) => {
                        prop_assert_eq!(error, MoveError::OntoItself);
                        prop_assert_eq!(step.before, Some(step.item));
                    }
                }
            }
        }

        /// The suggestion is a permutation with totals never rising down the
        /// list, and equal totals kept in their current order.
        #[test]
        fn the_suggested_order_sorts_by_total_and_keeps_ties(scores in proptest::collection::vec(
            (proptest::option::of(1_u8..=5), proptest::option::of(1_u8..=5), proptest::option::of(1_u8..=5)), 0..20)
        ) {
            let list: Vec<Initiative> = scores
                .iter()
                .enumerate()
                .map(|(index, &(b, g, e))| {
                    let mut i = goal(index as i64 + 1, 0, 0);
                    i.scores = Scores { benefit: b, goal_contribution: g, effort: e };
                    i
                })
                .collect();
            let suggested = suggested_order(&list);
            let mut ids = suggested.clone();
            ids.sort_unstable();
            prop_assert_eq!(ids, list.iter().map(|i| i.id).collect::<Vec<_>>());
            let total = |id: i64| score(&list[(id - 1) as usize].scores).total;
            for pair in suggested.windows(2) {
                prop_assert!(total(pair[0]) >= total(pair[1]));
                if total(pair[0]) == total(pair[1]) {
                    prop_assert!(pair[0] < pair[1], "ties keep their order");
                }
            }
        }
    }
}
