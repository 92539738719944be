//! What an object is made of: object products, business components (non-IT
//! support) and IT components with their suppliers.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supplier {
    pub id: i64,
    pub name: String,
}

/// A system, application or service. One component can serve several
/// products and several objects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItComponent {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub supplier: Option<Supplier>,
    /// Codes of the objects that use the component.
    pub object_codes: Vec<String>,
    /// Names of the object products that use it, within the object asked about.
    pub products: Vec<String>,
}

/// Manuals, training material, templates, methods, governing documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessComponent {
    pub id: i64,
    pub name: String,
    pub description: String,
}

/// A grouping inside an object around a sub-area of the business, listing
/// the business and IT components it uses (by name, in document order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectProduct {
    pub id: i64,
    pub position: i32,
    pub name: String,
    pub description: String,
    pub business_components: Vec<String>,
    pub it_components: Vec<String>,
}
