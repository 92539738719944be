//! The store contract, on both backends: what goes in comes out exactly,
//! loads are all-or-nothing, demo data only goes into an empty database.

use app::dataset::Dataset;
use app::domain::{AssignmentType, AuditAction, AuditFilter, BudgetMatrix, MainActivity, Side};
use rust_decimal::Decimal;

use crate::helpers::{backends, spawn_app, spawn_app_with};

fn dec(text: &str) -> Decimal {
    text.parse().expect("decimal")
}

#[tokio::test]
async fn the_demo_portfolio_round_trips_exactly_on_both_backends() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let store = &app.store;
        let expected = app::demo::dataset(chrono::Utc::now().date_naive());

        let objects = store.objects().await.expect("objects");
        assert_eq!(objects.len(), expected.objects.len(), "{backend:?}");
        let akn = store.object_by_code("AKN").await.expect("query").expect("AKN exists");
        assert_eq!(akn.name, "Administration, kommunikation och näringsliv");

        let products = store.products(akn.id).await.expect("products");
        assert_eq!(products.len(), 13, "{backend:?}");
        assert_eq!(products[0].name, "Stöd för publicering i digitala kommunikationskanaler");
        assert!(products[3].it_components.contains(&"Klara".to_string()), "{:?}", products[3]);

        let components = store.it_components(akn.id).await.expect("components");
        let w3d3 = components.iter().find(|c| c.name == "W3D3").expect("W3D3");
        assert_eq!(w3d3.supplier.as_ref().map(|s| s.name.as_str()), Some("Formpipe"));
        let episerver = components.iter().find(|c| c.name == "Episerver").expect("Episerver");
        assert_eq!(
            episerver.products,
            ["Stöd för publicering i digitala kommunikationskanaler", "Stöd för att tillgängliggöra öppna data"],
            "{backend:?}"
        );
        assert_eq!(episerver.object_codes, ["AKN"]);

        let plans = store.plan_years_of(akn.id).await.expect("plans");
        let plan = plans.iter().find(|p| p.year == 2020).expect("AKN 2020");
        let initiatives = store.initiatives(plan.id).await.expect("initiatives");
        let seeded = expected.plan_years.iter().find(|p| p.object == "AKN" && p.year == 2020).expect("seed");
        assert_eq!(initiatives.len(), seeded.initiatives.len());
        for (stored, seed) in initiatives.iter().zip(&seeded.initiatives) {
            assert_eq!(stored.name, seed.name);
            assert_eq!(stored.business, seed.business, "{} on {backend:?}", seed.name);
            assert_eq!(stored.it, seed.it, "{} on {backend:?}", seed.name);
        }
        let matrix = BudgetMatrix::compute(plan.settings, &initiatives);
        assert_eq!(matrix.total.amount, dec("18988100"), "{backend:?}");
        assert_eq!(
            matrix.cell(MainActivity::UserSupport, Side::Business, AssignmentType::Maintain).amount,
            dec("2761590")
        );
        assert_eq!(matrix.total.fte, dec("9.49"));

        let contracts = store.contracts().await.expect("contracts");
        assert_eq!(contracts.len(), expected.contracts.len(), "{backend:?}");
        let first = store.contract(contracts[0].id).await.expect("query").expect("contract");
        assert_eq!(first, contracts[0]);
        let seeded = expected.contracts.iter().find(|c| c.reference == first.reference).expect("seeded");
        assert_eq!(first.yearly_cost, seeded.yearly_cost);
        assert_eq!(first.end, seeded.end);
    }
}

#[tokio::test]
async fn a_load_with_a_dangling_reference_changes_nothing() {
    for backend in backends() {
        let app = spawn_app_with(backend, false).await;
        assert!(app.store.is_empty().await.expect("query"));
        let mut data: Dataset = app::demo::dataset(chrono::Utc::now().date_naive());
        data.products[0].it_components.push("No such component".into());
        let error = app.store.load(&data, None).await.expect_err("refused");
        assert!(error.to_string().contains("No such component"), "{error}");
        assert!(app.store.is_empty().await.expect("query"), "nothing was kept on {backend:?}");
        let audit = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        assert!(audit.is_empty(), "a refused load leaves no audit record on {backend:?}");
        assert!(app.store.plan_years().await.expect("query").is_empty());
    }
}

