//! The read queries, shared by both backends. Exact numbers and dates are
//! read `CAST(… AS TEXT)`: the same text on SQLite and PostgreSQL.

pub const OBJECTS: &str = "SELECT id, code, name, category, description, version FROM objects ORDER BY code";

pub const OBJECT_BY_CODE: &str = "SELECT id, code, name, category, description, version FROM objects WHERE code = $1";

pub const NEARBY: &str = "SELECT o.id, o.code, o.name, o.category, o.description, o.version
    FROM object_nearby n JOIN objects o ON o.id = n.nearby_object_id
    WHERE n.object_id = $1 ORDER BY o.name";

const PLAN_YEAR_COLUMNS: &str = "SELECT p.id, p.object_id, o.code AS object_code, p.year,
    CAST(p.business_rate AS TEXT) AS business_rate, CAST(p.it_rate AS TEXT) AS it_rate,
    CAST(p.hours_per_fte AS TEXT) AS hours_per_fte, p.status, p.version,
    CAST(p.capacity_business_hours AS TEXT) AS capacity_business_hours,
    CAST(p.capacity_it_hours AS TEXT) AS capacity_it_hours, CAST(p.capacity_budget AS TEXT) AS capacity_budget
    FROM plan_years p JOIN objects o ON o.id = p.object_id";

pub fn plan_years() -> String {
    format!("{PLAN_YEAR_COLUMNS} ORDER BY o.code, p.year")
}

pub fn plan_years_of() -> String {
    format!("{PLAN_YEAR_COLUMNS} WHERE p.object_id = $1 ORDER BY p.year")
}

pub fn plan_year_by_id() -> String {
    format!("{PLAN_YEAR_COLUMNS} WHERE p.id = $1")
}

const INITIATIVE_COLUMNS: &str = "SELECT i.id, i.plan_year_id, i.rank, i.name, i.main_activity,
    i.assignment_type, i.priority, i.status,
    CAST(i.business_hours AS TEXT) AS business_hours, CAST(i.business_other AS TEXT) AS business_other,
    CAST(i.it_hours AS TEXT) AS it_hours, CAST(i.it_other AS TEXT) AS it_other,
    i.benefit, i.goal_contribution, i.effort, i.version
    FROM initiatives i";

pub fn initiatives_of_plan() -> String {
    format!("{INITIATIVE_COLUMNS} WHERE i.plan_year_id = $1 ORDER BY i.rank, i.id")
}

pub fn initiatives_in_year() -> String {
    format!(
        "{INITIATIVE_COLUMNS} JOIN plan_years p ON p.id = i.plan_year_id
         WHERE p.year = $1 ORDER BY i.plan_year_id, i.rank, i.id"
    )
}

pub fn initiative_by_id() -> String {
    format!("{INITIATIVE_COLUMNS} WHERE i.id = $1")
}

pub const PRODUCTS: &str = "SELECT id, position, name, description, version
    FROM object_products WHERE object_id = $1 ORDER BY position, id";

pub const PRODUCT_BUSINESS_COMPONENTS: &str = "SELECT pb.product_id AS owner_id, b.id AS item_id, b.name AS name
    FROM product_business_components pb
    JOIN business_components b ON b.id = pb.business_component_id
    JOIN object_products p ON p.id = pb.product_id
    WHERE p.object_id = $1 ORDER BY pb.product_id, pb.position";

pub const PRODUCT_IT_COMPONENTS: &str = "SELECT pi.product_id AS owner_id, c.id AS item_id, c.name AS name
    FROM product_it_components pi
    JOIN it_components c ON c.id = pi.it_component_id
    JOIN object_products p ON p.id = pi.product_id
    WHERE p.object_id = $1 ORDER BY pi.product_id, pi.position";

pub const IT_COMPONENTS_OF_OBJECT: &str = "SELECT c.id, c.name, c.description, c.version,
    s.id AS supplier_id, s.name AS supplier_name
    FROM object_it_components oc
    JOIN it_components c ON c.id = oc.it_component_id
    LEFT JOIN suppliers s ON s.id = c.supplier_id
    WHERE oc.object_id = $1";

/// The objects using each IT component that a given object uses.
pub const IT_COMPONENT_OBJECTS: &str = "SELECT oc.it_component_id AS owner_id, o.code AS name
    FROM object_it_components oc JOIN objects o ON o.id = oc.object_id
    WHERE oc.it_component_id IN (SELECT it_component_id FROM object_it_components WHERE object_id = $1)
    ORDER BY o.code";

pub const BUSINESS_COMPONENTS: &str = "SELECT id, name, description, version
    FROM business_components WHERE object_id = $1";

/// Every IT component in the register, for choosing one to use.
pub const IT_COMPONENT_CHOICES: &str = "SELECT id, name FROM it_components";

