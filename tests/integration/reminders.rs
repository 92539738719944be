//! Contract reminders by e-mail, against a real SMTP server (aiosmtpd,
//! started by the tests on a loopback port, writing what it receives to a
//! maildir) and the real database, both backends. The worker runs with an
//! injected day, so a test walks through months in milliseconds: a digest
//! per recipient with the right contracts; nothing twice after a restart;
//! two instances racing send each reminder once; the next lead time sends
//! the next one; with the mail server down nothing is marked sent and the
//! next run sends it; past the notice deadline nothing is sent. And the
//! app shows the signed-in person's reminders and a contract's ledger.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use app::dataset::{ContractSeed, Dataset, ItComponentSeed, ObjectSeed, PersonSeed};
use app::domain::{ExtensionOptions, Money, ObjectCategory, ReminderEntry, ReminderState};
use app::store::SharedStore;
use chrono::{DateTime, NaiveDate, Utc};
use server::config::ReminderConfig;
use server::db::SqlStore;
use server::reminders::{Mailer, ReminderWorker, Tick};

use crate::helpers::{backends, spawn_app, Backend, TestDatabase};

const ANNA: &str = "anna.agare@kommun.example";
const BO: &str = "bo.bitradande@kommun.example";
const CECILIA: &str = "cecilia.chef@kommun.example";
const LEADS: [u32; 4] = [18, 12, 6, 3];

fn day(text: &str) -> NaiveDate {
    text.parse().expect("test date")
}

/// Noon that day, UTC.
fn noon(today: NaiveDate) -> DateTime<Utc> {
    today.and_hms_opt(12, 0, 0).expect("noon").and_utc()
}

// ---------------------------------------------------------------- the sink

/// One e-mail as the sink received it, decoded by Python's `email`.
#[derive(Debug, Clone, serde::Deserialize)]
struct Mail {
    to: String,
    subject: String,
    body: String,
}

/// aiosmtpd on a loopback port, storing each message in a maildir.
struct Sink {
    child: Option<Child>,
    _dir: tempfile::TempDir,
    maildir: PathBuf,
    port: u16,
}

/// A port nobody listens on (just now).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("address").port()
}

impl Sink {
    fn start() -> Self {
        Self::start_on(free_port())
    }

    fn start_on(port: u16) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let maildir = dir.path().join("maildir");
        let mut sink = Self { child: None, _dir: dir, maildir, port };
        sink.up();
        sink
    }

    /// Starts the server (again) and waits until it accepts connections.
    fn up(&mut self) {
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{}", self.port)])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&self.maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        self.child = Some(child);
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Some(child) = self.child.as_mut() {
                if let Ok(Some(status)) = child.try_wait() {
                    let mut error = String::new();
                    if let Some(mut stderr) = child.stderr.take() {
                        let _ = std::io::Read::read_to_string(&mut stderr, &mut error);
                    }
                    panic!("the SMTP sink stopped ({status}): {error}\n(install it with scripts/setup.sh: pip install aiosmtpd)");
                }
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the SMTP sink did not listen on port {} within 10 s", self.port);
    }

    fn down(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Everything received so far.
    fn mails(&self) -> Vec<Mail> {
        read_maildir(&self.maildir)
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.down();
    }
}

const READ_MAILDIR: &str = r#"
import json, mailbox, os, re, sys
from email import policy
from email.parser import BytesParser
out = []
def arrival(key):
    # Maildir names are "<seconds>.M<microseconds>P<pid>Q<counter>.<host>",
    # the microseconds unpadded: as text, M99 sorts after M100000.
    m = re.match(r"(\d+)\.M(\d+)P\d+Q(\d+)", key)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else (0, 0, 0)
if os.path.isdir(sys.argv[1]):
    box = mailbox.Maildir(sys.argv[1], create=False)
    for key in sorted(box.keys(), key=arrival):
        m = BytesParser(policy=policy.default).parsebytes(box.get_bytes(key))
        out.append({"to": str(m["To"]), "subject": str(m["Subject"]),
                    "body": m.get_body(preferencelist=("plain",)).get_content()})
print(json.dumps(out))
"#;

fn read_maildir(dir: &Path) -> Vec<Mail> {
    let output = Command::new("python3").args(["-c", READ_MAILDIR]).arg(dir).output().expect("python3 runs");
    assert!(output.status.success(), "reading the maildir: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("the maildir as JSON")
}

fn to<'a>(mails: &'a [Mail], address: &str) -> Vec<&'a Mail> {
    mails.iter().filter(|m| m.to.contains(address)).collect()
}

