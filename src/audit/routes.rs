//! Routes by consumer: each route handler classified as the codemod would classify it.
//! A route only the app calls is a `migrate route-to-action` candidate; the others stay
//! routes, with the codemod's reasons (a signature, CORS, a stream, navigation, an API
//! key, callers outside the app). The routes are analyzed first; the one walk over the
//! project then feeds each file's parse to every route whose name the file spells.

use std::path::PathBuf;

use super::file::Facts;
use super::rules::ROUTE_CANDIDATE;
use super::{Finding, RouteEntry, slash};
use crate::migrate::{FileScan, RouteJob};
use crate::project::Project;

/// The route files, analyzed, before the walk.
#[derive(Debug, Default)]
pub struct Prepared {
    pub jobs: Vec<RouteJob>,
    /// Route files the codemod cannot read, with why.
    pub unclassified: Vec<(PathBuf, String)>,
}

pub fn prepare(project: &Project) -> Prepared {
    let mut prepared = Prepared::default();
    let app = project.root.join(&project.app_dir);
    let mut routes: Vec<PathBuf> = ignore::WalkBuilder::new(&app)
        .require_git(false)
        .hidden(true)
        .filter_entry(|e| !matches!(e.file_name().to_str(), Some("node_modules" | ".next")))
        .build()
        .flatten()
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .filter(|e| {
            e.path().file_stem().is_some_and(|s| s == "route")
                && e.path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| crate::migrate::SOURCE_EXTENSIONS.contains(&x))
        })
        .filter_map(|e| e.path().strip_prefix(&project.root).ok().map(PathBuf::from))
        .collect();
    routes.sort();
    for route in routes {
        let typescript = matches!(
            route.extension().and_then(|e| e.to_str()),
            Some("ts" | "tsx")
        );
        if !typescript {
            prepared.unclassified.push((
                route,
                "a JavaScript route: the codemod reads TypeScript routes only".into(),
            ));
            continue;
        }
        let job = crate::migrate::read_source(&project.root.join(&route), &route)
            .and_then(|text| RouteJob::prepare(project, &route, &text));
        match job {
            Ok(job) => prepared.jobs.push(job),
            Err(e) => prepared.unclassified.push((route, e.to_string())),
        }
    }
    prepared
}

/// The verdicts, from what the walk's files found about each route.
pub fn finish(files: &mut [Facts], prepared: Prepared) -> (Vec<RouteEntry>, Vec<Finding>) {
    let mut scans: Vec<Vec<FileScan>> = prepared.jobs.iter().map(|_| Vec::new()).collect();
    for f in files.iter_mut() {
        for (k, scan) in std::mem::take(&mut f.route_scans) {
            scans[k].push(scan);
        }
    }
    let scanned = files.len().saturating_sub(1);
    let mut entries = Vec::new();
    let mut findings = Vec::new();
    for (job, scans) in prepared.jobs.into_iter().zip(scans) {
        let name = slash(&job.route);
        let facts = files.iter().find(|f| f.name == name);
        let methods = facts
            .and_then(|f| f.route.as_ref())
            .map(|r| r.methods.clone())
            .unwrap_or_default();
        let c = job.finish(scans, scanned);
        let candidate = c.candidate();
        let verdict = if candidate {
            "candidate"
        } else if c.mutations.is_empty() && c.reasons.is_empty() {
            "read"
        } else {
            "route"
        };
        if candidate && let Some(f) = facts {
            let mut finding = f.finding(
                ROUTE_CANDIDATE,
                0,
                format!(
                    "only this app calls {}'s {}: it can be a Server Action",
                    c.url,
                    c.mutations.join("/")
                ),
            );
            finding.fix = format!(
                "scaffold migrate route-to-action {name} --dry-run, then without --dry-run"
            );
            findings.push(finding);
        }
        entries.push(RouteEntry {
            file: name,
            url: c.url,
            methods,
            verdict,
            reasons: c
                .reasons
                .iter()
                .map(|r| format!("{}: {}", r.location, r.message))
                .collect(),
        });
    }
    for (route, why) in prepared.unclassified {
        let name = slash(&route);
        let methods = files
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| f.route.as_ref())
            .map(|r| r.methods.clone())
            .unwrap_or_default();
        entries.push(RouteEntry {
            file: name,
            url: String::new(),
            methods,
            verdict: "unclassified",
            reasons: vec![why],
        });
    }
    entries.sort_by(|a, b| a.file.cmp(&b.file));
    (entries, findings)
}
