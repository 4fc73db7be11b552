//! The migration's report: the verdict and its reasons first, then the plan's summary
//! (shared with the generators), or one JSON object for scripts.

use std::io::{self, Write};

use serde_json::json;

use super::{CallerOut, Migration, Verdict};
use crate::plan::{self, Outcome};

/// Human output. Refusals go to stderr (the command fails); everything else to stdout.
pub fn print_human(m: &Migration, outcomes: &[Outcome], dry_run: bool) -> io::Result<()> {
    if m.verdict == Verdict::Refused {
        let mut err = io::stderr().lock();
        writeln!(
            err,
            "error: {} ({}) stays a route; nothing was written:",
            m.route.display(),
            m.url
        )?;
        for r in &m.reasons {
            let forced = if r.overridable {
                " [--force overrides]"
            } else {
                ""
            };
            writeln!(err, "  {}: {}{forced}", r.location, r.message)?;
        }
        return Ok(());
    }
    let mut out = io::stdout().lock();
    let verdict = match m.verdict {
        Verdict::Migrated => "migrated",
        Verdict::Partial => "partially migrated",
        Verdict::Refused => "refused",
    };
    writeln!(out, "{} ({}): {verdict}", m.route.display(), m.url)?;
    for a in &m.actions {
        writeln!(out, "  action   {} ({}) in {}", a.name, a.method, a.file)?;
    }
    let show = |out: &mut io::StdoutLock<'_>, label: &str, c: &CallerOut| -> io::Result<()> {
        write!(out, "  {label:<8} {} {}", c.location, c.method)?;
        if let Some(a) = &c.action {
            write!(out, " → {a}")?;
        }
        writeln!(out)?;
        if let Some(why) = &c.why {
            writeln!(out, "             {why}")?;
        }
        if let Some(r) = &c.replacement {
            writeln!(out, "             write: {r}")?;
        }
        Ok(())
    };
    for c in &m.callers.rewritten {
        show(&mut out, "caller", c)?;
    }
    for c in &m.callers.manual {
        show(&mut out, "manual", c)?;
    }
    for c in &m.callers.unchanged {
        show(&mut out, "kept", c)?;
    }
    if m.reasons.iter().any(|r| r.overridable) {
        for r in &m.reasons {
            writeln!(out, "  forced   {}: {}", r.location, r.message)?;
        }
    }
    drop(out);
    plan::print_human(&m.plan, outcomes, dry_run)
}

/// One JSON object on stdout, the shape the contract names.
pub fn print_json(m: &Migration, outcomes: &[Outcome], dry_run: bool) -> io::Result<()> {
    let files: Vec<_> = outcomes
        .iter()
        .map(|o| json!({ "path": o.path.to_string_lossy().replace('\\', "/"), "status": o.status }))
        .collect();
    let value = json!({
        "command": "migrate route-to-action",
        "route": m.route.to_string_lossy().replace('\\', "/"),
        "url": m.url,
        "verdict": m.verdict,
        "dry_run": dry_run,
        "reasons": m.reasons,
        "actions": m.actions,
        "callers": m.callers,
        "files": files,
        "notes": m.notes.iter().chain(&m.plan.notes).collect::<Vec<_>>(),
        "next_steps": m.plan.next_steps,
    });
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &value)?;
    writeln!(out)
}
