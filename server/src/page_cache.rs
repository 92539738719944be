//! Finished pages for the read-only pages served without the wasm bundle
//! (the dashboard and its drill-down; not `/status`, see [`NOT_KEPT`]): the steering group opens them many
//! times between changes, and rendering a hundred objects' rows and
//! compressing them costs more than anything else in the request.
//!
//! A page is kept, compressed once with brotli and gzip, under everything
//! it depends on: the address, the language, who is asking (their name and
//! grants make the menu), the day (contract statuses and due dates) and
//! the database's data revision (raised in the same transaction as every
//! change the pages show; see migration 0012). The revision is read before
//! the page is rendered, so a kept page is never older than its key; a
//! change moves the revision and the next request renders afresh.
//!
//! Sessions are still checked on every request (this runs after
//! `auth::identify`), and only 200 HTML answers that set no cookie are
//! kept. A kept page is sent with the headers it was rendered with,
//! including its content security policy's nonce: the pages hold no user
//! HTML and their only inline scripts are Leptos's own data, so a nonce
//! repeated to the same person for the same page gives nothing away.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use app::api::Identity;
use app::store::SharedStore;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// Pages kept at most; the oldest revision's go first (a plain clear is
/// enough: a full cache means many people or many addresses, each cheap to
/// render again).
const CAPACITY: usize = 256;
/// Larger pages are not kept.
const MAX_PAGE: usize = 4 * 1024 * 1024;

/// Pages without the bundle that are never kept: `/status` shows the
/// person's changes since their own baseline, from audit records that move
/// no data revision (and its baseline is moved by a form), so a kept copy
/// could hide what changed. It is small and renders in a few milliseconds
/// from the cached dashboard.
const NOT_KEPT: &[&str] = &["/status"];

#[derive(Clone, Default)]
pub struct PageCache {
    pages: Arc<Mutex<HashMap<String, Arc<Page>>>>,
}

struct Page {
    headers: HeaderMap,
    identity: Bytes,
    brotli: Bytes,
    gzip: Bytes,
}

#[derive(Clone)]
pub struct PageCacheState {
    pub cache: PageCache,
    pub store: SharedStore,
}

pub async fn serve(State(state): State<PageCacheState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if request.method() != Method::GET || !app::ui::WITHOUT_WASM.contains(&path) || NOT_KEPT.contains(&path) {
        return next.run(request).await;
    }
    let Ok(revision) = state.store.data_revision().await else {
        return next.run(request).await;
    };
    let key = key(&request, revision);
    let encoding = Encoding::accepted(request.headers());
    if let Some(page) = state.cache.get(&key) {
        return page.respond(encoding);
    }
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let personal = response.headers().contains_key(header::SET_COOKIE);
    if response.status() != StatusCode::OK
        || !is_html
        || personal
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let page = Arc::new(Page::compress(parts.headers, bytes));
    state.cache.put(key, page.clone());
    page.respond(encoding)
}

fn key(request: &Request, revision: i64) -> String {
    let identity = request.extensions().get::<Identity>().and_then(|i| i.0.as_ref());
    let language = request
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(app::i18n::Locale::from_cookie_header)
        .unwrap_or_default();
    format!(
        "{revision}|{}|{}|{}|{identity:?}",
        app::domain::clock::today(),
        language.code(),
        request.uri().path_and_query().map(|p| p.as_str()).unwrap_or_default(),
    )
}

impl PageCache {
    fn get(&self, key: &str) -> Option<Arc<Page>> {
        self.pages.lock().unwrap_or_else(|e| e.into_inner()).get(key).cloned()
    }

    fn put(&self, key: String, page: Arc<Page>) {
        let mut pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        if pages.len() >= CAPACITY {
            pages.clear();
        }
        pages.insert(key, page);
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    fn accepted(headers: &HeaderMap) -> Encoding {
        let accepts = |name: &str| {
            headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).any(|v| {
                v.split(',').any(|part| {
                    let mut pieces = part.split(';');
                    let coding = pieces.next().unwrap_or_default().trim();
                    let refused = pieces.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
                    coding.eq_ignore_ascii_case(name) && !refused
                })
            })
        };
        if accepts("br") {
            Encoding::Brotli
        } else if accepts("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }
}

impl Page {
    fn compress(mut headers: HeaderMap, body: Bytes) -> Page {
        headers.remove(header::CONTENT_LENGTH);
        let mut brotli = Vec::new();
        {
            // Quality 6: a tenth of quality 11's time for a page rendered once
            // per change, within a few per cent of its size.
            let mut writer = brotli::CompressorWriter::new(&mut brotli, 64 * 1024, 6, 22);
            let _ = writer.write_all(&body);
        }
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
        let _ = gzip.write_all(&body);
        let gzip = gzip.finish().unwrap_or_default();
        Page { headers, identity: body, brotli: brotli.into(), gzip: gzip.into() }
    }

    fn respond(&self, encoding: Encoding) -> Response {
        let (body, coding) = match encoding {
            Encoding::Brotli if !self.brotli.is_empty() => (self.brotli.clone(), Some("br")),
            Encoding::Gzip if !self.gzip.is_empty() => (self.gzip.clone(), Some("gzip")),
            _ => (self.identity.clone(), None),
        };
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = self.headers.clone();
        if let Some(coding) = coding {
            response.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        response.headers_mut().append(header::VARY, HeaderValue::from_static("accept-encoding"));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encoding_is_the_best_the_browser_takes() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            Encoding::accepted(&headers)
        };
        assert_eq!(with("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(with("gzip"), Encoding::Gzip);
        assert_eq!(with("br;q=0, gzip"), Encoding::Gzip);
        assert_eq!(with("identity"), Encoding::Identity);
        assert_eq!(Encoding::accepted(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn a_kept_page_decompresses_to_what_was_rendered() {
        use std::io::Read;
        let html = Bytes::from("<!DOCTYPE html><p>18\u{a0}988\u{a0}100 kr</p>".repeat(50));
        let page = Page::compress(HeaderMap::new(), html.clone());
        let mut out = Vec::new();
        brotli::Decompressor::new(&page.brotli[..], 4096).read_to_end(&mut out).unwrap();
        assert_eq!(out, html);
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&page.gzip[..]).read_to_end(&mut out).unwrap();
        assert_eq!(out, html);
        assert!(page.brotli.len() < html.len() / 10);
    }
}
