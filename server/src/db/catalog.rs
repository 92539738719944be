//! Changing what objects are made of (products, business and IT
//! components) and the supplier register. Each change runs in one
//! transaction with its audit record. Items are always looked up together
//! with the object the caller was authorised for, so an id from another
//! object is "not found"; an edit names the version it started from and is
//! refused as stale otherwise. Names are unique regardless of case (within
//! the object for products and business components, in the register for IT
//! components and suppliers).

use app::domain::{AuditAction, CatalogChange, ComponentInput, ProductInput, SupplierChange};
use app::store::{StoreError, StoreResult};
use serde_json::{json, Value};

use super::store::{db, SqlStore};
use super::{audit, with_pool, Dialect};

/// A unique index refused the name: someone took it in between.
fn unique(error: sqlx::Error) -> StoreError {
    match error {
        sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict("name_taken".into()),
        other => db(other),
    }
}

/// The stored version must be the one the edit started from.
fn current(stored: Option<i64>, version: i64) -> StoreResult<()> {
    match stored {
        None => Err(StoreError::NotFound),
        Some(stored) if stored != version => Err(StoreError::Stale),
        Some(_) => Ok(()),
    }
}

fn component_json(input: &ComponentInput) -> Value {
    json!({ "name": input.name, "description": input.description, "supplier_id": input.supplier_id })
}

fn product_json(input: &ProductInput) -> Value {
    json!({
        "name": input.name,
        "description": input.description,
        "business_components": input.business_components,
        "it_components": input.it_components,
    })
}

/// Refuses a name some other row (not `$except`) already has, regardless
/// of case: within the object (`$scope`), or in the whole register.
macro_rules! ensure_free {
    ($tx:expr, $sql:expr, $name:expr, $except:expr $(, $scope:expr)?) => {{
        let rows: Vec<(i64, String)> =
            sqlx::query_as($sql)$(.bind($scope))?.fetch_all(&mut *$tx).await.map_err(db)?;
        if name_taken(&rows, $name, $except) {
            return Err(StoreError::Conflict("name_taken".into()));
        }
    }};
}

/// Compared in Rust, not with SQL's `LOWER` (ASCII-only on SQLite: "Ö"
/// and "ö" would differ there).
fn name_taken(rows: &[(i64, String)], name: &str, except: i64) -> bool {
    let wanted = name.to_lowercase();
    rows.iter().any(|(id, existing)| *id != except && existing.to_lowercase() == wanted)
}

/// Refuses a supplier id that is not in the register.
macro_rules! ensure_supplier {
    ($tx:expr, $supplier:expr) => {{
        if let Some(supplier) = $supplier {
            let hit: Option<i64> = sqlx::query_scalar("SELECT id FROM suppliers WHERE id = $1")
                .bind(supplier)
                .fetch_optional(&mut *$tx)
                .await
                .map_err(db)?;
            if hit.is_none() {
                return Err(StoreError::Invalid("supplier".into()));
            }
        }
    }};
}

/// Refuses a product's components unless every one is the object's own,
/// then replaces the product's links with them, in order.
macro_rules! set_product_components {
    ($tx:expr, $object:expr, $product:expr, $input:expr) => {{
        let business: Vec<i64> = sqlx::query_scalar("SELECT id FROM business_components WHERE object_id = $1")
            .bind($object)
            .fetch_all(&mut *$tx)
            .await
            .map_err(db)?;
        if $input.business_components.iter().any(|id| !business.contains(id)) {
            return Err(StoreError::Invalid("business_components".into()));
        }
        let it: Vec<i64> = sqlx::query_scalar("SELECT it_component_id FROM object_it_components WHERE object_id = $1")
            .bind($object)
            .fetch_all(&mut *$tx)
            .await
            .map_err(db)?;
        if $input.it_components.iter().any(|id| !it.contains(id)) {
            return Err(StoreError::Invalid("it_components".into()));
        }
        for sql in
            ["DELETE FROM product_business_components WHERE product_id = $1", "DELETE FROM product_it_components WHERE product_id = $1"]
        {
            sqlx::query(sql).bind($product).execute(&mut *$tx).await.map_err(db)?;
        }
        for (position, id) in (1_i32..).zip(&$input.business_components) {
            sqlx::query(
                "INSERT INTO product_business_components (product_id, business_component_id, position) VALUES ($1, $2, $3)",
            )
            .bind($product)
            .bind(id)
            .bind(position)
            .execute(&mut *$tx)
            .await
            .map_err(db)?;
        }
        for (position, id) in (1_i32..).zip(&$input.it_components) {
            sqlx::query("INSERT INTO product_it_components (product_id, it_component_id, position) VALUES ($1, $2, $3)")
                .bind($product)
                .bind(id)
                .bind(position)
                .execute(&mut *$tx)
                .await
                .map_err(db)?;
        }
    }};
}

