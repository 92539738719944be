//! The Styrbord server: configuration, database adapters, the HTTP
//! application (Leptos pages, server functions, the JSON API) and start-up.
#![forbid(unsafe_code)]

/// `/audit.csv`.
mod audit_export;
/// Sessions, API tokens, sign-in and single sign-on.
pub mod auth;
/// `/calendar/{secret}.ics`: calendar feeds of contract deadlines.
mod calendar;
/// `styrbord user …`: people and passwords from the command line.
mod cli;
/// Settings from defaults, environment and command line.
pub mod config;
mod contract_export;
/// SQLite and PostgreSQL behind one `PortfolioStore`.
pub mod db;
/// Loading the demo portfolio into an empty database.
pub mod demo;
/// Security middleware: response headers and the cross-site request check.
mod guard;
/// The language switch route.
mod lang;
/// Live updates of a plan's priority order (server-sent events).
mod live;
/// `/meetings/{id}/protocol.xlsx`: a meeting's protocol for the registry.
mod meeting_export;
/// Next year's plan from this year's.
mod next_plan;
/// Finished pages of the dashboard, kept until the data changes.
mod page_cache;
/// An object's plan year as an `.xlsx` or CSV download.
mod plan_export;
/// Uploading a plan year's workbook or CSV for import.
mod plan_import;
/// Contract reminders: the ledger worker and the e-mail digest.
pub mod reminders;
/// The read API under `/api/v1` and its OpenAPI document.
pub mod rest;
/// Building the router and serving it.
pub mod startup;
/// Logging.
pub mod telemetry;
/// Plan workbooks as `.xlsx` bytes and back (written with rust_xlsxwriter, read with calamine).
pub mod workbook;

use std::process::ExitCode;

/// Runs the command line: parse, start, serve until stopped. Every failure
/// is one line on stderr and a non-zero exit.
pub async fn run(args: Vec<String>) -> ExitCode {
    let config = match config::Config::from_env_and_args(&args) {
        Ok(config::Command::Serve(config)) => config,
        Ok(config::Command::Help) => {
            println!("{}", config::HELP);
            return ExitCode::SUCCESS;
        }
        Ok(config::Command::AddUser { config, email, name, admin }) => {
            return cli::add_user(&config, &email, &name, admin).await.map_or_else(|e| fail(&e), |()| ExitCode::SUCCESS)
        }
        Ok(config::Command::SetPassword { config, email }) => {
            return cli::set_password(&config, &email).await.map_or_else(|e| fail(&e), |()| ExitCode::SUCCESS)
        }
        Ok(config::Command::Seed { config, size }) => {
            return cli::seed(&config, size).await.map_or_else(|e| fail(&e), |()| ExitCode::SUCCESS)
        }
        Err(error) => return fail(&error),
    };
    telemetry::init();
    let app = match startup::Application::build(config).await {
        Ok(app) => app,
        Err(error) => return fail(&error),
    };
    println!("Styrbord is ready at {}", app.url());
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("styrbord: error: {error}");
    ExitCode::FAILURE
}
