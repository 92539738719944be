//! Integration tests: one binary, each test spawning the server on port 0
//! with its own database. Tests marked "both backends" run on SQLite always
//! and on PostgreSQL when `TEST_DATABASE_URL` names a server (a fresh
//! database is created for each test and dropped afterwards).

mod access;
mod api;
mod calendar;
mod catalog;
mod contracts;
mod dashboard;
mod escalation;
mod helpers;
mod meetings;
mod objects;
mod oidc;
mod pages;
mod plan_cycle;
mod plan_editing;
mod plan_import;
mod portfolio;
mod priority;
mod reminders;
mod startup;
mod status_page;
mod store;
