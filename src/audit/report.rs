//! The report: for people (findings first, then the inventory of actions and routes), as
//! JSON, and as SARIF 2.1.0 for GitHub code scanning.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::rules::{RULES, Severity};
use super::{Finding, Report};

pub fn human(report: &Report, out: &mut impl Write) -> io::Result<()> {
    for f in &report.findings {
        writeln!(
            out,
            "{}[{}] {}:{}:{}",
            f.severity.as_str(),
            f.rule,
            f.file,
            f.line,
            f.column
        )?;
        writeln!(out, "  {}", f.message)?;
        writeln!(out, "  why: {}", f.why)?;
        writeln!(out, "  fix: {}", f.fix)?;
        writeln!(out)?;
    }
    if !report.actions.is_empty() {
        writeln!(out, "Server Actions ({}):", report.actions.len())?;
        for a in &report.actions {
            writeln!(
                out,
                "  {}:{}  {}  [{}, session: {}]",
                a.file, a.line, a.name, a.kind, a.auth
            )?;
        }
        writeln!(out)?;
    }
    if !report.routes.is_empty() {
        writeln!(out, "Route handlers ({}):", report.routes.len())?;
        for r in &report.routes {
            let verdict = match r.verdict {
                "candidate" => "only the app calls it: a Server Action candidate",
                "read" => "reads only (GET): stays a route",
                "route" => "stays a route",
                _ => "not classified",
            };
            writeln!(
                out,
                "  {}  {} [{}]: {verdict}",
                r.file,
                r.url,
                r.methods.join(", ")
            )?;
            for reason in &r.reasons {
                writeln!(out, "    - {reason}")?;
            }
        }
        writeln!(out)?;
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    writeln!(
        out,
        "{}, {}, {} in {} ({} files, {} ms){}",
        plural(report.count(Severity::Error), "error"),
        plural(report.count(Severity::Warning), "warning"),
        plural(report.count(Severity::Note), "note"),
        report.root,
        report.files,
        report.millis,
        if report.suppressed > 0 {
            format!(
                "; {} suppressed by scaffold-audit-ignore",
                report.suppressed
            )
        } else {
            String::new()
        }
    )
}

pub fn json(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let mut value = serde_json::to_value(report).map_err(io::Error::other)?;
    value["summary"] = json!({
        "errors": report.count(Severity::Error),
        "warnings": report.count(Severity::Warning),
        "notes": report.count(Severity::Note),
        "suppressed": report.suppressed,
    });
    serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::other)?;
    writeln!(out)
}

/// SARIF 2.1.0 as GitHub code scanning reads it: rules with help, results with a
/// repository-relative location and a stable fingerprint.
pub fn sarif(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": pascal(r.id),
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": format!("{}: {}.", r.title, r.why) },
                "help": {
                    "text": format!("Why: {}.\nFix: {}.", r.why, r.fix),
                    "markdown": format!("**Why:** {}.\n\n**Fix:** {}.", r.why, r.fix),
                },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": ["security", "nextjs"] },
            })
        })
        .collect();
    let results: Vec<Value> = report.findings.iter().map(result).collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "scaffold audit",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://nextjs.org/docs/app/guides/data-security",
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

/// `action-auth` → `ActionAuth`: SARIF wants a readable name that differs from the id.
fn pascal(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn result(f: &Finding) -> Value {
    let index = RULES.iter().position(|r| r.id == f.rule).unwrap_or(0);
    json!({
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": level(f.severity),
        "message": { "text": format!("{} Fix: {}.", sentence(&f.message), f.fix) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": f.file, "uriBaseId": "%SRCROOT%" },
                "region": { "startLine": f.line, "startColumn": f.column },
            }
        }],
        "partialFingerprints": {
            "scaffoldAudit/v1": fingerprint(f),
        },
    })
}

/// A fingerprint that survives lines moving: rule, file and message.
fn fingerprint(f: &Finding) -> String {
    // FNV-1a: stable across Rust versions, unlike DefaultHasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in f
        .rule
        .bytes()
        .chain(f.file.bytes())
        .chain(f.message.bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn sentence(text: &str) -> String {
    let mut s = text.to_string();
    if let Some(first) = s.get(0..1) {
        let upper = first.to_uppercase();
        s.replace_range(0..1, &upper);
    }
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}
