//! Server functions: thin. Each gets the store from context, calls it and
//! the pure view builders, and returns. No SQL here.

mod error;
#[cfg(feature = "ui")]
mod pages;

pub use error::AppError;
#[cfg(feature = "ui")]
pub use pages::{get_object_page, get_overview};
