//! What objects are made of (object products, business and IT components)
//! and the supplier register. An object's owners and leaders change its
//! catalog; the object is found by its code and every item is looked up
//! within it by the store, so an id from another object is "not found".
//! Adding and editing share one function each (no id: a new item).

use leptos::prelude::*;

use super::AppError;
use crate::views::{CatalogEditor, SupplierRegister};

#[cfg(feature = "ssr")]
mod server {
    use std::future::Future;

    use crate::api::support::{person_id, require, store};
    use crate::api::AppError;
    use crate::domain::{CatalogChange, Object, Permission};
    use crate::store::StoreError;

    /// The object named by `code`, if the caller manages it, and who they are.
    pub async fn managed(code: &str) -> Result<(Object, i64), AppError> {
        require(Permission::ReadPortfolio)?;
        let object = store()?.object_by_code(code).await?.ok_or(AppError::NotFound)?;
        let actor = person_id(&require(Permission::ManageObject(object.id))?)?;
        Ok((object, actor))
    }

    /// An edit names the version it started from: both or neither.
    pub fn edit_of(id: Option<i64>, version: Option<i64>) -> Result<Option<(i64, i64)>, AppError> {
        match (id, version) {
            (None, _) => Ok(None),
            (Some(id), Some(version)) => Ok(Some((id, version))),
            (Some(_), None) => Err(AppError::BadRequest { message: "version is required".into() }),
        }
    }

    /// Store refusals in the form's terms. A stale change is answered with
    /// the item as stored now (`current`: its version and fields), so the
    /// page can show what changed.
    pub async fn settle<T, F>(result: Result<T, StoreError>, current: impl FnOnce() -> F) -> Result<T, AppError>
    where
        F: Future<Output = Result<Option<(i64, Vec<(String, String)>)>, AppError>>,
    {
        match result {
            Ok(value) => Ok(value),
            Err(StoreError::Stale) => match current().await? {
                Some((version, current)) => Err(AppError::Stale { version, current }),
                None => Err(AppError::NotFound),
            },
            Err(StoreError::Conflict(message)) if message == "name_taken" => {
                Err(AppError::Validation { field: "name".into(), message: "taken".into() })
            }
            Err(StoreError::Invalid(field)) => Err(AppError::Validation { field, message: "unknown".into() }),
            Err(other) => Err(other.into()),
        }
    }

    pub async fn change(object: &Object, change: CatalogChange, actor: i64) -> Result<i64, StoreError> {
        match store() {
            Ok(store) => store.change_catalog(object.id, &change, actor).await,
            Err(_) => Err(StoreError::Database("no store".into())),
        }
    }
}

/// Everything the catalog page shows and offers.
#[server(prefix = "/sf", endpoint = "catalog/editor")]
pub async fn get_catalog_editor(code: String) -> Result<CatalogEditor, AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::Supplier;
    respond(async {
        let (object, _) = server::managed(&code).await?;
        let store = store()?;
        let it_components = store.it_components(object.id).await?;
        let other_it_components = store
            .it_component_choices()
            .await?
            .into_iter()
            .filter(|(id, _)| !it_components.iter().any(|c| c.id == *id))
            .collect();
        let suppliers = store.suppliers().await?.into_iter().map(|s| Supplier { id: s.id, name: s.name }).collect();
        Ok(CatalogEditor {
            products: store.products(object.id).await?,
            business_components: store.business_components(object.id).await?,
            it_components,
            other_it_components,
            suppliers,
            object: crate::views::ObjectRef {
                code: object.code.to_string(),
                name: object.name,
                category: object.category,
            },
        })
    })
    .await
}