const BUSINESS_NAMES: &str = "SELECT id, name FROM business_components WHERE object_id = $1";
const PRODUCT_NAMES: &str = "SELECT id, name FROM object_products WHERE object_id = $1";
const IT_NAMES: &str = "SELECT id, name FROM it_components";
const SUPPLIER_NAMES: &str = "SELECT id, name FROM suppliers";

/// An IT component the object uses: name, description, supplier, version.
const USED_IT_COMPONENT: &str = "SELECT c.name, c.description, c.supplier_id, c.version
    FROM it_components c JOIN object_it_components oc ON oc.it_component_id = c.id
    WHERE c.id = $1 AND oc.object_id = $2";

impl SqlStore {
    pub(super) async fn apply_catalog_change(
        &self,
        object_id: i64,
        change: &CatalogChange,
        actor: i64,
    ) -> StoreResult<i64> {
        use CatalogChange::*;
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let object: Option<i64> = sqlx::query_scalar("SELECT id FROM objects WHERE id = $1")
                .bind(object_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            object.ok_or(StoreError::NotFound)?;
            let (entity, action, id, before, after): (&str, AuditAction, i64, Option<Value>, Option<Value>) = match change {
                AddBusinessComponent(input) => {
                    ensure_free!(tx, BUSINESS_NAMES, &input.name, 0, object_id);
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO business_components (object_id, name, description) VALUES ($1, $2, $3) RETURNING id",
                    )
                    .bind(object_id)
                    .bind(&input.name)
                    .bind(&input.description)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(unique)?;
                    ("business_component", AuditAction::Create, id, None, Some(component_json(input)))
                }
                EditBusinessComponent { id, version, input } => {
                    let stored: Option<(String, String, i64)> = sqlx::query_as(
                        "SELECT name, description, version FROM business_components WHERE id = $1 AND object_id = $2",
                    )
                    .bind(id)
                    .bind(object_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
                    current(stored.as_ref().map(|s| s.2), *version)?;
                    let (name, description, _) = stored.ok_or(StoreError::NotFound)?;
                    ensure_free!(tx, BUSINESS_NAMES, &input.name, *id, object_id);
                    sqlx::query(
                        "UPDATE business_components SET name = $1, description = $2, version = version + 1 WHERE id = $3",
                    )
                    .bind(&input.name)
                    .bind(&input.description)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(unique)?;
                    let before = json!({ "name": name, "description": description });
                    ("business_component", AuditAction::Update, *id, Some(before), Some(component_json(input)))
                }
                RemoveBusinessComponent { id, version } => {
                    let stored: Option<(String, String, i64)> = sqlx::query_as(
                        "SELECT name, description, version FROM business_components WHERE id = $1 AND object_id = $2",
                    )
                    .bind(id)
                    .bind(object_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
                    current(stored.as_ref().map(|s| s.2), *version)?;
                    let (name, description, _) = stored.ok_or(StoreError::NotFound)?;
                    sqlx::query("DELETE FROM business_components WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                    let before = json!({ "name": name, "description": description });
                    ("business_component", AuditAction::Delete, *id, Some(before), None)
                }
                AddItComponent(input) => {
                    ensure_supplier!(tx, input.supplier_id);
                    ensure_free!(tx, IT_NAMES, &input.name, 0);
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO it_components (name, description, supplier_id) VALUES ($1, $2, $3) RETURNING id",
                    )
                    .bind(&input.name)
                    .bind(&input.description)
                    .bind(input.supplier_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(unique)?;
                    sqlx::query("INSERT INTO object_it_components (object_id, it_component_id) VALUES ($1, $2)")
                        .bind(object_id)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                    ("it_component", AuditAction::Create, id, None, Some(component_json(input)))
                }
                LinkItComponent { id } => {
                    let name: Option<String> = sqlx::query_scalar("SELECT name FROM it_components WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db)?;
                    let name = name.ok_or(StoreError::NotFound)?;
                    let linked: Option<i64> = sqlx::query_scalar(
                        "SELECT it_component_id FROM object_it_components WHERE object_id = $1 AND it_component_id = $2",
                    )
                    .bind(object_id)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
                    if linked.is_some() {
                        // Sent twice (a double click): already done, nothing to record.
                        return Ok(*id);
                    }
                    sqlx::query("INSERT INTO object_it_components (object_id, it_component_id) VALUES ($1, $2)")
                        .bind(object_id)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                    ("object_it_component", AuditAction::Create, *id, None, Some(json!({ "name": name })))
                }
                EditItComponent { id, version, input } => {
                    let stored: Option<(String, String, Option<i64>, i64)> = sqlx::query_as(USED_IT_COMPONENT)
                        .bind(id)
                        .bind(object_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db)?;
                    current(stored.as_ref().map(|s| s.3), *version)?;
                    let (name, description, supplier_id, _) = stored.ok_or(StoreError::NotFound)?;
                    ensure_supplier!(tx, input.supplier_id);
                    ensure_free!(tx, IT_NAMES, &input.name, *id);
                    sqlx::query(
                        "UPDATE it_components SET name = $1, description = $2, supplier_id = $3, version = version + 1
                         WHERE id = $4",
                    )
                    .bind(&input.name)
                    .bind(&input.description)
                    .bind(input.supplier_id)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(unique)?;
                    let before = json!({ "name": name, "description": description, "supplier_id": supplier_id });
                    ("it_component", AuditAction::Update, *id, Some(before), Some(component_json(input)))
                }
                UnlinkItComponent { id } => {
                    let stored: Option<(String, String, Option<i64>, i64)> = sqlx::query_as(USED_IT_COMPONENT)
                        .bind(id)
                        .bind(object_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db)?;
                    let (name, ..) = stored.ok_or(StoreError::NotFound)?;
                    sqlx::query(
                        "DELETE FROM product_it_components WHERE it_component_id = $1
                         AND product_id IN (SELECT id FROM object_products WHERE object_id = $2)",
                    )
                    .bind(id)
                    .bind(object_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    sqlx::query("DELETE FROM object_it_components WHERE it_component_id = $1 AND object_id = $2")
                        .bind(id)
                        .bind(object_id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                    ("object_it_component", AuditAction::Delete, *id, Some(json!({ "name": name })), None)
                }
                AddProduct(input) => {
                    ensure_free!(tx, PRODUCT_NAMES, &input.name, 0, object_id);
                    let position: i32 = sqlx::query_scalar(
                        "SELECT CAST(COALESCE(MAX(position), 0) + 1 AS INTEGER) FROM object_products WHERE object_id = $1",
                    )
                    .bind(object_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db)?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO object_products (object_id, position, name, description) VALUES ($1, $2, $3, $4)
                         RETURNING id",
                    )
                    .bind(object_id)
                    .bind(position)
                    .bind(&input.name)
                    .bind(&input.description)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(unique)?;
                    set_product_components!(tx, object_id, id, input);
                    ("object_product", AuditAction::Create, id, None, Some(product_json(input)))
                }
                EditProduct { id, version, input } => {
                    let stored: Option<(String, String, i64)> = sqlx::query_as(
                        "SELECT name, description, version FROM object_products WHERE id = $1 AND object_id = $2",
                    )
                    .bind(id)
                    .bind(object_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
                    current(stored.as_ref().map(|s| s.2), *version)?;
                    let (name, description, _) = stored.ok_or(StoreError::NotFound)?;
                    ensure_free!(tx, PRODUCT_NAMES, &input.name, *id, object_id);
                    let business: Vec<i64> = sqlx::query_scalar(
                        "SELECT business_component_id FROM product_business_components WHERE product_id = $1 ORDER BY position",
                    )
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(db)?;
                    let it: Vec<i64> = sqlx::query_scalar(
                        "SELECT it_component_id FROM product_it_components WHERE product_id = $1 ORDER BY position",
                    )
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(db)?;
                    sqlx::query("UPDATE object_products SET name = $1, description = $2, version = version + 1 WHERE id = $3")
                        .bind(&input.name)
                        .bind(&input.description)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(unique)?;
                    set_product_components!(tx, object_id, *id, input);
                    let before = json!({
                        "name": name, "description": description, "business_components": business, "it_components": it,
                    });
                    ("object_product", AuditAction::Update, *id, Some(before), Some(product_json(input)))
                }
                RemoveProduct { id, version } => {
                    let stored: Option<(String, i32, i64)> = sqlx::query_as(
                        "SELECT name, position, version FROM object_products WHERE id = $1 AND object_id = $2",
                    )
                    .bind(id)
                    .bind(object_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
                    current(stored.as_ref().map(|s| s.2), *version)?;
                    let (name, position, _) = stored.ok_or(StoreError::NotFound)?;
                    sqlx::query("DELETE FROM object_products WHERE id = $1").bind(id).execute(&mut *tx).await.map_err(db)?;
                    // Close the gap: the products after it move up one.
                    sqlx::query("UPDATE object_products SET position = position - 1 WHERE object_id = $1 AND position > $2")
                        .bind(object_id)
                        .bind(position)
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                    ("object_product", AuditAction::Delete, *id, Some(json!({ "name": name, "position": position })), None)
                }
                MoveProduct { id, version, up } => {
                    let stored: Option<(i32, i64)> = sqlx::query_as(
                        "SELECT position, version FROM object_products WHERE id = $1 AND object_id = $2",
                    )
                    .bind(id)
                    .bind(object_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
                    current(stored.map(|s| s.1), *version)?;
                    let (position, _) = stored.ok_or(StoreError::NotFound)?;
                    let target = if *up { position - 1 } else { position + 1 };
                    let neighbour: Option<i64> =
                        sqlx::query_scalar("SELECT id FROM object_products WHERE object_id = $1 AND position = $2")
                            .bind(object_id)
                            .bind(target)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db)?;
                    // First or last already: nothing moves.
                    let Some(neighbour) = neighbour else { return Ok(*id) };
                    sqlx::query("UPDATE object_products SET position = $1, version = version + 1 WHERE id = $2")
                        .bind(position)
                        .bind(neighbour)
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                    sqlx::query("UPDATE object_products SET position = $1, version = version + 1 WHERE id = $2")
                        .bind(target)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                    let (b, a) = (json!({ "position": position }), json!({ "position": target }));
                    ("object_product", AuditAction::Reorder, *id, Some(b), Some(a))
                }
            };
            audit!(tx, Db, Some(actor), action, entity, Some(id.to_string()), Some(object_id), before, after);
            tx.commit().await.map_err(db)?;
            Ok(id)
        })
    }

    pub(super) async fn apply_supplier_change(&self, change: &SupplierChange, actor: i64) -> StoreResult<i64> {
        with_pool!(self.pool(), p, Db => {
            let mut tx = p.begin_with(<Db as Dialect>::BEGIN).await.map_err(db)?;
            let (action, id, before, after): (AuditAction, i64, Option<Value>, Option<Value>) = match change {
                SupplierChange::Add { name } => {
                    ensure_free!(tx, SUPPLIER_NAMES, name, 0);
                    let id: i64 = sqlx::query_scalar("INSERT INTO suppliers (name) VALUES ($1) RETURNING id")
                        .bind(name)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(unique)?;
                    (AuditAction::Create, id, None, Some(json!({ "name": name })))
                }
                SupplierChange::Rename { id, version, name } => {
                    let stored: Option<(String, i64)> =
                        sqlx::query_as("SELECT name, version FROM suppliers WHERE id = $1")
                            .bind(id)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db)?;
                    current(stored.as_ref().map(|s| s.1), *version)?;
                    let (was, _) = stored.ok_or(StoreError::NotFound)?;
                    ensure_free!(tx, SUPPLIER_NAMES, name, *id);
                    sqlx::query("UPDATE suppliers SET name = $1, version = version + 1 WHERE id = $2")
                        .bind(name)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(unique)?;
                    (AuditAction::Update, *id, Some(json!({ "name": was })), Some(json!({ "name": name })))
                }
                SupplierChange::Remove { id, version } => {
                    let stored: Option<(String, i64)> =
                        sqlx::query_as("SELECT name, version FROM suppliers WHERE id = $1")
                            .bind(id)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db)?;
                    current(stored.as_ref().map(|s| s.1), *version)?;
                    let (was, _) = stored.ok_or(StoreError::NotFound)?;
                    let uses: i64 = sqlx::query_scalar(
                        "SELECT CAST((SELECT COUNT(*) FROM it_components WHERE supplier_id = $1)
                            + (SELECT COUNT(*) FROM contracts WHERE supplier_id = $1) AS BIGINT)",
                    )
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db)?;
                    if uses > 0 {
                        return Err(StoreError::Conflict("in_use".into()));
                    }
                    sqlx::query("DELETE FROM suppliers WHERE id = $1").bind(id).execute(&mut *tx).await.map_err(db)?;
                    (AuditAction::Delete, *id, Some(json!({ "name": was })), None)
                }
            };
            audit!(tx, Db, Some(actor), action, "supplier", Some(id.to_string()), None::<i64>, before, after);
            tx.commit().await.map_err(db)?;
            Ok(id)
        })
    }
}