#[tokio::test]
async fn demo_data_goes_only_into_an_empty_database() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let before = app.store.objects().await.expect("objects").len();
        let loaded = server::demo::load_if_empty(app.store.as_ref()).await.expect("no error");
        assert!(!loaded, "a second load is refused on {backend:?}");
        assert_eq!(app.store.objects().await.expect("objects").len(), before);
    }
}

#[tokio::test]
async fn without_demo_data_the_database_starts_empty() {
    for backend in backends() {
        let app = spawn_app_with(backend, false).await;
        assert!(app.store.objects().await.expect("objects").is_empty(), "{backend:?}");
    }
}

#[tokio::test]
async fn loading_data_writes_one_import_audit_record_in_the_same_transaction() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let started = chrono::Utc::now() - chrono::Duration::minutes(5);
        let audit = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        // The test client's sign-in is recorded too; the load wrote one import.
        let imports: Vec<_> = audit.iter().filter(|r| r.action == AuditAction::Import).collect();
        assert_eq!(imports.len(), 1, "{backend:?}");
        let record = imports[0];
        assert_eq!(record.action, AuditAction::Import);
        assert_eq!(record.actor_id, None, "the system loaded the demo data");
        assert!(record.at > started && record.at <= chrono::Utc::now(), "{:?}", record.at);
        assert!(record.after.as_deref().is_some_and(|a| a.contains("\"objects\":7")), "{:?}", record.after);

        let later =
            AuditFilter { since: Some(chrono::Utc::now() + chrono::Duration::minutes(1)), ..Default::default() };
        assert!(app.store.audit_log(&later).await.expect("audit").is_empty(), "{backend:?}");
        let earlier = AuditFilter { until: Some(started), ..Default::default() };
        assert!(app.store.audit_log(&earlier).await.expect("audit").is_empty(), "{backend:?}");
        let by_object = AuditFilter { object_id: Some(1), ..Default::default() };
        assert!(app.store.audit_log(&by_object).await.expect("audit").is_empty(), "the import has no object");
        let since = AuditFilter { since: Some(started), ..Default::default() };
        assert_eq!(app.store.audit_log(&since).await.expect("audit").len(), audit.len());
        let by_reader = AuditFilter { actor_id: Some(-1), ..Default::default() };
        assert!(app.store.audit_log(&by_reader).await.expect("audit").is_empty());
    }
}

#[tokio::test]
async fn the_database_itself_refuses_to_change_or_delete_audit_records() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let before = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        let pool = server::db::connect(&app.database.target).await.expect("second connection");
        for statement in ["UPDATE audit_log SET action = 'delete'", "DELETE FROM audit_log"] {
            let result = match &pool {
                server::db::Pool::Sqlite(p) => sqlx::query(statement).execute(p).await.map(|_| ()),
                server::db::Pool::Postgres(p) => sqlx::query(statement).execute(p).await.map(|_| ()),
            };
            let error = result.expect_err("refused by the database");
            assert!(error.to_string().contains("audit records cannot be"), "{backend:?}: {error}");
        }
        if let server::db::Pool::Postgres(p) = &pool {
            let error = sqlx::query("TRUNCATE audit_log").execute(p).await.expect_err("refused");
            assert!(error.to_string().contains("audit records cannot be"), "{error}");
        }
        let audit = app.store.audit_log(&AuditFilter::default()).await.expect("audit");
        assert_eq!(audit, before, "nothing changed on {backend:?}");
        assert!(audit.iter().any(|r| r.action == AuditAction::Import), "{backend:?}");
    }
}
