//! shadcn/ui in the project: `components.json` says where its components live and how
//! they are imported; the files there say which ones were added.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::json;
use super::tsconfig::Alias;

/// Where the project's shadcn/ui components are, and which it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shadcn {
    /// Whether `components.json` exists (shadcn was initialised).
    pub configured: bool,
    /// How components import them: `@/components/ui`.
    pub import_prefix: String,
    /// Their folder, relative to the project root.
    pub dir: PathBuf,
    /// The components present, by file stem: `button`, `input`.
    pub present: BTreeSet<String>,
}

impl Shadcn {
    pub fn has(&self, component: &str) -> bool {
        self.present.contains(component)
    }
}

/// Reads `components.json` (its `aliases.ui`, else `aliases.components` + `/ui`) and lists
/// the folder. Without the file, shadcn's defaults: `@/components/ui` under the alias's
/// folder. A `components.json` that does not parse counts as absent, with a warning.
pub fn detect(
    root: &Path,
    alias: Option<&Alias>,
    src_dir: &Path,
    warnings: &mut Vec<String>,
) -> Shadcn {
    let file = root.join("components.json");
    let config = if file.is_file() {
        match json::read(&file) {
            Ok(value) => Some(value),
            Err(e) => {
                warnings.push(format!("{e}: shadcn/ui's settings are ignored"));
                None
            }
        }
    } else {
        None
    };
    let aliases = config.as_ref().and_then(|c| c.get("aliases"));
    let import_prefix = aliases
        .and_then(|a| a.get("ui"))
        .and_then(|u| u.as_str())
        .map(|u| u.trim_end_matches('/').to_string())
        .or_else(|| {
            aliases
                .and_then(|a| a.get("components"))
                .and_then(|c| c.as_str())
                .map(|c| format!("{}/ui", c.trim_end_matches('/')))
        })
        .unwrap_or_else(|| {
            let prefix = alias.map_or("@/", |a| a.prefix.as_str());
            format!("{prefix}components/ui")
        });
    let dir = match alias.and_then(|a| Some((a, import_prefix.strip_prefix(&a.prefix)?))) {
        Some((a, rest)) => a.dir.join(rest),
        // An alias tsconfig does not define: assume the usual layout.
        None => src_dir.join("components/ui"),
    };
    let present = std::fs::read_dir(root.join(&dir))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter_map(|e| {
                    let path = e.path();
                    let ext = path.extension()?.to_str()?;
                    matches!(ext, "tsx" | "jsx" | "ts" | "js")
                        .then(|| path.file_stem()?.to_str().map(str::to_string))
                        .flatten()
                })
                .collect()
        })
        .unwrap_or_default();
    Shadcn {
        configured: config.is_some(),
        import_prefix,
        dir,
        present,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alias(prefix: &str, dir: &str) -> Alias {
        Alias {
            prefix: prefix.into(),
            dir: dir.into(),
        }
    }

    #[test]
    fn reads_the_ui_alias_and_lists_the_components() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join("components.json"),
            r#"{ "style": "new-york", "aliases": { "components": "@/components", "ui": "@/components/ui" }, }"#,
        )
        .unwrap();
        std::fs::create_dir_all(root.path().join("src/components/ui")).unwrap();
        for f in ["button.tsx", "input.tsx", "README.md"] {
            std::fs::write(root.path().join("src/components/ui").join(f), "").unwrap();
        }
        let mut warnings = Vec::new();
        let found = detect(
            root.path(),
            Some(&alias("@/", "src")),
            Path::new("src"),
            &mut warnings,
        );
        assert!(found.configured);
        assert_eq!(found.import_prefix, "@/components/ui");
        assert_eq!(found.dir, PathBuf::from("src/components/ui"));
        assert_eq!(
            found.present.iter().map(String::as_str).collect::<Vec<_>>(),
            ["button", "input"]
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn falls_back_to_components_alias_then_defaults() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join("components.json"),
            r#"{ "aliases": { "components": "~/ui-kit/" } }"#,
        )
        .unwrap();
        let mut warnings = Vec::new();
        let found = detect(
            root.path(),
            Some(&alias("~/", "")),
            Path::new(""),
            &mut warnings,
        );
        assert_eq!(found.import_prefix, "~/ui-kit/ui");
        assert_eq!(found.dir, PathBuf::from("ui-kit/ui"));
        assert!(found.present.is_empty());

        let bare = tempfile::tempdir().unwrap();
        let found = detect(bare.path(), None, Path::new(""), &mut warnings);
        assert!(!found.configured);
        assert_eq!(found.import_prefix, "@/components/ui");
        assert_eq!(found.dir, PathBuf::from("components/ui"));
    }

    #[test]
    fn a_broken_components_json_is_a_warning() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("components.json"), "{ aliases: ").unwrap();
        let mut warnings = Vec::new();
        let found = detect(root.path(), None, Path::new(""), &mut warnings);
        assert!(!found.configured);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("components.json"), "{warnings:?}");
    }
}
