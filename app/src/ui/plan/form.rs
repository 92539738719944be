//! Form state shared by the plan's edit pages: the text as typed, which
//! fields the person has touched, and the message next to each field.
//! Messages come from the same domain checks the server runs, so the
//! browser and the server never disagree; what only the server can know
//! arrives as its validation error.

use leptos::prelude::*;

use crate::api::AppError;
use crate::domain::{FieldProblem, InitiativeForm, SettingsForm};
use crate::ui::use_texts;

/// A form whose fields are text, checked as a whole by the domain.
pub trait EditForm: Clone + PartialEq + Send + Sync + 'static {
    fn value(&self, field: &str) -> String;
    fn set(&mut self, field: &str, value: String);
    fn problems(&self) -> Vec<FieldProblem>;

    /// The form with each stored `(field, text)` pair in place.
    fn with_values(&self, values: &[(String, String)]) -> Self {
        let mut form = self.clone();
        for (field, value) in values {
            form.set(field, value.clone());
        }
        form
    }
}

impl EditForm for InitiativeForm {
    fn value(&self, field: &str) -> String {
        self.fields().into_iter().find(|(f, _)| f == field).map(|(_, v)| v).unwrap_or_default()
    }

    fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "name" => &mut self.name,
            "main_activity" => &mut self.main_activity,
            "assignment_type" => &mut self.assignment_type,
            "priority" => &mut self.priority,
            "business_hours" => &mut self.business_hours,
            "business_other" => &mut self.business_other,
            "it_hours" => &mut self.it_hours,
            "it_other" => &mut self.it_other,
            _ => return,
        };
        *slot = value;
    }

    fn problems(&self) -> Vec<FieldProblem> {
        self.check().err().unwrap_or_default()
    }
}

impl EditForm for SettingsForm {
    fn value(&self, field: &str) -> String {
        self.fields().into_iter().find(|(f, _)| f == field).map(|(_, v)| v).unwrap_or_default()
    }

    fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "business_rate" => &mut self.business_rate,
            "it_rate" => &mut self.it_rate,
            "hours_per_fte" => &mut self.hours_per_fte,
            _ => return,
        };
        *slot = value;
    }

    fn problems(&self) -> Vec<FieldProblem> {
        self.check().err().unwrap_or_default()
    }
}

/// One form's live state. Local problems show for a field once it has
/// been typed in or the form was sent; the server's verdict on a field
/// shows until the field is changed again.
pub struct FormState<F: EditForm> {
    /// Prefixes the fields' element ids: unique on the page.
    id: StoredValue<String>,
    pub form: RwSignal<F>,
    problems: Memo<Vec<(&'static str, &'static str)>>,
    touched: RwSignal<Vec<&'static str>>,
    submitted: RwSignal<bool>,
    server: Signal<Option<AppError>>,
}

impl<F: EditForm> Clone for FormState<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: EditForm> Copy for FormState<F> {}

impl<F: EditForm> FormState<F> {
    pub fn new(id: impl Into<String>, initial: F, server: Signal<Option<AppError>>) -> Self {
        let form = RwSignal::new(initial);
        let problems =
            Memo::new(move |_| form.with(|f| f.problems().iter().map(|p| (p.field, p.error.code())).collect()));
        Self {
            id: StoredValue::new(id.into()),
            form,
            problems,
            touched: RwSignal::new(Vec::new()),
            submitted: RwSignal::new(false),
            server,
        }
    }

    pub fn get(&self, field: &str) -> String {
        self.form.with(|f| f.value(field))
    }

    pub fn input(&self, field: &'static str, value: String) {
        self.form.update(|f| f.set(field, value));
        self.touched.update(|t| {
            if !t.contains(&field) {
                t.push(field);
            }
        });
    }

    /// Replaces every field (after a conflict, with what is stored).
    pub fn reset(&self, form: F) {
        self.form.set(form);
        self.touched.set(Vec::new());
        self.submitted.set(false);
    }

    /// The code of the message to show next to `field`, if any.
    pub fn problem(&self, field: &'static str) -> Option<String> {
        let touched = self.touched.with(|t| t.contains(&field));
        let local = (self.submitted.get() || touched)
            .then(|| self.problems.with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, code)| code.to_string())))
            .flatten();
        local.or_else(|| match self.server.get() {
            Some(AppError::Validation { field: f, message }) if f == field && !touched => Some(message),
            _ => None,
        })
    }

    /// Marks the form as sent; false (and the first refused field focused)
    /// while the domain refuses it.
    pub fn try_submit(&self) -> bool {
        self.submitted.set(true);
        self.touched.set(Vec::new());
        match self.problems.with_untracked(|p| p.first().map(|(f, _)| *f)) {
            Some(field) => {
                focus(&self.id.with_value(|id| format!("{id}-{field}")));
                false
            }
            None => true,
        }
    }
}

