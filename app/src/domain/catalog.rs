//! What an object is made of: object products, business components (non-IT
//! support) and IT components with their suppliers; and the forms that
//! create and change them, checked alike in the browser and on the server.

use serde::{Deserialize, Serialize};

use super::form::{free_text, name, Checks, FieldProblem, NAME_MAX_CHARS};
use super::DomainError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supplier {
    pub id: i64,
    pub name: String,
}

/// A supplier as the supplier register lists it: what it delivers and how
/// many contracts it has (a supplier in use cannot be removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierEntry {
    pub id: i64,
    pub name: String,
    pub version: i64,
    /// Names of the IT components it delivers.
    pub it_components: Vec<String>,
    pub contracts: i64,
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
    pub version: i64,
}

/// Manuals, training material, templates, methods, governing documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessComponent {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub version: i64,
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
    /// The same components by id, in the same order.
    pub business_component_ids: Vec<i64>,
    pub it_component_ids: Vec<i64>,
    pub version: i64,
}

/// A business or IT component as typed: a name, a description and, for IT
/// components, the supplier's id (empty for none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentForm {
    pub name: String,
    pub description: String,
    pub supplier: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentInput {
    pub name: String,
    pub description: String,
    pub supplier_id: Option<i64>,
}

impl ComponentForm {
    pub fn of_business(component: &BusinessComponent) -> Self {
        Self { name: component.name.clone(), description: component.description.clone(), supplier: String::new() }
    }

    pub fn of_it(component: &ItComponent) -> Self {
        Self {
            name: component.name.clone(),
            description: component.description.clone(),
            supplier: component.supplier.as_ref().map(|s| s.id.to_string()).unwrap_or_default(),
        }
    }

    pub fn fields(&self) -> Vec<(String, String)> {
        pairs([("name", &self.name), ("description", &self.description), ("supplier", &self.supplier)])
    }

    pub fn check(&self) -> Result<ComponentInput, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let name = c.take("name", name(&self.name, NAME_MAX_CHARS));
        let description = c.take("description", free_text(&self.description));
        let supplier_id = c.take("supplier", optional_id(&self.supplier));
        c.finish((|| Some(ComponentInput { name: name?, description: description?, supplier_id: supplier_id? }))())
    }
}

/// An object product as typed. Its components are chosen from the
/// object's own and sent as ids beside the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductForm {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductInput {
    pub name: String,
    pub description: String,
    /// In the order the product lists them; no id twice.
    pub business_components: Vec<i64>,
    pub it_components: Vec<i64>,
}

impl ProductForm {
    pub fn of(product: &ObjectProduct) -> Self {
        Self { name: product.name.clone(), description: product.description.clone() }
    }

    pub fn fields(&self) -> Vec<(String, String)> {
        pairs([("name", &self.name), ("description", &self.description)])
    }

    pub fn check(&self, business: &[i64], it: &[i64]) -> Result<ProductInput, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let name = c.take("name", name(&self.name, NAME_MAX_CHARS));
        let description = c.take("description", free_text(&self.description));
        c.finish((|| {
            Some(ProductInput {
                name: name?,
                description: description?,
                business_components: distinct(business),
                it_components: distinct(it),
            })
        })())
    }
}

/// A supplier as typed: its name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierForm {
    pub name: String,
}

impl SupplierForm {
    pub fn fields(&self) -> Vec<(String, String)> {
        pairs([("name", &self.name)])
    }

    pub fn check(&self) -> Result<String, Vec<FieldProblem>> {
        let mut c = Checks::default();
        let name = c.take("name", name(&self.name, NAME_MAX_CHARS));
        c.finish(name)
    }
}

