//! A run after a `partial`: the actions an earlier run wrote, found again, so that once
//! the remaining callers were changed by hand the run can finish (remove the route)
//! instead of reporting "no caller" or a name clash.

use std::path::{Path, PathBuf};

use oxc_allocator::Allocator;
use oxc_ast::ast::{Declaration, ImportDeclarationSpecifier, Statement};

use super::ast;
use super::route::Analysis;
use crate::project::Project;

/// The module holding every action of the route, exactly as this run would write them.
#[derive(Debug, Clone)]
pub struct Earlier {
    pub module: PathBuf,
    /// `file:line:col` of each import of one of the actions.
    pub importers: Vec<String>,
}

/// Looks for a `'use server'` module exporting every action with the code this run would
/// write (compared without white space, so a formatter's changes do not matter) and for
/// the files that import them. `None` unless both exist.
pub fn find(project: &Project, route: &Path, analysis: &Analysis) -> Option<Earlier> {
    let names: Vec<&str> = analysis.actions.iter().map(|a| a.name.as_str()).collect();
    if names.is_empty() || analysis.functions.len() != names.len() {
        return None;
    }
    let wanted: Vec<String> = analysis.functions.iter().map(|f| squeeze(f)).collect();
    let mut files = Vec::new();
    for entry in super::callers::source_files(project) {
        if entry == route {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(project.root.join(&entry)) else {
            continue;
        };
        // Cheap prefilter: every file of interest spells an action's name.
        if names.iter().any(|n| text.contains(n)) {
            files.push((entry, text));
        }
    }
    let module = files
        .iter()
        .find(|(path, text)| exports_all(path, text, &names, &wanted))?
        .0
        .clone();
    let stem = module.with_extension("");
    let importers: Vec<String> = files
        .iter()
        .filter(|(path, _)| *path != module)
        .flat_map(|(path, text)| imports_of(project, path, text, &stem, &names))
        .collect();
    (!importers.is_empty()).then_some(Earlier { module, importers })
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn exports_all(path: &Path, text: &str, names: &[&str], wanted: &[String]) -> bool {
    let allocator = Allocator::default();
    let Ok(parsed) = ast::parse(&allocator, path, text) else {
        return false;
    };
    let program = &parsed.program;
    if !program
        .directives
        .iter()
        .any(|d| d.directive.as_str() == "use server")
    {
        return false;
    }
    let exported: Vec<(String, String)> = program
        .body
        .iter()
        .filter_map(|statement| match statement {
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::FunctionDeclaration(f) => Some((
                    f.id.as_ref()?.name.to_string(),
                    squeeze(ast::text(text, e.span)),
                )),
                _ => None,
            },
            _ => None,
        })
        .collect();
    names.iter().all(|name| {
        exported
            .iter()
            .any(|(n, code)| n == name && wanted.contains(code))
    })
}

/// Where `path` imports one of `names` from the module `stem` (root-relative, without
/// extension).
fn imports_of(
    project: &Project,
    path: &Path,
    text: &str,
    stem: &Path,
    names: &[&str],
) -> Vec<String> {
    let allocator = Allocator::default();
    let Ok(parsed) = ast::parse(&allocator, path, text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for statement in &parsed.program.body {
        let Statement::ImportDeclaration(import) = statement else {
            continue;
        };
        let Some(target) = super::resolve_specifier(import.source.value.as_str(), path, project)
        else {
            continue;
        };
        let target = match target.extension().and_then(|e| e.to_str()) {
            Some("ts" | "tsx" | "js" | "jsx") => target.with_extension(""),
            _ => target,
        };
        if target != stem {
            continue;
        }
        let takes_one = import.specifiers.iter().flatten().any(|s| match s {
            ImportDeclarationSpecifier::ImportSpecifier(s) => {
                names.contains(&s.imported.name().as_str())
            }
            _ => false,
        });
        if takes_one {
            out.push(super::location(path, text, import.span.start));
        }
    }
    out
}
