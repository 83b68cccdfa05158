//! The integration tests: one binary, a module per feature (see tests/README.md).
mod build;
mod crash;
mod data;
mod errors;
mod example_site;
mod harness;
mod print;
mod properties;
mod search;
mod serve;
