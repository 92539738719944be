//! `PortfolioStore` over SQLite or PostgreSQL: the reads, written once.

use app::dataset::Dataset;
use app::domain::workbook::{ImportApplied, ImportDraft};
use app::domain::{
    AuditFilter, AuditRecord, BusinessComponent, CatalogChange, Contract, Initiative, InitiativeInput, ItComponent,
    Object, ObjectProduct, PlanSettings, PlanYear, RoleAssignment, StatusInput, StatusReport, SupplierChange,
    SupplierEntry,
};
use app::store::{OrderChanged, OrderList, PortfolioStore, Reordered, StoreError, StoreResult};
use async_trait::async_trait;

use super::rows::{
    items_of, names_of, AuditRow, BusinessComponentRow, ContractRow, InitiativeRow, ItComponentRow, ItemLink,
    NamedLink, ObjectRow, PlanYearRow, ProductRow, RoleRow, SupplierRow,
};
use super::{sql, with_pool, Pool};

#[derive(Clone, Debug)]
pub struct SqlStore {
    pool: Pool,
    /// Plans whose order changed, for whoever watches them (live updates).
    changes: tokio::sync::broadcast::Sender<OrderChanged>,
    /// Tells this process's PostgreSQL notifications from other instances'.
    instance: u64,
}

impl SqlStore {
    pub fn new(pool: Pool) -> Self {
        let (changes, _) = tokio::sync::broadcast::channel(256);
        Self { pool, changes, instance: rand::random() }
    }

    /// Every change of a plan's order from now on: this process's at once,
    /// other instances' through PostgreSQL (see [`Self::listen`]).
    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<OrderChanged> {
        self.changes.subscribe()
    }

    pub(super) fn changed(&self, list: OrderList, revision: i64) {
        // Nobody listening is fine.
        let _ = self.changes.send(OrderChanged { list, revision });
    }

    /// On PostgreSQL, the notification that tells other instances of a
    /// change (sent inside the change's own transaction: a NOTIFY is
    /// delivered at commit, or never); SQLite is one process.
    pub(super) fn note(&self, list: OrderList, revision: i64) -> Option<String> {
        let list = match list {
            OrderList::Plan(id) => format!("plan:{id}"),
            OrderList::Portfolio(year) => format!("portfolio:{year}"),
        };
        matches!(self.pool, Pool::Postgres(_)).then(|| format!("{}:{list}:{revision}", self.instance))
    }

