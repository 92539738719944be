//! The demo portfolio goes into an empty database only, never over data.

use app::store::{PortfolioStore, StoreError};
use chrono::Utc;

pub async fn load_if_empty(store: &dyn PortfolioStore) -> Result<bool, StoreError> {
    if !store.is_empty().await? {
        return Ok(false);
    }
    let data = app::demo::dataset(Utc::now().date_naive());
    match store.load(&data, None).await {
        Ok(()) => Ok(true),
        // Another instance sharing the database loaded it first.
        Err(error) if !store.is_empty().await? => {
            tracing::info!(%error, "demo data was loaded by another instance");
            Ok(false)
        }
        Err(error) => Err(error),
    }
}