// ------------------------------------------------------ the register

/// Three people, two contracts that will be due and one long past:
/// - AVT-1 (Formpipe): ends 2028-12-31, 3 months' notice: deadline
///   2028-09-30. Owner Anna, deputy Bo.
/// - AVT-2 (Sogeti): ends 2028-12-31, 6 months' notice: deadline
///   2028-06-30. Owner Cecilia, deputy Anna.
/// - AVT-3 (Tieto): ends 2027-01-31, 3 months' notice: deadline
///   2026-10-31. Owner Bo.
fn register() -> Dataset {
    let person = |name: &str, email: &str| PersonSeed { name: name.into(), email: email.into() };
    let component = |name: &str, supplier: &str| ItComponentSeed {
        name: name.into(),
        description: String::new(),
        supplier: Some(supplier.into()),
        objects: vec!["AKN".into()],
    };
    let contract = |reference: &str,
                    supplier: &str,
                    component: &str,
                    end: &str,
                    notice: u32,
                    owner: &str,
                    deputy: Option<&str>| {
        ContractSeed {
            reference: reference.into(),
            supplier: supplier.into(),
            it_components: vec![component.into()],
            objects: vec!["AKN".into()],
            start: day("2022-01-01"),
            end: day(end),
            notice_months: notice,
            options: ExtensionOptions::default(),
            auto_renewal_months: None,
            yearly_cost: Money::parse("120000").expect("money"),
            line_organisation: None,
            owner: Some(String::from(owner)),
            deputy: deputy.map(String::from),
            procurement_lead_months: 9,
            notes: String::new(),
        }
    };
    Dataset {
        suppliers: vec!["Formpipe".into(), "Sogeti".into(), "Tieto".into()],
        people: vec![person("Anna Ägare", ANNA), person("Bo Biträdande", BO), person("Cecilia Chef", CECILIA)],
        objects: vec![ObjectSeed {
            code: "AKN".into(),
            name: "Administration, kommunikation och näringsliv".into(),
            category: ObjectCategory::Core,
            description: String::new(),
            nearby: Vec::new(),
        }],
        it_components: vec![
            component("W3D3", "Formpipe"),
            component("Episerver", "Sogeti"),
            component("Lifecare", "Tieto"),
        ],
        contracts: vec![
            contract("AVT-1", "Formpipe", "W3D3", "2028-12-31", 3, ANNA, Some(BO)),
            contract("AVT-2", "Sogeti", "Episerver", "2028-12-31", 6, CECILIA, Some(ANNA)),
            contract("AVT-3", "Tieto", "Lifecare", "2027-01-31", 3, BO, None),
        ],
        ..Dataset::default()
    }
}

/// A store of its own on `database` (as another instance would open it).
async fn open(database: &TestDatabase) -> SharedStore {
    Arc::new(SqlStore::new(server::db::connect(&database.target).await.expect("the database opens")))
}

/// A fresh database holding [`register`].
async fn database(backend: Backend) -> (TestDatabase, SharedStore) {
    let database = TestDatabase::create(backend).await;
    let store = open(&database).await;
    store.load(&register(), None).await.expect("the register loads");
    (database, store)
}

