//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of the read API.
//! Written by hand to say exactly what we promise; the integration tests
//! check that every route is described and every described route answers.

use axum::Json;
use serde_json::{json, Value};

pub async fn document() -> Json<Value> {
    Json(spec())
}

fn get(summary: &str, params: Value, schema: Value) -> Value {
    json!({
        "get": {
            "summary": summary,
            "parameters": params,
            "responses": {
                "200": { "description": "OK", "content": { "application/json": { "schema": schema } } },
                "400": error_response("Malformed parameter"),
                "404": error_response("Not found"),
            }
        }
    })
}

fn error_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
    })
}

fn path_param(name: &str, schema: Value, description: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "description": description, "schema": schema })
}

fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn list(name: &str) -> Value {
    json!({ "type": "array", "items": schema(name) })
}

/// An exact decimal, written as a string so no client rounds it.
fn decimal(description: &str) -> Value {
    json!({ "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$", "description": description })
}

fn enumeration(values: &[&str]) -> Value {
    json!({ "type": "string", "enum": values })
}

pub fn spec() -> Value {
    let code = path_param("code", json!({ "type": "string" }), "Object code, e.g. AKN");
    let year = path_param("year", json!({ "type": "integer" }), "Plan year, e.g. 2020");
    let id = path_param("id", json!({ "type": "integer", "format": "int64" }), "Id");
    let activity = enumeration(&["governance", "user_support", "change_management", "operations"]);
    let assignment = enumeration(&["maintain", "develop", "new_development", "decommission"]);
    let side = enumeration(&["business", "it"]);
    let line = json!({
        "hours": decimal("Hours"),
        "amount": decimal("Kronor: hours × rate + other costs"),
        "fte": decimal("Full-time equivalents, rounded to two decimals per cell; totals add the rounded cells"),
    });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Styrbord API",
            "version": "1",
            "description": "Read access to the IT portfolio: objects, plan years, initiatives, budget matrices and contracts. Amounts are exact decimal strings."
        },
        "servers": [{ "url": "/api/v1" }],
        "paths": {
            "/objects": get("All objects", json!([]), list("Object")),
            "/objects/{code}": get("One object with its nearby objects and plan years", json!([code]), schema("ObjectDetail")),
            "/objects/{code}/plan-years": get("An object's plan years", json!([code]), list("PlanYear")),
            "/objects/{code}/plan-years/{year}": get("One plan year", json!([code, year]), schema("PlanYear")),
            "/objects/{code}/plan-years/{year}/initiatives": get("A plan year's initiatives in rank order", json!([code, year]), list("Initiative")),
            "/objects/{code}/plan-years/{year}/budget": get("The budget matrix: main activity × side × assignment type", json!([code, year]), schema("Budget")),
            "/initiatives/{id}": get("One initiative", json!([id]), schema("Initiative")),
            "/contracts": get("All contracts, by end date", json!([]), list("Contract")),
            "/contracts/{id}": get("One contract", json!([id]), schema("Contract")),
            "/objects/{code}/plan-years/{year}/moves": {
                "post": {
                    "summary": "Move an initiative before another (or last); the server decides the order in one transaction. A signed-in session of someone who manages the object; API tokens are read-only.",
                    "parameters": [code.clone(), year.clone()],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": schema("MoveRequest") } } },
                    "responses": {
                        "200": { "description": "The plan's new order", "content": { "application/json": { "schema": schema("Reordered") } } },
                        "400": error_response("Malformed body, or an item or target not in the plan (field `item`)"),
                        "401": error_response("Not signed in"),
                        "403": error_response("Not allowed to reorder this object's plans"),
                        "404": error_response("No such object or plan year"),
                        "409": error_response("The plan is approved and locked")
                    }
                }
            },
            "/objects/{code}/plan-years/{year}/moves/undo": {
                "post": {
                    "summary": "Undo the plan's last move (not an undo).",
                    "parameters": [code.clone(), year.clone()],
                    "responses": {
                        "200": { "description": "The plan's new order", "content": { "application/json": { "schema": schema("Reordered") } } },
                        "401": error_response("Not signed in"),
                        "403": error_response("Not allowed to reorder this object's plans"),
                        "409": error_response("Nothing to undo, or the plan is locked")
                    }
                }
            },
            "/portfolio/{year}": get("The portfolio's priority order of a year's initiatives from every object, and the IT side's hours", json!([year]), schema("PortfolioOrder")),
            "/portfolio/{year}/moves": {
                "post": {
                    "summary": "Move an initiative in the portfolio's order across objects, before another (or last); decided in one transaction. A signed-in session of a steering group member or administrator.",
                    "parameters": [year.clone()],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": schema("MoveRequest") } } },
                    "responses": {
                        "200": { "description": "The portfolio's new order", "content": { "application/json": { "schema": schema("Reordered") } } },
                        "400": error_response("Malformed body, or an item or target not among the year's initiatives (field `item`)"),
                        "401": error_response("Not signed in"),
                        "403": error_response("Not a steering group member or administrator")
                    }
                }
            },
            "/portfolio/{year}/moves/undo": {
                "post": {
                    "summary": "Undo the portfolio's last move of the year (not an undo).",
                    "parameters": [year.clone()],
                    "responses": {
                        "200": { "description": "The portfolio's new order", "content": { "application/json": { "schema": schema("Reordered") } } },
                        "401": error_response("Not signed in"),
                        "403": error_response("Not a steering group member or administrator"),
                        "409": error_response("Nothing to undo")
                    }
                }
            },
            "/openapi.json": { "get": { "summary": "This document", "responses": { "200": { "description": "OpenAPI 3.1" } } } },
        },
        "components": { "schemas": {
            "MoveRequest": {
                "type": "object",
                "required": ["item"],
                "additionalProperties": false,
                "properties": {
                    "item": { "type": "integer", "format": "int64", "description": "The initiative to move" },
                    "before": { "type": ["integer", "null"], "format": "int64", "description": "The initiative it goes before; null or absent: last" },
                    "reason": { "type": "string", "description": "Why, for the audit trail (optional)" }
                }
            },
            "PortfolioOrder": {
                "type": "object",
                "required": ["year", "order", "revision", "can_undo", "version"],
                "properties": {
                    "year": { "type": "integer" },
                    "order": { "type": "array", "items": { "type": "integer", "format": "int64" }, "description": "Initiative ids, first priority first" },
                    "revision": { "type": "integer", "format": "int64", "description": "The id of the year's latest portfolio move (0: none)" },
                    "can_undo": { "type": "boolean" },
                    "it_hours": { "type": ["string", "null"], "description": "The IT side's hours for the year, an exact decimal; null: not set" },
                    "version": { "type": "integer", "format": "int64" }
                }
            },
            "Reordered": {
                "type": "object",
                "required": ["revision", "order"],
                "properties": {
                    "revision": { "type": "integer", "format": "int64", "description": "The order's revision (the move's id)" },
                    "order": { "type": "array", "items": { "type": "integer", "format": "int64" }, "description": "Initiative ids in priority order" }
                }
            },
            "Error": {
                "type": "object",
                "required": ["error", "message"],
                "properties": {
                    "error": enumeration(&["not_found", "bad_request", "validation", "unauthorized", "forbidden", "conflict", "internal"]),
                    "message": { "type": "string" },
                    "field": { "type": "string" }
                }
            },
            "Object": {
                "type": "object",
                "required": ["id", "code", "name", "category", "description"],
                "properties": {
                    "id": { "type": "integer", "format": "int64" },
                    "code": { "type": "string" },
                    "name": { "type": "string" },
                    "category": enumeration(&["core", "support", "technical"]),
                    "description": { "type": "string" }
                }
            },
            "ObjectDetail": {
                "allOf": [schema("Object"), {
                    "type": "object",
                    "properties": {
                        "nearby": { "type": "array", "items": { "type": "string" }, "description": "Codes of nearby objects" },
                        "plan_years": { "type": "array", "items": { "type": "integer" } }
                    }
                }]
            },
            "PlanSettings": {
                "type": "object",
                "properties": {
                    "business_rate": decimal("Kronor per hour, business side"),
                    "it_rate": decimal("Kronor per hour, IT side"),
                    "hours_per_fte": decimal("Hours in one full-time equivalent")
                }
            },
            "PlanYear": {
                "type": "object",
                "required": ["id", "object_id", "object_code", "year", "settings", "status"],
                "properties": {
                    "id": { "type": "integer", "format": "int64" },
                    "object_id": { "type": "integer", "format": "int64" },
                    "object_code": { "type": "string" },
                    "year": { "type": "integer" },
                    "settings": schema("PlanSettings"),
                    "status": enumeration(&["draft", "approved"])
                }
            },
            "SideEffort": {
                "type": "object",
                "properties": { "hours": decimal("Hours"), "other": decimal("Other costs, kronor") }
            },
            "Initiative": {
                "type": "object",
                "properties": {
                    "id": { "type": "integer", "format": "int64" },
                    "plan_year_id": { "type": "integer", "format": "int64" },
                    "rank": { "type": "integer" },
                    "name": { "type": "string" },
                    "main_activity": activity,
                    "assignment_type": assignment,
                    "priority": { "type": ["integer", "null"] },
                    "status": enumeration(&["not_started", "on_track", "at_risk", "delayed", "done", "stopped"]),
                    "business": schema("SideEffort"),
                    "it": schema("SideEffort"),
                    "scores": {
                        "type": "object",
                        "properties": {
                            "benefit": { "type": ["integer", "null"], "minimum": 1, "maximum": 5 },
                            "goal_contribution": { "type": ["integer", "null"], "minimum": 1, "maximum": 5 },
                            "effort": { "type": ["integer", "null"], "minimum": 1, "maximum": 5 }
                        }
                    }
                }
            },
            "BudgetLine": { "type": "object", "properties": line },
            "Budget": {
                "type": "object",
                "properties": {
                    "object_code": { "type": "string" },
                    "year": { "type": "integer" },
                    "settings": schema("PlanSettings"),
                    "cells": {
                        "type": "array",
                        "description": "Every main activity × side × assignment type",
                        "items": { "allOf": [schema("BudgetLine"), {
                            "type": "object",
                            "properties": { "activity": activity, "side": side, "assignment_type": assignment }
                        }] }
                    },
                    "columns": { "type": "array", "items": { "type": "object", "properties": { "side": side, "assignment_type": assignment } } },
                    "rows": { "type": "array", "items": { "allOf": [schema("BudgetLine"), { "type": "object", "properties": { "activity": activity } }] } },
                    "column_totals": { "type": "array", "items": { "allOf": [schema("BudgetLine"), { "type": "object", "properties": { "side": side, "assignment_type": assignment } }] } },
                    "total": schema("BudgetLine")
                }
            },
            "Contract": contract_schema()
        } }
    })
}

