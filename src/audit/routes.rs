//! Routes by consumer: each route handler classified as the codemod would classify it.
//! A route only the app calls is a `migrate route-to-action` candidate; the others stay
//! routes, with the codemod's reasons (a signature, CORS, a stream, navigation, an API
//! key, callers outside the app).

use std::path::PathBuf;

use super::file::Facts;
use super::rules::ROUTE_CANDIDATE;
use super::{Finding, RouteEntry};
use crate::project::Project;

pub fn check(project: &Project, files: &[Facts]) -> (Vec<RouteEntry>, Vec<Finding>) {
    let sources: Vec<(PathBuf, &str)> = files
        .iter()
        .filter(|f| f.parsed)
        .map(|f| (f.path.clone(), &*f.text))
        .collect();
    let routes: Vec<&Facts> = files.iter().filter(|f| f.route.is_some()).collect();
    // Each route scans every file: split the routes over the cores.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = routes.len().div_ceil(threads).max(1);
    let results: Vec<(RouteEntry, Option<Finding>)> = std::thread::scope(|s| {
        let handles: Vec<_> = routes
            .chunks(chunk)
            .map(|part| {
                let sources = &sources;
                s.spawn(move || {
                    part.iter()
                        .map(|f| classify(project, f, sources))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("route classification does not panic"))
            .collect()
    });
    let mut entries = Vec::new();
    let mut findings = Vec::new();
    for (entry, finding) in results {
        entries.push(entry);
        findings.extend(finding);
    }
    entries.sort_by(|a, b| a.file.cmp(&b.file));
    (entries, findings)
}

fn classify(
    project: &Project,
    f: &Facts,
    sources: &[(PathBuf, &str)],
) -> (RouteEntry, Option<Finding>) {
    let methods = f
        .route
        .as_ref()
        .map(|r| r.methods.clone())
        .unwrap_or_default();
    let typescript = matches!(
        f.path.extension().and_then(|e| e.to_str()),
        Some("ts" | "tsx")
    );
    let classified = if !f.parsed {
        Err("the file does not parse".to_string())
    } else if !typescript {
        Err("a JavaScript route: the codemod reads TypeScript routes only".to_string())
    } else {
        crate::migrate::classify(project, &f.path, &f.text, sources).map_err(|e| e.to_string())
    };
    match classified {
        Ok(c) => {
            let candidate = c.candidate();
            let verdict = if candidate {
                "candidate"
            } else if c.mutations.is_empty() && c.reasons.is_empty() {
                "read"
            } else {
                "route"
            };
            let finding = candidate.then(|| {
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
                    "scaffold migrate route-to-action {} --dry-run, then without --dry-run",
                    f.name
                );
                finding
            });
            (
                RouteEntry {
                    file: f.name.clone(),
                    url: c.url,
                    methods,
                    verdict,
                    reasons: c
                        .reasons
                        .iter()
                        .map(|r| format!("{}: {}", r.location, r.message))
                        .collect(),
                },
                finding,
            )
        }
        Err(why) => (
            RouteEntry {
                file: f.name.clone(),
                url: String::new(),
                methods,
                verdict: "unclassified",
                reasons: vec![why],
            },
            None,
        ),
    }
}
