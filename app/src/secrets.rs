//! Passwords, session ids and API tokens: argon2id from RustCrypto for
//! passwords, the operating system's random source for ids and tokens, and
//! SHA-256 for what the database keeps of them. Nothing hand-rolled.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The argon2id PHC string for `password`, with a fresh salt and the
/// crate's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommendation).
pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| e.to_string())
}

/// Whether `password` matches the stored PHC string. A malformed stored
/// hash never matches.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
}

/// A hash to verify against when the account does not exist, so that an
/// unknown e-mail costs the same time as a wrong password.
pub const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$1Up2S6JUuFQRJbf9ZbMDwA$eMnggTnSUOfX9FWvi/R/gFOJJJNpZ0QKPa6Smpz0mX0";

/// 256 random bits, URL-safe, with a prefix that says what it is
/// (`sbt_` for API tokens, so secret scanners can recognise them).
pub fn random_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// What the database keeps of a session id or token: its SHA-256, in hex.
pub fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let hash = hash_password("rätt häst batteri").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("rätt häst batteri", &hash));
        assert!(!verify_password("fel häst batteri", &hash));
        assert!(!verify_password("anything", "not a hash"));
        assert!(verify_password("styrbord-demo", DUMMY_HASH));
    }

    #[test]
    fn tokens_are_random_and_digests_stable() {
        let (a, b) = (random_token("sbt_"), random_token("sbt_"));
        assert_ne!(a, b);
        assert!(a.starts_with("sbt_") && a.len() == 4 + 43);
        assert_eq!(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