#[server(prefix = "/sf", endpoint = "catalog/save_business_component")]
pub async fn save_business_component(
    code: String,
    id: Option<i64>,
    version: Option<i64>,
    name: String,
    description: String,
) -> Result<i64, AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::{CatalogChange, ComponentForm};
    respond(async {
        let (object, actor) = server::managed(&code).await?;
        let input = ComponentForm { name, description, supplier: String::new() }.check().map_err(refused)?;
        let change = match server::edit_of(id, version)? {
            None => CatalogChange::AddBusinessComponent(input),
            Some((id, version)) => CatalogChange::EditBusinessComponent { id, version, input },
        };
        let result = server::change(&object, change, actor).await;
        server::settle(result, || async {
            let stored = store()?.business_components(object.id).await?;
            Ok(stored.iter().find(|c| Some(c.id) == id).map(|c| (c.version, ComponentForm::of_business(c).fields())))
        })
        .await
    })
    .await
}

#[server(prefix = "/sf", endpoint = "catalog/remove_business_component")]
pub async fn remove_business_component(code: String, id: i64, version: i64) -> Result<(), AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::{CatalogChange, ComponentForm};
    respond(async {
        let (object, actor) = server::managed(&code).await?;
        let result = server::change(&object, CatalogChange::RemoveBusinessComponent { id, version }, actor).await;
        server::settle(result, || async {
            let stored = store()?.business_components(object.id).await?;
            Ok(stored.iter().find(|c| c.id == id).map(|c| (c.version, ComponentForm::of_business(c).fields())))
        })
        .await
        .map(|_| ())
    })
    .await
}

#[server(prefix = "/sf", endpoint = "catalog/save_it_component")]
pub async fn save_it_component(
    code: String,
    id: Option<i64>,
    version: Option<i64>,
    name: String,
    description: String,
    supplier: String,
) -> Result<i64, AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::{CatalogChange, ComponentForm};
    respond(async {
        let (object, actor) = server::managed(&code).await?;
        let input = ComponentForm { name, description, supplier }.check().map_err(refused)?;
        let change = match server::edit_of(id, version)? {
            None => CatalogChange::AddItComponent(input),
            Some((id, version)) => CatalogChange::EditItComponent { id, version, input },
        };
        let result = server::change(&object, change, actor).await;
        server::settle(result, || async {
            let stored = store()?.it_components(object.id).await?;
            Ok(stored.iter().find(|c| Some(c.id) == id).map(|c| (c.version, ComponentForm::of_it(c).fields())))
        })
        .await
    })
    .await
}

/// The object starts using an IT component already in the register.
#[server(prefix = "/sf", endpoint = "catalog/link_it_component")]
pub async fn link_it_component(code: String, id: String) -> Result<i64, AppError> {
    use crate::api::support::respond;
    use crate::domain::CatalogChange;
    respond(async {
        let (object, actor) = server::managed(&code).await?;
        // The form's list starts with an empty choice.
        let id = id.trim().parse::<i64>().map_err(|_| crate::api::support::invalid("id", "required"))?;
        let result = server::change(&object, CatalogChange::LinkItComponent { id }, actor).await;
        server::settle(result, || async { Ok(None) }).await
    })
    .await
}

/// The object stops using an IT component (its products too).
#[server(prefix = "/sf", endpoint = "catalog/unlink_it_component")]
pub async fn unlink_it_component(code: String, id: i64) -> Result<(), AppError> {
    use crate::api::support::respond;
    use crate::domain::CatalogChange;
    respond(async {
        let (object, actor) = server::managed(&code).await?;
        let result = server::change(&object, CatalogChange::UnlinkItComponent { id }, actor).await;
        server::settle(result, || async { Ok(None) }).await.map(|_| ())
    })
    .await
}

#[server(prefix = "/sf", endpoint = "catalog/save_product")]
#[allow(clippy::too_many_arguments)] // one per form field
pub async fn save_product(
    code: String,
    id: Option<i64>,
    version: Option<i64>,
    name: String,
    description: String,
    // Ticked boxes only: none ticked sends nothing.
    #[server(default)] business_components: Vec<i64>,
    #[server(default)] it_components: Vec<i64>,
) -> Result<i64, AppError> {
    use crate::api::support::{refused, respond, store};
    use crate::domain::{CatalogChange, ProductForm};
    respond(async {
        let (object, actor) = server::managed(&code).await?;
        let input = ProductForm { name, description }.check(&business_components, &it_components).map_err(refused)?;
        let change = match server::edit_of(id, version)? {
            None => CatalogChange::AddProduct(input),
            Some((id, version)) => CatalogChange::EditProduct { id, version, input },
        };
        let result = server::change(&object, change, actor).await;
        server::settle(result, || async {
            let stored = store()?.products(object.id).await?;
            Ok(stored.iter().find(|p| Some(p.id) == id).map(|p| (p.version, ProductForm::of(p).fields())))
        })
        .await
    })
    .await
}

