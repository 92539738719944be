//! What the catalog pages show: an object's products and components with
//! the choices its forms offer, and the supplier register.

use serde::{Deserialize, Serialize};

use super::ObjectRef;
use crate::domain::{BusinessComponent, ItComponent, ObjectProduct, Supplier, SupplierEntry};

/// `/objects/:code/catalog`, for those who manage the object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEditor {
    pub object: ObjectRef,
    pub products: Vec<ObjectProduct>,
    pub business_components: Vec<BusinessComponent>,
    pub it_components: Vec<ItComponent>,
    /// Components in the register that the object does not use yet.
    pub other_it_components: Vec<(i64, String)>,
    /// Every supplier, for the IT component forms.
    pub suppliers: Vec<Supplier>,
}

/// `/suppliers`: every supplier, and whether the reader may change them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierRegister {
    pub suppliers: Vec<SupplierEntry>,
    pub can_edit: bool,
}
