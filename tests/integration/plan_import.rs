//! Importing a plan year from a file over HTTP: the upload becomes a draft
//! and a preview, applying it is all or nothing and audited, a plan changed
//! since the preview refuses it, a bad file is located cell by cell and
//! changes nothing, drafts are their uploader's own. Both backends.

use app::demo::DEMO_PASSWORD;
use app::domain::workbook::{Cell, Workbook};
use app::domain::{AuditAction, AuditFilter, Initiative};

use crate::helpers::{backends, spawn_app, TestApp};

const LEADER: &str = "naris.radetinac@linkoping.example";
const ADMIN: &str = "alva.lind@linkoping.example";

async fn plan_initiatives(app: &TestApp, year: i32) -> Vec<Initiative> {
    let object = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
    let plan = app.store.plan_years_of(object.id).await.expect("plans").into_iter().find(|p| p.year == year);
    app.store.initiatives(plan.expect("plan").id).await.expect("initiatives")
}

async fn export(app: &TestApp, client: &reqwest::Client, year: i32) -> Vec<u8> {
    let url = format!("{}/objects/AKN/plans/{year}/export.xlsx", app.url);
    client.get(url).send().await.expect("export").bytes().await.expect("body").to_vec()
}

/// Uploads a file; the draft's id from the redirect to its preview.
async fn upload(app: &TestApp, client: &reqwest::Client, year: i32, name: &str, bytes: Vec<u8>) -> (u16, String) {
    let form =
        reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
    let response = client
        .post(format!("{}/objects/AKN/plans/{year}/import/upload", app.url))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = response.status().as_u16();
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    let prefix = format!("/objects/AKN/plans/{year}/import/");
    (status, location.strip_prefix(&prefix).unwrap_or_default().to_owned())
}

fn edit(workbook: &mut Workbook, sheet: &str, row: usize, column: usize, cell: Cell) {
    let sheet = workbook.sheets.iter_mut().find(|s| s.name == sheet).expect("sheet");
    sheet.rows[row][column] = cell;
}

#[tokio::test]
async fn an_exported_plan_imports_as_no_change_and_an_edited_one_as_exactly_its_edits() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let before = plan_initiatives(&app, 2021).await;

        // Unchanged: the preview says so.
        let (status, draft) = upload(&app, &leader, 2021, "AKN-2021.xlsx", export(&app, &leader, 2021).await).await;
        assert_eq!(status, 303, "{backend:?}");
        let (status, page) = app.call(&leader, "/sf/plan/import_preview", &[("id", &draft)]).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(page["errors"], serde_json::json!([]));
        assert_eq!(page["preview"]["created"], serde_json::json!([]));
        assert_eq!(page["preview"]["changed"], serde_json::json!([]));
        assert_eq!(page["preview"]["removed"], serde_json::json!([]));
        assert_eq!(page["can_apply"], true);
        let html = leader.get(format!("{}/objects/AKN/plans/2021/import/{draft}", app.url)).send().await.expect("page");
        assert!(html.text().await.expect("body").contains("data-nothing"));

        // Edited: a new name on the first row of the first activity sheet,
        // its last row gone, a row without an id added.
        let mut workbook = server::workbook::read_xlsx(export(&app, &leader, 2021).await).expect("xlsx");
        let sheet = "Ändringshantering";
        edit(&mut workbook, sheet, 1, 2, Cell::Text("Omdöpt i Excel".into()));
        let rows = &mut workbook.sheets.iter_mut().find(|s| s.name == sheet).expect("sheet").rows;
        rows.pop().expect("a last row");
        let mut new_row = rows[1].clone();
        new_row[0] = Cell::Empty;
        new_row[1] = Cell::Number(99.into());
        new_row[2] = Cell::Text("Nytt från Excel".into());
        rows.push(new_row);
        let bytes = server::workbook::write_xlsx(&workbook).expect("write");
        let (status, draft) = upload(&app, &leader, 2021, "ändrad.xlsx", bytes).await;
        assert_eq!(status, 303);
        let (_, page) = app.call(&leader, "/sf/plan/import_preview", &[("id", &draft)]).await;
        assert_eq!(page["errors"], serde_json::json!([]), "{page}");
        assert_eq!(page["preview"]["created"].as_array().expect("created").len(), 1);
        assert_eq!(page["preview"]["removed"].as_array().expect("removed").len(), 1);
        let changed = page["preview"]["changed"].as_array().expect("changed");
        assert!(changed.iter().any(|c| c["name"] == "Omdöpt i Excel"), "{changed:?}");

        // Someone else cannot see or apply it.
        let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await;
        assert_eq!(app.call(&admin, "/sf/plan/import_preview", &[("id", &draft)]).await.0, 404);
        assert_eq!(app.call(&admin, "/sf/plan/apply_import", &[("id", &draft)]).await.0, 404);

        let audit_before = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let (status, applied) = app.call(&leader, "/sf/plan/apply_import", &[("id", &draft)]).await;
        assert_eq!(status, 200, "{applied}");
        assert_eq!(applied["created"], 1);
        assert_eq!(applied["removed"], 1);
        let after = plan_initiatives(&app, 2021).await;
        assert_eq!(after.len(), before.len());
        assert!(after.iter().any(|i| i.name == "Omdöpt i Excel"));
        assert!(after.iter().any(|i| i.name == "Nytt från Excel"));
        let ranks: Vec<i32> = after.iter().map(|i| i.rank).collect();
        assert_eq!(ranks, (1..=after.len() as i32).collect::<Vec<_>>(), "ranks stay 1, 2, 3, …");
        let audit = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let new: Vec<_> = audit.iter().take(audit.len() - audit_before.len()).collect();
        assert_eq!(new.iter().filter(|r| r.action == AuditAction::Import).count(), 1);
        assert_eq!(new.iter().filter(|r| r.action == AuditAction::Create).count(), 1);
        assert_eq!(new.iter().filter(|r| r.action == AuditAction::Delete).count(), 1);
        assert!(new.iter().filter(|r| r.action == AuditAction::Update).count() >= 1);

        // Applied drafts are gone.
        assert_eq!(app.call(&leader, "/sf/plan/apply_import", &[("id", &draft)]).await.0, 404);
    }
}

