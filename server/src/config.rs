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
//! | | `STYRBORD_SESSION_IDLE_MINUTES` | `30` |
//! | | `STYRBORD_SESSION_LIFETIME_HOURS` | `10` |
//! | | `STYRBORD_SECURE_COOKIES` | `auto`: when the request came over HTTPS |
//! | | `STYRBORD_TRUSTED_PROXIES` | none: `X-Forwarded-For` is ignored |
//! | | `STYRBORD_SIGN_IN_LIMIT_IP` / `_ACCOUNT` | `30` / `5` per 15 minutes |
//! | | `STYRBORD_OIDC_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET` | single sign-on off |
//! | | `STYRBORD_PUBLIC_URL` | `http://` + the bound address |
//! | | `STYRBORD_SMTP_URL` | none: reminders shown in the app only; `smtp://host:port` (plain), `smtp://user:pass@host?tls=required` (STARTTLS), `smtps://user:pass@host` (TLS) |
//! | | `STYRBORD_MAIL_FROM` | `Styrbord <styrbord@localhost>` |
//! | | `STYRBORD_REMINDER_MONTHS` | `18,12,6,3`: months before a notice deadline |
//! | | `STYRBORD_REMINDER_INTERVAL_SECS` | `3600`: how often reminders are looked for |

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Datelike, Utc};

use crate::db::{ConnectError, DatabaseTarget};

pub const HELP: &str = "\
styrbord — steer a municipality's IT portfolio (pm3)

Usage: styrbord [options]                 start the server
       styrbord user add --email E --name N [--admin]
                                          create a person who signs in with a password
       styrbord user set-password --email E
                                          set a new password (ends their sessions)
       styrbord seed --objects N --initiatives N --contracts N [--year Y] [--seed S]
                                          fill an empty database with a synthetic portfolio
                                          (for benchmarks; the demo accounts sign in to it)
The password is read from the terminal without echo, or as one line on stdin.

Options:
  --bind ADDR       address to listen on (STYRBORD_BIND, default 127.0.0.1)
  --port N          port to listen on, 0 for any free port (STYRBORD_PORT, default 3000)
  --data-dir DIR    where the SQLite database lives (STYRBORD_DATA_DIR, default data)
  --site-root DIR   the built site: pkg/ with wasm, JS and CSS (STYRBORD_SITE_ROOT, default target/site)
  --no-demo         do not load demo data into an empty database (STYRBORD_DEMO=false)
  -h, --help        show this help

Database: SQLite in the data directory unless DATABASE_URL=postgres://user@host:5432/db.
Sign-in, sessions, single sign-on and proxies are set by environment variables (README).";

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub database: DatabaseTarget,
    pub site_root: PathBuf,
    pub demo_data: bool,
    pub auth: AuthConfig,
    pub reminders: ReminderConfig,
}

/// Contract reminders: when they are due, and how they are sent.
#[derive(Clone)]
pub struct ReminderConfig {
    /// lettre's SMTP URL; `None`: reminders are shown in the app only.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// Months before a notice deadline, longest first.
    pub lead_months: Vec<u32>,
    pub interval: Duration,
}

pub const DEFAULT_MAIL_FROM: &str = "Styrbord <styrbord@localhost>";

impl Default for ReminderConfig {
    fn default() -> Self {
        Self {
            smtp_url: None,
            mail_from: DEFAULT_MAIL_FROM.to_owned(),
            lead_months: app::domain::DEFAULT_REMINDER_MONTHS.to_vec(),
            interval: Duration::from_secs(3600),
        }
    }
}

impl std::fmt::Debug for ReminderConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReminderConfig")
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("lead_months", &self.lead_months)
            .field("interval", &self.interval)
            .finish()
    }
}

