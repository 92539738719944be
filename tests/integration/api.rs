//! The read API: shapes, exact amounts, errors as JSON, and an OpenAPI
//! document that covers every route.

use crate::helpers::{backends, spawn_app, Backend};

#[tokio::test]
async fn the_akn_2020_budget_matrix_has_exact_amounts_and_totals() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let (status, body) = app.get_json("/api/v1/objects/AKN/plan-years/2020/budget").await;
        assert_eq!(status, 200);
        assert_eq!(body["total"]["amount"], "18988100.00", "{backend:?}: {}", body["total"]);
        assert_eq!(body["total"]["fte"], "9.49");
        assert_eq!(body["total"]["hours"], "16172.00");
        let cells = body["cells"].as_array().expect("cells");
        assert_eq!(cells.len(), 4 * 2 * 4, "every activity × side × assignment type");
        let cell = cells
            .iter()
            .find(|c| c["activity"] == "user_support" && c["side"] == "business" && c["assignment_type"] == "maintain")
            .expect("cell");
        assert_eq!(cell["amount"], "2761590.00");
        assert_eq!(cell["fte"], "2.46");
        let row = body["rows"].as_array().expect("rows").iter().find(|r| r["activity"] == "change_management").cloned();
        assert_eq!(row.expect("row")["amount"], "7235200.00");
        let column = body["column_totals"]
            .as_array()
            .expect("columns")
            .iter()
            .find(|c| c["side"] == "it" && c["assignment_type"] == "maintain")
            .cloned();
        assert_eq!(column.expect("column")["amount"], "7938695.00");
    }
}

#[tokio::test]
async fn objects_plan_years_initiatives_and_contracts_are_listed() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, objects) = app.get_json("/api/v1/objects").await;
    assert_eq!(status, 200);
    let codes: Vec<&str> = objects.as_array().expect("list").iter().filter_map(|o| o["code"].as_str()).collect();
    for code in ["AKN", "VSOA", "UKF", "SAM", "KOP", "FST", "EHR"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    let (_, akn) = app.get_json("/api/v1/objects/AKN").await;
    assert_eq!(akn["category"], "support");
    assert_eq!(akn["plan_years"], serde_json::json!([2020, 2021]));
    let (_, plan) = app.get_json("/api/v1/objects/AKN/plan-years/2020").await;
    assert_eq!(plan["settings"]["business_rate"], "655.00");
    assert_eq!(plan["settings"]["hours_per_fte"], "1700.00");
    let (_, initiatives) = app.get_json("/api/v1/objects/AKN/plan-years/2020/initiatives").await;
    let list = initiatives.as_array().expect("list");
    assert_eq!(list.len(), 39);
    assert_eq!(list[0]["name"], "OL - löpande förvaltningsstyrning");
    assert_eq!(list[0]["business"]["hours"], "1313.00");
    let id = list[1]["id"].as_i64().expect("id");
    let (status, one) = app.get_json(&format!("/api/v1/initiatives/{id}")).await;
    assert_eq!((status, &one["name"]), (200, &list[1]["name"]));
    let (_, contracts) = app.get_json("/api/v1/contracts").await;
    let first = &contracts.as_array().expect("list")[0];
    assert!(first["notice_deadline"].as_str().is_some_and(|d| d.len() == 10), "{first}");
}

#[tokio::test]
async fn unknown_ids_answer_404_and_malformed_ones_400_with_json() {
    let app = spawn_app(Backend::Sqlite).await;
    for path in [
        "/api/v1/objects/NOPE",
        "/api/v1/objects/AKN/plan-years/1999",
        "/api/v1/objects/AKN/plan-years/1999/budget",
        "/api/v1/initiatives/999999",
        "/api/v1/contracts/999999",
        "/api/v1/no-such-route",
    ] {
        let (status, body) = app.get_json(path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(body["error"], "not_found", "{path}");
    }
    for path in ["/api/v1/objects/AKN/plan-years/twenty", "/api/v1/initiatives/abc", "/api/v1/contracts/1.5"] {
        let (status, body) = app.get_json(path).await;
        assert_eq!(status, 400, "{path}");
        assert_eq!(body["error"], "bad_request", "{path}");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{path}: {body}");
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_route_and_every_described_route_answers() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, spec) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert_eq!(spec["openapi"], "3.1.0");
    let paths = spec["paths"].as_object().expect("paths");
    for route in server::rest::ROUTES {
        assert!(paths.contains_key(*route), "{route} is documented");
    }
    let (_, initiatives) = app.get_json("/api/v1/objects/AKN/plan-years/2020/initiatives").await;
    let (_, contracts) = app.get_json("/api/v1/contracts").await;
    let initiative_id = initiatives[0]["id"].to_string();
    let contract_id = contracts[0]["id"].to_string();
    for &(method, route) in server::rest::WRITE_ROUTES {
        let described = &paths.get(route).unwrap_or_else(|| panic!("{route} is documented"))[method.to_lowercase()];
        assert!(described.is_object(), "{method} {route} is documented");
    }
    for (path, operations) in paths {
        if operations.get("get").is_none() {
            continue;
        }
        let concrete = path
            .replace("{code}", "AKN")
            .replace("{year}", "2020")
            .replace("{id}", if path.starts_with("/contracts") { &contract_id } else { &initiative_id });
        let (status, _) = app.get_json(&format!("/api/v1{concrete}")).await;
        assert_eq!(status, 200, "{concrete}");
    }
}

#[tokio::test]
async fn a_cross_site_post_is_refused() {
    let app = spawn_app(Backend::Sqlite).await;
    let attempts = [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")];
    for (header, value) in attempts {
        let response = app
            .client
            .post(format!("{}/sf/overview", app.url))
            .header(header, value)
            .header("content-type", "text/plain")
            .body("year=2020")
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 403, "{header}: {value}");
    }
}

#[tokio::test]
async fn a_server_function_given_a_malformed_argument_answers_400() {
    let app = spawn_app(Backend::Sqlite).await;
    let response = app
        .client
        .post(format!("{}/sf/overview", app.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("year=twenty")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 400);
    let good = app
        .client
        .post(format!("{}/sf/object", app.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("code=NOPE")
        .send()
        .await
        .expect("request");
    assert_eq!(good.status().as_u16(), 404, "an unknown object is 404, not 500");
}
