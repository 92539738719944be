//! `styrbord`: start the server (see `server::config` for the options).

#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::run(std::env::args().skip(1).collect()).await
}
