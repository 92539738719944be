//! Calendar feeds of contract deadlines: anyone who reads the portfolio
//! lists, creates and revokes their own feeds. The feed's secret is made
//! here, shown once in its URLs, and only its SHA-256 is stored. The feed
//! itself is served by the server's `/calendar/{secret}.ics` route.

use leptos::prelude::*;

use super::AppError;
use crate::views::{CalendarFeedsPage, NewCalendarFeed};

/// The address the site is reached at, as configured
/// (`STYRBORD_PUBLIC_URL`); the server puts it in context.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicUrl(pub Option<String>);

/// What a feed's secret starts with, so secret scanners recognise it.
pub const FEED_SECRET_PREFIX: &str = "sbc_";

/// The site's address for links: as configured, else `http://` and the
/// request's `Host` (when it is a plain host name or address).
#[cfg(feature = "ssr")]
pub fn base_url(configured: Option<&str>, headers: &http::HeaderMap) -> String {
    if let Some(url) = configured {
        return url.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(http::header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c)));
    format!("http://{}", host.unwrap_or("localhost"))
}

#[cfg(feature = "ssr")]
fn request_base_url() -> String {
    let configured = use_context::<PublicUrl>().and_then(|p| p.0);
    let headers = use_context::<http::request::Parts>().map(|p| p.headers).unwrap_or_default();
    base_url(configured.as_deref(), &headers)
}

/// The signed-in person's feeds, and the objects a new one can cover.
#[server(prefix = "/sf", endpoint = "calendar/list")]
pub async fn get_calendar_feeds() -> Result<CalendarFeedsPage, AppError> {
    use super::support::{person_id, require, respond, store};
    use crate::domain::Permission;
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let id = person_id(&principal)?;
        let store = store()?;
        let objects = store.objects().await?;
        Ok(CalendarFeedsPage {
            feeds: store.calendar_feeds_of(id).await?,
            objects: objects.iter().map(Into::into).collect(),
        })
    })
    .await
}

/// A new feed of one object's contracts (`scope`: its code) or of all
/// (`scope` empty or `all`), in the caller's language.
#[server(prefix = "/sf", endpoint = "calendar/create")]
pub async fn create_calendar_feed(scope: String) -> Result<NewCalendarFeed, AppError> {
    use super::support::{invalid, person_id, require, respond, store};
    use crate::domain::Permission;
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let id = person_id(&principal)?;
        let store = store()?;
        let scope = scope.trim();
        let object_id = match scope {
            "" | "all" => None,
            code => Some(store.object_by_code(code).await?.ok_or_else(|| invalid("scope", "unknown"))?.id),
        };
        let locale = use_context::<crate::i18n::Locale>().unwrap_or_default();
        let secret = crate::secrets::random_token(FEED_SECRET_PREFIX);
        let feed = store.create_calendar_feed(id, object_id, &crate::secrets::digest(&secret), locale.code()).await?;
        let (https_url, webcal_url) = crate::views::feed_urls(&request_base_url(), &secret);
        Ok(NewCalendarFeed { feed, https_url, webcal_url })
    })
    .await
}

/// Revokes one of the caller's own feeds; anyone else's is not found.
#[server(prefix = "/sf", endpoint = "calendar/revoke")]
pub async fn revoke_calendar_feed(id: i64) -> Result<(), AppError> {
    use super::support::{person_id, require, respond, store};
    use crate::domain::Permission;
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        // The owner comes from the session, never from the request.
        if store()?.revoke_calendar_feed(person_id(&principal)?, id).await? {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    })
    .await
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_base_url_is_the_configured_one_or_the_requests_host() {
        let mut headers = http::HeaderMap::new();
        assert_eq!(base_url(Some("https://styrbord.kommun.se/"), &headers), "https://styrbord.kommun.se");
        assert_eq!(base_url(None, &headers), "http://localhost");
        headers.insert(http::header::HOST, http::HeaderValue::from_static("127.0.0.1:3000"));
        assert_eq!(base_url(None, &headers), "http://127.0.0.1:3000");
        headers.insert(http::header::HOST, http::HeaderValue::from_static("evil.example/x?y"));
        assert_eq!(base_url(None, &headers), "http://localhost");
    }
}
