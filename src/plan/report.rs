//! The summary: Rails' vocabulary for people, JSON for scripts, unified diffs for dry runs.

use std::io::{self, IsTerminal, Write};

use serde_json::json;
use similar::TextDiff;

use super::{Outcome, Plan, Status};

fn label(status: Status) -> &'static str {
    match status {
        Status::Create => "create",
        Status::Identical => "identical",
        Status::Force => "force",
        Status::Conflict => "conflict",
        Status::Update => "update",
        Status::Remove => "remove",
    }
}

fn color(status: Status) -> &'static str {
    match status {
        Status::Create => "\x1b[32m",
        Status::Identical => "\x1b[34m",
        Status::Force | Status::Remove | Status::Update => "\x1b[33m",
        Status::Conflict => "\x1b[31m",
    }
}

/// Prints warnings, one line per file, the diffs of a dry run, and the next steps.
pub fn print_human(plan: &Plan, outcomes: &[Outcome], dry_run: bool) -> io::Result<()> {
    let stdout = io::stdout();
    let colored = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = stdout.lock();
    for warning in &plan.warnings {
        writeln!(out, "warning: {warning}")?;
    }
    if dry_run {
        for o in outcomes
            .iter()
            .filter(|o| !matches!(o.status, Status::Identical))
        {
            let path = o.path.display().to_string();
            let old = o.old.as_deref().unwrap_or("");
            let new = o.new.as_deref().unwrap_or("");
            let diff = TextDiff::from_lines(old, new);
            let (a, b) = match o.status {
                Status::Create => ("/dev/null".to_string(), format!("b/{path}")),
                Status::Remove => (format!("a/{path}"), "/dev/null".to_string()),
                _ => (format!("a/{path}"), format!("b/{path}")),
            };
            write!(
                out,
                "{}",
                diff.unified_diff().context_radius(3).header(&a, &b)
            )?;
        }
    }
    for o in outcomes {
        let word = label(o.status);
        if colored {
            writeln!(
                out,
                "{}{word:>12}\x1b[0m  {}",
                color(o.status),
                o.path.display()
            )?;
        } else {
            writeln!(out, "{word:>12}  {}", o.path.display())?;
        }
    }
    for note in &plan.notes {
        writeln!(out, "note: {note}")?;
    }
    if dry_run {
        writeln!(out, "\nDry run: nothing was written.")?;
    }
    if !plan.next_steps.is_empty() {
        writeln!(out, "\nNext steps:")?;
        for (i, step) in plan.next_steps.iter().enumerate() {
            writeln!(out, "  {}. {step}", i + 1)?;
        }
    }
    Ok(())
}

/// What a run would do, one line per file, for the confirmation before an
/// interactive run writes: on stderr, beside the prompts.
pub fn print_summary(plan: &Plan, outcomes: &[Outcome]) -> io::Result<()> {
    let mut err = io::stderr().lock();
    writeln!(err, "\nscaffold will write:")?;
    for o in outcomes {
        writeln!(err, "{:>12}  {}", label(o.status), o.path.display())?;
    }
    for note in &plan.notes {
        writeln!(err, "note: {note}")?;
    }
    Ok(())
}

/// One JSON object on stdout: every planned file with its status.
pub fn print_json(
    command: &str,
    plan: &Plan,
    outcomes: &[Outcome],
    dry_run: bool,
) -> io::Result<()> {
    let files: Vec<_> = outcomes
        .iter()
        .map(|o| json!({ "path": o.path.to_string_lossy().replace('\\', "/"), "status": o.status }))
        .collect();
    let value = json!({
        "command": command,
        "dry_run": dry_run,
        "files": files,
        "warnings": plan.warnings,
        "notes": plan.notes,
        "next_steps": plan.next_steps,
    });
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &value)?;
    writeln!(out)
}
