//! The steering group's meetings: everyone who reads the portfolio reads
//! them and their protocols; the steering group (and administrators)
//! create them, edit agendas, record decisions and close them. Every
//! change is checked here, on the server, against the stored meeting; a
//! closed meeting refuses changes (409 `closed`).
//!
//! The snapshot is the dashboard for the meeting's plan year
//! ([`super::current_dashboard`]) as JSON, taken at creation and again on
//! request; the first agenda is built from the same dashboard.

use leptos::prelude::*;

use super::AppError;
use crate::views::{MeetingComparison, MeetingList, MeetingPage, NewMeeting, Protocol};

#[cfg(feature = "ssr")]
mod server {
    use crate::api::support::{person_id, require, store};
    use crate::api::AppError;
    use crate::domain::{may_run_meetings, Meeting, Permission};
    use crate::views::Dashboard;

    /// The person running the meeting: 401/403 unless the steering group
    /// or an administrator, signed in.
    pub fn runner() -> Result<i64, AppError> {
        let principal = require(Permission::ReadPortfolio)?;
        if !may_run_meetings(&principal) {
            return Err(AppError::Forbidden);
        }
        person_id(&principal)
    }

    pub async fn meeting(id: i64) -> Result<Meeting, AppError> {
        store()?.meeting(id).await?.ok_or(AppError::NotFound)
    }

    /// The meeting's stored dashboard.
    pub async fn snapshot(id: i64) -> Result<Dashboard, AppError> {
        let text = store()?.meeting_snapshot(id).await?.ok_or(AppError::NotFound)?;
        serde_json::from_str(&text).map_err(|error| {
            tracing::error!(%error, meeting = id, "a meeting's snapshot does not read as a dashboard");
            AppError::Internal
        })
    }

    /// The dashboard for `year` now, as the snapshot text and the agenda
    /// it calls for.
    pub async fn take(year: i32) -> Result<(String, Vec<crate::domain::AgendaDraft>), AppError> {
        let dashboard = crate::api::current_dashboard(Some(year)).await?;
        let text = serde_json::to_string(dashboard.as_ref()).map_err(|error| {
            tracing::error!(%error, "the dashboard could not be written as JSON");
            AppError::Internal
        })?;
        Ok((text, crate::views::agenda_from(&dashboard)))
    }

    /// A store refusal in the pages' terms.
    pub fn settle<T>(result: Result<T, crate::store::StoreError>) -> Result<T, AppError> {
        use crate::store::StoreError;
        match result {
            Ok(value) => Ok(value),
            Err(StoreError::Stale) => Err(AppError::Conflict { message: "stale".into() }),
            Err(StoreError::Invalid(field)) => Err(crate::api::support::invalid(&field, "unknown")),
            Err(other) => Err(other.into()),
        }
    }
}

#[server(prefix = "/sf", endpoint = "meetings/list")]
pub async fn get_meetings() -> Result<MeetingList, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{clock, may_run_meetings, Permission};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let meetings = store()?.meetings().await?;
        Ok(crate::views::meeting_list(&meetings, clock::today(), may_run_meetings(&principal)))
    })
    .await
}

/// What the form offers: people with a role (the steering group ticked),
/// the plan years.
#[server(prefix = "/sf", endpoint = "meetings/new")]
pub async fn get_new_meeting() -> Result<NewMeeting, AppError> {
    use crate::api::support::{access_store, respond, store, this_year};
    use crate::domain::{clock, Role};
    respond(async {
        server::runner()?;
        let accounts = access_store()?.people_accounts().await?;
        let people: Vec<(i64, String)> =
            accounts.iter().filter(|a| !a.roles.is_empty()).map(|a| (a.person.id, a.person.name.clone())).collect();
        let psg = accounts
            .iter()
            .filter(|a| a.roles.iter().any(|(role, _)| *role == Role::PsgMember))
            .map(|a| a.person.id)
            .collect();
        let mut years: Vec<i32> = store()?.plan_years().await?.iter().map(|p| p.year).collect();
        years.sort_unstable();
        years.dedup();
        let year = crate::views::choose_year(&years, None, this_year());
        Ok(NewMeeting { people, years, year, today: clock::today(), psg })
    })
    .await
}

/// Creates a meeting with its snapshot and agenda; a plain form post lands
/// on its page.
#[server(prefix = "/sf", endpoint = "meetings/create")]
pub async fn create_meeting(
    held_on: String,
    title: String,
    year: String,
    // Ticked boxes only: none ticked sends nothing.
    #[server(default)] attendees: Vec<i64>,
) -> Result<i64, AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::MeetingForm;
    respond(async {
        let actor = server::runner()?;
        let input = MeetingForm { held_on, title, year }.check(&attendees).map_err(refused)?;
        let (snapshot, agenda) = server::take(input.year).await?;
        let id = server::settle(store()?.create_meeting(&input, &snapshot, &agenda, actor).await)?;
        leptos_axum::redirect(&format!("/meetings/{id}"));
        Ok(id)
    })
    .await
}