#[server(prefix = "/sf", endpoint = "catalog/remove_product")]
pub async fn remove_product(code: String, id: i64, version: i64) -> Result<(), AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::{CatalogChange, ProductForm};
    respond(async {
        let (object, actor) = server::managed(&code).await?;
        let result = server::change(&object, CatalogChange::RemoveProduct { id, version }, actor).await;
        server::settle(result, || async {
            let stored = store()?.products(object.id).await?;
            Ok(stored.iter().find(|p| p.id == id).map(|p| (p.version, ProductForm::of(p).fields())))
        })
        .await
        .map(|_| ())
    })
    .await
}

/// One step earlier (`up`) or later in the object's product order.
#[server(prefix = "/sf", endpoint = "catalog/move_product")]
pub async fn move_product(code: String, id: i64, version: i64, up: bool) -> Result<(), AppError> {
    use crate::api::support::{respond, store};
    use crate::domain::{CatalogChange, ProductForm};
    respond(async {
        let (object, actor) = server::managed(&code).await?;
        let result = server::change(&object, CatalogChange::MoveProduct { id, version, up }, actor).await;
        server::settle(result, || async {
            let stored = store()?.products(object.id).await?;
            Ok(stored.iter().find(|p| p.id == id).map(|p| (p.version, ProductForm::of(p).fields())))
        })
        .await
        .map(|_| ())
    })
    .await
}

/// The supplier register: everyone reads it, managers change it.
#[server(prefix = "/sf", endpoint = "catalog/suppliers")]
pub async fn get_suppliers() -> Result<SupplierRegister, AppError> {
    use crate::api::support::{require, respond, store};
    use crate::domain::Permission;
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        Ok(SupplierRegister {
            suppliers: store()?.suppliers().await?,
            can_edit: principal.can(Permission::ManageSuppliers),
        })
    })
    .await
}

#[server(prefix = "/sf", endpoint = "catalog/save_supplier")]
pub async fn save_supplier(id: Option<i64>, version: Option<i64>, name: String) -> Result<i64, AppError> {
    use crate::api::support::{person_id, refused, require, respond, store};
    use crate::domain::{Permission, SupplierChange, SupplierForm};
    respond(async {
        let actor = person_id(&require(Permission::ManageSuppliers)?)?;
        let name = SupplierForm { name }.check().map_err(refused)?;
        let change = match server::edit_of(id, version)? {
            None => SupplierChange::Add { name },
            Some((id, version)) => SupplierChange::Rename { id, version, name },
        };
        let store = store()?;
        let result = store.change_supplier(&change, actor).await;
        server::settle(result, || async {
            let stored = store.suppliers().await?;
            Ok(stored
                .into_iter()
                .find(|s| Some(s.id) == id)
                .map(|s| (s.version, SupplierForm { name: s.name }.fields())))
        })
        .await
    })
    .await
}

/// Refused (409 `in_use`) while a component or contract names the supplier.
#[server(prefix = "/sf", endpoint = "catalog/remove_supplier")]
pub async fn remove_supplier(id: i64, version: i64) -> Result<(), AppError> {
    use crate::api::support::{person_id, require, respond, store};
    use crate::domain::{Permission, SupplierChange, SupplierForm};
    respond(async {
        let actor = person_id(&require(Permission::ManageSuppliers)?)?;
        let store = store()?;
        let result = store.change_supplier(&SupplierChange::Remove { id, version }, actor).await;
        server::settle(result, || async {
            let stored = store.suppliers().await?;
            Ok(stored.into_iter().find(|s| s.id == id).map(|s| (s.version, SupplierForm { name: s.name }.fields())))
        })
        .await
        .map(|_| ())
    })
    .await
}
