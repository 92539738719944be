//! The steering group's dashboard and its drill-down.
//!
//! Building the dashboard reads every initiative of the year (10 000 in a
//! large municipality) and computes each plan's budget matrix, tens of
//! milliseconds. Nothing it shows changes between writes, so the server
//! keeps the last one built per year and day ([`DashboardCache`]) and
//! builds again only when the database's data revision has moved (a
//! counter raised in the same transaction as every change to what the
//! dashboard shows; several instances sharing one PostgreSQL each see it).

use leptos::prelude::*;

use super::AppError;
use crate::views::{Dashboard, DrillRows};

/// The current dashboard for a year (from the cache when nothing has
/// changed): for server functions that keep a copy, like a meeting's
/// snapshot. The caller checks who is asking.
#[cfg(feature = "ssr")]
pub use cache::dashboard as current_dashboard;
#[cfg(feature = "ssr")]
pub use cache::DashboardCache;

#[server(prefix = "/sf", endpoint = "dashboard")]
pub async fn get_dashboard(year: Option<i32>) -> Result<std::sync::Arc<Dashboard>, AppError> {
    use crate::api::support::{require, respond};
    use crate::domain::Permission;
    respond(async {
        require(Permission::ReadPortfolio)?;
        cache::dashboard(year).await
    })
    .await
}

/// The initiatives behind one dashboard figure; `query` is the drill-down
/// page's query string (see [`crate::views::DrillFilter`]).
#[server(prefix = "/sf", endpoint = "dashboard/rows")]
pub async fn get_drill_rows(query: String) -> Result<DrillRows, AppError> {
    use crate::api::support::{require, respond, store, this_year};
    use crate::domain::{clock, Permission};
    use crate::views::{choose_year, drill_down, DashboardSource, DrillFilter};
    respond(async {
        require(Permission::ReadPortfolio)?;
        let store = store()?;
        let pairs = cache::query_pairs(&query);
        let mut filter = DrillFilter::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let (objects, plans) = (store.objects().await?, store.plan_years().await?);
        let years: Vec<i32> = plans.iter().map(|p| p.year).collect();
        filter.year = choose_year(&years, filter.year, this_year());
        let initiatives = match filter.year {
            Some(year) => store.initiatives_in_year(year).await?,
            None => Vec::new(),
        };
        let source = DashboardSource {
            objects: &objects,
            plans: &plans,
            initiatives: &initiatives,
            outcomes: &[],
            escalations: &[],
            contracts: &[],
            today: clock::today(),
        };
        Ok(drill_down(&source, &filter))
    })
    .await
}

#[cfg(feature = "ssr")]
mod cache {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    use chrono::NaiveDate;

    use crate::api::support::{store, this_year};
    use crate::api::AppError;
    use crate::domain::clock;
    use crate::views::{build_dashboard, choose_year, Dashboard, DashboardSource};

    type Key = (Option<i32>, NaiveDate);
    /// Each key's dashboard and the data revision it was built at.
    type Built = HashMap<Key, (i64, Arc<Dashboard>)>;

    /// The last dashboard built for each year asked for (and the day, as
    /// contract statuses and due dates depend on it), with the data
    /// revision it was built at. One per store: the server provides it in
    /// the request context next to the store.
    #[derive(Clone, Default)]
    pub struct DashboardCache {
        built: Arc<Mutex<Built>>,
        /// One build at a time: requests arriving while the dashboard is
        /// being rebuilt wait for it instead of building it again.
        building: Arc<tokio::sync::Mutex<()>>,
    }

    impl DashboardCache {
        fn get(&self, key: &Key, revision: i64) -> Option<Arc<Dashboard>> {
            let built = self.built.lock().unwrap_or_else(|e| e.into_inner());
            built.get(key).filter(|(at, _)| *at == revision).map(|(_, d)| d.clone())
        }

        fn put(&self, key: Key, revision: i64, dashboard: Arc<Dashboard>) {
            let mut built = self.built.lock().unwrap_or_else(|e| e.into_inner());
            // Old days and years asked for once stay out of memory.
            built.retain(|(_, day), _| *day == key.1);
            if built.len() > 16 {
                built.clear();
            }
            built.insert(key, (revision, dashboard));
        }
    }

    pub async fn dashboard(year: Option<i32>) -> Result<Arc<Dashboard>, AppError> {
        let store = store()?;
        let cache = leptos::prelude::use_context::<DashboardCache>();
        let key = (year, clock::today());
        let Some(cache) = cache else {
            return Ok(Arc::new(build(year, key.1).await?));
        };
        let revision = store.data_revision().await?;
        if let Some(dashboard) = cache.get(&key, revision) {
            return Ok(dashboard);
        }
        let _building = cache.building.lock().await;
        let revision = store.data_revision().await?;
        if let Some(dashboard) = cache.get(&key, revision) {
            return Ok(dashboard);
        }
        let dashboard = Arc::new(build(year, key.1).await?);
        // Kept only if nothing was committed while it was read: then it is
        // exactly the state at `revision`.
        if store.data_revision().await? == revision {
            cache.put(key, revision, dashboard.clone());
        }
        Ok(dashboard)
    }

    async fn build(year: Option<i32>, today: NaiveDate) -> Result<Dashboard, AppError> {
        let store = store()?;
        let (objects, plans) = (store.objects().await?, store.plan_years().await?);
        let years: Vec<i32> = plans.iter().map(|p| p.year).collect();
        let chosen = choose_year(&years, year, this_year());
        let mut initiatives = Vec::new();
        let mut outcomes = Vec::new();
        if let Some(chosen) = chosen {
            let mut wanted: Vec<i32> = years.iter().copied().filter(|y| crate::views::in_history(*y, chosen)).collect();
            wanted.sort_unstable();
            wanted.dedup();
            for y in wanted {
                initiatives.extend(store.initiatives_in_year(y).await?);
            }
            outcomes = store.outcomes_in_year(chosen).await?;
        }
        let escalations = store.escalations(true).await?;
        let contracts = store.contracts().await?;
        let source = DashboardSource {
            objects: &objects,
            plans: &plans,
            initiatives: &initiatives,
            outcomes: &outcomes,
            escalations: &escalations,
            contracts: &contracts,
            today,
        };
        Ok(build_dashboard(&source, chosen))
    }

    /// A query string's pairs, percent-decoded.
    pub fn query_pairs(query: &str) -> Vec<(String, String)> {
        query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                Some((decode(key)?, decode(value)?))
            })
            .collect()
    }

    fn decode(text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                    out.push(u8::from_str_radix(hex, 16).ok()?);
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).ok()
    }
}