    /// On PostgreSQL, passes other instances' order changes on to this
    /// process's watchers, reconnecting if the connection drops. SQLite is
    /// one process: nothing to listen to.
    pub fn listen(&self) {
        let Pool::Postgres(pool) = &self.pool else { return };
        let (pool, changes, instance) = (pool.clone(), self.changes.clone(), self.instance);
        tokio::spawn(async move {
            loop {
                match sqlx::postgres::PgListener::connect_with(&pool).await {
                    Ok(mut listener) => {
                        if let Err(error) = listener.listen(super::priority::CHANNEL).await {
                            tracing::warn!(%error, "could not listen for order changes");
                        } else {
                            loop {
                                match listener.recv().await {
                                    Ok(note) => {
                                        if let Some(change) = parse_note(note.payload(), instance) {
                                            let _ = changes.send(change);
                                        }
                                    }
                                    Err(error) => {
                                        tracing::warn!(%error, "order change listener lost its connection");
                                        break;
                                    }
                                }
                            }
                        }
                    }
                    Err(error) => tracing::warn!(%error, "order change listener could not connect"),
                }
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        });
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Runs a read binding at most one id and returns its rows: the one
    /// place that turns shared SQL into rows on either backend.
    async fn fetch<R>(&self, sql: &str, key: Option<i64>) -> StoreResult<Vec<R>>
    where
        R: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
    {
        with_pool!(&self.pool, p, Db => {
            let query = sqlx::query_as(sql);
            let query = match key { Some(key) => query.bind(key), None => query };
            query.fetch_all(p).await
        })
        .map_err(db)
    }

    /// [`Self::fetch`], then each row converted into its domain value.
    async fn fetch_into<R, T>(&self, sql: &str, key: Option<i64>) -> StoreResult<Vec<T>>
    where
        R: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
        T: TryFrom<R, Error = StoreError>,
    {
        self.fetch::<R>(sql, key).await?.into_iter().map(T::try_from).collect()
    }

    async fn object_rows(&self, sql: &str, id: Option<i64>) -> StoreResult<Vec<Object>> {
        self.fetch_into::<ObjectRow, _>(sql, id).await
    }

    async fn plan_rows(&self, sql: &str, id: Option<i64>) -> StoreResult<Vec<PlanYear>> {
        self.fetch_into::<PlanYearRow, _>(sql, id).await
    }

    async fn initiative_rows(&self, sql: &str, key: i64) -> StoreResult<Vec<Initiative>> {
        self.fetch_into::<InitiativeRow, _>(sql, Some(key)).await
    }

    async fn links(&self, sql: &str, key: Option<i64>) -> StoreResult<Vec<NamedLink>> {
        self.fetch(sql, key).await
    }

    async fn contract_rows(&self, sql: &str, id: Option<i64>) -> StoreResult<Vec<Contract>> {
        let rows: Vec<ContractRow> = self.fetch(sql, id).await?;
        // All contracts' links in two queries, even for one contract: a
        // register holds hundreds, and this keeps one query per list.
        let components = self.links(sql::CONTRACT_IT_COMPONENTS, None).await?;
        let objects = self.links(sql::CONTRACT_OBJECTS, None).await?;
        rows.into_iter()
            .map(|row| {
                let id = row.id;
                row.into_contract(names_of(&components, id), names_of(&objects, id))
            })
            .collect()
    }
}

#[async_trait]
impl PortfolioStore for SqlStore {
    fn backend(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    async fn objects(&self) -> StoreResult<Vec<Object>> {
        self.object_rows(sql::OBJECTS, None).await
    }

    async fn object_by_code(&self, code: &str) -> StoreResult<Option<Object>> {
        let row: Option<ObjectRow> =
            with_pool!(&self.pool, p, Db => sqlx::query_as(sql::OBJECT_BY_CODE).bind(code).fetch_optional(p).await)
                .map_err(db)?;
        row.map(Object::try_from).transpose()
    }

    async fn nearby_objects(&self, object_id: i64) -> StoreResult<Vec<Object>> {
        self.object_rows(sql::NEARBY, Some(object_id)).await
    }

    async fn plan_years(&self) -> StoreResult<Vec<PlanYear>> {
        self.plan_rows(&sql::plan_years(), None).await
    }

    async fn plan_years_of(&self, object_id: i64) -> StoreResult<Vec<PlanYear>> {
        self.plan_rows(&sql::plan_years_of(), Some(object_id)).await
    }

    async fn plan_year_by_id(&self, id: i64) -> StoreResult<Option<PlanYear>> {
        Ok(self.plan_rows(&sql::plan_year_by_id(), Some(id)).await?.pop())
    }

    async fn initiatives(&self, plan_year_id: i64) -> StoreResult<Vec<Initiative>> {
        self.initiative_rows(&sql::initiatives_of_plan(), plan_year_id).await
    }

    async fn initiatives_in_year(&self, year: i32) -> StoreResult<Vec<Initiative>> {
        let rows: Vec<InitiativeRow> =
            with_pool!(&self.pool, p, Db => sqlx::query_as(&sql::initiatives_in_year()).bind(year).fetch_all(p).await)
                .map_err(db)?;
        rows.into_iter().map(Initiative::try_from).collect()
    }

    async fn initiative(&self, id: i64) -> StoreResult<Option<Initiative>> {
        Ok(self.initiative_rows(&sql::initiative_by_id(), id).await?.pop())
    }

    async fn products(&self, object_id: i64) -> StoreResult<Vec<ObjectProduct>> {
        let rows: Vec<ProductRow> = self.fetch(sql::PRODUCTS, Some(object_id)).await?;
        let business: Vec<ItemLink> = self.fetch(sql::PRODUCT_BUSINESS_COMPONENTS, Some(object_id)).await?;
        let it: Vec<ItemLink> = self.fetch(sql::PRODUCT_IT_COMPONENTS, Some(object_id)).await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let (business_component_ids, business_components) = items_of(&business, row.id);
                let (it_component_ids, it_components) = items_of(&it, row.id);
                ObjectProduct {
                    business_components,
                    it_components,
                    business_component_ids,
                    it_component_ids,
                    id: row.id,
                    position: row.position,
                    name: row.name,
                    description: row.description,
                    version: row.version,
                }
            })
            .collect())
    }

