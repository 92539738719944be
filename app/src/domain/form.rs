//! Edit forms as a person typed them, checked field by field. The browser
//! runs the same checks while the person types as the server runs when it
//! saves, so the two never disagree about what is valid.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    AssignmentType, DomainError, Hours, Initiative, InitiativeStatus, MainActivity, Money, PlanSettings, SideEffort,
};

pub const NAME_MAX_CHARS: usize = 200;
pub const COMMENT_MAX_CHARS: usize = 2000;

/// One refused field: its form name and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub error: DomainError,
}

impl DomainError {
    /// A stable code for the interface's message table and the API.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Required => "required",
            DomainError::NotANumber => "not_a_number",
            DomainError::Negative => "negative",
            DomainError::TooManyDecimals(_) => "too_many_decimals",
            DomainError::NotPositive => "not_positive",
            DomainError::TooLong(_) => "too_long",
            DomainError::BadObjectCode => "bad_object_code",
            DomainError::UnknownValue(_) => "unknown",
            DomainError::ScoreOutOfRange => "score_range",
            DomainError::TooLarge => "too_large",
            DomainError::InPast => "in_past",
            DomainError::BeforeStart => "before_start",
        }
    }
}

/// Collects every field's problem, so all of them show at once.
#[derive(Default)]
pub(super) struct Checks(Vec<FieldProblem>);

impl Checks {
    pub(super) fn take<T>(&mut self, field: &'static str, result: Result<T, DomainError>) -> Option<T> {
        result.map_err(|error| self.0.push(FieldProblem { field, error })).ok()
    }

    pub(super) fn finish<T>(self, value: Option<T>) -> Result<T, Vec<FieldProblem>> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => Err(self.0),
        }
    }
}

/// Optional free text (a description, a note): trimmed, at most
/// [`COMMENT_MAX_CHARS`].
pub(super) fn free_text(text: &str) -> Result<String, DomainError> {
    let trimmed = text.trim();
    if trimmed.chars().count() > COMMENT_MAX_CHARS {
        return Err(DomainError::TooLong(COMMENT_MAX_CHARS));
    }
    Ok(trimmed.to_owned())
}

pub(super) fn name(text: &str, max: usize) -> Result<String, DomainError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DomainError::Required);
    }
    if trimmed.chars().count() > max {
        return Err(DomainError::TooLong(max));
    }
    Ok(trimmed.to_owned())
}

/// A stored number as a Swedish person types it: a decimal comma, no
/// group spaces (they are easy to mistype), whole numbers without decimals:
/// `655`, `1313,50`. The parsers read it back exactly.
pub(super) fn as_typed(value: rust_decimal::Decimal) -> String {
    if value.fract().is_zero() {
        value.trunc().to_string()
    } else {
        value.to_string().replace('.', ",")
    }
}

/// Blank means zero: the object plan leaves most cells empty.
fn hours_or_zero(text: &str) -> Result<Hours, DomainError> {
    if text.trim().is_empty() {
        Ok(Hours::ZERO)
    } else {
        Hours::parse(text)
    }
}

fn money_or_zero(text: &str) -> Result<Money, DomainError> {
    if text.trim().is_empty() {
        Ok(Money::ZERO)
    } else {
        Money::parse(text)
    }
}

fn optional_priority(text: &str) -> Result<Option<i32>, DomainError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let value: i32 = trimmed.parse().map_err(|_| DomainError::NotANumber)?;
    if value < 1 {
        return Err(DomainError::NotPositive);
    }
    Ok(Some(value))
}

/// An initiative's editable fields, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeForm {
    pub name: String,
    pub main_activity: String,
    pub assignment_type: String,
    pub priority: String,
    pub business_hours: String,
    pub business_other: String,
    pub it_hours: String,
    pub it_other: String,
}

/// An initiative's editable fields, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeInput {
    pub name: String,
    pub main_activity: MainActivity,
    pub assignment_type: AssignmentType,
    pub priority: Option<i32>,
    pub business: SideEffort,
    pub it: SideEffort,
}

impl InitiativeInput {
    /// `initiative` with these fields in place: how it will read once
    /// saved, for the live budget tables.
    pub fn applied_to(&self, initiative: &Initiative) -> Initiative {
        Initiative {
            name: self.name.clone(),
            main_activity: self.main_activity,
            assignment_type: self.assignment_type,
            priority: self.priority,
            business: self.business,
            it: self.it,
            ..initiative.clone()
        }
    }
}

impl InitiativeForm {
    pub const FIELDS: [&'static str; 8] = [
        "name",
        "main_activity",
        "assignment_type",
        "priority",
        "business_hours",
        "business_other",
        "it_hours",
        "it_other",
    ];

