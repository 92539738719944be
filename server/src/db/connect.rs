//! Opening the database named by the configuration and migrating it, with
//! one clear message for each way that can fail.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use super::Pool;

/// Where the data lives.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    /// A SQLite file, created if missing.
    Sqlite(PathBuf),
    /// A PostgreSQL URL (it may hold a password: never printed whole).
    Postgres(String),
}

impl std::fmt::Debug for DatabaseTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "SQLite file {}", path.display()),
            Self::Postgres(url) => write!(f, "PostgreSQL at {}", redact(url)),
        }
    }
}

impl DatabaseTarget {
    /// Reads `DATABASE_URL`: `postgres://…`/`postgresql://…` or
    /// `sqlite://path`/`sqlite:path`.
    pub fn parse(url: &str) -> Result<Self, ConnectError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            PgConnectOptions::from_str(url).map_err(|e| ConnectError::BadUrl(first_line(&e.to_string())))?;
            Ok(Self::Postgres(url.to_owned()))
        } else if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(ConnectError::BadUrl("sqlite URL without a file path".into()));
            }
            Ok(Self::Sqlite(PathBuf::from(path)))
        } else {
            Err(ConnectError::BadUrl(format!("'{}' is neither postgres://… nor sqlite://…", redact(url))))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("DATABASE_URL is malformed: {0}. Use postgres://user@host:5432/dbname or sqlite://path/to/file.db")]
    BadUrl(String),
    #[error(
        "cannot write the data directory {path}: {reason}. Choose a writable one with --data-dir or STYRBORD_DATA_DIR"
    )]
    DataDir { path: String, reason: String },
    #[error("cannot open the SQLite database {path}: {reason}")]
    Sqlite { path: String, reason: String },
    #[error("cannot reach PostgreSQL at {target}: {reason}. Is it running, and is DATABASE_URL right?")]
    Postgres { target: String, reason: String },
    #[error("database migration failed: {0}")]
    Migrate(String),
}

pub async fn connect(target: &DatabaseTarget) -> Result<Pool, ConnectError> {
    let pool = match target {
        DatabaseTarget::Sqlite(path) => Pool::Sqlite(open_sqlite(path).await?),
        DatabaseTarget::Postgres(url) => Pool::Postgres(open_postgres(url).await?),
    };
    migrate(&pool).await?;
    Ok(pool)
}

async fn open_sqlite(path: &Path) -> Result<sqlx::SqlitePool, ConnectError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        ensure_writable(dir)?;
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a committed plan change survives a power cut; writes are
        // rare enough here that NORMAL's speed-up buys nothing.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|e| ConnectError::Sqlite { path: path.display().to_string(), reason: first_line(&e.to_string()) })
}

async fn open_postgres(url: &str) -> Result<sqlx::PgPool, ConnectError> {
    let options = PgConnectOptions::from_str(url).map_err(|e| ConnectError::BadUrl(first_line(&e.to_string())))?;
    PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await
        .map_err(|e| ConnectError::Postgres { target: redact(url), reason: first_line(&e.to_string()) })
}

async fn migrate(pool: &Pool) -> Result<(), ConnectError> {
    let result = match pool {
        Pool::Sqlite(p) => sqlx::migrate!("../migrations/sqlite").run(p).await,
        Pool::Postgres(p) => sqlx::migrate!("../migrations/postgres").run(p).await,
    };
    result.map_err(|e| ConnectError::Migrate(first_line(&e.to_string())))
}

/// Creates the directory if needed and proves it writable, so that a
/// read-only location fails here with its name rather than later.
fn ensure_writable(dir: &Path) -> Result<(), ConnectError> {
    let fail = |e: std::io::Error| ConnectError::DataDir { path: dir.display().to_string(), reason: e.to_string() };
    std::fs::create_dir_all(dir).map_err(fail)?;
    let probe = dir.join(".styrbord-write-test");
    std::fs::write(&probe, b"ok").map_err(fail)?;
    std::fs::remove_file(&probe).map_err(fail)
}

/// The URL without its password.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_are_recognised_or_refused() {
        assert_eq!(
            DatabaseTarget::parse("sqlite://data/x.db").ok(),
            Some(DatabaseTarget::Sqlite(PathBuf::from("data/x.db")))
        );
        assert_eq!(DatabaseTarget::parse("sqlite:x.db?mode=rwc").ok(), Some(DatabaseTarget::Sqlite("x.db".into())));
        assert!(matches!(
            DatabaseTarget::parse("postgres://postgres@127.0.0.1:5432/x"),
            Ok(DatabaseTarget::Postgres(_))
        ));
        assert!(matches!(DatabaseTarget::parse("mysql://x"), Err(ConnectError::BadUrl(_))));
        assert!(matches!(DatabaseTarget::parse("sqlite://"), Err(ConnectError::BadUrl(_))));
        assert!(matches!(DatabaseTarget::parse("postgres://host:notaport/db"), Err(ConnectError::BadUrl(_))));
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(redact("postgres://app:s3cret@db:5432/x"), "postgres://app:***@db:5432/x");
        assert_eq!(redact("postgres://app@db/x"), "postgres://app@db/x");
        let error = DatabaseTarget::parse("mysql://u:s3cret@h/x").unwrap_err().to_string();
        assert!(!error.contains("s3cret"), "{error}");
    }
}
