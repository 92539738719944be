//! Settings: defaults, then environment variables, then command-line flags.
//!
//! | flag | environment | default |
//! |---|---|---|
//! | `--bind ADDR` | `STYRBORD_BIND` | `127.0.0.1` |
//! | `--port N` | `STYRBORD_PORT` | `3000` |
//! | `--data-dir DIR` | `STYRBORD_DATA_DIR` | `data` |
//! | | `DATABASE_URL` | SQLite file `styrbord.db` in the data directory |
//! | `--site-root DIR` | `STYRBORD_SITE_ROOT` | `target/site` |
//! | `--no-demo` | `STYRBORD_DEMO=false` | demo data on |

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use crate::db::{ConnectError, DatabaseTarget};

pub const HELP: &str = "\
styrbord — steer a municipality's IT portfolio (pm3)

Usage: styrbord [options]

Options:
  --bind ADDR       address to listen on (STYRBORD_BIND, default 127.0.0.1)
  --port N          port to listen on, 0 for any free port (STYRBORD_PORT, default 3000)
  --data-dir DIR    where the SQLite database lives (STYRBORD_DATA_DIR, default data)
  --site-root DIR   the built site: pkg/ with wasm, JS and CSS (STYRBORD_SITE_ROOT, default target/site)
  --no-demo         do not load demo data into an empty database (STYRBORD_DEMO=false)
  -h, --help        show this help

Database: SQLite in the data directory unless DATABASE_URL=postgres://user@host:5432/db.";

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub database: DatabaseTarget,
    pub site_root: PathBuf,
    pub demo_data: bool,
}

pub enum Command {
    Serve(Config),
    Help,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} needs a value (see --help)")]
    MissingValue(String),
    #[error("unknown option {0} (see --help)")]
    UnknownOption(String),
    #[error("the port must be a number from 0 to 65535, not '{0}'")]
    BadPort(String),
    #[error("the bind address must be an IP address such as 127.0.0.1 or 0.0.0.0, not '{0}'")]
    BadAddress(String),
    #[error("STYRBORD_DEMO must be true or false, not '{0}'")]
    BadFlag(String),
    #[error(transparent)]
    Database(#[from] ConnectError),
}

impl Config {
    pub fn from_env_and_args(args: &[String]) -> Result<Command, ConfigError> {
        Self::from_sources(|name| std::env::var(name).ok().filter(|v| !v.is_empty()), args)
    }

    /// `env` is a parameter so tests need not touch the process environment.
    pub fn from_sources(env: impl Fn(&str) -> Option<String>, args: &[String]) -> Result<Command, ConfigError> {
        let mut bind = env("STYRBORD_BIND").unwrap_or_else(|| "127.0.0.1".into());
        let mut port = env("STYRBORD_PORT").unwrap_or_else(|| "3000".into());
        let mut data_dir = env("STYRBORD_DATA_DIR").unwrap_or_else(|| "data".into());
        let mut site_root = env("STYRBORD_SITE_ROOT").unwrap_or_else(|| "target/site".into());
        let mut demo_data = match env("STYRBORD_DEMO").as_deref() {
            None | Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            Some(other) => return Err(ConfigError::BadFlag(other.into())),
        };
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let mut value = || rest.next().cloned().ok_or_else(|| ConfigError::MissingValue(arg.clone()));
            match arg.as_str() {
                "-h" | "--help" => return Ok(Command::Help),
                "--bind" => bind = value()?,
                "--port" => port = value()?,
                "--data-dir" => data_dir = value()?,
                "--site-root" => site_root = value()?,
                "--no-demo" => demo_data = false,
                other => return Err(ConfigError::UnknownOption(other.into())),
            }
        }
        let port: u16 = port.trim().parse().map_err(|_| ConfigError::BadPort(port.clone()))?;
        let ip: IpAddr = bind.trim().parse().map_err(|_| ConfigError::BadAddress(bind.clone()))?;
        let database = match env("DATABASE_URL") {
            Some(url) => DatabaseTarget::parse(&url)?,
            None => DatabaseTarget::Sqlite(PathBuf::from(data_dir).join("styrbord.db")),
        };
        Ok(Command::Serve(Config {
            addr: SocketAddr::new(ip, port),
            database,
            site_root: PathBuf::from(site_root),
            demo_data,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(env: &[(&str, &str)], args: &[&str]) -> Result<Config, ConfigError> {
        let env: Vec<(String, String)> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        match Config::from_sources(|k| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()), &args)? {
            Command::Serve(config) => Ok(config),
            Command::Help => panic!("help"),
        }
    }

    #[test]
    fn defaults_serve_sqlite_in_data_on_port_3000_with_demo_data() {
        let config = parse(&[], &[]).unwrap();
        assert_eq!(config.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database, DatabaseTarget::Sqlite("data/styrbord.db".into()));
        assert!(config.demo_data);
    }

    #[test]
    fn flags_override_the_environment() {
        let config = parse(&[("STYRBORD_PORT", "4000")], &["--port", "5000", "--no-demo"]).unwrap();
        assert_eq!(config.addr.port(), 5000);
        assert!(!config.demo_data);
    }

    #[test]
    fn bad_settings_are_named() {
        assert!(matches!(parse(&[], &["--port", "http"]), Err(ConfigError::BadPort(_))));
        assert!(matches!(parse(&[], &["--port"]), Err(ConfigError::MissingValue(_))));
        assert!(matches!(parse(&[], &["--frobnicate"]), Err(ConfigError::UnknownOption(_))));
        assert!(matches!(parse(&[("STYRBORD_BIND", "localhost:x")], &[]), Err(ConfigError::BadAddress(_))));
        assert!(matches!(parse(&[("DATABASE_URL", "mysql://x")], &[]), Err(ConfigError::Database(_))));
        assert!(matches!(parse(&[("STYRBORD_DEMO", "maybe")], &[]), Err(ConfigError::BadFlag(_))));
    }
}