#[server(prefix = "/sf", endpoint = "meetings/page")]
pub async fn get_meeting(id: i64) -> Result<MeetingPage, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::{may_run_meetings, Permission};
    use crate::views::{capacity_notes, KeyFigures, MeetingRow};
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let meeting = server::meeting(id).await?;
        let snapshot = server::snapshot(id).await?;
        let mut others: Vec<MeetingRow> =
            store()?.meetings().await?.iter().filter(|m| m.id != id).map(MeetingRow::of).collect();
        crate::views::newest_first(&mut others);
        Ok(MeetingPage {
            can_edit: meeting.is_open() && may_run_meetings(&principal),
            figures: KeyFigures::of(&snapshot),
            capacity: capacity_notes(&snapshot),
            meeting,
            others,
        })
    })
    .await
}

/// Takes the snapshot again (an open meeting): new escalations, objects
/// over capacity and contracts join the agenda; items there stay.
#[server(prefix = "/sf", endpoint = "meetings/snapshot")]
pub async fn retake_snapshot(id: i64) -> Result<usize, AppError> {
    use crate::api::support::{respond, store};
    respond(async {
        let actor = server::runner()?;
        let meeting = server::meeting(id).await?;
        if !meeting.is_open() {
            return Err(AppError::Conflict { message: "closed".into() });
        }
        let (snapshot, agenda) = server::take(meeting.year).await?;
        server::settle(store()?.retake_meeting_snapshot(id, &snapshot, &agenda, actor).await)
    })
    .await
}

/// Adds an item of the secretary's own ("Övrigt").
#[server(prefix = "/sf", endpoint = "meetings/add_item")]
pub async fn add_agenda_item(id: i64, title: String, #[server(default)] detail: String) -> Result<i64, AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::AgendaItemForm;
    respond(async {
        let actor = server::runner()?;
        let draft = AgendaItemForm { title, detail }.check().map_err(refused)?;
        server::settle(store()?.add_agenda_item(id, &draft, actor).await)
    })
    .await
}

#[server(prefix = "/sf", endpoint = "meetings/remove_item")]
pub async fn remove_agenda_item(id: i64, item: i64) -> Result<(), AppError> {
    use crate::api::support::{respond, store};
    respond(async {
        let actor = server::runner()?;
        server::settle(store()?.remove_agenda_item(id, item, actor).await)
    })
    .await
}

/// Records the group's decision on an item, from the version shown.
#[server(prefix = "/sf", endpoint = "meetings/decide")]
pub async fn record_decision(id: i64, item: i64, version: i64, decision: String) -> Result<(), AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::DecisionForm;
    respond(async {
        let actor = server::runner()?;
        let decision = DecisionForm { decision }.check().map_err(refused)?;
        server::settle(store()?.record_decision(id, item, version, &decision, actor).await)
    })
    .await
}

/// Closes the meeting: its protocol is final.
#[server(prefix = "/sf", endpoint = "meetings/close")]
pub async fn close_meeting(id: i64) -> Result<(), AppError> {
    use crate::api::support::{respond, store};
    respond(async {
        let actor = server::runner()?;
        server::settle(store()?.close_meeting(id, actor).await)
    })
    .await
}

#[server(prefix = "/sf", endpoint = "meetings/protocol")]
pub async fn get_protocol(id: i64) -> Result<Protocol, AppError> {
    use crate::api::support::{require, respond};
    use crate::domain::Permission;
    respond(async {
        require(Permission::ReadPortfolio)?;
        let meeting = server::meeting(id).await?;
        let snapshot = server::snapshot(id).await?;
        Ok(crate::views::protocol(meeting, &snapshot))
    })
    .await
}

/// Two meetings' snapshots side by side; without both, the latest two.
/// `from` or `to` naming no meeting is a 404.
#[server(prefix = "/sf", endpoint = "meetings/compare")]
pub async fn get_meeting_comparison(
    #[server(default)] from: Option<i64>,
    #[server(default)] to: Option<i64>,
) -> Result<MeetingComparison, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::Permission;
    use crate::views::{default_pair, meeting_comparison, MeetingRow};
    respond(async {
        require(Permission::ReadPortfolio)?;
        let mut rows: Vec<MeetingRow> = store()?.meetings().await?.iter().map(MeetingRow::of).collect();
        crate::views::newest_first(&mut rows);
        let pair = match (from, to) {
            (Some(from), Some(to)) => Some((from, to)),
            _ => default_pair(&rows),
        };
        let Some((from, to)) = pair else {
            return Ok(meeting_comparison(rows, None, None));
        };
        let (before, after) = (server::meeting(from).await?, server::meeting(to).await?);
        let (before_snapshot, after_snapshot) = (server::snapshot(from).await?, server::snapshot(to).await?);
        Ok(meeting_comparison(rows, Some((&before, &before_snapshot)), Some((&after, &after_snapshot))))
    })
    .await
}