/// A contract with today's dates (its own function: one `json!` this deep
/// hits the macro recursion limit).
fn contract_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "id": { "type": "integer", "format": "int64" },
            "reference": { "type": "string" },
            "supplier": { "type": "string" },
            "it_components": { "type": "array", "items": { "type": "string" } },
            "object_codes": { "type": "array", "items": { "type": "string" } },
            "start": { "type": "string", "format": "date" },
            "end": { "type": "string", "format": "date", "description": "End as agreed, before options" },
            "current_end": { "type": "string", "format": "date", "description": "End of the current term today: after exercised options, recorded renewals and automatic renewals" },
            "notice_deadline": { "type": "string", "format": "date", "description": "Last day to give notice for the current term (senast uppsägning)" },
            "procurement_start": { "type": "string", "format": "date", "description": "The notice deadline minus the procurement lead time" },
            "status": { "type": "string", "enum": ["ended", "notice_passed", "act_now", "within_12_months", "ok"] },
            "renewals_used": { "type": "integer", "description": "Renewals recorded in the register" },
            "notice_given_on": { "type": ["string", "null"], "format": "date" },
            "version": { "type": "integer", "format": "int64" },
            "procurement_initiative_id": { "type": ["integer", "null"], "format": "int64" },
            "notice_months": { "type": "integer" },
            "options": { "type": "object", "properties": { "count": { "type": "integer" }, "months": { "type": "integer" }, "used": { "type": "integer" } } },
            "auto_renewal_months": { "type": ["integer", "null"] },
            "yearly_cost": decimal("Kronor per year"),
            "line_organisation": { "type": ["string", "null"] },
            "owner": { "type": ["string", "null"] },
            "deputy": { "type": ["string", "null"] },
            "procurement_lead_months": { "type": "integer" },
            "notes": { "type": "string" }
        }
    })
}
