//! Turning a plan into files: all-or-nothing, never through a symlink or outside the root,
//! never over a user's file without `--force`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use super::{Change, FileOp, Options, Plan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A new file.
    Create,
    /// The file exists with the same contents: nothing to do.
    Identical,
    /// The file exists with other contents and `--force` replaces it.
    Force,
    /// The file exists with other contents: the plan is refused without `--force`.
    Conflict,
    /// The file is extended on purpose (new lines added to `.env.example`).
    Update,
    /// The file is removed.
    Remove,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub path: PathBuf,
    pub status: Status,
    /// What is on disk now, for diffs (`None` when the file does not exist).
    pub old: Option<String>,
    /// What the plan wants (`None` for removals).
    pub new: Option<String>,
}

/// Works out the status of every operation without writing. Fails on paths that escape the
/// project root or go through a symlink.
pub fn check(root: &Path, plan: &Plan, options: Options) -> Result<Vec<Outcome>> {
    let canonical_root = root
        .canonicalize()
        .with_context(|| format!("cannot open {}", root.display()))?;
    let mut outcomes = Vec::with_capacity(plan.ops.len());
    for (i, op) in plan.ops.iter().enumerate() {
        if plan.ops[..i].iter().any(|o| o.path == op.path) {
            bail!(
                "internal error: the plan writes {} twice",
                op.path.display()
            );
        }
        let target = safe_target(&canonical_root, root, &op.path)?;
        let old = match fs::symlink_metadata(&target) {
            Ok(meta) if meta.is_dir() => bail!("{} is a directory, not a file", op.path.display()),
            Ok(_) => Some(
                String::from_utf8(
                    fs::read(&target)
                        .with_context(|| format!("cannot read {}", op.path.display()))?,
                )
                .unwrap_or_else(|_| String::from("\u{fffd} (binary or non-UTF-8 file)\n")),
            ),
            Err(_) => None,
        };
        let (status, new) = match (&op.change, &old) {
            (Change::Write(new) | Change::Merge(new), None) => (Status::Create, Some(new.clone())),
            (Change::Write(new) | Change::Merge(new), Some(old)) if old == new => {
                (Status::Identical, Some(new.clone()))
            }
            (Change::Merge(new), Some(_)) => (Status::Update, Some(new.clone())),
            (Change::Write(new), Some(_)) => (
                if options.force {
                    Status::Force
                } else {
                    Status::Conflict
                },
                Some(new.clone()),
            ),
            (Change::Delete, Some(_)) => (Status::Remove, None),
            (Change::Delete, None) => bail!(
                "{} is planned for removal but does not exist",
                op.path.display()
            ),
        };
        outcomes.push(Outcome {
            path: op.path.clone(),
            status,
            old,
            new,
        });
    }
    Ok(outcomes)
}

/// Refuses absolute paths, `..`, and any existing component that is a symlink: a symlink
/// could lead the write out of the project.
fn safe_target(canonical_root: &Path, root: &Path, rel: &Path) -> Result<PathBuf> {
    use std::path::Component;
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        bail!(
            "refusing to write {}: the path must stay inside the project",
            rel.display()
        );
    }
    let mut current = root.to_path_buf();
    for part in rel.components() {
        current.push(part);
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let dest = fs::canonicalize(&current)
                    .map(|d| d.display().to_string())
                    .unwrap_or_else(|_| "a missing target".into());
                let inside =
                    fs::canonicalize(&current).is_ok_and(|d| d.starts_with(canonical_root));
                bail!(
                    "refusing to write {}: {} is a symlink to {}{}",
                    rel.display(),
                    current.strip_prefix(root).unwrap_or(&current).display(),
                    dest,
                    if inside { "" } else { ", outside the project" }
                );
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(root.join(rel))
}

/// Applies the plan: every file is written to a temporary sibling first, then all are
/// renamed into place. If anything fails, files already placed are restored (or removed)
/// and created folders are removed, so the tree is as it was.
pub fn apply(root: &Path, plan: &Plan, options: Options) -> Result<Vec<Outcome>> {
    let outcomes = check(root, plan, options)?;
    let conflicts: Vec<_> = outcomes
        .iter()
        .filter(|o| o.status == Status::Conflict)
        .collect();
    if !conflicts.is_empty() && !options.dry_run {
        let list: Vec<String> = conflicts
            .iter()
            .map(|o| format!("  {}", o.path.display()))
            .collect();
        bail!(
            "{} file{} already exist{} with other contents; nothing was written (use --force to overwrite, or --dry-run to see the differences):\n{}",
            conflicts.len(),
            if conflicts.len() == 1 { "" } else { "s" },
            if conflicts.len() == 1 { "s" } else { "" },
            list.join("\n")
        );
    }
    if options.dry_run {
        return Ok(outcomes);
    }
    let mut tx = Transaction {
        root,
        created_dirs: Vec::new(),
        placed: Vec::new(),
        staged: Vec::new(),
    };
    match tx.run(&plan.ops, &outcomes) {
        Ok(()) => Ok(outcomes),
        Err(err) => {
            let rollback = tx.rollback();
            match rollback {
                Ok(()) => Err(err.context("nothing was changed")),
                Err(r) => Err(err.context(format!(
                    "rolling back also failed, check the files listed: {r}"
                ))),
            }
        }
    }
}

