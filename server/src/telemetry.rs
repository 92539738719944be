//! Logs to stderr, filtered by `RUST_LOG` (default: info for Styrbord,
//! warnings for the rest).

pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,server=info,app=info"));
    // A second init (tests start several servers) keeps the first.
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}
