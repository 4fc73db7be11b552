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
    let mut scan = callers::Scan::default();
    for (path, source) in files {
        if path == route {
            continue;
        }
        scan.scanned += 1;
        let is_config = path.to_str().is_some_and(|p| p.starts_with("next.config."));
        if !is_config && memchr::memmem::find(source.as_bytes(), needle.as_bytes()).is_none() {
            continue;
        }
        let found = callers::scan_file(
            project,
            path,
            source.to_string(),
            &segment,
            &analysis.actions,
            &route_module,
            is_config,
        );
        scan.reasons.extend(found.reasons);
        scan.rewritten.extend(found.rewritten);
        scan.manual.extend(found.manual);
    }
    let mut reasons =
        assemble::route_reasons(&analysis, &scan, &slash(route), &url::display(&segment));
    reasons.sort_by(|a, b| a.location.cmp(&b.location));
    reasons.dedup();
    Ok(Classification {
        url: url::display(&segment),
        mutations: analysis.actions.iter().map(|a| a.method.clone()).collect(),
        reads: analysis.kept_methods.clone(),
        reasons: reasons
            .into_iter()
            .filter(|r| r.kind != ReasonKind::Uncommitted)
            .collect(),
    })
}
