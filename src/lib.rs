//! repdir: a static site generator for public directories of elected representatives.
//!
//! The pipeline is the module list: [`load`] reads `content/` into a [`model::Site`]
//! and checks it (reporting into [`diag::Diagnostics`]); later stages render and write.
//! See ARCHITECTURE.md for the map and the rules each stage keeps.

#![warn(missing_docs, unreachable_pub)]

pub mod cli;
pub mod config;
pub mod diag;
pub mod files;
pub mod load;
pub mod messages;
pub mod model;
pub mod yaml;

use std::path::Path;

/// Reads and checks the site at `root`: the whole of `repdir check`.
pub fn check(root: &Path) -> load::Loaded {
    load::load(root)
}
