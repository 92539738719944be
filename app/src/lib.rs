//! Styrbord's shared crate: the pm3 domain, the demo portfolio, the
//! interface texts, and (with the `ssr`/`hydrate` features) the Leptos
//! application that the server renders and the browser hydrates.
#![forbid(unsafe_code)]
// The plan editor's views nest deep enough to pass the default type-layout
// depth; the components return `AnyView` where that is cheap.
#![recursion_limit = "256"]

/// Server functions and the one error type they share.
pub mod api;
/// A portfolio as plain data keyed by natural keys, for loading into a store.
pub mod dataset;
/// The demo portfolio: AKN 2020 as its object plan gives it, and synthetic neighbours.
pub mod demo;
/// The pm3 model and its pure computations (no features needed).
pub mod domain;
/// Interface texts in Swedish and English, and Swedish number formats.
pub mod i18n;
/// Password hashing, random session ids and tokens, and their digests.
#[cfg(feature = "ssr")]
pub mod secrets;
/// The storage port the server implements per database backend.
#[cfg(feature = "ssr")]
pub mod store;
/// The Leptos application: routes, layout, pages.
#[cfg(feature = "ui")]
pub mod ui;
/// What each page shows, shaped from domain values by pure functions.
pub mod views;