/// A URL with any password replaced, for logs and error messages.
pub fn redact_url(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((user, host)) => {
                let user = user.split(':').next().unwrap_or_default();
                format!("{scheme}://{user}:***@{host}")
            }
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// Where sessions read the time: the system clock, or in tests a clock
/// they move by hand, so timeouts are tested at their real lengths
/// without waiting for them.
#[derive(Clone, Default)]
pub struct Clock(Option<Arc<Mutex<DateTime<Utc>>>>);

impl Clock {
    pub fn manual(start: DateTime<Utc>) -> Self {
        Self(Some(Arc::new(Mutex::new(start))))
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.0 {
            None => Utc::now(),
            Some(time) => *time.lock().unwrap_or_else(std::sync::PoisonError::into_inner),
        }
    }

    /// Moves a manual clock on; the system clock cannot be moved.
    pub fn advance(&self, by: chrono::Duration) {
        if let Some(time) = &self.0 {
            *time.lock().unwrap_or_else(std::sync::PoisonError::into_inner) += by;
        }
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Clock(manual)" } else { "Clock(system)" })
    }
}

/// Sign-in, sessions and what to trust about the network.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    pub clock: Clock,
    /// A session unused this long ends.
    pub session_idle: Duration,
    /// A session ends this long after sign-in, used or not.
    pub session_lifetime: Duration,
    /// `None`: Secure cookies when the request came over HTTPS.
    pub secure_cookies: Option<bool>,
    /// Proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// Sign-in attempts per client address per window.
    pub sign_in_limit_ip: u32,
    /// Failed sign-ins per account per window.
    pub sign_in_limit_account: u32,
    pub sign_in_window: Duration,
    pub oidc: Option<OidcConfig>,
    /// The address people reach the app at, for the single sign-on
    /// callback. Defaults to `http://` + the bound address.
    pub public_url: Option<String>,
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            clock: Clock::default(),
            session_idle: Duration::from_secs(30 * 60),
            session_lifetime: Duration::from_secs(10 * 3600),
            secure_cookies: None,
            trusted_proxies: Vec::new(),
            sign_in_limit_ip: 30,
            sign_in_limit_account: 5,
            sign_in_window: Duration::from_secs(15 * 60),
            oidc: None,
            public_url: None,
        }
    }
}

/// An OpenID Connect provider (Entra ID, Keycloak, …).
#[derive(Clone)]
pub struct OidcConfig {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

impl std::fmt::Debug for OidcConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcConfig").field("issuer", &self.issuer).field("client_id", &self.client_id).finish()
    }
}

impl Config {
    /// Defaults for everything but where to listen, the database and the site.
    pub fn new(addr: SocketAddr, database: DatabaseTarget, site_root: PathBuf) -> Self {
        Self {
            addr,
            database,
            site_root,
            demo_data: true,
            auth: AuthConfig::default(),
            reminders: ReminderConfig::default(),
        }
    }
}

