//! Server-rendered pages: the totals a reader sees, languages, statuses.

use crate::helpers::{backends, plain, spawn_app, spawn_app_serving, Backend};

#[tokio::test]
async fn the_overview_shows_every_object_by_category_with_akn_totals() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let (status, html) = app.get_html("/?year=2020").await;
        assert_eq!(status, 200);
        let html = plain(&html);
        assert!(html.contains("<html lang=\"sv\""), "Swedish by default");
        assert!(html.contains("Portföljöversikt"));
        for heading in ["Kärnobjekt", "Stödobjekt", "Objekt för tekniska förutsättningar"] {
            assert!(html.contains(heading), "{heading} on {backend:?}");
        }
        let akn_row = html.split("data-object=\"AKN\"").nth(1).expect("AKN row");
        let akn_row = akn_row.split("</tr>").next().expect("row end");
        assert!(akn_row.contains("18 988 100 kr"), "{akn_row}");
        assert!(akn_row.contains("16 172,00"), "{akn_row}");
        assert!(akn_row.contains("9,49"), "{akn_row}");
    }
}

#[tokio::test]
async fn the_akn_page_reproduces_the_budget_and_fte_tables() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, html) = app.get_html("/objects/AKN?year=2020").await;
    assert_eq!(status, 200);
    let html = plain(&html);
    let cell = |table: &str, key: &str| -> String {
        let table = html.split(&format!("data-table=\"{table}\"")).nth(1).expect("table");
        let after = table.split(&format!("data-cell=\"{key}\"")).nth(1).unwrap_or_else(|| panic!("cell {key}"));
        let text = after.split_once('>').expect("tag end").1;
        text.split('<').next().expect("text").trim().to_owned()
    };
    assert_eq!(cell("budget", "user_support.business.maintain"), "2 761 590 kr");
    assert_eq!(cell("budget", "governance.business.maintain"), "860 015 kr");
    assert_eq!(cell("budget", "operations.it.maintain"), "6 132 640 kr");
    assert_eq!(cell("budget", "change_management.total"), "7 235 200 kr");
    assert_eq!(cell("budget", "total.business.develop"), "3 201 640 kr");
    assert_eq!(cell("budget", "total"), "18 988 100 kr");
    assert_eq!(cell("fte", "governance.business.maintain"), "0,77");
    assert_eq!(cell("fte", "total.business.develop"), "2,87");
    assert_eq!(cell("fte", "total.it.maintain"), "1,59");
    assert_eq!(cell("fte", "total"), "9,49");
    assert!(html.contains("OL - löpande förvaltningsstyrning"));
    assert!(html.contains("1 313,00"));
    assert!(html.contains("Stöd för digital arkivering"));
    assert!(html.contains("Flexeurope AB"));
    assert!(html.contains("Förvaltningsorganisation"));
    let owner = html.split("Objektägare verksamhet</dt>").nth(1).expect("owner role");
    assert!(owner.trim_start().starts_with("<dd>Maria Ottosson</dd>"), "{}", &owner[..80.min(owner.len())]);
}

#[tokio::test]
async fn english_is_a_cookie_away_and_numbers_stay_swedish() {
    let app = spawn_app(Backend::Sqlite).await;
    // The signed-in client keeps the cookie the switch sets, like a browser.
    let switch = app.get("/lang/en?to=/objects/AKN%3Fyear%3D2020").await;
    assert_eq!(switch.status().as_u16(), 303);
    assert_eq!(switch.headers()["location"], "/objects/AKN?year=2020");
    let cookie = switch.headers()["set-cookie"].to_str().expect("cookie").to_owned();
    assert!(cookie.starts_with("styrbord_lang=en"), "{cookie}");
    let response = app.get("/objects/AKN?year=2020").await;
    let html = plain(&response.text().await.expect("body"));
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("Full-time equivalents"));
    assert!(html.contains("User support"));
    assert!(html.contains("18 988 100 SEK"));
    let bad = app.get("/lang/de").await;
    assert_eq!(bad.status().as_u16(), 404);
    let offsite = app.get("/lang/sv?to=//evil.example").await;
    assert_eq!(offsite.headers()["location"], "/");
}

#[tokio::test]
async fn an_unknown_object_or_page_answers_404_with_a_page() {
    let app = spawn_app(Backend::Sqlite).await;
    for path in ["/objects/NOPE", "/no/such/page"] {
        let (status, html) = app.get_html(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Sidan finns inte"), "{path}");
    }
}

#[tokio::test]
async fn responses_carry_security_headers() {
    let app = spawn_app(Backend::Sqlite).await;
    let response = app.get("/").await;
    assert_eq!(response.status().as_u16(), 200, "{:?}", response.headers());
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    assert!(response.headers().contains_key("referrer-policy"));
    let policy = response.headers()["content-security-policy"].to_str().expect("ascii").to_owned();
    for directive in ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'wasm-unsafe-eval'"] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    let nonce = policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce");
    let html = response.text().await.expect("body");
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "the inline script carries the policy's nonce");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let api = app.get("/api/v1/objects").await;
    assert_eq!(api.headers()["content-security-policy"], "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
}

#[tokio::test]
async fn the_bundle_is_sent_precompressed_when_the_browser_takes_brotli() {
    let site = tempfile::tempdir().expect("site");
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg");
    std::fs::write(pkg.join("styrbord.css"), "body { margin: 0 }").expect("css");
    std::fs::write(pkg.join("styrbord.css.br"), b"pretend-brotli").expect("br");
    let app = spawn_app_serving(Backend::Sqlite, false, site.path().to_path_buf()).await;
    let url = format!("{}/pkg/styrbord.css", app.url);
    let compressed = app.client.get(&url).header("accept-encoding", "br").send().await.expect("request");
    assert_eq!(compressed.headers()["content-encoding"], "br");
    assert_eq!(compressed.headers()["cache-control"], "no-cache");
    assert_eq!(compressed.bytes().await.expect("body").as_ref(), b"pretend-brotli");
    let plain_css = app.client.get(&url).header("accept-encoding", "identity").send().await.expect("request");
    assert!(plain_css.headers().get("content-encoding").is_none());
    assert_eq!(plain_css.text().await.expect("body"), "body { margin: 0 }");
    assert_eq!(app.get("/pkg/missing.js").await.status().as_u16(), 404);
}

#[tokio::test]
async fn health_answers_ok_while_the_database_answers() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let response = app.get("/health").await;
        assert_eq!(response.status().as_u16(), 200, "{backend:?}");
        assert_eq!(response.text().await.expect("body"), "ok");
    }
}

#[tokio::test]
async fn health_answers_503_when_the_database_has_gone() {
    if !backends().contains(&Backend::Postgres) {
        return; // backends() has said that PostgreSQL tests are skipped
    }
    let app = spawn_app(Backend::Postgres).await;
    app.database.vanish().await;
    let response = app.get("/health").await;
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.text().await.expect("body"), "database unavailable", "no error details leak");
}
