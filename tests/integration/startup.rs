//! Bad input at start-up: one clear line naming the problem and the fix,
//! a non-zero exit, no panic trace.

use std::process::Command;

fn run(env: &[(&str, &str)], args: &[&str]) -> (bool, String) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let output = Command::new(env!("CARGO_BIN_EXE_styrbord"))
        .args(args)
        .env_remove("DATABASE_URL")
        .env("STYRBORD_DATA_DIR", dir.path())
        .envs(env.iter().copied())
        .output()
        .expect("the binary runs");
    (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
}

fn assert_one_clear_line(stderr: &str, needle: &str) {
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("styrbord: error:")).collect();
    assert_eq!(errors.len(), 1, "one error line in: {stderr}");
    assert!(errors[0].contains(needle), "'{needle}' in: {}", errors[0]);
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
}

#[test]
fn a_malformed_database_url_is_named() {
    let (ok, stderr) = run(&[("DATABASE_URL", "mysql://nope")], &["--port", "0"]);
    assert!(!ok);
    assert_one_clear_line(&stderr, "DATABASE_URL is malformed");
}

#[test]
fn an_unreachable_postgres_is_named() {
    let (ok, stderr) =
        run(&[("DATABASE_URL", "postgres://postgres@127.0.0.1:1/x?connect_timeout=2")], &["--port", "0"]);
    assert!(!ok);
    assert_one_clear_line(&stderr, "cannot reach PostgreSQL at postgres://postgres@127.0.0.1:1/x");
}

#[test]
fn a_port_in_use_is_named() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("address").port().to_string();
    let (ok, stderr) = run(&[], &["--port", &port]);
    assert!(!ok);
    assert_one_clear_line(&stderr, &format!("port {port} is already in use"));
}

#[test]
fn an_unwritable_data_directory_is_named() {
    let file = tempfile::NamedTempFile::new().expect("file");
    // A path under a regular file can never be created, even as root.
    let dir = file.path().join("data");
    let (ok, stderr) = run(&[("STYRBORD_DATA_DIR", dir.to_str().expect("path"))], &["--port", "0"]);
    assert!(!ok);
    assert_one_clear_line(&stderr, "cannot write the data directory");
}

#[test]
fn an_unknown_option_is_named() {
    let (ok, stderr) = run(&[], &["--frobnicate"]);
    assert!(!ok);
    assert_one_clear_line(&stderr, "unknown option --frobnicate");
}