pub enum Command {
    Serve(Config),
    Help,
    /// `styrbord user add`.
    AddUser {
        config: Config,
        email: String,
        name: String,
        admin: bool,
    },
    /// `styrbord user set-password`.
    SetPassword {
        config: Config,
        email: String,
    },
    /// `styrbord seed`: a synthetic portfolio for benchmarks.
    Seed {
        config: Config,
        size: app::demo::synthetic::Size,
    },
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
    #[error("{name} must be {expected}, not '{value}'")]
    BadSetting { name: &'static str, expected: &'static str, value: String },
    #[error(
        "single sign-on needs STYRBORD_OIDC_ISSUER, STYRBORD_OIDC_CLIENT_ID and STYRBORD_OIDC_CLIENT_SECRET together"
    )]
    IncompleteOidc,
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
        let auth = auth_from_env(&env)?;
        let reminders = reminders_from_env(&env)?;
        let (user_command, args) = match args {
            [seed, rest @ ..] if seed == "seed" => (Some("seed"), rest),
            [user, verb, rest @ ..] if user == "user" => (Some(verb.as_str()), rest),
            [user] if user == "user" => return Err(ConfigError::MissingValue("user".into())),
            _ => (None, args),
        };
        let (mut email, mut name, mut admin) = (None, None, false);
        let seeding = user_command == Some("seed");
        let mut size = app::demo::synthetic::Size {
            objects: 100,
            initiatives: 10_000,
            contracts: 2_000,
            year: chrono::Utc::now().year(),
            seed: 1,
        };
        let count = |name: &'static str, value: String| -> Result<usize, ConfigError> {
            value.trim().parse().map_err(|_| ConfigError::BadSetting { name, expected: "a whole number", value })
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
                "--email" if user_command.is_some() => email = Some(value()?),
                "--name" if user_command.is_some() => name = Some(value()?),
                "--admin" if user_command.is_some() => admin = true,
                "--objects" if seeding => size.objects = count("--objects", value()?)?,
                "--initiatives" if seeding => size.initiatives = count("--initiatives", value()?)?,
                "--contracts" if seeding => size.contracts = count("--contracts", value()?)?,
                "--year" if seeding => size.year = i32::try_from(count("--year", value()?)?).unwrap_or(i32::MAX),
                "--seed" if seeding => size.seed = count("--seed", value()?)? as u64,
                other => return Err(ConfigError::UnknownOption(other.into())),
            }
        }
        let port: u16 = port.trim().parse().map_err(|_| ConfigError::BadPort(port.clone()))?;
        let ip: IpAddr = bind.trim().parse().map_err(|_| ConfigError::BadAddress(bind.clone()))?;
        let database = match env("DATABASE_URL") {
            Some(url) => DatabaseTarget::parse(&url)?,
            None => DatabaseTarget::Sqlite(PathBuf::from(data_dir).join("styrbord.db")),
        };
        let config = Config {
            addr: SocketAddr::new(ip, port),
            database,
            site_root: PathBuf::from(site_root),
            demo_data,
            auth,
            reminders,
        };
        let required = |value: Option<String>, flag: &str| value.ok_or_else(|| ConfigError::MissingValue(flag.into()));
        match user_command {
            None => Ok(Command::Serve(config)),
            Some("add") => Ok(Command::AddUser {
                config,
                email: required(email, "--email")?,
                name: required(name, "--name")?,
                admin,
            }),
            Some("set-password") => Ok(Command::SetPassword { config, email: required(email, "--email")? }),
            Some("seed") => Ok(Command::Seed { config, size }),
            Some(other) => Err(ConfigError::UnknownOption(format!("user {other}"))),
        }
    }
}

fn auth_from_env(env: &impl Fn(&str) -> Option<String>) -> Result<AuthConfig, ConfigError> {
    let defaults = AuthConfig::default();
    let number = |name: &'static str, default: u64| -> Result<u64, ConfigError> {
        match env(name) {
            None => Ok(default),
            Some(value) => match value.trim().parse::<u64>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(ConfigError::BadSetting { name, expected: "a whole number above 0", value }),
            },
        }
    };
    let secure_cookies = match env("STYRBORD_SECURE_COOKIES").as_deref() {
        None | Some("auto") => None,
        Some("true" | "1" | "yes") => Some(true),
        Some("false" | "0" | "no") => Some(false),
        Some(other) => {
            return Err(ConfigError::BadSetting {
                name: "STYRBORD_SECURE_COOKIES",
                expected: "auto, true or false",
                value: other.into(),
            })
        }
    };
    let trusted_proxies = match env("STYRBORD_TRUSTED_PROXIES") {
        None => Vec::new(),
        Some(list) => list
            .split(',')
            .map(|ip| {
                ip.trim().parse::<IpAddr>().map_err(|_| ConfigError::BadSetting {
                    name: "STYRBORD_TRUSTED_PROXIES",
                    expected: "a comma-separated list of IP addresses",
                    value: list.clone(),
                })
            })
            .collect::<Result<_, _>>()?,
    };
    let oidc = match (env("STYRBORD_OIDC_ISSUER"), env("STYRBORD_OIDC_CLIENT_ID"), env("STYRBORD_OIDC_CLIENT_SECRET")) {
        (None, None, None) => None,
        (Some(issuer), Some(client_id), Some(client_secret)) => Some(OidcConfig { issuer, client_id, client_secret }),
        _ => return Err(ConfigError::IncompleteOidc),
    };
    let limit = |name, default: u32| number(name, u64::from(default)).map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    Ok(AuthConfig {
        clock: Clock::default(),
        session_idle: Duration::from_secs(60 * number("STYRBORD_SESSION_IDLE_MINUTES", 30)?),
        session_lifetime: Duration::from_secs(3600 * number("STYRBORD_SESSION_LIFETIME_HOURS", 10)?),
        secure_cookies,
        trusted_proxies,
        sign_in_limit_ip: limit("STYRBORD_SIGN_IN_LIMIT_IP", defaults.sign_in_limit_ip)?,
        sign_in_limit_account: limit("STYRBORD_SIGN_IN_LIMIT_ACCOUNT", defaults.sign_in_limit_account)?,
        sign_in_window: defaults.sign_in_window,
        oidc,
        public_url: env("STYRBORD_PUBLIC_URL").map(|url| url.trim_end_matches('/').to_owned()),
    })
}

