//! Brute-force protection for sign-in: sliding windows per client address
//! (every attempt counts) and per account (failures count). Checked before
//! any password is hashed, so a flood costs the server almost nothing.
//!
//! The windows live in this process. With several instances behind a load
//! balancer each keeps its own, so the limits apply per instance; they
//! still bound an attacker to a small multiple of the configured rate.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::config::AuthConfig;

pub struct Limiter {
    window: Duration,
    per_ip: u32,
    per_account: u32,
    ips: Mutex<Windows<IpAddr>>,
    accounts: Mutex<Windows<String>>,
}

/// Timestamps of recent events per key.
struct Windows<K>(HashMap<K, VecDeque<Instant>>);

impl<K: Hash + Eq + Clone> Windows<K> {
    /// Events of `key` still inside the window, dropping older ones.
    fn recent(&mut self, key: &K, now: Instant, window: Duration) -> Option<&mut VecDeque<Instant>> {
        let events = self.0.get_mut(key)?;
        while events.front().is_some_and(|&t| now.duration_since(t) >= window) {
            events.pop_front();
        }
        Some(events)
    }

    /// How long until `key` may try again, if it has used up `limit`.
    fn wait(&mut self, key: &K, limit: u32, now: Instant, window: Duration) -> Option<Duration> {
        let events = self.recent(key, now, window)?;
        if events.len() < limit as usize {
            return None;
        }
        events.front().map(|&oldest| window.saturating_sub(now.duration_since(oldest)))
    }

    fn add(&mut self, key: K, now: Instant, window: Duration) {
        // Keep memory bounded under a flood of distinct keys.
        if self.0.len() > 100_000 {
            self.0.retain(|_, events| events.back().is_some_and(|&t| now.duration_since(t) < window));
        }
        self.0.entry(key).or_default().push_back(now);
    }
}

impl Limiter {
    pub fn new(config: &AuthConfig) -> Self {
        Self {
            window: config.sign_in_window,
            per_ip: config.sign_in_limit_ip,
            per_account: config.sign_in_limit_account,
            ips: Mutex::new(Windows(HashMap::new())),
            accounts: Mutex::new(Windows(HashMap::new())),
        }
    }

    /// Counts an attempt from `ip` for `account` (a lower-cased e-mail), or
    /// says how long to wait when either has used up its limit.
    pub fn attempt(&self, ip: IpAddr, account: &str) -> Result<(), Duration> {
        let now = Instant::now();
        let account_wait = lock(&self.accounts).wait(&account.to_owned(), self.per_account, now, self.window);
        let mut ips = lock(&self.ips);
        let ip_wait = ips.wait(&ip, self.per_ip, now, self.window);
        if let Some(wait) = account_wait.into_iter().chain(ip_wait).max() {
            return Err(wait.max(Duration::from_secs(1)));
        }
        ips.add(ip, now, self.window);
        Ok(())
    }

    pub fn failed(&self, account: &str) {
        lock(&self.accounts).add(account.to_owned(), Instant::now(), self.window);
    }

    /// A successful sign-in clears the account's failures.
    pub fn succeeded(&self, account: &str) {
        lock(&self.accounts).0.remove(account);
    }
}

/// A poisoned lock only means another request panicked mid-update of a
/// counter; the counts are still usable.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_ip: u32, per_account: u32) -> Limiter {
        Limiter::new(&AuthConfig { sign_in_limit_ip: per_ip, sign_in_limit_account: per_account, ..Default::default() })
    }

    const IP: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1));
    const OTHER_IP: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2));

    #[test]
    fn an_address_is_stopped_after_its_attempts_whatever_the_account() {
        let l = limiter(3, 100);
        for n in 0..3 {
            assert!(l.attempt(IP, &format!("user{n}@x.se")).is_ok());
        }
        let wait = l.attempt(IP, "another@x.se").expect_err("fourth attempt");
        assert!(wait > Duration::from_secs(60) && wait <= Duration::from_secs(15 * 60));
        assert!(l.attempt(OTHER_IP, "another@x.se").is_ok(), "other addresses are not affected");
    }

    #[test]
    fn an_account_is_stopped_after_its_failures_from_any_address_until_a_success() {
        let l = limiter(100, 2);
        l.failed("anna@x.se");
        l.failed("anna@x.se");
        assert!(l.attempt(IP, "anna@x.se").is_err());
        assert!(l.attempt(OTHER_IP, "anna@x.se").is_err(), "changing address does not help");
        assert!(l.attempt(IP, "bertil@x.se").is_ok());
        l.succeeded("anna@x.se");
        assert!(l.attempt(IP, "anna@x.se").is_ok());
    }
}
