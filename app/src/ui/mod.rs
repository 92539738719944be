//! The Leptos application: routes, layout and pages. Rendered on the
//! server, hydrated in the browser.

mod access;
pub mod contract;
mod dashboard;
mod escalation;
mod layout;
mod locale;
mod meeting;
mod object;
mod overview;
pub(crate) mod plan;
#[cfg(feature = "ssr")]
mod shell;
mod status;
mod status_page;
mod tables;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

pub use locale::{provide_locale, use_texts};
#[cfg(feature = "ssr")]
pub use shell::shell;

/// Pages the server sends without the wasm bundle: read-only pages that are
/// complete as HTML (links, GET forms and plain POST forms) and must load
/// fast on a phone, where the bundle would be most of the first load.
/// Reached by a link inside the running app, they render in the browser
/// like every other page; their links lead on to hydrated pages.
pub const WITHOUT_WASM: &[&str] = &["/dashboard", "/dashboard/rows", "/status"];

/// Where the compiled stylesheet is served.
pub const STYLESHEET: &str = "/pkg/styrbord.css";

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_locale();
    mark_hydrated();
    view! {
        <Router>
            <layout::Layout>
                // Async: the page is sent whole, with its real status (404
                // for an unknown object), and reads fine without wasm.
                <Routes fallback=|| view! { <status::NotFound/> }>
                    <Route path=path!("/") view=overview::OverviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard") view=dashboard::DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard/rows") view=dashboard::DrillPage ssr=SsrMode::Async/>
                    <Route path=path!("/status") view=status_page::StatusPage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code") view=object::ObjectPage ssr=SsrMode::Async/>
                    <Route path=path!("/initiatives/:id") view=plan::InitiativePage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/plans/:year/new") view=plan::NewInitiativePage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/plans/:year/settings") view=plan::SettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/plans/:year/import") view=plan::ImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/plans/:year/next-year") view=plan::NextPlanPage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/compare") view=plan::ComparePage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/edit") view=plan::EditObjectPage ssr=SsrMode::Async/>
                    <Route path=path!("/new-object") view=plan::NewObjectPage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/catalog") view=plan::CatalogPage ssr=SsrMode::Async/>
                    <Route path=path!("/suppliers") view=plan::SuppliersPage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/plans/:year/priorities") view=plan::PriorityPage ssr=SsrMode::Async/>
                    <Route path=path!("/portfolio/priorities") view=plan::PortfolioPriorityPage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/plans/:year/report") view=plan::ReportPage ssr=SsrMode::Async/>
                    <Route path=path!("/objects/:code/plans/:year/import/:draft") view=plan::ImportPreviewRoute ssr=SsrMode::Async/>
                    <Route path=path!("/sign-in") view=access::SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=access::AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/people") view=access::PeoplePage ssr=SsrMode::Async/>
                    <Route path=path!("/audit") view=access::AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/contracts") view=contract::ContractsPage ssr=SsrMode::Async/>
                    <Route path=path!("/contracts/new") view=contract::NewContractPage ssr=SsrMode::Async/>
                    <Route path=path!("/contracts/:id") view=contract::ContractDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/contracts/:id/edit") view=contract::EditContractPage ssr=SsrMode::Async/>
                    <Route path=path!("/escalations") view=escalation::EscalationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/escalations/new") view=escalation::NewEscalationPage ssr=SsrMode::Async/>
                    <Route path=path!("/escalations/:id") view=escalation::EscalationDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings") view=meeting::MeetingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/new") view=meeting::NewMeetingPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/compare") view=meeting::CompareMeetingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id") view=meeting::MeetingDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/protocol") view=meeting::ProtocolPage ssr=SsrMode::Async/>
                </Routes>
            </layout::Layout>
        </Router>
    }
}

/// Sets `data-hydrated` on `<html>` once the wasm has taken over, so tests
/// (and curious people) can tell a hydrated page from server HTML.
fn mark_hydrated() {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}

/// Text for `<Title>` (or a `<textarea>`'s content) that may hold user
/// text. leptos_meta 0.8 writes the title, and tachys a textarea's
/// children, into the server's HTML without escaping (a name containing
/// `</title><script>` would run), so the server escapes it here; in the
/// browser the text is set as text and needs nothing.
pub(crate) fn title_text(text: String) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    } else {
        text
    }
}

/// Percent-encodes text for use as a query value (paths keep their `/`).
pub(crate) fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}
