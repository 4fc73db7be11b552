//! `vulnerable-version`: the installed next and react-server-dom-* against the advisories
//! kept in `advisories.json` (copied from the GitHub Advisory Database, with each
//! advisory's URL; see docs/audit.md for how to update it).

use std::path::{Path, PathBuf};

use nodejs_semver::Version;
use serde::Deserialize;

use super::Finding;
use super::rules::{Severity, VULNERABLE_VERSION};

const PACKAGES: &[&str] = &[
    "next",
    "react-server-dom-webpack",
    "react-server-dom-turbopack",
    "react-server-dom-parcel",
];

#[derive(Debug, Deserialize)]
struct Table {
    advisories: Vec<Advisory>,
}

#[derive(Debug, Deserialize)]
pub struct Advisory {
    pub id: String,
    pub cve: String,
    pub package: String,
    pub severity: String,
    pub title: String,
    pub url: String,
    ranges: Vec<Span>,
}

/// `introduced <= v < fixed` (`below` where the advisory names no fix of a branch).
#[derive(Debug, Deserialize)]
struct Span {
    introduced: String,
    #[serde(alias = "below")]
    fixed: String,
}

fn table() -> &'static [Advisory] {
    static TABLE: std::sync::OnceLock<Vec<Advisory>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str::<Table>(include_str!("advisories.json"))
            .expect("advisories.json is checked by a test")
            .advisories
    })
}

/// `19.0` → `19.0.0`.
fn version(text: &str) -> Option<Version> {
    let dots = text.split('-').next().unwrap_or("").matches('.').count();
    let padded = match dots {
        0 => format!("{text}.0.0"),
        1 => format!("{text}.0"),
        _ => text.to_string(),
    };
    Version::parse(&padded).ok()
}

/// The advisories that affect `package` at `installed`.
pub fn affecting(package: &str, installed: &Version) -> Vec<&'static Advisory> {
    table()
        .iter()
        .filter(|a| a.package == package)
        .filter(|a| {
            a.ranges.iter().any(|r| {
                matches!((version(&r.introduced), version(&r.fixed)), (Some(lo), Some(hi)) if &lo <= installed && installed < &hi)
            })
        })
        .collect()
}

/// Where a package's version comes from: node_modules (the app's or a workspace root's),
/// else package-lock.json, else the lowest version package.json allows.
fn installed(root: &Path, package: &str) -> Option<(Version, &'static str)> {
    for dir in root.ancestors().take(4) {
        let manifest = dir.join("node_modules").join(package).join("package.json");
        if let Some(v) = read_version(&manifest) {
            return Some((v, "installed"));
        }
    }
    for dir in root.ancestors().take(4) {
        let lock = dir.join("package-lock.json");
        if let Ok(text) = std::fs::read_to_string(&lock)
            && let Ok(json) = serde_json::from_str::<serde_json::Value>(&text)
            && let Some(v) = json
                .pointer(&format!(
                    "/packages/node_modules~1{}",
                    package.replace('/', "~1")
                ))
                .and_then(|p| p.get("version"))
                .and_then(|v| v.as_str())
                .and_then(|s| Version::parse(s).ok())
        {
            return Some((v, "locked"));
        }
    }
    let pkg: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("package.json")).ok()?).ok()?;
    let declared = ["dependencies", "devDependencies"]
        .iter()
        .find_map(|s| pkg.get(s)?.get(package)?.as_str())?;
    let v = nodejs_semver::Range::parse(declared).ok()?.min_version()?;
    Some((v, "declared"))
}

fn read_version(manifest: &PathBuf) -> Option<Version> {
    let text = std::fs::read_to_string(manifest).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    Version::parse(json.get("version")?.as_str()?).ok()
}

pub fn check(project: &crate::project::Project) -> Vec<Finding> {
    let manifest = std::fs::read_to_string(project.root.join("package.json")).unwrap_or_default();
    let mut out = Vec::new();
    for package in PACKAGES {
        let Some((v, how)) = installed(&project.root, package) else {
            continue;
        };
        let found = affecting(package, &v);
        if found.is_empty() {
            continue;
        }
        // The line of the dependency in package.json (JSON, not source code).
        let key = format!("\"{package}\"");
        let line = manifest
            .lines()
            .position(|l| l.trim_start().starts_with(&key))
            .map_or(1, |i| i + 1);
        let worst = if found
            .iter()
            .any(|a| matches!(a.severity.as_str(), "critical" | "high"))
        {
            Severity::Error
        } else {
            Severity::Warning
        };
        let rank = |s: &str| match s {
            "critical" => 0,
            "high" => 1,
            "moderate" => 2,
            _ => 3,
        };
        let mut found = found;
        found.sort_by_key(|a| rank(&a.severity));
        let shown = found
            .iter()
            .take(3)
            .map(|a| {
                format!(
                    "{} ({}, {} {}): {}",
                    a.cve,
                    a.severity,
                    a.id,
                    a.url,
                    a.title.trim_end_matches('.')
                )
            })
            .collect::<Vec<_>>();
        let rest = found.len().saturating_sub(3);
        let mut f = VULNERABLE_VERSION.at(
            "package.json",
            (line, 1),
            format!(
                "{package} {v} ({how}) is affected by {} advisor{}: {}{}",
                found.len(),
                if found.len() == 1 { "y" } else { "ies" },
                shown.join("; "),
                if rest > 0 {
                    format!("; and {rest} more")
                } else {
                    String::new()
                }
            ),
        );
        f.severity = worst;
        f.fix = format!("upgrade {package} to {}", highest_fix(&found, &v));
        out.push(f);
    }
    out
}

/// The smallest version on `v`'s line that fixes every advisory found.
fn highest_fix(found: &[&Advisory], v: &Version) -> String {
    let mut best: Option<Version> = None;
    for a in found {
        for r in &a.ranges {
            if let (Some(lo), Some(hi)) = (version(&r.introduced), version(&r.fixed))
                && &lo <= v
                && v < &hi
                && best.as_ref().is_none_or(|b| &hi > b)
            {
                best = Some(hi);
            }
        }
    }
    best.map(|b| format!("{b} or later"))
        .unwrap_or_else(|| "the patched versions".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_every_range_is_ordered() {
        assert!(table().len() > 40);
        for a in table() {
            for r in &a.ranges {
                let (lo, hi) = (version(&r.introduced).unwrap(), version(&r.fixed).unwrap());
                assert!(lo < hi, "{}: {lo} !< {hi}", a.id);
            }
        }
    }

    #[test]
    fn known_versions() {
        let ids = |v: &str| {
            affecting("next", &Version::parse(v).unwrap())
                .iter()
                .map(|a| a.cve.as_str())
                .collect::<Vec<_>>()
        };
        assert!(ids("15.2.2").contains(&"CVE-2025-29927"));
        assert!(!ids("15.2.3").contains(&"CVE-2025-29927"));
        assert!(ids("16.0.6").contains(&"CVE-2025-55182"));
        assert!(!ids("16.0.7").contains(&"CVE-2025-55182"));
        assert!(ids("16.1.6").contains(&"CVE-2026-27978"));
        assert!(!ids("16.1.7").contains(&"CVE-2026-27978"));
    }
}
