//! `GET /calendar/{secret}.ics`: a person's calendar feed of contract
//! deadlines, for Outlook and other calendar programs that subscribe to
//! it. No session and no cross-site check: the secret in the URL is the
//! credential (the middleware lets these paths through without looking up
//! anyone). An unknown or revoked secret, and a feed whose owner no longer
//! reads the portfolio, all get the same 404. The secret is never logged:
//! nothing here (or in the router's layers) writes request paths.

use app::api::{base_url, FEED_SECRET_PREFIX};
use app::domain::{clock, Permission, Principal, Via};
use app::store::{SharedAccessStore, SharedStore, StoreError};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// What the route needs: the stores and the configured public address.
#[derive(Clone)]
pub struct FeedState {
    pub store: SharedStore,
    pub access: SharedAccessStore,
    pub public_url: Option<String>,
}

/// How long a fetched feed may be reused (calendar programs poll far less
/// often; this spares the database a burst of fetches).
const CACHE_CONTROL: &str = "private, max-age=300";

pub async fn feed(State(state): State<FeedState>, Path(file): Path<String>, headers: HeaderMap) -> Response {
    let Some(secret) = file.strip_suffix(".ics").filter(|s| s.starts_with(FEED_SECRET_PREFIX)) else {
        return not_found();
    };
    match calendar(&state, secret, &headers).await {
        Ok(Some(ics)) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, CACHE_CONTROL)],
            ics,
        )
            .into_response(),
        Ok(None) => not_found(),
        Err(error) => {
            tracing::error!(%error, "a calendar feed could not be read");
            (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "300")], "the calendar is unavailable, try later")
                .into_response()
        }
    }
}

/// The feed's `.ics` text, or `None` when there is no live feed with this
/// secret or its owner may not read the portfolio (today: roles are read
/// at every fetch, so a person who lost every role gets nothing).
async fn calendar(state: &FeedState, secret: &str, headers: &HeaderMap) -> Result<Option<String>, StoreError> {
    let Some(feed) = state.store.calendar_feed_by_token(&app::secrets::digest(secret)).await? else {
        return Ok(None);
    };
    let grants = state.access.grants_of(feed.person_id).await?;
    // A feed reads what its owner may read, and nothing more: as a token.
    let owner = Principal { person_id: Some(feed.person_id), name: String::new(), grants, via: Via::ApiToken };
    if !owner.can(Permission::ReadPortfolio) {
        return Ok(None);
    }
    let contracts = state.store.contracts().await?;
    let base = base_url(state.public_url.as_deref(), headers);
    let calendar = app::views::feed_calendar(&feed, &contracts, clock::today(), &base);
    Ok(Some(calendar.to_ics(chrono::Utc::now())))
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "no-store")], "no such calendar").into_response()
}
