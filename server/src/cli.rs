//! `styrbord user add` and `styrbord user set-password`: the way to create
//! the first administrator, and to reset a password when no one can sign
//! in. Both write the audit trail (as the system) like any other change.

use std::io::{BufRead, IsTerminal};

use app::domain::{password_problem, Grant, PasswordProblem, Role, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use app::store::{AccessStore, NewPerson, StoreError};

use crate::config::Config;
use crate::db::{connect, ConnectError, SqlStore};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Database(#[from] ConnectError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Input(String),
}

async fn open(config: &Config) -> Result<SqlStore, CliError> {
    Ok(SqlStore::new(connect(&config.database).await?))
}

pub async fn add_user(config: &Config, email: &str, name: &str, admin: bool) -> Result<(), CliError> {
    if name.trim().is_empty() || !email.contains('@') {
        return Err(CliError::Input("give a name (--name) and an e-mail address (--email)".into()));
    }
    let store = open(config).await?;
    if store.person_by_email(email).await?.is_some() {
        return Err(CliError::Input(format!(
            "{email} already exists; to set a new password use: styrbord user set-password --email {email}"
        )));
    }
    let password = read_password()?;
    let hash = app::secrets::hash_password(&password).map_err(CliError::Input)?;
    let roles = if admin { vec![Grant { role: Role::Administrator, object_id: None }] } else { Vec::new() };
    let person = NewPerson { name: name.trim().into(), email: email.trim().into(), password_hash: Some(hash), roles };
    store.create_person(&person, None).await?;
    let what = if admin { "an administrator" } else { "a person without roles (grant them on the people page)" };
    println!("Added {} <{}> as {what}.", person.name, person.email);
    Ok(())
}

pub async fn set_password(config: &Config, email: &str) -> Result<(), CliError> {
    let store = open(config).await?;
    let person = store
        .person_by_email(email)
        .await?
        .ok_or_else(|| CliError::Input(format!("no person has the e-mail address {email}")))?;
    let password = read_password()?;
    let hash = app::secrets::hash_password(&password).map_err(CliError::Input)?;
    store.set_password(person.id, &hash, None).await?;
    println!("Set a new password for {} <{}>; their sessions have ended.", person.name, person.email);
    Ok(())
}

/// From the terminal without echo (asked twice), or one line of stdin.
fn read_password() -> Result<String, CliError> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(format!("Password (at least {PASSWORD_MIN_CHARS} characters): "))
            .map_err(|e| CliError::Input(e.to_string()))?;
        let again = rpassword::prompt_password("Again: ").map_err(|e| CliError::Input(e.to_string()))?;
        if first != again {
            return Err(CliError::Input("the two passwords differ".into()));
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| CliError::Input(e.to_string()))?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    match password_problem(&password) {
        Some(PasswordProblem::TooShort) => {
            Err(CliError::Input(format!("the password needs at least {PASSWORD_MIN_CHARS} characters")))
        }
        Some(PasswordProblem::TooLong) => {
            Err(CliError::Input(format!("the password may have at most {PASSWORD_MAX_CHARS} characters")))
        }
        None => Ok(password),
    }
}

/// Fills an empty database with a synthetic portfolio of the given size
/// (benchmarks); refuses a database that already holds anything.
pub async fn seed(config: &Config, size: app::demo::synthetic::Size) -> Result<(), CliError> {
    use app::store::PortfolioStore;

    size.check().map_err(CliError::Input)?;
    let store = open(config).await?;
    if !store.is_empty().await? {
        return Err(CliError::Input(
            "the database is not empty: seed a new one (another --data-dir or DATABASE_URL)".into(),
        ));
    }
    let started = std::time::Instant::now();
    let data = app::demo::synthetic::dataset(size, chrono::Utc::now().date_naive());
    store.load(&data, None).await?;
    let initiatives: usize = data.plan_years.iter().map(|p| p.initiatives.len()).sum();
    println!(
        "Seeded {} objects, {initiatives} initiatives ({} in {}), {} contracts and {} escalations in {:.1} s.",
        data.objects.len(),
        size.initiatives,
        size.year,
        data.contracts.len(),
        data.escalations.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
