//! Creating and editing objects over HTTP: the steering group adds them
//! with unique codes, an object's leaders edit theirs and nobody else's,
//! every change audited, bad input refused by field. Both backends.

use app::demo::DEMO_PASSWORD;
use app::domain::{AuditAction, AuditFilter};

use crate::helpers::{backends, spawn_app};

const PSG: &str = "cecilia.wahlstrom@linkoping.example";
const LEADER: &str = "naris.radetinac@linkoping.example";

#[tokio::test]
async fn the_steering_group_adds_objects_with_unique_codes_and_leaders_edit_their_own() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let psg = app.sign_in(PSG, DEMO_PASSWORD).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let objects_before = app.store.objects().await.expect("objects").len();
        let new = |code: &'static str, name: &'static str| {
            vec![("code", code), ("name", name), ("category", "support"), ("description", "Bygglov och tillsyn")]
        };

        let (status, body) = app.call(&psg, "/sf/objects/create", &new("BYGG", "Bygglov")).await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let created = app.store.object_by_code("BYGG").await.expect("query").expect("created");
        assert_eq!(created.name, "Bygglov");

        for (form, field, code) in [
            (new("BYGG", "Igen"), "code", "taken"),
            (new("akn", "Gemener"), "code", "bad_object_code"),
            (new("NY", " "), "name", "required"),
        ] {
            let (status, body) = app.call(&psg, "/sf/objects/create", &form).await;
            assert_eq!(status, 400, "{form:?}");
            assert_eq!((body["field"].as_str(), body["message"].as_str()), (Some(field), Some(code)));
        }
        assert_eq!(app.store.objects().await.expect("objects").len(), objects_before + 1, "refused input adds nothing");
        let (status, _) = app.call(&leader, "/sf/objects/create", &new("EGET", "Eget")).await;
        assert_eq!(status, 403, "a leader does not add objects");

        // A leader edits AKN, not BYGG; the code stays.
        let akn = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
        let edit = |id: i64| {
            vec![
                ("id", id.to_string()),
                ("version", "1".to_owned()),
                ("name", "Arbetsmarknad och försörjning".to_owned()),
                ("category", "core".to_owned()),
                ("description", "</textarea><script>alert(1)</script>".to_owned()),
            ]
        };
        let form = edit(akn.id);
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body) = app.call(&leader, "/sf/objects/update", &pairs).await;
        assert_eq!(status, 200, "{body}");
        let form = edit(created.id);
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(app.call(&leader, "/sf/objects/update", &pairs).await.0, 403);
        let akn = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
        assert_eq!((akn.name.as_str(), akn.version), ("Arbetsmarknad och försörjning", 2));

        // The same edit from version 1 again: someone saved in between.
        let form = edit(akn.id);
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body) = app.call(&leader, "/sf/objects/update", &pairs).await;
        assert_eq!(status, 409, "{body}");
        assert_eq!((body["error"].as_str(), body["version"].as_i64()), (Some("stale"), Some(2)));
        assert_eq!(app.store.object_by_code("AKN").await.expect("query").expect("AKN").version, 2, "nothing saved");

        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let objects: Vec<_> = records.iter().filter(|r| r.entity == "object").map(|r| r.action).collect();
        assert_eq!(objects, [AuditAction::Update, AuditAction::Create]);

        // The description is text wherever it shows.
        for path in ["/objects/AKN", "/objects/AKN/edit"] {
            let html = leader.get(format!("{}{path}", app.url)).send().await.expect("page").text().await.expect("body");
            assert!(!html.contains("<script>alert(1)"), "{path}");
        }
        let page = psg.get(format!("{}/new-object", app.url)).send().await.expect("page");
        assert_eq!(page.status().as_u16(), 200);
        let page = leader.get(format!("{}/new-object", app.url)).send().await.expect("page");
        assert_eq!(page.status().as_u16(), 403, "the page says no to those who may not add");
    }
}
