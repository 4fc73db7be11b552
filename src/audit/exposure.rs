//! What the file alone could not decide about an action: whether the action client a
//! wrapped action starts from checks a session (its definition may be in another
//! module), and whether anything sends the action to the client. Next.js 15 and later
//! give an endpoint only to actions the client references (imported by client code, or
//! passed as a prop from a Server Component); an action nothing references is reported
//! one level lower, as a risk for the day someone imports it.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::boundary::resolve;
use super::file::{Directive, Facts};
use super::rules::Severity;
use super::{ActionEntry, Finding};
use crate::project::Project;

pub fn resolve_actions(
    project: &Project,
    files: &mut [Facts],
    reached: &[bool],
) -> (Vec<ActionEntry>, Vec<Finding>) {
    let index: HashMap<&Path, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.as_path(), i))
        .collect();
    // (file, export name) of 'use server' exports something sends to the client; `*` for
    // a whole module (a namespace import or a re-export).
    let mut referenced: HashSet<(usize, String)> = HashSet::new();
    // Tests mock and call actions directly; that is not the client.
    for (i, f) in files.iter().enumerate().filter(|(_, f)| !f.is_test()) {
        for import in f.imports.iter().filter(|imp| !imp.type_only) {
            let Some(target) = resolve(project, &index, &f.path, &import.specifier) else {
                continue;
            };
            if files[target].directive != Directive::Server {
                continue;
            }
            for (imported, local) in &import.names {
                if reached[i] || f.passed.contains(local) || imported == "*" {
                    referenced.insert((target, imported.clone()));
                }
            }
        }
    }
    let exposes_only_referenced = project.next.as_ref().is_none_or(|v| v.major() >= 15);
    let mut entries = Vec::new();
    let mut findings = Vec::new();
    let wrapper_auth: Vec<Vec<Option<bool>>> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            f.actions
                .iter()
                .map(|a| {
                    a.wrapper_root
                        .as_ref()
                        .and_then(|root| client_authenticates(project, files, &index, i, root, 0))
                })
                .collect()
        })
        .collect();
    for (i, f) in files.iter_mut().enumerate() {
        for (k, action) in std::mem::take(&mut f.actions).into_iter().enumerate() {
            let mut entry = action.entry;
            let mut found = action.findings;
            if wrapper_auth[i][k] == Some(true) {
                found.retain(|x| x.rule != "action-auth");
                entry.auth = "wrapper";
            }
            let exposed = !action.exported
                || referenced.contains(&(i, entry.name.clone()))
                || referenced.contains(&(i, "*".to_string()));
            if !exposed && exposes_only_referenced {
                for x in &mut found {
                    x.severity = match x.severity {
                        Severity::Error => Severity::Warning,
                        _ => Severity::Note,
                    };
                    x.message.push_str(
                        "; no client code references this action yet, so Next.js does not expose it, but the first import from a client component will",
                    );
                }
                entry.exposed = false;
            }
            findings.extend(found);
            entries.push(entry);
        }
    }
    (entries, findings)
}

/// Whether the action client `name`, as seen from file `i`, checks a session: its
/// definition's chain, or the client it derives from, followed across imports. `None`
/// when the definition is not in the project (a package).
fn client_authenticates(
    project: &Project,
    files: &[Facts],
    index: &HashMap<&Path, usize>,
    i: usize,
    name: &str,
    depth: usize,
) -> Option<bool> {
    if depth > 8 {
        return None;
    }
    let f = &files[i];
    if let Some(def) = f.clients.iter().find(|c| c.name == name) {
        if def.authenticates {
            return Some(true);
        }
        return match &def.base {
            Some(base) if base != name => {
                Some(client_authenticates(project, files, index, i, base, depth + 1) == Some(true))
            }
            _ => Some(false),
        };
    }
    let (import, imported) = f.imports.iter().find_map(|imp| {
        imp.names
            .iter()
            .find(|(_, local)| local == name)
            .map(|(imported, _)| (imp, imported))
    })?;
    let target = resolve(project, index, &f.path, &import.specifier)?;
    client_authenticates(project, files, index, target, imported, depth + 1)
}