    async fn it_components(&self, object_id: i64) -> StoreResult<Vec<ItComponent>> {
        let rows: Vec<ItComponentRow> = self.fetch(sql::IT_COMPONENTS_OF_OBJECT, Some(object_id)).await?;
        let users = self.links(sql::IT_COMPONENT_OBJECTS, Some(object_id)).await?;
        let products = self.links(sql::IT_COMPONENT_PRODUCTS, Some(object_id)).await?;
        let mut components: Vec<ItComponent> = rows
            .into_iter()
            .map(|row| {
                let (codes, products) = (names_of(&users, row.id), names_of(&products, row.id));
                row.into_component(codes, products)
            })
            .collect();
        // Case-insensitive, as a reader expects (SQL's LOWER is ASCII-only in SQLite).
        components.sort_by_cached_key(|c| c.name.to_lowercase());
        Ok(components)
    }

    async fn business_components(&self, object_id: i64) -> StoreResult<Vec<BusinessComponent>> {
        let rows: Vec<BusinessComponentRow> = self.fetch(sql::BUSINESS_COMPONENTS, Some(object_id)).await?;
        let mut components: Vec<BusinessComponent> = rows
            .into_iter()
            .map(|r| BusinessComponent { id: r.id, name: r.name, description: r.description, version: r.version })
            .collect();
        components.sort_by_cached_key(|c| c.name.to_lowercase());
        Ok(components)
    }

    async fn it_component_choices(&self) -> StoreResult<Vec<(i64, String)>> {
        let mut choices: Vec<(i64, String)> = with_pool!(&self.pool, p, Db => {
            sqlx::query_as(sql::IT_COMPONENT_CHOICES).fetch_all(p).await
        })
        .map_err(db)?;
        choices.sort_by_cached_key(|(_, name)| name.to_lowercase());
        Ok(choices)
    }

    async fn suppliers(&self) -> StoreResult<Vec<SupplierEntry>> {
        let rows: Vec<SupplierRow> = self.fetch(sql::SUPPLIERS, None).await?;
        let components = self.links(sql::SUPPLIER_COMPONENTS, None).await?;
        let mut suppliers: Vec<SupplierEntry> = rows
            .into_iter()
            .map(|r| SupplierEntry {
                it_components: names_of(&components, r.id),
                id: r.id,
                name: r.name,
                version: r.version,
                contracts: r.contracts,
            })
            .collect();
        suppliers.sort_by_cached_key(|s| s.name.to_lowercase());
        Ok(suppliers)
    }

    async fn change_catalog(&self, object_id: i64, change: &CatalogChange, actor: i64) -> StoreResult<i64> {
        self.apply_catalog_change(object_id, change, actor).await
    }

    async fn change_supplier(&self, change: &SupplierChange, actor: i64) -> StoreResult<i64> {
        self.apply_supplier_change(change, actor).await
    }