fn worker(store: &SharedStore, smtp_url: Option<String>) -> ReminderWorker {
    let config = ReminderConfig { smtp_url, ..ReminderConfig::default() };
    let mailer = Mailer::new(&config).expect("mail settings");
    ReminderWorker::new(store.clone(), mailer, LEADS.to_vec(), "https://styrbord.kommun.example")
}

async fn contract_id(store: &SharedStore, reference: &str) -> i64 {
    store.contracts().await.expect("contracts").into_iter().find(|c| c.reference == reference).expect("contract").id
}

async fn ledger(store: &SharedStore) -> Vec<ReminderEntry> {
    store.reminder_ledger(None, None).await.expect("ledger")
}

/// (contract reference, lead months, recipient name, state) of every row.
async fn rows(store: &SharedStore) -> Vec<(String, u32, String, ReminderState)> {
    let contracts = store.contracts().await.expect("contracts");
    let reference = |id: i64| contracts.iter().find(|c| c.id == id).map(|c| c.reference.clone()).unwrap_or_default();
    let mut rows: Vec<_> = ledger(store)
        .await
        .into_iter()
        .map(|e| (reference(e.key.contract_id), e.key.lead_months, e.person_name, e.state))
        .collect();
    rows.sort_by(|a, b| (&a.0, a.1, &a.2).cmp(&(&b.0, b.1, &b.2)));
    rows
}

fn row(reference: &str, lead: u32, name: &str, state: ReminderState) -> (String, u32, String, ReminderState) {
    (reference.into(), lead, name.into(), state)
}

/// The first lead time: AVT-1 is 12 months from its deadline, AVT-2 6.
const FIRST: &str = "2028-03-01";
/// The next: AVT-1 is at 6 months, AVT-2 at 3.
const NEXT: &str = "2028-04-01";

// ---------------------------------------------------------------- the tests

