//! `/status`: the phone's status page and its "mark as read".
//!
//! The figures come from the cached dashboard of the default plan year;
//! the changes from the audit trail since the person's baseline (migration
//! 0014), which only "mark as read" moves: looking, or reloading, loses
//! nothing.

use leptos::prelude::*;

use super::AppError;
use crate::views::StatusPage;

/// How many portfolio changes are read at most (newest first) to make the
/// page's lines; a busier week is counted as "and more" from these.
#[cfg(feature = "ssr")]
const READ_LIMIT: usize = 1000;

#[server(prefix = "/sf", endpoint = "status")]
pub async fn get_status_page() -> Result<StatusPage, AppError> {
    use std::collections::HashMap;

    use chrono::{Duration, SubsecRound, Utc};

    use crate::api::support::{access_store, person_id, require, respond, store};
    use crate::domain::{may_read_change, Permission, PORTFOLIO_ENTITIES};
    use crate::views::{
        build_changes, portfolio_figures, status_objects, status_year, subject_of, ChangeSource, Subject, CHANGE_LIMIT,
        FIRST_VISIT_DAYS,
    };
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let me = person_id(&principal)?;
        let (store, access) = (store()?, access_store()?);
        // Microseconds, as both backends keep a baseline: the page's time
        // round-trips exactly through "mark as read".
        let now = Utc::now().trunc_subsecs(6);
        let year = status_year(&store.plan_years().await?, &principal, super::support::this_year());
        let dashboard = super::current_dashboard(year).await?;
        let objects = store.objects().await?;
        let (own, mine) = status_objects(&dashboard, &objects, &principal);

        let baseline = store.status_seen_at(me).await?;
        let since = baseline.unwrap_or(now - Duration::days(FIRST_VISIT_DAYS));
        let records = store.audit_since(since, PORTFOLIO_ENTITIES, READ_LIMIT).await?;
        let records: Vec<_> = records
            .into_iter()
            .map(|r| {
                let facts = facts::of(&r);
                (r, facts)
            })
            .collect();
        // Current names of the items changed, each looked up once, and
        // only for the lines shown: those lines name at most CHANGE_LIMIT
        // items, the first ones met among the records they may read.
        let mut names = HashMap::new();
        let mut wanted: Vec<Subject> = Vec::new();
        for (record, _) in &records {
            if wanted.len() >= CHANGE_LIMIT {
                break;
            }
            if !may_read_change(&principal, record) || record.actor_id == Some(me) {
                continue;
            }
            if let Some(subject) = subject_of(record).filter(|s| !wanted.contains(s)) {
                wanted.push(subject);
            }
        }
        for subject in wanted {
            let name = match subject {
                Subject::Initiative(id) => store.initiative(id).await?.map(|i| i.name),
                Subject::Contract(id) => store.contract(id).await?.map(|c| format!("{} – {}", c.supplier, c.reference)),
                Subject::Escalation(id) => store.escalation(id).await?.map(|e| e.title),
                Subject::Supplier(_) => None,
            };
            if let Some(name) = name {
                names.insert(subject, name);
            }
        }
        let plans = if records.iter().any(|(r, _)| r.entity.starts_with("plan_")) {
            store.plan_years().await?
        } else {
            Vec::new()
        };
        let people: Vec<(i64, String)> = access.people().await?.into_iter().map(|p| (p.id, p.name)).collect();
        let source = ChangeSource {
            records: &records,
            principal: &principal,
            people: &people,
            objects: &objects,
            plans: &plans,
            names: &names,
        };
        let (changes, more) = build_changes(&source, CHANGE_LIMIT);
        Ok(StatusPage {
            year: dashboard.year,
            own,
            objects: mine,
            portfolio: portfolio_figures(&dashboard),
            changes,
            more,
            since,
            first_visit: baseline.is_none(),
            now,
            can_view_audit: principal.can(Permission::ViewAudit),
        })
    })
    .await
}

/// "Markera som läst": moves the person's baseline to `seen`, the moment
/// their page was made (RFC 3339), so a change made since they loaded it
/// stays unread. A plain form post (no script needed); the baseline never
/// moves back, and a time in the future is refused.
#[server(prefix = "/sf", endpoint = "status/seen")]
pub async fn mark_status_seen(seen: String) -> Result<(), AppError> {
    use chrono::{DateTime, Duration, Utc};

    use crate::api::support::{invalid, person_id, require, respond, store};
    use crate::domain::Permission;
    respond(async {
        let principal = require(Permission::ReadPortfolio)?;
        let me = person_id(&principal)?;
        let seen = DateTime::parse_from_rfc3339(seen.trim()).map_err(|_| invalid("seen", "time"))?.with_timezone(&Utc);
        // A minute's grace for clocks of several instances.
        if seen > Utc::now() + Duration::minutes(1) {
            return Err(invalid("seen", "future"));
        }
        store()?.mark_status_seen(me, seen).await?;
        Ok(())
    })
    .await
}

/// What an audit record's JSON says about the item, read once here so the
/// view builders stay free of JSON.
#[cfg(feature = "ssr")]
mod facts {
    use serde_json::Value;

    use crate::domain::{AuditRecord, InitiativeStatus, PlanStatus};
    use crate::views::ChangeFacts;

    pub fn of(record: &AuditRecord) -> ChangeFacts {
        let parse = |text: &Option<String>| text.as_deref().and_then(|t| serde_json::from_str::<Value>(t).ok());
        let (before, after) = (parse(&record.before), parse(&record.after));
        let field = |key: &str| {
            [&after, &before].into_iter().flatten().find_map(|v| v.get(key).and_then(Value::as_str).map(str::to_owned))
        };
        let after_str = |key: &str| after.as_ref().and_then(|v| v.get(key)).and_then(Value::as_str);
        let before_str = |key: &str| before.as_ref().and_then(|v| v.get(key)).and_then(Value::as_str);
        ChangeFacts {
            name: field("name").or_else(|| field("title")).or_else(|| field("reference")),
            status: (record.entity == "initiative_status")
                .then(|| after_str("status").and_then(|s| InitiativeStatus::from_key(s).ok()))
                .flatten(),
            // Approved or reopened: the status moved (a settings edit
            // carries the whole plan, status unchanged).
            plan_status: (record.entity == "plan_year" && after_str("status") != before_str("status"))
                .then(|| after_str("status").and_then(|s| PlanStatus::from_key(s).ok()))
                .flatten(),
            term: record.entity == "contract" && after_str("kind").is_some(),
        }
    }
}
