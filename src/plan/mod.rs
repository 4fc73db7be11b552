//! A plan is every file operation a command wants, with the new contents, computed before
//! anything touches the disk. Every command ends in one, so conflict handling, dry runs,
//! atomic writes and the summary behave the same everywhere.

mod apply;
mod report;

use std::path::PathBuf;

pub use apply::{Outcome, Status, apply, check};
pub use report::{print_human, print_json, print_summary};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Write the file with these contents (create, or replace with `--force`).
    Write(String),
    /// Write these contents to a file the command extends on purpose (`.env.example`):
    /// reported as `update`, never a conflict.
    Merge(String),
    /// Remove the file.
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOp {
    /// Relative to the project root, with `/` separators.
    pub path: PathBuf,
    pub change: Change,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub ops: Vec<FileOp>,
    /// Shown after the summary: install commands, things to wire up.
    pub next_steps: Vec<String>,
    /// Shown before the summary.
    pub warnings: Vec<String>,
    /// Shown after the summary: what was done to the files besides writing them.
    pub notes: Vec<String>,
}

impl Plan {
    pub fn write(&mut self, path: impl Into<PathBuf>, contents: String) {
        self.ops.push(FileOp {
            path: path.into(),
            change: Change::Write(contents),
        });
    }

    pub fn merge(&mut self, path: impl Into<PathBuf>, contents: String) {
        self.ops.push(FileOp {
            path: path.into(),
            change: Change::Merge(contents),
        });
    }
}

/// How to treat files that already exist.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub force: bool,
    pub dry_run: bool,
}