    /// The form as it opens on a stored initiative; blank where the plan
    /// has nothing, as the object plan writes it.
    pub fn of(initiative: &Initiative) -> Self {
        let hours = |h: Hours| if h == Hours::ZERO { String::new() } else { as_typed(h.value()) };
        let money = |m: Money| if m == Money::ZERO { String::new() } else { as_typed(m.value()) };
        Self {
            name: initiative.name.clone(),
            main_activity: initiative.main_activity.key().to_owned(),
            assignment_type: initiative.assignment_type.key().to_owned(),
            priority: initiative.priority.map(|p| p.to_string()).unwrap_or_default(),
            business_hours: hours(initiative.business.hours),
            business_other: money(initiative.business.other),
            it_hours: hours(initiative.it.hours),
            it_other: money(initiative.it.other),
        }
    }

    /// Each field's name and text, in form order: what a conflict reports
    /// as stored now.
    pub fn fields(&self) -> Vec<(String, String)> {
        let values = [
            &self.name,
            &self.main_activity,
            &self.assignment_type,
            &self.priority,
            &self.business_hours,
            &self.business_other,
            &self.it_hours,
            &self.it_other,
        ];
        Self::FIELDS.iter().zip(values).map(|(field, value)| ((*field).to_owned(), value.clone())).collect()
    }

    pub fn check(&self) -> Result<InitiativeInput, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let name = c.take("name", name(&self.name, NAME_MAX_CHARS));
        let main_activity = c.take("main_activity", MainActivity::from_key(&self.main_activity));
        let assignment_type = c.take("assignment_type", AssignmentType::from_key(&self.assignment_type));
        let priority = c.take("priority", optional_priority(&self.priority));
        let business_hours = c.take("business_hours", hours_or_zero(&self.business_hours));
        let business_other = c.take("business_other", money_or_zero(&self.business_other));
        let it_hours = c.take("it_hours", hours_or_zero(&self.it_hours));
        let it_other = c.take("it_other", money_or_zero(&self.it_other));
        let input = (|| {
            Some(InitiativeInput {
                name: name?,
                main_activity: main_activity?,
                assignment_type: assignment_type?,
                priority: priority?,
                business: SideEffort::new(business_hours?, business_other?),
                it: SideEffort::new(it_hours?, it_other?),
            })
        })();
        c.finish(input)
    }
}

/// A plan year's rates and hours per FTE, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsForm {
    pub business_rate: String,
    pub it_rate: String,
    pub hours_per_fte: String,
}

impl SettingsForm {
    pub fn of(settings: &PlanSettings) -> Self {
        Self {
            business_rate: as_typed(settings.business_rate.value()),
            it_rate: as_typed(settings.it_rate.value()),
            hours_per_fte: as_typed(settings.hours_per_fte.value()),
        }
    }

    pub fn fields(&self) -> Vec<(String, String)> {
        [("business_rate", &self.business_rate), ("it_rate", &self.it_rate), ("hours_per_fte", &self.hours_per_fte)]
            .into_iter()
            .map(|(field, value)| (field.to_owned(), value.clone()))
            .collect()
    }

    pub fn check(&self) -> Result<PlanSettings, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let business_rate = c.take("business_rate", Money::parse(&self.business_rate));
        let it_rate = c.take("it_rate", Money::parse(&self.it_rate));
        let hours_per_fte = c.take(
            "hours_per_fte",
            Hours::parse(&self.hours_per_fte).and_then(|h| {
                if h == Hours::ZERO {
                    Err(DomainError::NotPositive)
                } else {
                    Ok(h)
                }
            }),
        );
        let settings = match (business_rate, it_rate, hours_per_fte) {
            (Some(b), Some(i), Some(h)) => c.take("hours_per_fte", PlanSettings::new(b, i, h)),
            _ => None,
        };
        c.finish(settings)
    }
}

/// An initiative's outcome, as text: blank means zero, as in the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeForm {
    pub business_hours: String,
    pub business_other: String,
    pub it_hours: String,
    pub it_other: String,
}

impl OutcomeForm {
    pub fn of(outcome: &super::Outcome) -> Self {
        let hours = |h: Hours| if h == Hours::ZERO { String::new() } else { as_typed(h.value()) };
        let money = |m: Money| if m == Money::ZERO { String::new() } else { as_typed(m.value()) };
        Self {
            business_hours: hours(outcome.business.hours),
            business_other: money(outcome.business.other),
            it_hours: hours(outcome.it.hours),
            it_other: money(outcome.it.other),
        }
    }

