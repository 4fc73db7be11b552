//! tsconfig.json: `extends` chains and the `paths` import alias.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use serde_json::{Map, Value};

use super::{json, normalize};

/// An import alias such as `@/*` → `./src/*`: `prefix` is `@/`, `dir` is the folder it
/// points at, relative to the project root (`src`, or empty for the root itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub prefix: String,
    pub dir: PathBuf,
}

/// Reads `tsconfig.json` in `root`, following `extends`, and returns the alias used for
/// root-relative imports, if any.
pub fn alias(root: &Path) -> Result<Option<Alias>> {
    let mut options = Map::new();
    let mut paths_base: Option<PathBuf> = None;
    load(
        &root.join("tsconfig.json"),
        root,
        &mut options,
        &mut paths_base,
        0,
    )?;
    let Some(Value::Object(paths)) = options.get("paths") else {
        return Ok(None);
    };
    let base = options
        .get("baseUrl")
        .and_then(Value::as_str)
        .map(|b| {
            paths_base
                .clone()
                .unwrap_or_else(|| root.to_path_buf())
                .join(b)
        })
        .or(paths_base)
        .unwrap_or_else(|| root.to_path_buf());

    // Prefer the conventional `@/*`, then any other `X/*` → one `Y/*` target.
    let mut candidates: Vec<(&String, &Value)> = paths.iter().collect();
    candidates.sort_by_key(|(k, _)| k.as_str() != "@/*");
    for (pattern, targets) in candidates {
        let Some(prefix) = pattern.strip_suffix('*') else {
            continue;
        };
        let Some(target) = targets
            .as_array()
            .and_then(|t| t.first())
            .and_then(Value::as_str)
        else {
            continue;
        };
        let Some(target_dir) = target.strip_suffix('*') else {
            continue;
        };
        let dir = normalize(&base.join(target_dir));
        let Ok(rel) = dir.strip_prefix(normalize(root)) else {
            continue;
        };
        if prefix.is_empty() {
            continue;
        }
        return Ok(Some(Alias {
            prefix: prefix.to_string(),
            dir: rel.to_path_buf(),
        }));
    }
    Ok(None)
}

/// Merges `compilerOptions` of `file` and everything it extends (later files win), and
/// records the folder of the config that set `paths` or `baseUrl` (TypeScript resolves them
/// relative to the config that defines them).
fn load(
    file: &Path,
    root: &Path,
    options: &mut Map<String, Value>,
    paths_base: &mut Option<PathBuf>,
    depth: usize,
) -> Result<()> {
    if depth > 16 {
        bail!(
            "{}: `extends` chain is deeper than 16 files (a cycle?)",
            file.display()
        );
    }
    let config = json::read(file)?;
    let dir = file.parent().unwrap_or(root).to_path_buf();
    let parents: Vec<String> = match config.get("extends") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    for parent in parents {
        // A package that is not installed (e.g. `@tsconfig/next` before `npm install`)
        // cannot contribute; the project's own options still apply.
        if let Some(path) = resolve_extends(&dir, root, &parent) {
            load(&path, root, options, paths_base, depth + 1)?;
        }
    }
    if let Some(Value::Object(own)) = config.get("compilerOptions") {
        if own.contains_key("paths") || own.contains_key("baseUrl") {
            *paths_base = Some(dir.clone());
        }
        for (k, v) in own {
            options.insert(k.clone(), v.clone());
        }
    }
    Ok(())
}

fn resolve_extends(dir: &Path, root: &Path, spec: &str) -> Option<PathBuf> {
    let with_json = |p: PathBuf| {
        if p.is_file() {
            Some(p)
        } else {
            let mut s = p.into_os_string();
            s.push(".json");
            let p = PathBuf::from(s);
            p.is_file().then_some(p)
        }
    };
    if spec.starts_with('.') || spec.starts_with('/') {
        return with_json(dir.join(spec));
    }
    let in_modules = root.join("node_modules").join(spec);
    with_json(in_modules.clone()).or_else(|| with_json(in_modules.join("tsconfig.json")))
}