#[tokio::test]
async fn a_digest_reaches_owner_and_deputy_once_and_the_next_lead_time_sends_the_next() {
    let sink = Sink::start();
    for backend in backends() {
        let before = sink.mails().len();
        let (_database, store) = database(backend).await;
        let worker = worker(&store, Some(sink.url()));
        let tick = worker.run_once(day(FIRST), noon(day(FIRST))).await.expect("a run");
        assert_eq!(tick, Tick { recorded: 4, digests_sent: 3, reminders_sent: 4, failed: 0, voided: 0 }, "{backend:?}");
        let mails = sink.mails().split_off(before);
        assert_eq!(mails.len(), 3, "{backend:?}: one digest per person: {mails:#?}");

        let anna = to(&mails, ANNA);
        assert_eq!(anna.len(), 1, "{backend:?}");
        assert_eq!(anna[0].subject, "Styrbord: 2 avtal att agera på");
        let body = &anna[0].body;
        assert!(body.starts_with("Hej Anna Ägare,"), "{body}");
        let avt2 = body.find("1. AVT-2 – Sogeti").expect("AVT-2 first: its deadline is nearer");
        let avt1 = body.find("2. AVT-1 – Formpipe").expect("AVT-1 second");
        assert!(avt2 < avt1);
        let (avt2_text, avt1_text) = (&body[avt2..avt1], &body[avt1..]);
        for expected in [
            "Påminnelse: 6 månader kvar",
            "Senast uppsägning: 2028-06-30 (121 dagar kvar)",
            "Starta upphandling senast: 2027-09-30",
            "Nuvarande slutdatum: 2028-12-31",
            "Läge: Agera nu",
            "Objekt: AKN",
            "IT-komponenter: Episerver",
            "Din roll: Ersättare",
        ] {
            assert!(avt2_text.contains(expected), "{backend:?}: «{expected}» in\n{avt2_text}");
        }
        let avt2_id = contract_id(&store, "AVT-2").await;
        assert!(avt2_text.contains(&format!("https://styrbord.kommun.example/contracts/{avt2_id}")), "{avt2_text}");
        for expected in ["Påminnelse: 12 månader kvar", "Senast uppsägning: 2028-09-30", "Din roll: Ägare"] {
            assert!(avt1_text.contains(expected), "{backend:?}: «{expected}» in\n{avt1_text}");
        }
        assert!(!body.contains("AVT-3"), "AVT-3 is past its deadline");

        let bo = to(&mails, BO);
        assert_eq!(bo.len(), 1, "{backend:?}");
        assert_eq!(bo[0].subject, "Styrbord: 1 avtal att agera på");
        assert!(bo[0].body.contains("AVT-1") && !bo[0].body.contains("AVT-2") && !bo[0].body.contains("AVT-3"));
        let cecilia = to(&mails, CECILIA);
        assert_eq!(cecilia.len(), 1, "{backend:?}");
        assert!(cecilia[0].body.contains("AVT-2") && !cecilia[0].body.contains("AVT-1"));

        use ReminderState::Sent;
        assert_eq!(
            rows(&store).await,
            vec![
                row("AVT-1", 12, "Anna Ägare", Sent),
                row("AVT-1", 12, "Bo Biträdande", Sent),
                row("AVT-2", 6, "Anna Ägare", Sent),
                row("AVT-2", 6, "Cecilia Chef", Sent),
            ],
            "{backend:?}"
        );
        assert!(ledger(&store).await.iter().all(|e| e.sent_at.is_some() && e.attempts == 1 && !e.failed()));

        // A restart: a new worker (a new instance id) on the same day, and
        // the same worker later that day. Nothing new goes out.
        let restarted = self::worker(&open(&_database).await, Some(sink.url()));
        assert_ne!(restarted.instance(), worker.instance());
        let again = restarted.run_once(day(FIRST), noon(day(FIRST)) + chrono::Duration::hours(1)).await.expect("run");
        assert_eq!(again, Tick::default(), "{backend:?}: nothing twice after a restart");
        let later = worker.run_once(day("2028-03-15"), noon(day("2028-03-15"))).await.expect("run");
        assert_eq!(later, Tick::default(), "{backend:?}: same lead times two weeks on");
        assert_eq!(sink.mails().len(), before + 3, "{backend:?}");

        // The next lead time: each contract's next reminder, once.
        let next = restarted.run_once(day(NEXT), noon(day(NEXT))).await.expect("run");
        assert_eq!((next.recorded, next.digests_sent, next.reminders_sent), (4, 3, 4), "{backend:?}");
        let mails = sink.mails().split_off(before + 3);
        assert_eq!(mails.len(), 3, "{backend:?}");
        let anna = to(&mails, ANNA);
        assert_eq!(anna.len(), 1);
        assert!(anna[0].body.contains("Påminnelse: 3 månader kvar"), "{}", anna[0].body);
        assert!(anna[0].body.contains("Påminnelse: 6 månader kvar"), "{}", anna[0].body);
        assert!(!anna[0].body.contains("12 månader kvar"), "{}", anna[0].body);
        assert_eq!(ledger(&store).await.iter().filter(|e| e.state == Sent).count(), 8, "{backend:?}");
        let after = restarted.run_once(day(NEXT), noon(day(NEXT))).await.expect("run");
        assert_eq!(after, Tick::default(), "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_racing_on_one_database_send_each_reminder_once() {
    let sink = Sink::start();
    for backend in backends() {
        let before = sink.mails().len();
        let database = TestDatabase::create(backend).await;
        let (first, second) = (open(&database).await, open(&database).await);
        first.load(&register(), None).await.expect("the register loads");
        let workers = [worker(&first, Some(sink.url())), worker(&second, Some(sink.url()))];
        let mut sent = 0;
        for (round, today) in [FIRST, NEXT].into_iter().enumerate() {
            let today = day(today);
            let runs: Vec<_> = workers
                .iter()
                .cloned()
                .map(|w| tokio::spawn(async move { w.run_once(today, noon(today)).await }))
                .collect();
            let mut ticks = Vec::new();
            for run in runs {
                ticks.push(run.await.expect("the run finishes").expect("the run succeeds"));
            }
            let recorded: usize = ticks.iter().map(|t| t.recorded).sum();
            let digests: usize = ticks.iter().map(|t| t.digests_sent).sum();
            let reminders: usize = ticks.iter().map(|t| t.reminders_sent).sum();
            assert_eq!((recorded, digests, reminders), (4, 3, 4), "{backend:?} round {round}: {ticks:?}");
            sent += 3;
            let mails = sink.mails().split_off(before);
            assert_eq!(mails.len(), sent, "{backend:?} round {round}: {mails:#?}");
            for person in [ANNA, BO, CECILIA] {
                assert_eq!(to(&mails, person).len(), round + 1, "{backend:?} round {round}: {person}");
            }
        }
        assert!(ledger(&first).await.iter().all(|e| e.state == ReminderState::Sent && e.attempts == 1));
    }
}

#[tokio::test]
async fn with_the_mail_server_down_nothing_is_marked_sent_and_the_next_run_sends_it() {
    for backend in backends() {
        let (_database, store) = database(backend).await;
        let port = free_port();
        let worker = worker(&store, Some(format!("smtp://127.0.0.1:{port}")));
        let today = day(FIRST);
        let tick = worker.run_once(today, noon(today)).await.expect("the run itself succeeds");
        assert_eq!((tick.recorded, tick.digests_sent, tick.reminders_sent, tick.failed), (4, 0, 0, 3), "{backend:?}");
        let entries = ledger(&store).await;
        assert_eq!(entries.len(), 4);
        for entry in &entries {
            assert_eq!(entry.state, ReminderState::Pending, "{backend:?}: {entry:?}");
            assert_eq!(entry.attempts, 1, "{backend:?}");
            assert!(entry.failed() && entry.sent_at.is_none(), "{backend:?}: {entry:?}");
            assert!(!entry.last_error.as_deref().unwrap_or_default().is_empty());
        }

        let sink = Sink::start_on(port);
        let tick = worker.run_once(today, noon(today) + chrono::Duration::hours(1)).await.expect("run");
        assert_eq!((tick.recorded, tick.digests_sent, tick.reminders_sent, tick.failed), (0, 3, 4, 0), "{backend:?}");
        assert_eq!(sink.mails().len(), 3, "{backend:?}");
        for entry in ledger(&store).await {
            assert_eq!((entry.state, entry.attempts), (ReminderState::Sent, 2), "{backend:?}");
            assert!(!entry.failed());
        }
    }
}

#[tokio::test]
async fn a_contract_past_its_notice_deadline_gets_no_reminder() {
    let sink = Sink::start();
    for backend in backends() {
        let before = sink.mails().len();
        let (_database, store) = database(backend).await;
        let avt3 = contract_id(&store, "AVT-3").await;
        // Before AVT-3's deadline (2026-10-31) its 3-month reminder is due,
        // but this instance has no mail server: it only records.
        let quiet = worker(&store, None);
        let tick = quiet.run_once(day("2026-09-01"), noon(day("2026-09-01"))).await.expect("run");
        assert_eq!(tick, Tick { recorded: 1, ..Tick::default() }, "{backend:?}");
        let pending = ledger(&store).await;
        assert_eq!(pending.len(), 1);
        assert_eq!((pending[0].key.contract_id, pending[0].key.lead_months), (avt3, 3));
        assert_eq!(pending[0].state, ReminderState::Pending, "without SMTP nothing is claimed");

        // After the deadline a mail-sending instance leaves it: too late.
        let loud = worker(&store, Some(sink.url()));
        let tick = loud.run_once(day("2026-11-01"), noon(day("2026-11-01"))).await.expect("run");
        assert_eq!(tick, Tick::default(), "{backend:?}");
        let tick = loud.run_once(day(FIRST), noon(day(FIRST))).await.expect("run");
        assert_eq!(tick.digests_sent, 3, "{backend:?}: the others go out");
        let mails = sink.mails().split_off(before);
        assert!(mails.iter().all(|m| !m.body.contains("AVT-3")), "{backend:?}: {mails:#?}");
        let avt3_rows = store.reminder_ledger(Some(avt3), None).await.expect("ledger");
        assert_eq!(avt3_rows.len(), 1, "{backend:?}");
        assert_eq!(avt3_rows[0].state, ReminderState::Pending, "{backend:?}: visible as never sent");
    }
}

#[tokio::test]
async fn the_app_shows_my_reminders_and_a_contracts_ledger() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let store = &app.store;
        let today = app::domain::clock::today();
        let contracts = store.contracts().await.expect("contracts");
        let people = store.contract_people().await.expect("people");
        // The demo account with the most contracts due a reminder today.
        let mut best: Option<(&str, i64, Vec<i64>)> = None;
        for &(email, _, _) in app::demo::DEMO_ACCOUNTS {
            let Some(person) = app.access.person_by_email(email).await.expect("query") else { continue };
            let mut due: Vec<i64> = contracts
                .iter()
                .filter(|c| people.iter().any(|p| p.contract_id == c.id && p.role_of(person.id).is_some()))
                .filter(|c| app::domain::due_reminder(c, today, &LEADS).is_some())
                .map(|c| c.id)
                .collect();
            due.sort_unstable();
            if best.as_ref().is_none_or(|(_, _, most)| due.len() > most.len()) {
                best = Some((email, person.id, due));
            }
        }
        let (email, person_id, expected) = best.expect("demo accounts");
        assert!(!expected.is_empty(), "{backend:?}: some demo account has a contract due a reminder");

        // The app's own worker runs at start (no SMTP: it only records).
        let mut recorded = Vec::new();
        for _ in 0..100 {
            recorded = store.reminder_ledger(None, Some(person_id)).await.expect("ledger");
            if recorded.len() >= expected.len() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(recorded.iter().all(|e| e.state == ReminderState::Pending), "{backend:?}: {recorded:?}");

        let client = app.sign_in(email, app::demo::DEMO_PASSWORD).await;
        let (status, body) = app.call(&client, "/sf/reminders/mine", &[]).await;
        assert_eq!(status, 200, "{backend:?}: {body}");
        let mut shown: Vec<i64> =
            body["items"].as_array().expect("items").iter().map(|i| i["contract_id"].as_i64().expect("id")).collect();
        shown.sort_unstable();
        assert_eq!(shown, expected, "{backend:?}");
        assert_eq!(body["email"], false);
        let first = &body["items"][0];
        assert!(first["lead_months"].as_u64().is_some_and(|m| LEADS.contains(&(m as u32))), "{first}");
        assert_eq!(first["entries"].as_array().expect("entries").len(), 1, "{backend:?}: the recorded row: {first}");
        assert_eq!(first["entries"][0]["state"], "pending");

        let id = expected[0].to_string();
        let (status, body) = app.call(&client, "/sf/reminders/contract", &[("id", &id)]).await;
        assert_eq!(status, 200, "{backend:?}: {body}");
        let entries = body["entries"].as_array().expect("entries");
        assert!(entries.iter().any(|e| e["person_id"] == person_id), "{backend:?}: {body}");
        let (status, _) = app.call(&client, "/sf/reminders/contract", &[("id", "999999")]).await;
        assert_eq!(status, 404, "{backend:?}");
        let (status, _) = app.call(&app.anonymous, "/sf/reminders/mine", &[]).await;
        assert_eq!(status, 401, "{backend:?}");
        let (status, _) = app.call(&app.anonymous, "/sf/reminders/contract", &[("id", &id)]).await;
        assert_eq!(status, 401, "{backend:?}");
    }
}

#[tokio::test]
async fn reminders_claimed_by_an_instance_that_died_go_out_when_its_lease_runs_out() {
    let sink = Sink::start();
    for backend in backends() {
        let before = sink.mails().len();
        let (_database, store) = database(backend).await;
        let today = day(FIRST);
        let start = noon(today);
        // An instance recorded and claimed the reminders, then died before sending.
        let quiet = worker(&store, None);
        assert_eq!(quiet.run_once(today, start).await.expect("run").recorded, 4);
        let lease = chrono::Duration::from_std(server::reminders::LEASE).expect("lease");
        let claimed = store.claim_reminders("died", today, start, start + lease).await.expect("claim");
        assert_eq!(claimed.len(), 4, "{backend:?}");
        assert!(ledger(&store).await.iter().all(|e| e.state == ReminderState::Sending));

        // While its lease holds, nobody else sends them.
        let live = worker(&store, Some(sink.url()));
        let tick = live.run_once(today, start + chrono::Duration::minutes(9)).await.expect("run");
        assert_eq!(tick, Tick::default(), "{backend:?}");
        assert_eq!(sink.mails().len(), before, "{backend:?}");

        // Once it has run out, the next run sends them, once.
        let tick = live.run_once(today, start + chrono::Duration::minutes(11)).await.expect("run");
        assert_eq!((tick.digests_sent, tick.reminders_sent), (3, 4), "{backend:?}");
        assert_eq!(sink.mails().len(), before + 3, "{backend:?}");
        // The dead instance cannot mark or release what is no longer its own.
        assert_eq!(store.mark_reminders_sent(&claimed, "died", start).await.expect("mark"), 0);
        assert_eq!(store.release_reminders(&claimed, "died", Some("late")).await.expect("release"), 0);
        assert!(ledger(&store).await.iter().all(|e| e.state == ReminderState::Sent && !e.failed()));
    }
}

#[tokio::test]
async fn a_reminder_for_a_deadline_that_moved_is_dropped_not_sent() {
    let sink = Sink::start();
    for backend in backends() {
        let before = sink.mails().len();
        let database = TestDatabase::create(backend).await;
        let sql = SqlStore::new(server::db::connect(&database.target).await.expect("the database opens"));
        let store: SharedStore = Arc::new(sql.clone());
        store.load(&register(), None).await.expect("the register loads");
        let today = day(FIRST);
        assert_eq!(worker(&store, None).run_once(today, noon(today)).await.expect("run").recorded, 4);

        // AVT-1's one-year option is exercised (the register's form will do
        // this; here by hand): its deadline moves from 2028-09-30 to 2029-09-30.
        let avt1 = contract_id(&store, "AVT-1").await;
        let update = "UPDATE contracts SET option_count = 1, option_months = 12, options_used = 1 WHERE id = $1";
        let done = match sql.pool() {
            server::db::Pool::Sqlite(p) => {
                sqlx::query(update).bind(avt1).execute(p).await.expect("update").rows_affected()
            }
            server::db::Pool::Postgres(p) => {
                sqlx::query(update).bind(avt1).execute(p).await.expect("update").rows_affected()
            }
        };
        assert_eq!(done, 1);

        let tick = worker(&store, Some(sink.url())).run_once(today, noon(today)).await.expect("run");
        assert_eq!((tick.recorded, tick.voided, tick.digests_sent, tick.reminders_sent), (0, 2, 2, 2), "{backend:?}");
        let mails = sink.mails().split_off(before);
        assert!(mails.iter().all(|m| !m.body.contains("AVT-1")), "{backend:?}: {mails:#?}");
        assert!(to(&mails, BO).is_empty(), "{backend:?}: Bo is only AVT-1's deputy");
        assert!(store.reminder_ledger(Some(avt1), None).await.expect("ledger").is_empty(), "{backend:?}");
    }
}
