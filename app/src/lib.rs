//! Styrbord's shared crate: the pm3 domain, the demo portfolio, the
//! interface texts, and (with the `ssr`/`hydrate` features) the Leptos
//! application that the server renders and the browser hydrates.
#![forbid(unsafe_code)]

/// The pm3 model and its pure computations (no features needed).
pub mod domain;
/// A portfolio as plain data keyed by natural keys, for loading into a store.
pub mod dataset;
/// The demo portfolio: AKN 2020 as its object plan gives it, and synthetic neighbours.
pub mod demo;