enum Step {
    Place {
        staged: usize,
        target: PathBuf,
        old: Option<String>,
        rel: PathBuf,
    },
    Remove {
        target: PathBuf,
        old: Option<String>,
        rel: PathBuf,
    },
}

struct Transaction<'a> {
    root: &'a Path,
    created_dirs: Vec<PathBuf>,
    /// Files renamed into place, with what was there before.
    placed: Vec<(PathBuf, Option<String>)>,
    staged: Vec<tempfile::TempPath>,
}

impl Transaction<'_> {
    /// Every staged file reaches the disk before any is renamed into place. The fsyncs run
    /// side by side: the file system can commit them together, where one after another
    /// each waits for its own journal commit (most of a run's time before).
    fn sync_staged(&self) -> Result<()> {
        std::thread::scope(|scope| {
            let handles: Vec<_> = self
                .staged
                .iter()
                .map(|path| {
                    scope.spawn(move || {
                        fs::OpenOptions::new()
                            .write(true)
                            .open(path)
                            .and_then(|f| f.sync_all())
                    })
                })
                .collect();
            for (handle, path) in handles.into_iter().zip(&self.staged) {
                handle
                    .join()
                    .map_err(|_| anyhow!("internal error: a sync thread panicked"))?
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            Ok(())
        })
    }

    fn run(&mut self, ops: &[FileOp], outcomes: &[Outcome]) -> Result<()> {
        // Stage every write first, so most failures (permissions, full disk) happen before
        // any file of the user's changes.
        let mut steps = Vec::new();
        for (op, outcome) in ops.iter().zip(outcomes) {
            let target = self.root.join(&op.path);
            let rel = op.path.clone();
            let old = outcome.old.clone();
            match (&op.change, outcome.status) {
                (_, Status::Identical) => {}
                (Change::Write(contents) | Change::Merge(contents), _) => {
                    let dir = target
                        .parent()
                        .ok_or_else(|| anyhow!("{} has no parent folder", rel.display()))?;
                    self.create_dirs(dir)?;
                    let mut tmp = tempfile::Builder::new()
                        .prefix(".scaffold-")
                        .tempfile_in(dir)
                        .with_context(|| format!("cannot write in {}", dir.display()))?;
                    tmp.write_all(contents.as_bytes())
                        .with_context(|| format!("cannot write {}", rel.display()))?;
                    self.staged.push(tmp.into_temp_path());
                    steps.push(Step::Place {
                        staged: self.staged.len() - 1,
                        target,
                        old,
                        rel,
                    });
                }
                (Change::Delete, _) => steps.push(Step::Remove { target, old, rel }),
            }
        }
        self.sync_staged()?;
        let fail_after = test_failure_point();
        for (count, step) in steps.into_iter().enumerate() {
            if fail_after == Some(count) {
                bail!("injected failure after {count} files (SCAFFOLD_TEST_FAIL_AFTER)");
            }
            match step {
                Step::Place {
                    staged,
                    target,
                    old,
                    rel,
                } => {
                    fs::rename(&self.staged[staged], &target)
                        .with_context(|| format!("cannot write {}", rel.display()))?;
                    self.placed.push((target, old));
                }
                Step::Remove { target, old, rel } => {
                    fs::remove_file(&target)
                        .with_context(|| format!("cannot remove {}", rel.display()))?;
                    self.placed.push((target, old));
                }
            }
        }
        // Renamed temporary paths no longer exist; forget them instead of deleting.
        for tmp in self.staged.drain(..) {
            let _ = tmp.keep();
        }
        Ok(())
    }

    fn create_dirs(&mut self, dir: &Path) -> Result<()> {
        let mut missing = Vec::new();
        let mut d = dir;
        while !d.exists() {
            missing.push(d.to_path_buf());
            d = match d.parent() {
                Some(p) => p,
                None => break,
            };
        }
        for m in missing.into_iter().rev() {
            fs::create_dir(&m).with_context(|| format!("cannot create folder {}", m.display()))?;
            self.created_dirs.push(m);
        }
        Ok(())
    }

    fn rollback(&mut self) -> Result<()> {
        let mut errors = Vec::new();
        // Dropping a TempPath removes it; for the ones already renamed, removal fails
        // harmlessly because the name no longer exists.
        self.staged.clear();
        for (target, old) in self.placed.drain(..).rev() {
            let result = match old {
                Some(contents) => fs::write(&target, contents),
                None => fs::remove_file(&target),
            };
            if let Err(e) = result {
                errors.push(format!("{}: {e}", target.display()));
            }
        }
        for dir in self.created_dirs.drain(..).rev() {
            if let Err(e) = fs::remove_dir(&dir) {
                errors.push(format!("{}: {e}", dir.display()));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(anyhow!(errors.join("; ")))
        }
    }
}

/// Test hook: `SCAFFOLD_TEST_FAIL_AFTER=k` fails the apply step after k files were placed,
/// so tests can prove that a failure mid-way leaves the tree as it was.
fn test_failure_point() -> Option<usize> {
    std::env::var("SCAFFOLD_TEST_FAIL_AFTER").ok()?.parse().ok()
}