#[cfg(feature = "hydrate")]
fn focus(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

#[cfg(not(feature = "hydrate"))]
fn focus(_id: &str) {}

fn ids(state_id: &str, field: &str) -> (String, String, String) {
    let id = format!("{state_id}-{field}");
    (id.clone(), format!("{id}-hint"), format!("{id}-error"))
}

/// A checkbox's change handler that keeps `value` in `chosen` while the
/// box is ticked (the lists of objects, initiatives and components a form
/// sends as `name[]`).
pub fn toggle_in<T>(chosen: RwSignal<Vec<T>>, value: T) -> impl Fn(leptos::ev::Event) + 'static
where
    T: PartialEq + Clone + Send + Sync + 'static,
{
    move |ev| {
        let on = event_target_checked(&ev);
        chosen.update(|list| {
            list.retain(|x| *x != value);
            if on {
                list.push(value.clone());
            }
        });
    }
}

/// A labelled text input with its hint and its message.
#[component]
pub fn TextField<F: EditForm>(
    state: FormState<F>,
    field: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// Numbers: the phone offers a keypad with a decimal comma.
    #[prop(optional)]
    numeric: bool,
    #[prop(optional)] required: bool,
    /// Another input type than text (`date`).
    #[prop(optional)]
    input_type: Option<&'static str>,
) -> impl IntoView {
    let t = use_texts();
    let (id, hint_id, error_id) = state.id.with_value(|state_id| ids(state_id, field));
    let initial = state.form.with_untracked(|f| f.value(field));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids: Vec<String> = hint.map(|_| hint_id.clone()).into_iter().collect();
            ids.extend(state.problem(field).map(|_| error_id.clone()));
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" data-field=field>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=field
                type=input_type.unwrap_or("text")
                inputmode=numeric.then_some("decimal")
                autocomplete="off"
                required=required
                value=initial
                prop:value=move || state.get(field)
                aria-invalid=move || state.problem(field).map(|_| "true")
                aria-describedby=described
                on:input=move |ev| state.input(field, event_target_value(&ev))
            />
            {hint.map(|text| view! { <p class="hint" id=hint_id>{text}</p> })}
            {move || state.problem(field).map(|code| view! {
                <p class="field-error" id=error_id.clone()>{t.field_error(field, &code)}</p>
            })}
        </div>
    }
    .into_any()
}

/// A labelled choice among fixed options, with its message.
#[component]
pub fn ChoiceField<F: EditForm>(
    state: FormState<F>,
    field: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let t = use_texts();
    let (id, _, error_id) = state.id.with_value(|state_id| ids(state_id, field));
    let initial = state.form.with_untracked(|f| f.value(field));
    let described = {
        let error_id = error_id.clone();
        move || state.problem(field).map(|_| error_id.clone())
    };
    view! {
        <div class="field" data-field=field>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=field
                required
                prop:value=move || state.get(field)
                aria-invalid=move || state.problem(field).map(|_| "true")
                aria-describedby=described
                on:change=move |ev| state.input(field, event_target_value(&ev))
            >
                <option value="" selected=initial.is_empty()>{t.choose_placeholder}</option>
                {options.into_iter().map(|(key, text)| view! {
                    <option value=key selected=initial == key>{text}</option>
                }).collect_view()}
            </select>
            {move || state.problem(field).map(|code| view! {
                <p class="field-error" id=error_id.clone()>{t.field_error(field, &code)}</p>
            })}
        </div>
    }
    .into_any()
}

/// A labelled multi-line text (a description), with its message. The
/// server writes the stored text as the textarea's content (a property
/// alone is not in the HTML, and a form sent before hydration would blank
/// it), escaped by hand: tachys 0.2 writes textarea children unescaped,
/// so `</textarea><script>` would break out. After that the value follows
/// the form as a property.
#[component]
pub fn TextAreaField<F: EditForm>(
    state: FormState<F>,
    field: &'static str,
    label: &'static str,
    #[prop(default = 3)] rows: u32,
    /// At most this many characters (a comment's by default).
    #[prop(default = crate::domain::COMMENT_MAX_CHARS)]
    max_chars: usize,
) -> impl IntoView {
    let t = use_texts();
    let (id, _, error_id) = state.id.with_value(|state_id| ids(state_id, field));
    let initial = crate::ui::title_text(state.form.with_untracked(|f| f.value(field)));
    let described = {
        let error_id = error_id.clone();
        move || state.problem(field).map(|_| error_id.clone())
    };
    view! {
        <div class="field" data-field=field>
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=field
                rows=rows.to_string()
                maxlength=max_chars.to_string()
                prop:value=move || state.get(field)
                aria-invalid=move || state.problem(field).map(|_| "true")
                aria-describedby=described
                on:input=move |ev| state.input(field, event_target_value(&ev))
            >{initial}</textarea>
            {move || state.problem(field).map(|code| view! {
                <p class="field-error" id=error_id.clone()>{t.field_error(field, &code)}</p>
            })}
        </div>
    }
    .into_any()
}