    async fn roles_of(&self, object_id: i64) -> StoreResult<Vec<RoleAssignment>> {
        let mut roles: Vec<RoleAssignment> =
            self.fetch_into::<RoleRow, _>(sql::ROLES_OF_OBJECT, Some(object_id)).await?;
        // The guideline's order (owners, leaders, coordinators, specialists), not the keys' alphabet.
        roles.sort_by(|a, b| a.role.cmp(&b.role).then_with(|| a.person.name.cmp(&b.person.name)));
        Ok(roles)
    }

    async fn contracts(&self) -> StoreResult<Vec<Contract>> {
        self.contract_rows(&sql::contracts(), None).await
    }

    async fn contract_events(&self, id: i64) -> StoreResult<Vec<app::domain::ContractEvent>> {
        self.contract_history(id).await
    }

    async fn contract_choices(&self) -> StoreResult<app::store::ContractChoices> {
        self.choices_for_contracts().await
    }

    async fn save_contract(
        &self,
        id: Option<i64>,
        version: i64,
        input: &app::domain::ContractInput,
        it_components: &[i64],
        objects: &[i64],
        actor: i64,
    ) -> StoreResult<i64> {
        self.save_contract_fields(id, version, input, it_components, objects, actor).await
    }

    async fn change_contract_term(
        &self,
        version: i64,
        after: &Contract,
        event: &app::domain::ContractEvent,
        actor: i64,
    ) -> StoreResult<()> {
        self.store_term_change(version, after, event, actor).await
    }

    async fn delete_contract(&self, id: i64, version: i64, actor: i64) -> StoreResult<()> {
        self.remove_contract(id, version, actor).await
    }

    async fn link_procurement(&self, contract_id: i64, initiative_id: i64) -> StoreResult<bool> {
        self.link_procurement(contract_id, initiative_id).await
    }

    async fn contract(&self, id: i64) -> StoreResult<Option<Contract>> {
        Ok(self.contract_rows(&sql::contract_by_id(), Some(id)).await?.pop())
    }

    async fn is_empty(&self) -> StoreResult<bool> {
        let count: i64 =
            with_pool!(&self.pool, p, Db => sqlx::query_scalar(sql::COUNT_OBJECTS).fetch_one(p).await).map_err(db)?;
        Ok(count == 0)
    }

    async fn load(&self, data: &Dataset, actor_id: Option<i64>) -> StoreResult<()> {
        super::load::load(&self.pool, data, actor_id).await
    }

