//! What objects are made of, over HTTP as the forms send it: an object's
//! leader adds, edits, orders and removes its products and components;
//! names are unique regardless of case; a stale edit gets 409 with what is
//! stored; ids from another object are "not found" and change nothing; the
//! supplier register refuses removing a supplier in use. Both backends.

use app::demo::DEMO_PASSWORD;
use app::domain::{AuditAction, AuditFilter};

use crate::helpers::{backends, spawn_app};

const LEADER: &str = "naris.radetinac@linkoping.example";
const READER: &str = "elin.forsberg@linkoping.example";

/// A refused call: path, form, status, and the refused field with its code.
type Refusal<'a> = (&'a str, Vec<(&'a str, &'a str)>, u16, Option<(&'a str, &'a str)>);

fn owned(pairs: &[(&str, String)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

fn borrowed(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[tokio::test]
async fn an_object_leader_keeps_products_and_components_and_refusals_change_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let akn = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
        let audit_before = app.store.audit_log(&AuditFilter::default()).await.expect("audit").len();

        // A business component and an IT component with a supplier.
        let (status, body) = app
            .call(
                &leader,
                "/sf/catalog/save_business_component",
                &[
                    ("code", "AKN"),
                    ("name", "Rutin för <b>utbetalning</b>"),
                    ("description", "Hur utbetalningar attesteras"),
                ],
            )
            .await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let routine = body.as_i64().expect("id");
        let supplier = app.store.suppliers().await.expect("suppliers")[0].clone();
        let (status, body) = app
            .call(
                &leader,
                "/sf/catalog/save_it_component",
                &[
                    ("code", "AKN"),
                    ("name", "Utbetalningstjänst"),
                    ("description", ""),
                    ("supplier", &supplier.id.to_string()),
                ],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let service = body.as_i64().expect("id");
        let it = app.store.it_components(akn.id).await.expect("components");
        let added = it.iter().find(|c| c.id == service).expect("the object uses it");
        assert_eq!(added.supplier.as_ref().map(|s| s.id), Some(supplier.id));

        // A product, sent as a plain form does: ticked boxes as `field[]`.
        let products_before = app.store.products(akn.id).await.expect("products");
        let (status, body) = app
            .call(
                &leader,
                "/sf/catalog/save_product",
                &[
                    ("code", "AKN"),
                    ("name", "Utbetalning"),
                    ("description", "Utbetalning av försörjningsstöd"),
                    ("business_components[]", &routine.to_string()),
                    ("it_components[]", &service.to_string()),
                ],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let product_id = body.as_i64().expect("id");
        let products = app.store.products(akn.id).await.expect("products");
        let product = products.iter().find(|p| p.id == product_id).expect("created");
        assert_eq!(product.position as usize, products_before.len() + 1, "added last");
        assert_eq!(product.business_components, ["Rutin för <b>utbetalning</b>"]);
        assert_eq!(product.it_components, ["Utbetalningstjänst"]);

        // No boxes ticked sends no such field: the product uses none.
        let edit = |name: &str, version: i64| {
            owned(&[
                ("code", "AKN".into()),
                ("id", product_id.to_string()),
                ("version", version.to_string()),
                ("name", name.into()),
                ("description", String::new()),
            ])
        };
        let (status, body) = app.call(&leader, "/sf/catalog/save_product", &borrowed(&edit("Utbetalningar", 1))).await;
        assert_eq!(status, 200, "{body}");
        let product = app.store.products(akn.id).await.expect("products").into_iter().find(|p| p.id == product_id);
        let product = product.expect("kept");
        assert_eq!((product.name.as_str(), product.version), ("Utbetalningar", 2));
        assert!(product.business_components.is_empty() && product.it_components.is_empty());

        // The same edit from the old version: 409 with what is stored now.
        let (status, body) = app.call(&leader, "/sf/catalog/save_product", &borrowed(&edit("Gammal", 1))).await;
        assert_eq!(status, 409, "{body}");
        assert_eq!(body["error"], "stale");
        assert_eq!(body["version"], 2);
        assert!(body["current"].to_string().contains("Utbetalningar"), "{body}");

        // Refusals, each with its field; none changes anything.
        let taken_name = products_before[0].name.to_uppercase();
        let other = app.store.object_by_code("VSOA").await.expect("query").expect("VSOA");
        let foreign = app.store.business_components(other.id).await.expect("components");
        let foreign_component = foreign.first().map(|c| c.id).unwrap_or(i64::MAX).to_string();
        let refusals: Vec<Refusal> = vec![
            (
                "/sf/catalog/save_product",
                vec![("code", "AKN"), ("name", &taken_name), ("description", "")],
                400,
                Some(("name", "taken")),
            ),
            (
                "/sf/catalog/save_product",
                vec![("code", "AKN"), ("name", " "), ("description", "")],
                400,
                Some(("name", "required")),
            ),
            (
                "/sf/catalog/save_product",
                vec![
                    ("code", "AKN"),
                    ("name", "Främmande"),
                    ("description", ""),
                    ("business_components[]", &foreign_component),
                ],
                400,
                Some(("business_components", "unknown")),
            ),
            (
                "/sf/catalog/save_it_component",
                vec![("code", "AKN"), ("name", "Ny tjänst"), ("description", ""), ("supplier", "999999")],
                400,
                Some(("supplier", "unknown")),
            ),
            (
                "/sf/catalog/save_it_component",
                vec![("code", "AKN"), ("name", "Ny tjänst"), ("description", ""), ("supplier", "tre")],
                400,
                Some(("supplier", "unknown")),
            ),
            (
                "/sf/catalog/save_business_component",
                vec![("code", "AKN"), ("name", "RUTIN FÖR <b>UTBETALNING</b>"), ("description", "")],
                400,
                Some(("name", "taken")),
            ),
            // Another object's item by id: not found, whoever asks.
            (
                "/sf/catalog/remove_business_component",
                vec![("code", "AKN"), ("id", &foreign_component), ("version", "1")],
                404,
                None,
            ),
            (
                "/sf/catalog/save_product",
                vec![("code", "AKN"), ("id", "5"), ("name", "Utan version"), ("description", "")],
                400,
                None,
            ),
        ];
        let audit_mid = app.store.audit_log(&AuditFilter::default()).await.expect("audit").len();
        for (path, form, status_expected, field) in &refusals {
            let (status, body) = app.call(&leader, path, form).await;
            assert_eq!(status, *status_expected, "{path} {form:?}: {body}");
            if let Some((field, code)) = field {
                assert_eq!((body["field"].as_str(), body["message"].as_str()), (Some(*field), Some(*code)), "{path}");
            }
        }
        assert_eq!(
            app.store.audit_log(&AuditFilter::default()).await.expect("audit").len(),
            audit_mid,
            "refusals audit nothing"
        );
        assert_eq!(app.store.products(akn.id).await.expect("products").len(), products_before.len() + 1);
        assert_eq!(app.store.business_components(other.id).await.expect("components"), foreign, "VSOA untouched");

        // Order: the new product moves up one; removing it closes the gap.
        let (status, body) = app
            .call(
                &leader,
                "/sf/catalog/move_product",
                &[("code", "AKN"), ("id", &product_id.to_string()), ("version", "2"), ("up", "true")],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let products = app.store.products(akn.id).await.expect("products");
        let positions: Vec<i32> = products.iter().map(|p| p.position).collect();
        assert_eq!(positions, (1..=products.len() as i32).collect::<Vec<_>>(), "a total order");
        assert_eq!(products[products.len() - 2].id, product_id, "one step up");
        let version = products[products.len() - 2].version.to_string();
        let (status, _) = app
            .call(
                &leader,
                "/sf/catalog/remove_product",
                &[("code", "AKN"), ("id", &product_id.to_string()), ("version", &version)],
            )
            .await;
        assert_eq!(status, 200);
        let products = app.store.products(akn.id).await.expect("products");
        assert_eq!(products.len(), products_before.len());
        assert_eq!(
            products.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
            products_before.iter().map(|p| p.name.clone()).collect::<Vec<_>>()
        );
        assert_eq!(
            products.iter().map(|p| p.position).collect::<Vec<_>>(),
            (1..=products.len() as i32).collect::<Vec<_>>()
        );

        // Stop using an IT component: gone from the object's products, kept in the register.
        let used = products_before.iter().find(|p| !p.it_component_ids.is_empty()).expect("a product with IT");
        let component = used.it_component_ids[0];
        let (status, _) = app
            .call(&leader, "/sf/catalog/unlink_it_component", &[("code", "AKN"), ("id", &component.to_string())])
            .await;
        assert_eq!(status, 200);
        assert!(app.store.it_components(akn.id).await.expect("it").iter().all(|c| c.id != component));
        assert!(app
            .store
            .products(akn.id)
            .await
            .expect("products")
            .iter()
            .all(|p| !p.it_component_ids.contains(&component)));
        assert!(app.store.it_component_choices().await.expect("register").iter().any(|(id, _)| *id == component));
        // … and use it again, from the register.
        let (status, _) = app
            .call(&leader, "/sf/catalog/link_it_component", &[("code", "AKN"), ("id", &component.to_string())])
            .await;
        assert_eq!(status, 200);
        assert!(app.store.it_components(akn.id).await.expect("it").iter().any(|c| c.id == component));

        // Removing a business component takes it out of products too.
        let (status, _) = app
            .call(
                &leader,
                "/sf/catalog/remove_business_component",
                &[("code", "AKN"), ("id", &routine.to_string()), ("version", "1")],
            )
            .await;
        assert_eq!(status, 200);
        assert!(app.store.business_components(akn.id).await.expect("bc").iter().all(|c| c.id != routine));

        // Every change audited against the object, with who did it.
        let records = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let new: Vec<_> =
            records[..records.len() - audit_before].iter().rev().map(|r| (r.entity.as_str(), r.action)).collect();
        assert_eq!(
            new,
            [
                ("business_component", AuditAction::Create),
                ("it_component", AuditAction::Create),
                ("object_product", AuditAction::Create),
                ("object_product", AuditAction::Update),
                ("object_product", AuditAction::Reorder),
                ("object_product", AuditAction::Delete),
                ("object_it_component", AuditAction::Delete),
                ("object_it_component", AuditAction::Create),
                ("business_component", AuditAction::Delete),
            ]
        );
        assert!(records[..records.len() - audit_before].iter().all(|r| r.object_id == Some(akn.id)));

        // The page shows names as text; a reader may not open it.
        let html = leader.get(format!("{}/objects/AKN/catalog", app.url)).send().await.expect("page");
        assert_eq!(html.status().as_u16(), 200);
        let html = html.text().await.expect("body");
        assert!(html.contains("Utbetalningstjänst") && !html.contains("<b>utbetalning</b>"));
        let reader = app.sign_in(READER, DEMO_PASSWORD).await;
        let page = reader.get(format!("{}/objects/AKN/catalog", app.url)).send().await.expect("page");
        assert_eq!(page.status().as_u16(), 403);
    }
}

#[tokio::test]
async fn the_supplier_register_refuses_repeats_stale_renames_and_removing_what_is_in_use() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let suppliers = app.store.suppliers().await.expect("suppliers");
        let in_use = suppliers.iter().find(|s| !s.it_components.is_empty() || s.contracts > 0).expect("one in use");

        let (status, body) = app.call(&leader, "/sf/catalog/save_supplier", &[("name", "Nordlo AB")]).await;
        assert_eq!(status, 200, "{body} on {backend:?}");
        let id = body.as_i64().expect("id").to_string();
        let (status, body) =
            app.call(&leader, "/sf/catalog/save_supplier", &[("name", &in_use.name.to_lowercase())]).await;
        assert_eq!((status, body["message"].as_str()), (400, Some("taken")), "{body}");

        let rename = |name: &'static str, version: &'static str| {
            vec![("id", id.clone()), ("version", version.into()), ("name", name.into())]
        };
        let (status, _) = app
            .call(&leader, "/sf/catalog/save_supplier", &borrowed(&owned(&rename("Nordlo Linköping AB", "1"))))
            .await;
        assert_eq!(status, 200);
        let (status, body) =
            app.call(&leader, "/sf/catalog/save_supplier", &borrowed(&owned(&rename("Nordlo", "1")))).await;
        assert_eq!(status, 409);
        assert_eq!(body["current"][0][1], "Nordlo Linköping AB");

        let (status, body) = app
            .call(
                &leader,
                "/sf/catalog/remove_supplier",
                &[("id", &in_use.id.to_string()), ("version", &in_use.version.to_string())],
            )
            .await;
        assert_eq!((status, body["message"].as_str()), (409, Some("in_use")), "{body}");
        assert!(app.store.suppliers().await.expect("suppliers").iter().any(|s| s.id == in_use.id));
        let (status, _) = app.call(&leader, "/sf/catalog/remove_supplier", &[("id", &id), ("version", "2")]).await;
        assert_eq!(status, 200);
        assert_eq!(app.store.suppliers().await.expect("suppliers").len(), suppliers.len());

        let page = leader.get(format!("{}/suppliers", app.url)).send().await.expect("page");
        assert_eq!(page.status().as_u16(), 200);
        assert!(page.text().await.expect("body").contains(&in_use.name));
    }
}

#[tokio::test]
async fn a_plain_form_post_with_a_refused_name_lands_back_on_the_form_with_the_message_by_its_field() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let leader = app.sign_in(LEADER, DEMO_PASSWORD).await;
        let akn = app.store.object_by_code("AKN").await.expect("query").expect("AKN");
        let before = app.store.business_components(akn.id).await.expect("components");
        let page = format!("{}/objects/AKN/catalog", app.url);
        // As a browser without wasm sends it, then follows the redirect.
        let response = leader
            .post(format!("{}/sf/catalog/save_business_component", app.url))
            .header("accept", "text/html")
            .header("referer", &page)
            .form(&[("code", "AKN"), ("name", "   "), ("description", "Utan namn")])
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 302, "a redirect, not a 4xx, on {backend:?}");
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        assert!(location.starts_with(&page) && location.contains("__err="), "{location}");
        let response = leader.get(&location).send().await.expect("page");
        assert_eq!(response.status().as_u16(), 200);
        let html = response.text().await.expect("body");
        assert!(html.contains(r#"<details open class="catalog-add">"#), "the refused form is open");
        assert!(html.contains(r#"id="bc-new-name-error" class="field-error">Obligatoriskt."#), "by its field");
        assert_eq!(app.store.business_components(akn.id).await.expect("components"), before, "nothing added");

        // A page followed by a link (HTML, with a Referer) keeps its own status.
        let missing = leader
            .get(format!("{}/initiatives/987654", app.url))
            .header("accept", "text/html")
            .header("referer", &page)
            .send()
            .await
            .expect("page");
        assert_eq!(missing.status().as_u16(), 404, "an unknown item's page is a 404");
    }
}
