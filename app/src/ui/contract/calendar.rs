//! The signed-in person's calendar feeds of contract deadlines: the list
//! (what each covers, when made and last fetched), a form to make one for
//! all contracts or one object's, its address shown once with a copy
//! button, and a revoke button per feed that asks first.
//!
//! Revoking is a plain form before hydration (it revokes at once, as any
//! form post). Creating waits for hydration: the address holds the secret
//! and can only be shown by the page that asked for it (a plain form post
//! is redirected back, and the secret with it would be lost, leaving a
//! feed nobody can use).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::super::access::{described, general_error, invalid, last_error, FieldError, FormOutcome};
use super::super::locale::use_locale;
use crate::api::{get_calendar_feeds, CreateCalendarFeed, RevokeCalendarFeed};
use crate::domain::CalendarFeed;
use crate::i18n::CalendarTexts;
use crate::views::{CalendarFeedsPage, NewCalendarFeed};

/// The person's feeds and the form for a new one, as a section of a page.
#[component]
pub fn CalendarFeeds() -> impl IntoView {
    let locale = use_locale();
    let (c, t) = (locale.calendar(), locale.texts());
    let create = ServerAction::<CreateCalendarFeed>::new();
    let revoke = ServerAction::<RevokeCalendarFeed>::new();
    let data = Resource::new(move || (create.version().get(), revoke.version().get()), |_| get_calendar_feeds());
    let created = move || create.value().get().and_then(Result::ok);
    // The new address sits outside the part that reloads after the action:
    // reloading it would lose the copy button's focus and its message.
    view! {
        <section class="calendar-feeds" aria-labelledby="calendar-feeds-heading">
            <h2 id="calendar-feeds-heading">{c.heading}</h2>
            <p>{c.intro}</p>
            {move || created().map(|new| view! { <NewFeed new/> })}
            <Transition fallback=move || view! { <p class="loading">{c.loading}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(page) => view! { <FeedsBody page create revoke/> }.into_any(),
                        Err(error) => view! { <p class="form-error">{general_error(t, &error)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn FeedsBody(
    page: CalendarFeedsPage,
    create: ServerAction<CreateCalendarFeed>,
    revoke: ServerAction<RevokeCalendarFeed>,
) -> impl IntoView {
    let c = use_locale().calendar();
    let error = last_error(create.value());
    // Creating needs the page to show the secret: off until hydrated.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! {
        <ActionForm action=create attr:class="inline-form calendar-create">
            <label for="calendar-scope">{c.label_scope}</label>
            <select
                id="calendar-scope"
                name="scope"
                aria-invalid=invalid(error, "scope")
                aria-describedby=described(error, "calendar", "scope")
            >
                <option value="all">{c.scope_all}</option>
                {page.objects.iter().map(|object| view! {
                    <option value=object.code.clone()>{format!("{} – {}", object.code, object.name)}</option>
                }).collect_view()}
            </select>
            <button type="submit" disabled=move || !hydrated.get() || create.pending().get()>{c.create_button}</button>
            <FieldError error field="scope" form="calendar"/>
        </ActionForm>
        <FormOutcome error done=Signal::derive(|| false)/>
        <FeedTable feeds=page.feeds revoke/>
    }
}

/// The new feed's two addresses, each with a copy button.
#[component]
fn NewFeed(new: NewCalendarFeed) -> impl IntoView {
    let c = use_locale().calendar();
    view! {
        <div class="token-secret calendar-new" role="status" data-feed=new.feed.id>
            <p>{c.created}</p>
            <CopyField id="calendar-url-https" label=c.label_https value=new.https_url/>
            <CopyField id="calendar-url-webcal" label=c.label_webcal value=new.webcal_url/>
            <p class="hint">{c.subscribe_hint}</p>
        </div>
    }
}

/// A read-only address and a button that copies it (an ordinary button:
/// Enter and Space work). Where the browser offers no clipboard (a plain
/// http address) the text is selected for Ctrl+C instead.
#[component]
fn CopyField(id: &'static str, label: &'static str, value: String) -> impl IntoView {
    let c = use_locale().calendar();
    let input = NodeRef::<leptos::html::Input>::new();
    let status: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let status_id = format!("{id}-status");
    let copy = move |_| {
        if let Some(field) = input.get() {
            status.set(Some(if copy_text(&field) { c.copied } else { c.copy_manually }));
        }
    };
    let select_all = move |_| {
        if let Some(field) = input.get() {
            field.select();
        }
    };
    view! {
        <div class="copy-field">
            <label for=id>{label}</label>
            <div class="copy-row">
                <input id=id type="text" readonly value=value class="secret" node_ref=input on:focus=select_all/>
                <button type="button" on:click=copy aria-describedby=status_id.clone()>{c.copy}</button>
            </div>
            <p class="hint" id=status_id aria-live="polite">{move || status.get()}</p>
        </div>
    }
}

/// Selects the field's text and writes it to the clipboard; false when
/// the browser has no clipboard here (outside a secure context).
#[cfg(feature = "hydrate")]
fn copy_text(field: &web_sys::HtmlInputElement) -> bool {
    field.select();
    let Some(window) = web_sys::window() else { return false };
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    // The promise settles later; a refusal leaves the text selected.
    let _ = clipboard.write_text(&field.value());
    true
}

#[cfg(not(feature = "hydrate"))]
fn copy_text(_field: &leptos::web_sys::HtmlInputElement) -> bool {
    false
}

#[component]
fn FeedTable(feeds: Vec<CalendarFeed>, revoke: ServerAction<RevokeCalendarFeed>) -> impl IntoView {
    let c = use_locale().calendar();
    let revoke_error = last_error(revoke.value());
    if feeds.is_empty() {
        return view! { <p class="muted">{c.empty}</p> }.into_any();
    }
    let when = |at: chrono::DateTime<chrono::Utc>| at.format("%Y-%m-%d %H:%M").to_string();
    view! {
        <table class="data-table calendar-feed-list stack">
            <thead>
                <tr>
                    <th scope="col">{c.col_scope}</th>
                    <th scope="col">{c.col_created}</th>
                    <th scope="col">{c.col_last_used}</th>
                    <th scope="col">{c.col_status}</th>
                </tr>
            </thead>
            <tbody>
                {feeds.into_iter().map(|feed| {
                    let scope = scope_text(c, &feed);
                    // Two feeds of one scope differ by when they were made.
                    let revoke_label = format!("{}: {scope}, {}", c.revoke, when(feed.created_at));
                    let state = match feed.revoked_at {
                        Some(_) => view! { <span class="badge">{c.revoked}</span> }.into_any(),
                        None => view! {
                            <span class="badge ok">{c.active}</span>" "
                            <RevokeForm id=feed.id label=revoke_label revoke/>
                        }.into_any(),
                    };
                    view! {
                        <tr data-feed=feed.id>
                            <th scope="row">{scope}</th>
                            <td data-label=c.col_created>{when(feed.created_at)}</td>
                            <td data-label=c.col_last_used>{feed.last_used_at.map_or_else(|| c.never.to_owned(), when)}</td>
                            <td data-label=c.col_status>{state}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <FormOutcome error=revoke_error done=Signal::derive(|| false)/>
    }
    .into_any()
}

fn scope_text(c: &CalendarTexts, feed: &CalendarFeed) -> String {
    match &feed.object {
        Some(object) => format!("{} – {}", object.code, object.name),
        None => c.scope_all.to_owned(),
    }
}

/// Revoking asks once more after hydration; without wasm the plain form
/// revokes at once.
#[component]
fn RevokeForm(id: i64, label: String, revoke: ServerAction<RevokeCalendarFeed>) -> impl IntoView {
    let c = use_locale().calendar();
    let confirming = RwSignal::new(false);
    // The question replaces the button that asked it: focus follows.
    let yes = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(button) = yes.get() {
                let _ = button.focus();
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if confirming.get_untracked() {
            confirming.set(false);
            revoke.dispatch(RevokeCalendarFeed { id });
        } else {
            confirming.set(true);
        }
    };
    view! {
        <form method="post" action=RevokeCalendarFeed::url() class="row-action" on:submit=on_submit>
            <input type="hidden" name="id" value=id/>
            {move || if confirming.get() {
                view! {
                    <div class="confirm" role="alert">
                        <p>{c.revoke_confirm}</p>
                        <button type="submit" class="danger" node_ref=yes>{c.revoke_yes}</button>" "
                        <button type="button" on:click=move |_| confirming.set(false)>{c.cancel}</button>
                    </div>
                }
                .into_any()
            } else {
                view! { <button type="submit" aria-label=label.clone()>{c.revoke}</button> }.into_any()
            }}
        </form>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::FeedObject;
    use crate::views::ObjectChoice;

    fn feed(id: i64, object: Option<&str>, revoked: bool) -> CalendarFeed {
        let at = "2026-11-02T08:30:00Z".parse().expect("time");
        CalendarFeed {
            id,
            person_id: 1,
            object: object.map(|code| FeedObject { id: 3, code: code.into(), name: "Administration".into() }),
            locale: "sv".into(),
            created_at: at,
            last_used_at: (id == 1).then_some(at),
            revoked_at: revoked.then_some(at),
        }
    }

    fn render(page: CalendarFeedsPage) -> String {
        let owner = Owner::new();
        owner.set();
        let (create, revoke) = (ServerAction::<CreateCalendarFeed>::new(), ServerAction::<RevokeCalendarFeed>::new());
        view! { <FeedsBody page create revoke/> }.to_html()
    }

    #[test]
    fn the_server_renders_the_form_the_feeds_and_plain_revoke_forms() {
        let html = render(CalendarFeedsPage {
            feeds: vec![feed(1, None, false), feed(2, Some("AKN"), false), feed(3, Some("AKN"), true)],
            objects: vec![ObjectChoice { code: "AKN".into(), name: "Administration".into() }],
        });
        assert!(html.contains(r#"<option value="all">Alla avtal</option>"#), "{html}");
        assert!(html.contains(r#"<option value="AKN">AKN – Administration</option>"#));
        // Creating waits for hydration (the secret is shown by the page).
        assert!(html.contains(r#"<button type="submit" disabled"#), "{html}");
        // Two live feeds, each a plain form that revokes; the revoked one has none.
        assert_eq!(html.matches(r#"action="/sf/calendar/revoke""#).count(), 2);
        assert!(html.contains(r#"aria-label="Återkalla: Alla avtal, 2026-11-02 08:30""#), "{html}");
        assert!(html.contains("Återkallat"));
        assert!(html.contains("2026-11-02 08:30") && html.contains("Aldrig"));
        assert!(html.contains(r#"data-label="Senast hämtat""#), "labels for the stacked phone layout");
    }

    #[test]
    fn a_new_feed_shows_both_addresses_read_only_with_copy_buttons() {
        let owner = Owner::new();
        owner.set();
        let new = NewCalendarFeed {
            feed: feed(4, None, false),
            https_url: "https://s.example/calendar/sbc_x.ics".into(),
            webcal_url: "webcal://s.example/calendar/sbc_x.ics".into(),
        };
        let html = view! { <NewFeed new/> }.to_html();
        for (id, url) in [
            ("calendar-url-https", "https://s.example/calendar/sbc_x.ics"),
            ("calendar-url-webcal", "webcal://s.example/calendar/sbc_x.ics"),
        ] {
            assert!(html.contains(&format!(r#"<label for="{id}">"#)), "{html}");
            assert!(html.contains(&format!(r#"id="{id}" type="text" readonly value="{url}""#)), "{html}");
            assert!(html.contains(&format!(r#"<button type="button" aria-describedby="{id}-status">Kopiera</button>"#)));
        }
    }

    #[test]
    fn no_feeds_says_so() {
        let html = render(CalendarFeedsPage { feeds: vec![], objects: vec![] });
        assert!(html.contains("Du har inga kalenderflöden ännu."));
        assert!(!html.contains("<table"));
    }
}