    async fn audit_log(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditRecord>> {
        let rows: Vec<AuditRow> = with_pool!(&self.pool, p, Db => {
            sqlx::query_as(sql::AUDIT_LOG)
                .bind(filter.object_id)
                .bind(filter.actor_id)
                .bind(filter.since.map(<Db as super::Dialect>::timestamp))
                .bind(filter.until.map(<Db as super::Dialect>::timestamp))
                .fetch_all(p)
                .await
        })
        .map_err(db)?;
        rows.into_iter().map(AuditRecord::try_from).collect()
    }

    async fn create_initiative(
        &self,
        plan_year_id: i64,
        input: &InitiativeInput,
        actor: i64,
    ) -> StoreResult<Initiative> {
        self.insert_initiative(plan_year_id, input, actor).await
    }

    async fn update_initiative(
        &self,
        id: i64,
        version: i64,
        input: &InitiativeInput,
        actor: i64,
    ) -> StoreResult<Initiative> {
        self.change_initiative(id, version, input, actor).await
    }

    async fn delete_initiative(&self, id: i64, version: i64, actor: i64) -> StoreResult<()> {
        self.remove_initiative(id, version, actor).await
    }

    async fn report_status(&self, id: i64, report: &StatusInput, actor: i64) -> StoreResult<Initiative> {
        self.add_status_report(id, report, actor).await
    }

    async fn status_reports(&self, id: i64) -> StoreResult<Vec<StatusReport>> {
        self.status_report_rows(id).await
    }

    async fn move_initiative(
        &self,
        plan_year_id: i64,
        step: app::domain::Move,
        reason: &str,
        actor: i64,
    ) -> StoreResult<Reordered> {
        self.move_in_plan(plan_year_id, step, reason, actor).await
    }

    async fn undo_last_move(&self, plan_year_id: i64, actor: i64) -> StoreResult<Reordered> {
        self.undo_in_plan(plan_year_id, actor).await
    }

    async fn plan_revision(&self, plan_year_id: i64) -> StoreResult<(i64, bool)> {
        Ok((self.revision_of(plan_year_id).await?, self.plan_can_undo(plan_year_id).await?))
    }

    async fn set_capacity(
        &self,
        plan_year_id: i64,
        version: i64,
        capacity: &app::domain::Capacity,
        actor: i64,
    ) -> StoreResult<PlanYear> {
        self.change_capacity(plan_year_id, version, capacity, actor).await
    }

    async fn portfolio_order(&self, year: i32) -> StoreResult<app::domain::PortfolioOrder> {
        self.portfolio_of(year).await
    }

    async fn move_in_portfolio(
        &self,
        year: i32,
        step: app::domain::Move,
        reason: &str,
        actor: i64,
    ) -> StoreResult<Reordered> {
        self.move_in_portfolio_order(year, step, reason, actor).await
    }

    async fn undo_portfolio_move(&self, year: i32, actor: i64) -> StoreResult<Reordered> {
        self.undo_in_portfolio(year, actor).await
    }

    async fn set_portfolio_capacity(
        &self,
        year: i32,
        version: i64,
        it_hours: Option<app::domain::Hours>,
        actor: i64,
    ) -> StoreResult<()> {
        self.change_portfolio_capacity(year, version, it_hours, actor).await
    }

    async fn resources_in_year(&self, year: i32) -> StoreResult<Vec<(i64, app::domain::Resource)>> {
        self.resources_of_year(year).await
    }

    async fn initiative_components(&self, initiative_id: i64) -> StoreResult<Vec<i64>> {
        self.components_of_initiative(initiative_id).await
    }

    async fn set_initiative_components(&self, initiative_id: i64, components: &[i64], actor: i64) -> StoreResult<()> {
        self.replace_initiative_components(initiative_id, components, actor).await
    }

    async fn latest_comments(&self, plan_year_id: i64) -> StoreResult<Vec<(i64, String)>> {
        let links = self.links(sql::PLAN_COMMENTS, Some(plan_year_id)).await?;
        let mut latest: Vec<(i64, String)> = Vec::new();
        for link in links {
            // Each initiative's newest comes first.
            if latest.last().is_none_or(|(id, _)| *id != link.owner_id) {
                latest.push((link.owner_id, link.name));
            }
        }
        Ok(latest)
    }

    async fn update_plan_settings(
        &self,
        plan_year_id: i64,
        version: i64,
        settings: &PlanSettings,
        actor: i64,
    ) -> StoreResult<PlanYear> {
        self.change_plan_settings(plan_year_id, version, settings, actor).await
    }

    async fn save_import_draft(&self, draft: &ImportDraft) -> StoreResult<()> {
        self.insert_import_draft(draft).await
    }

    async fn import_draft(&self, id: &str) -> StoreResult<Option<ImportDraft>> {
        self.find_import_draft(id).await
    }

    async fn apply_import(&self, id: &str, actor: i64) -> StoreResult<ImportApplied> {
        self.apply_import_draft(id, actor).await
    }

    async fn set_plan_status(
        &self,
        plan_year_id: i64,
        version: i64,
        status: app::domain::PlanStatus,
        actor: i64,
    ) -> StoreResult<PlanYear> {
        self.change_plan_status(plan_year_id, version, status, actor).await
    }

    async fn create_next_plan(&self, plan_year_id: i64, keep: &[i64], actor: i64) -> StoreResult<PlanYear> {
        self.insert_next_plan(plan_year_id, keep, actor).await
    }

    async fn create_object(&self, input: &app::domain::ObjectInput, actor: i64) -> StoreResult<Object> {
        self.insert_object(input, actor).await
    }

    async fn update_object(
        &self,
        id: i64,
        version: i64,
        input: &app::domain::ObjectInput,
        actor: i64,
    ) -> StoreResult<Object> {
        self.change_object(id, version, input, actor).await
    }

    async fn outcomes(&self, plan_year_id: i64) -> StoreResult<Vec<(i64, app::domain::Outcome)>> {
        self.outcome_rows(plan_year_id).await
    }

    async fn status_seen_at(&self, person_id: i64) -> StoreResult<Option<chrono::DateTime<chrono::Utc>>> {
        self.status_seen(person_id).await
    }

    async fn mark_status_seen(&self, person_id: i64, at: chrono::DateTime<chrono::Utc>) -> StoreResult<()> {
        self.set_status_seen(person_id, at).await
    }

    async fn audit_since(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        entities: &[&str],
        limit: usize,
    ) -> StoreResult<Vec<AuditRecord>> {
        self.audit_records_since(since, entities, limit).await
    }

    async fn data_revision(&self) -> StoreResult<i64> {
        with_pool!(&self.pool, p, Db => sqlx::query_scalar("SELECT value FROM data_revision WHERE id = 1").fetch_one(p).await)
            .map_err(db)
    }

    async fn outcomes_in_year(&self, year: i32) -> StoreResult<Vec<(i64, app::domain::Outcome)>> {
        self.outcome_rows_in_year(year).await
    }

    async fn record_outcome(&self, initiative_id: i64, outcome: &app::domain::Outcome, actor: i64) -> StoreResult<()> {
        self.upsert_outcome(initiative_id, outcome, actor).await
    }

    async fn escalations(&self, open_only: bool) -> StoreResult<Vec<app::domain::Escalation>> {
        self.escalation_list(None, open_only).await
    }

    async fn escalation(&self, id: i64) -> StoreResult<Option<app::domain::Escalation>> {
        Ok(self.escalation_list(Some(id), false).await?.pop())
    }

    async fn escalation_events(&self, id: i64) -> StoreResult<Vec<app::domain::EscalationEvent>> {
        self.escalation_history(id).await
    }

    async fn raise_escalation(
        &self,
        input: &app::domain::RaiseInput,
        actor: i64,
    ) -> StoreResult<app::domain::Escalation> {
        self.insert_escalation(input, actor).await
    }

    async fn change_escalation(
        &self,
        id: i64,
        version: i64,
        change: &app::domain::EscalationChange,
        actor: i64,
    ) -> StoreResult<app::domain::Escalation> {
        self.update_escalation(id, version, change, actor).await
    }

    async fn meetings(&self) -> StoreResult<Vec<app::domain::Meeting>> {
        self.meeting_list(None).await
    }

    async fn meeting(&self, id: i64) -> StoreResult<Option<app::domain::Meeting>> {
        self.meeting_with_agenda(id).await
    }

    async fn meeting_snapshot(&self, id: i64) -> StoreResult<Option<String>> {
        self.stored_snapshot(id).await
    }

    async fn create_meeting(
        &self,
        input: &app::domain::MeetingInput,
        snapshot: &str,
        agenda: &[app::domain::AgendaDraft],
        actor: i64,
    ) -> StoreResult<i64> {
        self.insert_meeting(input, snapshot, agenda, actor).await
    }

    async fn retake_meeting_snapshot(
        &self,
        id: i64,
        snapshot: &str,
        agenda: &[app::domain::AgendaDraft],
        actor: i64,
    ) -> StoreResult<usize> {
        self.replace_snapshot(id, snapshot, agenda, actor).await
    }

    async fn add_agenda_item(&self, meeting_id: i64, draft: &app::domain::AgendaDraft, actor: i64) -> StoreResult<i64> {
        self.insert_agenda_item(meeting_id, draft, actor).await
    }

    async fn remove_agenda_item(&self, meeting_id: i64, item_id: i64, actor: i64) -> StoreResult<()> {
        self.delete_agenda_item(meeting_id, item_id, actor).await
    }

    async fn record_decision(
        &self,
        meeting_id: i64,
        item_id: i64,
        version: i64,
        decision: &str,
        actor: i64,
    ) -> StoreResult<()> {
        self.update_decision(meeting_id, item_id, version, decision, actor).await
    }

    async fn close_meeting(&self, id: i64, actor: i64) -> StoreResult<()> {
        self.set_meeting_closed(id, actor).await
    }

    async fn create_calendar_feed(
        &self,
        person_id: i64,
        object_id: Option<i64>,
        token_hash: &str,
        locale: &str,
    ) -> StoreResult<app::domain::CalendarFeed> {
        self.insert_calendar_feed(person_id, object_id, token_hash, locale).await
    }

    async fn calendar_feeds_of(&self, person_id: i64) -> StoreResult<Vec<app::domain::CalendarFeed>> {
        self.calendar_feed_list(Some(person_id), None).await
    }

    async fn revoke_calendar_feed(&self, person_id: i64, feed_id: i64) -> StoreResult<bool> {
        self.revoke_feed(person_id, feed_id).await
    }

    async fn calendar_feed_by_token(&self, token_hash: &str) -> StoreResult<Option<app::domain::CalendarFeed>> {
        self.use_calendar_feed(token_hash).await
    }

    async fn contract_people(&self) -> StoreResult<Vec<app::domain::ContractPeople>> {
        self.contract_people_rows().await
    }

    async fn reminder_ledger(
        &self,
        contract_id: Option<i64>,
        person_id: Option<i64>,
    ) -> StoreResult<Vec<app::domain::ReminderEntry>> {
        self.ledger_rows(contract_id, person_id).await
    }

    async fn record_reminders(
        &self,
        due: &[app::domain::ReminderKey],
        now: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<usize> {
        self.insert_reminders(due, now).await
    }

    async fn claim_reminders(
        &self,
        instance: &str,
        today: chrono::NaiveDate,
        now: chrono::DateTime<chrono::Utc>,
        lease_until: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<Vec<app::domain::ReminderKey>> {
        self.claim_due_reminders(instance, today, now, lease_until).await
    }

    async fn mark_reminders_sent(
        &self,
        keys: &[app::domain::ReminderKey],
        instance: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<usize> {
        self.reminders_sent(keys, instance, now).await
    }

    async fn release_reminders(
        &self,
        keys: &[app::domain::ReminderKey],
        instance: &str,
        error: Option<&str>,
    ) -> StoreResult<usize> {
        self.reminders_released(keys, instance, error).await
    }

    async fn void_reminders(&self, keys: &[app::domain::ReminderKey], instance: &str) -> StoreResult<usize> {
        self.reminders_voided(keys, instance).await
    }
}

/// `instance:plan:id:revision` or `instance:portfolio:year:revision` from
/// another instance.
fn parse_note(payload: &str, own: u64) -> Option<OrderChanged> {
    let mut parts = payload.split(':');
    let instance: u64 = parts.next()?.parse().ok()?;
    let list = match (parts.next()?, parts.next()?) {
        ("plan", id) => OrderList::Plan(id.parse().ok()?),
        ("portfolio", year) => OrderList::Portfolio(year.parse().ok()?),
        _ => return None,
    };
    let revision = parts.next()?.parse().ok()?;
    (instance != own).then_some(OrderChanged { list, revision })
}

pub(super) fn db(error: sqlx::Error) -> StoreError {
    StoreError::Database(error.to_string())
}
