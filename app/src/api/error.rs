//! One error type for every server function and API route, mapped to real
//! HTTP statuses. Internal causes are logged on the server; the client only
//! learns the kind of failure.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("bad request: {message}")]
    BadRequest { message: String },
    #[error("invalid {field}: {message}")]
    Validation { field: String, message: String },
    #[error("sign-in required")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    #[error("conflict: {message}")]
    Conflict { message: String },
    /// Someone else saved first: what is stored now, field by field, and
    /// its version, so the editor can show what changed and try again.
    #[error("someone else saved a newer version")]
    Stale { version: i64, current: Vec<(String, String)> },
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::BadRequest { .. } | AppError::Validation { .. } => 400,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Conflict { .. } | AppError::Stale { .. } => 409,
            AppError::Internal => 500,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::store::StoreError> for AppError {
    fn from(error: crate::store::StoreError) -> Self {
        match error {
            crate::store::StoreError::Conflict(message) => AppError::Conflict { message },
            crate::store::StoreError::NotFound => AppError::NotFound,
            crate::store::StoreError::Locked => AppError::Conflict { message: "locked".into() },
            error => {
                tracing::error!(%error, "store failed");
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ui")]
mod server_fn_glue {
    use super::AppError;
    use leptos::server_fn::codec::JsonEncoding;
    use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};

    impl FromServerFnError for AppError {
        type Encoder = JsonEncoding;

        fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
            match error {
                ServerFnErrorErr::Args(message)
                | ServerFnErrorErr::Deserialization(message)
                | ServerFnErrorErr::MissingArg(message) => AppError::BadRequest { message },
                other => {
                    #[cfg(feature = "ssr")]
                    tracing::error!(error = %other, "server function failed");
                    #[cfg(not(feature = "ssr"))]
                    let _ = other;
                    AppError::Internal
                }
            }
        }
    }
}
