//! The escalation forms as the shared form state sees them: text fields,
//! checked by the same domain rules the server runs.

use crate::domain::{DecideForm, EscalateForm, FieldProblem, RaiseForm, WithdrawForm};
use crate::ui::plan::form::EditForm;

fn problems<T>(result: Result<T, Vec<FieldProblem>>) -> Vec<FieldProblem> {
    result.err().unwrap_or_default()
}

macro_rules! text_form {
    ($form:ty { $($field:ident),+ } => |$this:ident| $check:expr) => {
        impl EditForm for $form {
            fn value(&self, field: &str) -> String {
                match field {
                    $(stringify!($field) => self.$field.clone(),)+
                    _ => String::new(),
                }
            }

            fn set(&mut self, field: &str, value: String) {
                match field {
                    $(stringify!($field) => self.$field = value,)+
                    _ => {}
                }
            }

            fn problems(&self) -> Vec<FieldProblem> {
                let $this = self;
                problems($check)
            }
        }
    };
}

/// A form with a due date, checked against today as the server sent it
/// with the page, so the browser and the server judge the same day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated<F> {
    pub form: F,
    pub today: chrono::NaiveDate,
}

impl EditForm for Dated<RaiseForm> {
    fn value(&self, field: &str) -> String {
        match field {
            "year" => self.form.year.clone(),
            "title" => self.form.title.clone(),
            "description" => self.form.description.clone(),
            "due_on" => self.form.due_on.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "year" => self.form.year = value,
            "title" => self.form.title = value,
            "description" => self.form.description = value,
            "due_on" => self.form.due_on = value,
            _ => {}
        }
    }

    fn problems(&self) -> Vec<FieldProblem> {
        // The objects are ticked boxes, checked on their own.
        problems(self.form.check(self.today, &[0], &[]))
    }
}

impl EditForm for Dated<EscalateForm> {
    fn value(&self, field: &str) -> String {
        match field {
            "note" => self.form.note.clone(),
            "due_on" => self.form.due_on.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "note" => self.form.note = value,
            "due_on" => self.form.due_on = value,
            _ => {}
        }
    }

    fn problems(&self) -> Vec<FieldProblem> {
        problems(self.form.check(self.today))
    }
}

text_form!(DecideForm { decision, rationale } => |form| form.check());
text_form!(WithdrawForm { note } => |form| form.check());