    pub fn check(&self) -> Result<super::Outcome, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let business_hours = c.take("business_hours", hours_or_zero(&self.business_hours));
        let business_other = c.take("business_other", money_or_zero(&self.business_other));
        let it_hours = c.take("it_hours", hours_or_zero(&self.it_hours));
        let it_other = c.take("it_other", money_or_zero(&self.it_other));
        let outcome = (|| {
            Some(super::Outcome {
                business: SideEffort::new(business_hours?, business_other?),
                it: SideEffort::new(it_hours?, it_other?),
            })
        })();
        c.finish(outcome)
    }
}

/// An object's fields, as text. The code is set once, at creation: it is
/// the object's address and the key of its files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectForm {
    pub code: String,
    pub name: String,
    pub category: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectInput {
    pub code: super::ObjectCode,
    pub name: String,
    pub category: super::ObjectCategory,
    pub description: String,
}

impl ObjectForm {
    pub fn of(object: &super::Object) -> Self {
        Self {
            code: object.code.to_string(),
            name: object.name.clone(),
            category: object.category.key().to_owned(),
            description: object.description.clone(),
        }
    }

    /// The fields an edit can change (the code is set once).
    pub fn fields(&self) -> Vec<(String, String)> {
        [("name", &self.name), ("category", &self.category), ("description", &self.description)]
            .into_iter()
            .map(|(field, value)| (field.to_owned(), value.clone()))
            .collect()
    }

    pub fn check(&self) -> Result<ObjectInput, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let code = c.take("code", super::ObjectCode::parse(&self.code));
        let name = c.take("name", name(&self.name, NAME_MAX_CHARS));
        let category = c.take("category", super::ObjectCategory::from_key(&self.category));
        let description = c.take("description", free_text(&self.description));
        let input =
            (|| Some(ObjectInput { code: code?, name: name?, category: category?, description: description? }))();
        c.finish(input)
    }
}

/// A status report on an initiative: the new status, the date it refers
/// to and a comment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusForm {
    pub status: String,
    pub date: String,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusInput {
    pub status: InitiativeStatus,
    pub date: NaiveDate,
    pub comment: String,
}

