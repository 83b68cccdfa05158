//! The integration tests: one binary, a module per feature (see tests/README.md).
mod build;
mod example_site;
mod print;