#[tokio::test]
async fn a_plan_changed_after_the_preview_refuses_the_import_and_keeps_the_change() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let (status, draft) = upload(&app, &leader, 2021, "AKN.xlsx", export(&app, &leader, 2021).await).await;
        assert_eq!(status, 303);
        let first = plan_initiatives(&app, 2021).await.remove(0);
        let (id, version) = (first.id.to_string(), first.version.to_string());
        let form = [
            ("id", id.as_str()),
            ("version", version.as_str()),
            ("name", "Ändrad under tiden"),
            ("main_activity", first.main_activity.key()),
            ("assignment_type", first.assignment_type.key()),
            ("priority", ""),
            ("business_hours", "1"),
            ("business_other", ""),
            ("it_hours", ""),
            ("it_other", ""),
        ];
        assert_eq!(app.call(&leader, "/sf/plan/update_initiative", &form).await.0, 200);
        let (_, page) = app.call(&leader, "/sf/plan/import_preview", &[("id", &draft)]).await;
        assert_eq!(page["stale"], true, "{backend:?}");
        assert_eq!(page["can_apply"], false);
        let (status, body) = app.call(&leader, "/sf/plan/apply_import", &[("id", &draft)]).await;
        assert_eq!(status, 409, "{body}");
        assert_eq!(body["message"], "import_stale");
        let kept = app.store.initiative(first.id).await.expect("query").expect("initiative");
        assert_eq!(kept.name, "Ändrad under tiden");
    }
}

#[tokio::test]
async fn bad_files_are_located_cell_by_cell_and_change_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let before = plan_initiatives(&app, 2021).await;

        let (status, draft) = upload(&app, &leader, 2021, "trasig.xlsx", b"PK\x03\x04 not a workbook".to_vec()).await;
        assert_eq!(status, 303);
        let (_, page) = app.call(&leader, "/sf/plan/import_preview", &[("id", &draft)]).await;
        assert_eq!(page["errors"][0]["code"], "not_xlsx", "{page}");
        assert_eq!(page["can_apply"], false);
        let (status, _) = app.call(&leader, "/sf/plan/apply_import", &[("id", &draft)]).await;
        assert_eq!(status, 400);

        // A CSV export with one hours cell broken: named by row and column.
        let csv = leader.get(format!("{}/objects/AKN/plans/2021/export.csv", app.url)).send().await.expect("csv");
        let text = csv.text().await.expect("body");
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
        let header = lines.iter().position(|l| l.contains("Verksamhet timmar")).expect("table header");
        let column = lines[header].split(';').position(|c| c == "Verksamhet timmar").expect("hours column");
        let mut cells: Vec<String> = lines[header + 1].split(';').map(str::to_owned).collect();
        cells[column] = "12,345".into();
        lines[header + 1] = cells.join(";");
        let (_, draft) = upload(&app, &leader, 2021, "AKN.csv", lines.join("\r\n").into_bytes()).await;
        let (_, page) = app.call(&leader, "/sf/plan/import_preview", &[("id", &draft)]).await;
        let error = &page["errors"][0];
        assert_eq!(error["sheet"], "CSV", "{page}");
        assert_eq!(error["code"], "too_many_decimals");
        assert_eq!(error["row"], header as u64 + 2, "the record after the header, 1-based");
        assert_eq!(error["text"], "12,345");
        let html = leader.get(format!("{}/objects/AKN/plans/2021/import/{draft}", app.url)).send().await.expect("page");
        assert!(html.text().await.expect("body").contains("Högst två decimaler."));

        // No file at all.
        let (status, draft) = upload(&app, &leader, 2021, "tom.xlsx", Vec::new()).await;
        assert_eq!(status, 303);
        let (_, page) = app.call(&leader, "/sf/plan/import_preview", &[("id", &draft)]).await;
        assert_eq!(page["errors"][0]["code"], "no_file");

        assert_eq!(plan_initiatives(&app, 2021).await, before, "nothing changed");
        // An approved plan takes no upload.
        let (status, _) = upload(&app, &leader, 2020, "AKN.xlsx", export(&app, &leader, 2020).await).await;
        assert_eq!(status, 409);
    }
}

#[tokio::test]
async fn bodies_are_limited_to_one_mebibyte_and_uploads_to_five() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        // A workbook-sized upload is taken (and found not to be a workbook)…
        let (status, _) = upload(&app, &leader, 2021, "stor.xlsx", vec![b'x'; 3 * 1024 * 1024]).await;
        assert_eq!(status, 303, "{backend:?}");
        // …a larger one is refused before it is read…
        let (status, _) = upload(&app, &leader, 2021, "för-stor.xlsx", vec![b'x'; 6 * 1024 * 1024]).await;
        assert_eq!(status, 413);
        // …and every other request stays within 1 MiB.
        let name = "x".repeat(2 * 1024 * 1024);
        let (status, _) = app.call(&leader, "/sf/plan/import_preview", &[("id", &name)]).await;
        assert_eq!(status, 413);
    }
}