impl StatusForm {
    pub fn check(&self) -> Result<StatusInput, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let status = c.take("status", InitiativeStatus::from_key(&self.status));
        let date = c.take(
            "date",
            if self.date.trim().is_empty() {
                Err(DomainError::Required)
            } else {
                NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d")
                    .map_err(|_| DomainError::UnknownValue(self.date.clone()))
            },
        );
        let comment = self.comment.trim();
        let comment = c.take(
            "comment",
            if comment.chars().count() > COMMENT_MAX_CHARS {
                Err(DomainError::TooLong(COMMENT_MAX_CHARS))
            } else {
                Ok(comment.to_owned())
            },
        );
        let input = (|| Some(StatusInput { status: status?, date: date?, comment: comment? }))();
        c.finish(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_object_needs_a_good_code_a_name_and_a_known_category() {
        let good = ObjectForm {
            code: "BYGG".into(),
            name: "Bygglov".into(),
            category: "core".into(),
            description: String::new(),
        };
        assert!(good.check().is_ok());
        let codes = |form: ObjectForm| -> Vec<(&str, &str)> {
            form.check().err().unwrap_or_default().iter().map(|p| (p.field, p.error.code())).collect()
        };
        assert_eq!(codes(ObjectForm { code: "b".into(), ..good.clone() }), [("code", "bad_object_code")]);
        assert_eq!(codes(ObjectForm { name: " ".into(), ..good.clone() }), [("name", "required")]);
        assert_eq!(codes(ObjectForm { category: "x".into(), ..good.clone() }), [("category", "unknown")]);
        assert_eq!(codes(ObjectForm { description: "x".repeat(2001), ..good }), [("description", "too_long")]);
    }

    #[test]
    fn stored_numbers_open_in_the_form_as_swedes_type_them_and_read_back_exactly() {
        for (stored, typed) in [("655.00", "655"), ("1313.50", "1313,50"), ("0.25", "0,25"), ("1700", "1700")] {
            let value: rust_decimal::Decimal = stored.parse().unwrap();
            assert_eq!(as_typed(value), typed);
            assert_eq!(Hours::parse(typed).unwrap().value(), value);
        }
    }

    fn form(edit: impl FnOnce(&mut InitiativeForm)) -> InitiativeForm {
        let mut form = InitiativeForm {
            name: "Införa e-tjänst".into(),
            main_activity: "change_management".into(),
            assignment_type: "develop".into(),
            priority: String::new(),
            business_hours: "1 313,50".into(),
            business_other: String::new(),
            it_hours: "40".into(),
            it_other: "25 000".into(),
        };
        edit(&mut form);
        form
    }

    fn problems(form: &InitiativeForm) -> Vec<(&'static str, &'static str)> {
        form.check().err().unwrap_or_default().iter().map(|p| (p.field, p.error.code())).collect()
    }

    #[test]
    fn a_good_form_gives_exact_quantities() {
        let input = form(|_| {}).check().expect("valid");
        assert_eq!(input.business.hours, Hours::parse("1313.50").unwrap());
        assert_eq!(input.business.other, Money::ZERO);
        assert_eq!(input.it.other.to_string(), "25000.00");
        assert_eq!(input.priority, None);
    }

    #[test]
    fn each_field_is_checked_on_its_own() {
        // An edit of a good form, and the (field, code) problems it must give.
        type Case = (fn(&mut InitiativeForm), &'static [(&'static str, &'static str)]);
        let cases: &[Case] = &[
            (|f| f.name = "   ".into(), &[("name", "required")]),
            (|f| f.name = "x".repeat(201), &[("name", "too_long")]),
            (|f| f.main_activity = "gardening".into(), &[("main_activity", "unknown")]),
            (|f| f.assignment_type = String::new(), &[("assignment_type", "unknown")]),
            (|f| f.priority = "0".into(), &[("priority", "not_positive")]),
            (|f| f.priority = "ett".into(), &[("priority", "not_a_number")]),
            (|f| f.business_hours = "-1".into(), &[("business_hours", "negative")]),
            (|f| f.business_hours = "1,005".into(), &[("business_hours", "too_many_decimals")]),
            (|f| f.it_hours = "12 h".into(), &[("it_hours", "not_a_number")]),
            (|f| f.it_other = "1.313,50".into(), &[("it_other", "not_a_number")]),
            (|f| f.business_other = "1313.50".into(), &[]),
            (|f| f.business_hours = "99999999999999999999".into(), &[("business_hours", "too_large")]),
            (|f| f.it_other = "1e30".into(), &[("it_other", "not_a_number")]),
            (
                |f| {
                    f.name.clear();
                    f.it_hours = "x".into();
                },
                &[("name", "required"), ("it_hours", "not_a_number")],
            ),
        ];
        for (edit, expected) in cases {
            let form = form(*edit);
            assert_eq!(problems(&form), *expected, "{form:?}");
        }
    }

    #[test]
    fn a_stored_initiative_opens_as_it_reads() {
        let input = form(|_| {}).check().unwrap();
        let initiative = Initiative {
            id: 1,
            plan_year_id: 1,
            rank: 1,
            name: input.name.clone(),
            main_activity: input.main_activity,
            assignment_type: input.assignment_type,
            priority: Some(2),
            status: InitiativeStatus::NotStarted,
            business: input.business,
            it: input.it,
            scores: Default::default(),
            version: 1,
        };
        let reopened = InitiativeForm::of(&initiative);
        assert_eq!(reopened.business_other, "");
        assert_eq!(reopened.priority, "2");
        let again = reopened.check().unwrap();
        assert_eq!((again.business, again.it), (input.business, input.it));
    }

    #[test]
    fn settings_need_rates_and_positive_hours_per_fte() {
        let good =
            SettingsForm { business_rate: "655".into(), it_rate: "655,00".into(), hours_per_fte: "1 700".into() };
        assert!(good.check().is_ok());
        let bad = SettingsForm { business_rate: String::new(), it_rate: "x".into(), hours_per_fte: "0".into() };
        let codes: Vec<_> = bad.check().unwrap_err().iter().map(|p| (p.field, p.error.code())).collect();
        assert_eq!(
            codes,
            [("business_rate", "required"), ("it_rate", "not_a_number"), ("hours_per_fte", "not_positive")]
        );
    }

    #[test]
    fn a_status_report_needs_a_known_status_and_a_real_date() {
        let good =
            StatusForm {
                status: "at_risk".into(), date: "2020-02-29".into(), comment: " Leverantören är sen ".into()
            };
        let input = good.check().unwrap();
        assert_eq!(input.comment, "Leverantören är sen");
        let bad = StatusForm { status: "fine".into(), date: "2021-02-29".into(), comment: "x".repeat(2001) };
        let codes: Vec<_> = bad.check().unwrap_err().iter().map(|p| (p.field, p.error.code())).collect();
        assert_eq!(codes, [("status", "unknown"), ("date", "unknown"), ("comment", "too_long")]);
    }
}