pub const SUPPLIERS: &str = "SELECT s.id, s.name, s.version,
    (SELECT COUNT(*) FROM contracts c WHERE c.supplier_id = s.id) AS contracts
    FROM suppliers s";

pub const SUPPLIER_COMPONENTS: &str = "SELECT supplier_id AS owner_id, name
    FROM it_components WHERE supplier_id IS NOT NULL ORDER BY supplier_id, name";

/// The object's products using each of its IT components, in product order.
pub const IT_COMPONENT_PRODUCTS: &str = "SELECT pi.it_component_id AS owner_id, p.name AS name
    FROM product_it_components pi JOIN object_products p ON p.id = pi.product_id
    WHERE p.object_id = $1 ORDER BY pi.it_component_id, p.position";

const CONTRACT_COLUMNS: &str = "SELECT c.id, c.reference, s.name AS supplier,
    CAST(c.start_date AS TEXT) AS start_date, CAST(c.end_date AS TEXT) AS end_date,
    c.notice_months, c.option_count, c.option_months, c.options_used, c.auto_renewal_months,
    CAST(c.yearly_cost AS TEXT) AS yearly_cost, l.name AS line_organisation,
    owner.name AS owner, deputy.name AS deputy, c.procurement_lead_months, c.notes,
    c.renewals_used, CAST(c.notice_given_on AS TEXT) AS notice_given_on, c.version,
    c.procurement_initiative_id
    FROM contracts c
    JOIN suppliers s ON s.id = c.supplier_id
    LEFT JOIN line_organisations l ON l.id = c.line_organisation_id
    LEFT JOIN people owner ON owner.id = c.owner_id
    LEFT JOIN people deputy ON deputy.id = c.deputy_id";

pub fn contracts() -> String {
    format!("{CONTRACT_COLUMNS} ORDER BY c.end_date, c.id")
}

pub fn contract_by_id() -> String {
    format!("{CONTRACT_COLUMNS} WHERE c.id = $1")
}

pub const CONTRACT_IT_COMPONENTS: &str = "SELECT ci.contract_id AS owner_id, c.name AS name
    FROM contract_it_components ci JOIN it_components c ON c.id = ci.it_component_id
    ORDER BY ci.contract_id, c.name";

pub const CONTRACT_OBJECTS: &str = "SELECT co.contract_id AS owner_id, o.code AS name
    FROM contract_objects co JOIN objects o ON o.id = co.object_id
    ORDER BY co.contract_id, o.code";

/// The object an initiative belongs to (through its plan year).
pub const INITIATIVE_OBJECT: &str =
    "SELECT p.object_id FROM initiatives i JOIN plan_years p ON p.id = i.plan_year_id WHERE i.id = $1";

pub const COUNT_OBJECTS: &str = "SELECT COUNT(*) FROM objects";

pub const ROLES_OF_OBJECT: &str = "SELECT p.id, p.name, p.email, r.role, o.code AS object_code
    FROM role_assignments r
    JOIN people p ON p.id = r.person_id
    JOIN objects o ON o.id = r.object_id
    WHERE r.object_id = $1 ORDER BY r.role, p.name";

/// Newest first; each filter applies only when its parameter is set.
pub const AUDIT_LOG: &str = "SELECT id, CAST(at AS TEXT) AS at, actor_id, action, entity, entity_id, object_id,
    before, after
    FROM audit_log
    WHERE ($1 IS NULL OR object_id = $1) AND ($2 IS NULL OR actor_id = $2)
      AND ($3 IS NULL OR at >= $3) AND ($4 IS NULL OR at < $4)
    ORDER BY at DESC, id DESC LIMIT 1000";

pub const INSERT_AUDIT: &str =
    "INSERT INTO audit_log (at, actor_id, action, entity, entity_id, object_id, before, after)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// An initiative's status reports, newest first, with the reporter's name.
pub const STATUS_REPORTS: &str = "SELECT r.id, r.status, CAST(r.as_of AS TEXT) AS as_of, r.comment,
    p.name AS reported_by, CAST(r.reported_at AS TEXT) AS reported_at
    FROM status_reports r LEFT JOIN people p ON p.id = r.reported_by
    WHERE r.initiative_id = $1 ORDER BY r.as_of DESC, r.id DESC";

/// Every commented status report of a plan's initiatives, each initiative's
/// newest first (for the object report's latest comments, in one query).
pub const PLAN_COMMENTS: &str = "SELECT r.initiative_id AS owner_id, r.comment AS name
    FROM status_reports r JOIN initiatives i ON i.id = r.initiative_id
    WHERE i.plan_year_id = $1 AND r.comment <> ''
    ORDER BY r.initiative_id, r.as_of DESC, r.id DESC";
