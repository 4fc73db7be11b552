//! `scaffold` as a library: the binary is a thin shell over these modules, and tests drive
//! them directly.
//!
//! Every command follows one path: argv → [`spec`] (validated data, from flags or
//! [`ask`]) → [`plan`] (every file operation, computed by [`generate`]) → disk
//! ([`plan::apply`]).

pub mod ask;
pub mod audit;
pub mod cli;
pub mod data;
pub mod format;
pub mod generate;
pub mod invariants;
pub mod layout;
pub mod migrate;
pub mod plan;
pub mod project;
pub mod spec;
pub mod syntax;
