//! The codemod's verdict without the codemod: who calls a route, for `scaffold audit`.
//! The same analysis and caller scan as `migrate route-to-action`, over files the caller
//! has already read, so one walk serves every route of the project.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Reason, ReasonKind, assemble, callers, route, slash, url};
use crate::project::Project;
use crate::spec::Segment;

/// Whether a route must stay a route, and why.
#[derive(Debug, Clone)]
pub struct Classification {
    /// `/api/posts/[id]`.
    pub url: String,
    /// The handlers a migration would move (POST, PUT, PATCH, DELETE).
    pub mutations: Vec<String>,
    /// The handlers that stay routes whatever happens (GET, HEAD, OPTIONS).
    pub reads: Vec<String>,
    /// Why it must stay a route; empty for a migration candidate.
    pub reasons: Vec<Reason>,
}

impl Classification {
    /// Only the app calls its mutations: `migrate route-to-action` would move them.
    pub fn candidate(&self) -> bool {
        !self.mutations.is_empty() && self.reasons.is_empty()
    }
}

/// Classifies `route` (root-relative) against `files` (root-relative path, text): every
/// source file of the project.
pub fn classify(
    project: &Project,
    route: &Path,
    text: &str,
    files: &[(PathBuf, &str)],
) -> Result<Classification> {
    let folder = route
        .parent()
        .and_then(|p| p.strip_prefix(&project.app_dir).ok())
        .map(slash)
        .unwrap_or_default();
    let segment = Segment::parse_folder(&folder)
        .map_err(|e| anyhow::anyhow!("{}: the folder is not a route path: {e}", slash(route)))?;
    let analysis = route::analyze(route, text, &segment, &route::Sharing::default())?;
    let needle = callers::needle(&segment);
    let route_module = route.with_extension("");
    // Reads only, or facts that keep it a route whoever calls it: no caller scan needed
    // (an app with a thousand routes would otherwise scan the tree a thousand times).
    if analysis.actions.is_empty() || analysis.reasons.iter().any(|r| assemble::is_fact(r.kind)) {
        let reasons =
            assemble::route_reasons(&analysis, None, &slash(route), &url::display(&segment));
        return Ok(classification(&analysis, &segment, reasons));
    }
    // The files that spell the route's last folder, scanned on every core.
    let is_config = |path: &Path| path.to_str().is_some_and(|p| p.starts_with("next.config."));
    let candidates: Vec<&(PathBuf, &str)> = files
        .iter()
        .filter(|(path, source)| {
            path != route
                && (is_config(path)
                    || memchr::memmem::find(source.as_bytes(), needle.as_bytes()).is_some())
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = candidates.len().div_ceil(threads).max(1);
    let found: Vec<callers::FileScan> = std::thread::scope(|s| {
        let handles: Vec<_> = candidates
            .chunks(chunk)
            .map(|part| {
                let (segment, actions, route_module) = (&segment, &analysis.actions, &route_module);
                s.spawn(move || {
                    part.iter()
                        .map(|(path, source)| {
                            callers::scan_file(
                                project,
                                path,
                                source.to_string(),
                                segment,
                                actions,
                                route_module,
                                is_config(path),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("the caller scan does not panic"))
            .collect()
    });
    let mut scan = callers::Scan {
        scanned: files.iter().filter(|(p, _)| p != route).count(),
        ..callers::Scan::default()
    };
    for f in found {
        scan.reasons.extend(f.reasons);
        scan.rewritten.extend(f.rewritten);
        scan.manual.extend(f.manual);
    }
    let reasons = assemble::route_reasons(
        &analysis,
        Some(&scan),
        &slash(route),
        &url::display(&segment),
    );
    Ok(classification(&analysis, &segment, reasons))
}

/// The verdict, its reasons in file order (`file:line:col`, numerically).
fn classification(
    analysis: &route::Analysis,
    segment: &Segment,
    mut reasons: Vec<Reason>,
) -> Classification {
    let key = |r: &Reason| {
        let mut parts = r.location.rsplitn(3, ':');
        let col = parts.next().and_then(|c| c.parse::<u32>().ok());
        let line = parts.next().and_then(|l| l.parse::<u32>().ok());
        match (line, col, parts.next()) {
            (Some(line), Some(col), Some(file)) => (file.to_string(), line, col),
            _ => (r.location.clone(), 0, 0),
        }
    };
    reasons.sort_by_key(key);
    reasons.dedup();
    reasons.retain(|r| r.kind != ReasonKind::Uncommitted);
    Classification {
        url: url::display(segment),
        mutations: analysis.actions.iter().map(|a| a.method.clone()).collect(),
        reads: analysis.kept_methods.clone(),
        reasons,
    }
}
