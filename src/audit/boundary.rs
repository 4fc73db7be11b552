//! The client boundary: every module a `'use client'` file imports, directly or through
//! others, is bundled for the browser. A breadth-first walk of the import graph from all
//! client modules at once finds what crosses it: secret environment reads, server-only
//! packages, and actions batched with `Promise.all`. It stops at `'use server'` modules
//! (their exports become action references) and at `import 'server-only'` (the build
//! fails there). Server modules nothing marks as server-only get a warning.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::Path;

use super::Finding;
use super::file::{Directive, Facts};
use super::rules::{
    CLIENT_SECRET_ENV, CLIENT_SERVER_MODULE, PROMISE_ALL_ACTIONS, SERVER_ONLY_MISSING,
};
use crate::project::Project;

const EXTENSIONS: &[&str] = &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

/// Resolves a module specifier written in `from` to one of the project's files.
pub fn resolve(
    project: &Project,
    index: &HashMap<&Path, usize>,
    from: &Path,
    specifier: &str,
) -> Option<usize> {
    let base = crate::migrate::resolve_specifier(specifier, from, project)?;
    if let Some(&i) = index.get(base.as_path()) {
        return Some(i);
    }
    // `./x.js` written for `x.ts` (TypeScript's ESM style).
    let stem = match base.extension().and_then(|e| e.to_str()) {
        Some(ext) if EXTENSIONS.contains(&ext) => base.with_extension(""),
        _ => base.clone(),
    };
    for ext in EXTENSIONS {
        let mut with = stem.clone().into_os_string();
        with.push(".");
        with.push(ext);
        if let Some(&i) = index.get(Path::new(&with)) {
            return Some(i);
        }
    }
    EXTENSIONS.iter().find_map(|ext| {
        index
            .get(base.join(format!("index.{ext}")).as_path())
            .copied()
    })
}

/// The boundary's findings, and which files are bundled for the browser.
pub fn check(project: &Project, files: &[Facts]) -> (Vec<Finding>, Vec<bool>) {
    let index: HashMap<&Path, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.as_path(), i))
        .collect();
    // Resolved value imports of each file: (target, import index).
    let edges: Vec<Vec<(usize, usize)>> = files
        .iter()
        .map(|f| {
            f.imports
                .iter()
                .enumerate()
                .filter(|(_, imp)| !imp.type_only)
                .filter_map(|(k, imp)| {
                    Some((resolve(project, &index, &f.path, &imp.specifier)?, k))
                })
                .collect()
        })
        .collect();

    // Multi-source BFS from every client module; `parent` gives each module's chain.
    let mut parent: Vec<Option<usize>> = vec![None; files.len()];
    let mut reached = vec![false; files.len()];
    let mut queue = VecDeque::new();
    for (i, f) in files.iter().enumerate() {
        if f.directive == Directive::Client {
            reached[i] = true;
            queue.push_back(i);
        }
    }
    while let Some(i) = queue.pop_front() {
        for &(j, _) in &edges[i] {
            let target = &files[j];
            if reached[j] || target.directive == Directive::Server || target.server_only {
                continue;
            }
            reached[j] = true;
            parent[j] = Some(i);
            queue.push_back(j);
        }
    }
    let chain = |mut i: usize| {
        let mut names = vec![files[i].name.clone()];
        while let Some(p) = parent[i] {
            names.push(files[p].name.clone());
            i = p;
        }
        names.reverse();
        format!("{} ('use client') → {}", names[0], names[1..].join(" → "))
    };

    let mut out = Vec::new();
    let mut imported = vec![false; files.len()];
    for e in &edges {
        for &(j, _) in e {
            imported[j] = true;
        }
    }
    for (i, f) in files.iter().enumerate() {
        if reached[i] {
            let via = if parent[i].is_some() {
                format!(", bundled for the browser through {}", chain(i))
            } else {
                String::new()
            };
            let mut seen = HashSet::new();
            for (name, offset) in &f.secret_env {
                if seen.insert(name) {
                    let mut finding = f.finding(
                        CLIENT_SECRET_ENV,
                        *offset,
                        format!("`process.env.{name}` is read in client code{via}"),
                    );
                    // A credential's name is an error; other variables are merely
                    // undefined in the browser.
                    if !super::names::is_credential_env(name) {
                        finding.severity = super::rules::Severity::Warning;
                    }
                    out.push(finding);
                }
            }
            for (package, offset) in &f.server_imports {
                out.push(f.finding(
                    CLIENT_SERVER_MODULE,
                    *offset,
                    format!("`{package}` is imported in client code{via}"),
                ));
            }
            out.extend(promise_all(project, &index, files, f));
        } else if f.directive == Directive::None
            && imported[i]
            && !f.server_only
            && !f.is_entry(project)
            && let Some((what, offset)) = f
                .server_imports
                .first()
                .map(|(p, o)| (format!("imports `{p}`"), *o))
                // A credential makes it a server module, not any variable (VERCEL,
                // SITE_NAME are no secret).
                .or_else(|| {
                    f.secret_env
                        .iter()
                        .find(|(n, _)| super::names::is_credential_env(n))
                        .map(|(n, o)| (format!("reads `process.env.{n}`"), *o))
                })
        {
            out.push(f.finding(
                SERVER_ONLY_MISSING,
                offset,
                format!("{} {what} but has no `import \"server-only\"`", f.name),
            ));
        }
    }
    (out, reached)
}

/// `Promise.all` of functions imported from 'use server' modules, in client code.
fn promise_all(
    project: &Project,
    index: &HashMap<&Path, usize>,
    files: &[Facts],
    f: &Facts,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (local, offset) in &f.promise_all {
        let Some(import) = f
            .imports
            .iter()
            .find(|imp| imp.names.iter().any(|(_, l)| l == local))
        else {
            continue;
        };
        let Some(target) = resolve(project, index, &f.path, &import.specifier) else {
            continue;
        };
        if files[target].directive == Directive::Server && seen.insert(*offset) {
            out.push(f.finding(
                PROMISE_ALL_ACTIONS,
                *offset,
                format!(
                    "`{local}` is a Server Action (from {}) called inside Promise.all",
                    files[target].name
                ),
            ));
        }
    }
    out
}