/// One change to what an object is made of. Items are named by id; the
/// store refuses an id that does not belong to the object (`NotFound`),
/// and an edit or removal from a version that is no longer stored (`Stale`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CatalogChange {
    AddBusinessComponent(ComponentInput),
    EditBusinessComponent {
        id: i64,
        version: i64,
        input: ComponentInput,
    },
    /// Also takes it out of the object's products.
    RemoveBusinessComponent {
        id: i64,
        version: i64,
    },
    /// A new IT component in the register, used by the object.
    AddItComponent(ComponentInput),
    /// An IT component already in the register (another object's), now
    /// used by this object too.
    LinkItComponent {
        id: i64,
    },
    /// Changes the component for every object that uses it.
    EditItComponent {
        id: i64,
        version: i64,
        input: ComponentInput,
    },
    /// The object stops using it (and its products with it); the component
    /// stays in the register for other objects and contracts.
    UnlinkItComponent {
        id: i64,
    },
    AddProduct(ProductInput),
    EditProduct {
        id: i64,
        version: i64,
        input: ProductInput,
    },
    RemoveProduct {
        id: i64,
        version: i64,
    },
    /// One step earlier (`up`) or later in the object's product order.
    MoveProduct {
        id: i64,
        version: i64,
        up: bool,
    },
}

/// One change to the supplier register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupplierChange {
    Add {
        name: String,
    },
    Rename {
        id: i64,
        version: i64,
        name: String,
    },
    /// Refused (`Conflict("in_use")`) while a component or contract names it.
    Remove {
        id: i64,
        version: i64,
    },
}

fn pairs<const N: usize>(fields: [(&str, &String); N]) -> Vec<(String, String)> {
    fields.into_iter().map(|(field, value)| (field.to_owned(), value.clone())).collect()
}

/// An id chosen from a list, or nothing (the empty choice).
fn optional_id(text: &str) -> Result<Option<i64>, DomainError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(id) if id > 0 => Ok(Some(id)),
        _ => Err(DomainError::UnknownValue(text.chars().take(40).collect())),
    }
}

/// The ids in their first-chosen order, each once.
fn distinct(ids: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::with_capacity(ids.len());
    for &id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(problems: Vec<FieldProblem>) -> Vec<(&'static str, &'static str)> {
        problems.iter().map(|p| (p.field, p.error.code())).collect()
    }

    #[test]
    fn component_forms_are_checked_field_by_field() {
        let good =
            ComponentForm { name: " Ärendesystem ".into(), description: "Diarium".into(), supplier: "3".into() };
        let input = good.check().expect("valid");
        assert_eq!((input.name.as_str(), input.supplier_id), ("Ärendesystem", Some(3)));
        assert_eq!(ComponentForm { supplier: String::new(), ..good.clone() }.check().unwrap().supplier_id, None);
        let table: [(ComponentForm, Vec<(&str, &str)>); 5] = [
            (ComponentForm { name: "  ".into(), ..good.clone() }, vec![("name", "required")]),
            (ComponentForm { name: "x".repeat(201), ..good.clone() }, vec![("name", "too_long")]),
            (ComponentForm { description: "x".repeat(2001), ..good.clone() }, vec![("description", "too_long")]),
            (ComponentForm { supplier: "abc".into(), ..good.clone() }, vec![("supplier", "unknown")]),
            (
                ComponentForm { name: String::new(), description: String::new(), supplier: "-1".into() },
                vec![("name", "required"), ("supplier", "unknown")],
            ),
        ];
        for (form, expected) in table {
            assert_eq!(codes(form.check().unwrap_err()), expected, "{form:?}");
        }
    }

    #[test]
    fn product_forms_keep_the_chosen_order_and_drop_repeats() {
        let form = ProductForm { name: "Bygglov".into(), description: String::new() };
        let input = form.check(&[4, 2, 4], &[9, 1]).expect("valid");
        assert_eq!(input.business_components, [4, 2]);
        assert_eq!(input.it_components, [9, 1]);
        assert_eq!(codes(ProductForm::default().check(&[], &[]).unwrap_err()), [("name", "required")]);
    }

    #[test]
    fn supplier_names_are_required_and_bounded() {
        assert_eq!(SupplierForm { name: " Tieto ".into() }.check().unwrap(), "Tieto");
        assert_eq!(codes(SupplierForm { name: String::new() }.check().unwrap_err()), [("name", "required")]);
        assert_eq!(codes(SupplierForm { name: "y".repeat(201) }.check().unwrap_err()), [("name", "too_long")]);
    }
}
