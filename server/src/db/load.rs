//! Loading a whole [`Dataset`] in one transaction: every reference by
//! natural key is resolved to the row just inserted, and a reference to
//! something missing aborts the lot.

use std::collections::HashMap;

use app::dataset::Dataset;
use app::domain::AuditAction;
use app::store::{StoreError, StoreResult};

use super::store::db;
use super::{with_pool, Dialect, Pool};

/// Resolves a natural key to an id, or names what was missing.
fn find(map: &HashMap<String, i64>, key: &str, what: &str) -> StoreResult<i64> {
    map.get(key).copied().ok_or_else(|| StoreError::Invalid(format!("unknown {what} '{key}'")))
}

fn small(value: u32, what: &str) -> StoreResult<i32> {
    i32::try_from(value).map_err(|_| StoreError::Invalid(format!("{what} is too large")))
}

fn position(index: usize) -> i32 {
    i32::try_from(index + 1).unwrap_or(i32::MAX)
}

pub async fn load(pool: &Pool, data: &Dataset, actor_id: Option<i64>) -> StoreResult<()> {
    with_pool!(pool, p, Db => {
        let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;

        macro_rules! insert_returning_id {
            ($sql:expr $(, $arg:expr)* $(,)?) => {
                sqlx::query_scalar::<_, i64>($sql)$(.bind($arg))*.fetch_one(&mut *tx).await.map_err(db)?
            };
        }
        macro_rules! execute {
            ($sql:expr $(, $arg:expr)* $(,)?) => {
                sqlx::query($sql)$(.bind($arg))*.execute(&mut *tx).await.map_err(db)?
            };
        }

        let mut line_orgs = HashMap::new();
        for name in &data.line_organisations {
            let id = insert_returning_id!("INSERT INTO line_organisations (name) VALUES ($1) RETURNING id", name);
            line_orgs.insert(name.clone(), id);
        }
        let mut suppliers = HashMap::new();
        for name in &data.suppliers {
            let id = insert_returning_id!("INSERT INTO suppliers (name) VALUES ($1) RETURNING id", name);
            suppliers.insert(name.clone(), id);
        }
        let mut people = HashMap::new();
        for person in &data.people {
            let id = insert_returning_id!(
                "INSERT INTO people (name, email) VALUES ($1, $2) RETURNING id",
                &person.name,
                &person.email
            );
            people.insert(person.email.clone(), id);
        }
        for (email, hash) in &data.credentials {
            execute!(
                "INSERT INTO credentials (person_id, password_hash, changed_at) VALUES ($1, $2, $3)",
                find(&people, email, "person")?,
                hash,
                Db::timestamp(chrono::Utc::now())
            );
        }
        let mut objects = HashMap::new();
        for object in &data.objects {
            let id = insert_returning_id!(
                "INSERT INTO objects (code, name, category, description) VALUES ($1, $2, $3, $4) RETURNING id",
                &object.code,
                &object.name,
                object.category.key(),
                &object.description
            );
            objects.insert(object.code.clone(), id);
        }
        for object in &data.objects {
            for nearby in &object.nearby {
                execute!(
                    "INSERT INTO object_nearby (object_id, nearby_object_id) VALUES ($1, $2)",
                    find(&objects, &object.code, "object")?,
                    find(&objects, nearby, "nearby object")?
                );
            }
        }
        let mut components = HashMap::new();
        for component in &data.it_components {
            let supplier = component.supplier.as_deref().map(|s| find(&suppliers, s, "supplier")).transpose()?;
            let id = insert_returning_id!(
                "INSERT INTO it_components (name, description, supplier_id) VALUES ($1, $2, $3) RETURNING id",
                &component.name,
                &component.description,
                supplier
            );
            components.insert(component.name.clone(), id);
            for code in &component.objects {
                execute!(
                    "INSERT INTO object_it_components (object_id, it_component_id) VALUES ($1, $2)",
                    find(&objects, code, "object")?,
                    id
                );
            }
        }
        let mut business = HashMap::new();
        for component in &data.business_components {
            let id = insert_returning_id!(
                "INSERT INTO business_components (object_id, name, description) VALUES ($1, $2, $3) RETURNING id",
                find(&objects, &component.object, "object")?,
                &component.name,
                &component.description
            );
            business.insert(format!("{}/{}", component.object, component.name), id);
        }
        let mut positions: HashMap<&str, i32> = HashMap::new();
        for product in &data.products {
            let product_position = positions.entry(product.object.as_str()).or_insert(0);
            *product_position += 1;
            let id = insert_returning_id!(
                "INSERT INTO object_products (object_id, position, name, description)
                 VALUES ($1, $2, $3, $4) RETURNING id",
                find(&objects, &product.object, "object")?,
                *product_position,
                &product.name,
                &product.description
            );
            for (index, name) in product.business_components.iter().enumerate() {
                execute!(
                    "INSERT INTO product_business_components (product_id, business_component_id, position)
                     VALUES ($1, $2, $3)",
                    id,
                    find(&business, &format!("{}/{name}", product.object), "business component")?,
                    position(index)
                );
            }
            for (index, name) in product.it_components.iter().enumerate() {
                execute!(
                    "INSERT INTO product_it_components (product_id, it_component_id, position) VALUES ($1, $2, $3)",
                    id,
                    find(&components, name, "IT component")?,
                    position(index)
                );
            }
        }
        for role in &data.roles {
            let object = role.object.as_deref().map(|code| find(&objects, code, "object")).transpose()?;
            execute!(
                "INSERT INTO role_assignments (person_id, object_id, role) VALUES ($1, $2, $3)",
                find(&people, &role.email, "person")?,
                object,
                role.role.key()
            );
        }
        let mut initiatives = HashMap::new();
        for plan in &data.plan_years {
            let settings = plan.settings;
            let plan_id = insert_returning_id!(
                "INSERT INTO plan_years (object_id, year, business_rate, it_rate, hours_per_fte, status)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                find(&objects, &plan.object, "object")?,
                plan.year,
                Db::number(settings.business_rate.value()),
                Db::number(settings.it_rate.value()),
                Db::number(settings.hours_per_fte.value()),
                plan.status.key()
            );
            for (index, i) in plan.initiatives.iter().enumerate() {
                let score = |s: Option<u8>| s.map(i32::from);
                let id = insert_returning_id!(
                    "INSERT INTO initiatives (plan_year_id, rank, name, main_activity, assignment_type, priority,
                        status, business_hours, business_other, it_hours, it_other, benefit, goal_contribution, effort)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
                    plan_id,
                    position(index),
                    &i.name,
                    i.main_activity.key(),
                    i.assignment_type.key(),
                    i.priority,
                    i.status.key(),
                    Db::number(i.business.hours.value()),
                    Db::number(i.business.other.value()),
                    Db::number(i.it.hours.value()),
                    Db::number(i.it.other.value()),
                    score(i.scores.benefit),
                    score(i.scores.goal_contribution),
                    score(i.scores.effort)
                );
                initiatives.insert(format!("{}/{}/{}", plan.object, plan.year, i.name), id);
            }
        }
        for link in &data.initiative_it_components {
            execute!(
                "INSERT INTO initiative_it_components (initiative_id, it_component_id) VALUES ($1, $2)",
                find(&initiatives, &format!("{}/{}/{}", link.object, link.year, link.initiative), "initiative")?,
                find(&components, &link.it_component, "IT component")?
            );
        }
        for portfolio in &data.portfolios {
            execute!(
                "INSERT INTO portfolio_years (year, capacity_it_hours) VALUES ($1, $2)",
                portfolio.year,
                portfolio.it_hours.map(|h| Db::number(h.value()))
            );
            for (index, (object, name)) in portfolio.head.iter().enumerate() {
                execute!(
                    "INSERT INTO portfolio_ranks (initiative_id, year, rank) VALUES ($1, $2, $3)",
                    find(&initiatives, &format!("{object}/{}/{name}", portfolio.year), "initiative")?,
                    portfolio.year,
                    position(index)
                );
            }
        }
        for contract in &data.contracts {
            let person = |email: &Option<String>| email.as_deref().map(|e| find(&people, e, "person")).transpose();
            let id = insert_returning_id!(
                "INSERT INTO contracts (reference, supplier_id, start_date, end_date, notice_months, option_count,
                    option_months, options_used, auto_renewal_months, yearly_cost, line_organisation_id, owner_id,
                    deputy_id, procurement_lead_months, notes)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
                &contract.reference,
                find(&suppliers, &contract.supplier, "supplier")?,
                Db::date(contract.start),
                Db::date(contract.end),
                small(contract.notice_months, "notice period")?,
                small(contract.options.count, "option count")?,
                small(contract.options.months, "option length")?,
                small(contract.options.used, "options used")?,
                contract.auto_renewal_months.map(|m| small(m, "renewal period")).transpose()?,
                Db::number(contract.yearly_cost.value()),
                contract.line_organisation.as_deref().map(|l| find(&line_orgs, l, "line organisation")).transpose()?,
                person(&contract.owner)?,
                person(&contract.deputy)?,
                small(contract.procurement_lead_months, "procurement lead time")?,
                &contract.notes
            );
            for name in &contract.it_components {
                execute!(
                    "INSERT INTO contract_it_components (contract_id, it_component_id) VALUES ($1, $2)",
                    id,
                    find(&components, name, "IT component")?
                );
            }
            for code in &contract.objects {
                execute!(
                    "INSERT INTO contract_objects (contract_id, object_id) VALUES ($1, $2)",
                    id,
                    find(&objects, code, "object")?
                );
            }
        }
        super::escalation::load_escalations!(tx, Db, data, objects, people);
        let summary = serde_json::json!({
            "objects": data.objects.len(),
            "plan_years": data.plan_years.len(),
            "initiatives": data.plan_years.iter().map(|p| p.initiatives.len()).sum::<usize>(),
            "contracts": data.contracts.len(),
        });
        execute!(
            super::sql::INSERT_AUDIT,
            Db::timestamp(chrono::Utc::now()),
            actor_id,
            AuditAction::Import.key(),
            "dataset",
            None::<String>,
            None::<i64>,
            None::<String>,
            Some(summary.to_string())
        );
        tx.commit().await.map_err(db)
    })
}