fn reminders_from_env(env: &impl Fn(&str) -> Option<String>) -> Result<ReminderConfig, ConfigError> {
    let defaults = ReminderConfig::default();
    let lead_months = match env("STYRBORD_REMINDER_MONTHS") {
        None => defaults.lead_months,
        Some(value) => app::domain::parse_reminder_months(&value).map_err(|_| ConfigError::BadSetting {
            name: "STYRBORD_REMINDER_MONTHS",
            expected: "months from 1 to 60 separated by commas, such as 18,12,6,3",
            value,
        })?,
    };
    let interval = match env("STYRBORD_REMINDER_INTERVAL_SECS") {
        None => defaults.interval,
        Some(value) => match value.trim().parse::<u64>() {
            Ok(secs) if secs > 0 => Duration::from_secs(secs),
            _ => {
                return Err(ConfigError::BadSetting {
                    name: "STYRBORD_REMINDER_INTERVAL_SECS",
                    expected: "a whole number of seconds above 0",
                    value,
                })
            }
        },
    };
    let mail_from = env("STYRBORD_MAIL_FROM").unwrap_or(defaults.mail_from);
    let smtp_url = env("STYRBORD_SMTP_URL");
    let config = ReminderConfig { smtp_url, mail_from, lead_months, interval };
    // Refuse a URL lettre cannot use or a sender it cannot parse now, not
    // at the first reminder an hour after start.
    if let Err(error) = crate::reminders::Mailer::check(&config) {
        return Err(match error {
            crate::reminders::MailerError::Url(_) => ConfigError::BadSetting {
                name: "STYRBORD_SMTP_URL",
                expected: "an SMTP URL such as smtp://127.0.0.1:2525 or smtps://user:pass@mail.example.se",
                value: config.smtp_url.as_deref().map(redact_url).unwrap_or_default(),
            },
            crate::reminders::MailerError::From(_) => ConfigError::BadSetting {
                name: "STYRBORD_MAIL_FROM",
                expected: "an address such as Styrbord <styrbord@kommun.se>",
                value: config.mail_from,
            },
        });
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(env: &[(&str, &str)], args: &[&str]) -> Result<Config, ConfigError> {
        let env: Vec<(String, String)> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        match Config::from_sources(|k| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()), &args)? {
            Command::Serve(config) => Ok(config),
            _ => panic!("not a serve command"),
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
        assert!(matches!(
            parse(&[("STYRBORD_SESSION_IDLE_MINUTES", "0")], &[]),
            Err(ConfigError::BadSetting { name: "STYRBORD_SESSION_IDLE_MINUTES", .. })
        ));
        assert!(matches!(
            parse(&[("STYRBORD_TRUSTED_PROXIES", "10.0.0.1, proxy")], &[]),
            Err(ConfigError::BadSetting { name: "STYRBORD_TRUSTED_PROXIES", .. })
        ));
        assert!(matches!(parse(&[("STYRBORD_OIDC_ISSUER", "https://idp")], &[]), Err(ConfigError::IncompleteOidc)));
    }

    #[test]
    fn sessions_default_to_30_minutes_idle_and_10_hours_in_all() {
        let auth = parse(&[], &[]).unwrap().auth;
        assert_eq!((auth.session_idle.as_secs(), auth.session_lifetime.as_secs()), (1800, 36_000));
        assert!(auth.trusted_proxies.is_empty() && auth.oidc.is_none() && auth.secure_cookies.is_none());
        let auth = parse(&[("STYRBORD_TRUSTED_PROXIES", "10.0.0.1,::1"), ("STYRBORD_SECURE_COOKIES", "true")], &[])
            .unwrap()
            .auth;
        assert_eq!(auth.trusted_proxies.len(), 2);
        assert_eq!(auth.secure_cookies, Some(true));
    }

    #[test]
    fn reminders_default_to_18_12_6_3_months_hourly_without_email() {
        let reminders = parse(&[], &[]).unwrap().reminders;
        assert_eq!(reminders.lead_months, vec![18, 12, 6, 3]);
        assert_eq!(reminders.interval.as_secs(), 3600);
        assert_eq!(reminders.smtp_url, None);
        assert_eq!(reminders.mail_from, "Styrbord <styrbord@localhost>");
        let reminders = parse(
            &[
                ("STYRBORD_REMINDER_MONTHS", "3, 9"),
                ("STYRBORD_REMINDER_INTERVAL_SECS", "60"),
                ("STYRBORD_SMTP_URL", "smtps://styrbord:hemligt@mail.kommun.se"),
                ("STYRBORD_MAIL_FROM", "Styrbord <styrbord@kommun.se>"),
            ],
            &[],
        )
        .unwrap()
        .reminders;
        assert_eq!(reminders.lead_months, vec![9, 3]);
        assert_eq!(reminders.interval.as_secs(), 60);
        assert!(!format!("{reminders:?}").contains("hemligt"), "the password stays out of logs");
    }

    #[test]
    fn bad_reminder_settings_are_named() {
        for (name, value) in [
            ("STYRBORD_REMINDER_MONTHS", "18,tolv"),
            ("STYRBORD_REMINDER_MONTHS", "0"),
            ("STYRBORD_REMINDER_MONTHS", ","),
            ("STYRBORD_REMINDER_INTERVAL_SECS", "0"),
            ("STYRBORD_REMINDER_INTERVAL_SECS", "1h"),
            ("STYRBORD_SMTP_URL", "http://mail.kommun.se"),
            ("STYRBORD_MAIL_FROM", "not an address"),
        ] {
            match parse(&[(name, value)], &[]) {
                Err(error @ ConfigError::BadSetting { name: named, .. }) => {
                    assert_eq!(named, name, "{value}");
                    assert!(error.to_string().starts_with(name), "{error}");
                }
                other => panic!("{name}={value} was accepted: {:?}", other.map(|c| c.reminders)),
            }
        }
        let error = parse(&[("STYRBORD_SMTP_URL", "ftp://styrbord:hemligt@mail")], &[])
            .map(|c| c.reminders)
            .expect_err("refused");
        assert!(!error.to_string().contains("hemligt"), "{error}");
    }

    #[test]
    fn user_commands_need_an_email() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let add =
            Config::from_sources(|_| None, &args(&["user", "add", "--email", "a@b.se", "--name", "A", "--admin"]));
        assert!(matches!(add, Ok(Command::AddUser { admin: true, .. })));
        let reset = Config::from_sources(|_| None, &args(&["user", "set-password"]));
        assert!(matches!(reset, Err(ConfigError::MissingValue(flag)) if flag == "--email"));
        assert!(matches!(Config::from_sources(|_| None, &args(&["user", "drop"])), Err(ConfigError::UnknownOption(_))));
    }

    #[test]
    fn seed_takes_sizes_and_names_a_bad_one() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let seed = Config::from_sources(
            |_| None,
            &args(&["seed", "--objects", "7", "--initiatives", "70", "--contracts", "3", "--year", "2025"]),
        );
        match seed {
            Ok(Command::Seed { size, .. }) => {
                assert_eq!((size.objects, size.initiatives, size.contracts, size.year), (7, 70, 3, 2025));
            }
            _ => panic!("seed was not parsed"),
        }
        let bad = Config::from_sources(|_| None, &args(&["seed", "--objects", "många"]));
        assert!(matches!(bad, Err(ConfigError::BadSetting { name: "--objects", .. })));
        let misplaced = Config::from_sources(|_| None, &args(&["--objects", "7"]));
        assert!(matches!(misplaced, Err(ConfigError::UnknownOption(_))));
    }
}
