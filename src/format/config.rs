//! Finds the formatter a file answers to and the options it gets, the way the tools do:
//! prettier's config search (nearest directory with a config file, `overrides` by glob,
//! `.editorconfig` underneath) or Biome's `biome.json(c)`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde_json::{Map, Value};

use super::style::{EndOfLine, QuoteProps, Style, TrailingComma, eol};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Prettier,
    Biome,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::Prettier => "prettier",
            Tool::Biome => "biome",
        }
    }
}

/// What formats one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// None: the project has no formatter; the output keeps prettier's defaults.
    pub tool: Option<Tool>,
    pub style: Style,
    /// The file the options came from, relative to the project root where it is inside.
    pub source: Option<PathBuf>,
    /// Why only the formatter itself can say how the file must look (a JavaScript config,
    /// plugins, a shared config): the options read here are then a best effort.
    pub dynamic: Option<String>,
}

/// prettier 3's search order within one directory.
const PRETTIER_FILES: &[&str] = &[
    "package.json",
    "package.yaml",
    ".prettierrc",
    ".prettierrc.json",
    ".prettierrc.yaml",
    ".prettierrc.yml",
    ".prettierrc.json5",
    ".prettierrc.js",
    ".prettierrc.ts",
    ".prettierrc.mjs",
    ".prettierrc.mts",
    ".prettierrc.cjs",
    ".prettierrc.cts",
    "prettier.config.js",
    "prettier.config.ts",
    "prettier.config.mjs",
    "prettier.config.mts",
    "prettier.config.cjs",
    "prettier.config.cts",
    ".prettierrc.toml",
];

const BIOME_FILES: &[&str] = &["biome.json", "biome.jsonc", ".biome.json", ".biome.jsonc"];

/// The formatter and options for `file` (relative to `root`). A config that cannot be read
/// is an error naming it: prettier would fail on it too.
pub fn resolve(root: &Path, file: &Path) -> Result<Resolved> {
    let path = root.join(file);
    let dir = path.parent().unwrap_or(root);
    let shown = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
    // The nearer configuration wins: an app's biome.json over a prettier config above it.
    let prettier = find_prettier(dir)?;
    let biome = find_first(dir, BIOME_FILES);
    let depth = |p: &Path| p.components().count();
    let prettier = match (prettier, &biome) {
        (Some((p, _)), Some(b)) if depth(b) > depth(&p) => None,
        (found, _) => found,
    };
    if let Some((config, options)) = prettier {
        let mut resolved = Resolved {
            tool: Some(Tool::Prettier),
            style: editorconfig(&path),
            source: Some(shown(&config)),
            dynamic: None,
        };
        let base = config.parent().unwrap_or(root);
        let rel = path.strip_prefix(base).unwrap_or(&path);
        resolved.dynamic = prettier_options(&config, options, rel, &mut resolved.style)?;
        return Ok(resolved);
    }
    if let Some(config) = biome {
        let mut style = biome_defaults();
        let value = crate::project::json::read(&config)?;
        // Biome's CSS formatter has its own quote style (double unless set).
        let language = if path.extension().is_some_and(|e| e == "css") {
            "css"
        } else {
            "javascript"
        };
        let dynamic = biome_options(&value, language, &mut style);
        let tool = biome_formats(&value, language).then_some(Tool::Biome);
        return Ok(Resolved {
            tool,
            style: if tool.is_some() {
                style
            } else {
                Style::default()
            },
            source: Some(shown(&config)),
            dynamic,
        });
    }
    let deps = dependencies(root);
    if deps.iter().any(|d| d == "prettier") {
        return Ok(Resolved {
            tool: Some(Tool::Prettier),
            style: editorconfig(&path),
            source: None,
            dynamic: None,
        });
    }
    if deps.iter().any(|d| d == "@biomejs/biome") {
        return Ok(Resolved {
            tool: Some(Tool::Biome),
            style: biome_defaults(),
            source: None,
            dynamic: None,
        });
    }
    Ok(Resolved {
        tool: None,
        style: Style::default(),
        source: None,
        dynamic: None,
    })
}

fn find_first(start: &Path, names: &[&str]) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        names
            .iter()
            .map(|name| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The nearest prettier config: its path and, when it is data, its contents.
fn find_prettier(start: &Path) -> Result<Option<(PathBuf, Option<Value>)>> {
    for dir in start.ancestors() {
        for name in PRETTIER_FILES {
            let path = dir.join(name);
            if !path.is_file() {
                continue;
            }
            let read = || {
                std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))
            };
            let value = match *name {
                "package.json" => {
                    match crate::project::json::read(&path)?.get_mut("prettier") {
                        Some(v) => Some(v.take()),
                        None => continue, // no key: not a config, look further
                    }
                }
                "package.yaml" => match yaml(&path, &read()?)?.get_mut("prettier") {
                    Some(v) => Some(v.take()),
                    None => continue,
                },
                ".prettierrc" | ".prettierrc.yaml" | ".prettierrc.yml" => {
                    Some(yaml(&path, &read()?)?)
                }
                ".prettierrc.json" | ".prettierrc.json5" => Some(
                    json5::from_str(&read()?)
                        .map_err(|e| anyhow!("{}: invalid JSON5: {e}", path.display()))?,
                ),
                ".prettierrc.toml" => Some(
                    toml::from_str(&read()?)
                        .map_err(|e| anyhow!("{}: invalid TOML: {e}", path.display()))?,
                ),
                _ => None, // JavaScript or TypeScript: only prettier can evaluate it
            };
            return Ok(Some((path, value)));
        }
    }
    Ok(None)
}

fn yaml(path: &Path, text: &str) -> Result<Value> {
    if text.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    serde_norway::from_str(text).map_err(|e| anyhow!("{}: invalid YAML: {e}", path.display()))
}

/// Applies a prettier config (top level, then every override matching `rel`) and says why
/// it cannot be followed statically, if it cannot.
fn prettier_options(
    config: &Path,
    value: Option<Value>,
    rel: &Path,
    style: &mut Style,
) -> Result<Option<String>> {
    let name = config.file_name().unwrap_or_default().to_string_lossy();
    let Some(value) = value else {
        return Ok(Some(format!("{name} is code only prettier can run")));
    };
    let options = match value {
        Value::Object(map) => map,
        Value::String(shared) => {
            return Ok(Some(format!("{name} names the shared config {shared}")));
        }
        _ => return Err(anyhow!("{}: expected an object", config.display())),
    };
    style.apply_prettier(&options);
    let mut plugins = plugin_names(&options);
    let mut unfollowed = Style::unfollowed_prettier(&options);
    if let Some(Value::Array(overrides)) = options.get("overrides") {
        for entry in overrides {
            let Some(o) = entry.as_object() else { continue };
            if !matches_override(o, rel)? {
                continue;
            }
            if let Some(Value::Object(options)) = o.get("options") {
                style.apply_prettier(options);
                plugins.extend(plugin_names(options));
                unfollowed.extend(Style::unfollowed_prettier(options));
            }
        }
    }
    if !plugins.is_empty() {
        return Ok(Some(format!(
            "{name} uses plugins ({})",
            plugins.join(", ")
        )));
    }
    Ok((!unfollowed.is_empty()).then(|| format!("{name} sets {}", unfollowed.join(", "))))
}

fn plugin_names(options: &Map<String, Value>) -> Vec<String> {
    match options.get("plugins") {
        Some(Value::Array(list)) => list
            .iter()
            .map(|p| p.as_str().unwrap_or("a plugin object").to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// prettier matches `files` patterns without a slash against the file name and the others
/// against the path from the config's directory; `*` never crosses a `/`, dotfiles match.
fn matches_override(entry: &Map<String, Value>, rel: &Path) -> Result<bool> {
    let rel = rel.to_string_lossy().replace('\\', "/");
    let base = rel.rsplit('/').next().unwrap_or(&rel).to_string();
    let set = |key: &str| -> Result<Option<(GlobSet, GlobSet)>> {
        let patterns: Vec<&str> = match entry.get(key) {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
            _ => return Ok(None),
        };
        let (mut names, mut paths) = (GlobSetBuilder::new(), GlobSetBuilder::new());
        for pattern in patterns {
            let glob = GlobBuilder::new(pattern.trim_start_matches("./"))
                .literal_separator(true)
                .build()
                .with_context(|| format!("invalid override pattern {pattern:?}"))?;
            if pattern.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        Ok(Some((names.build()?, paths.build()?)))
    };
    let Some(files) = set("files")? else {
        return Ok(false);
    };
    // As prettier's pathMatchesGlobs: name patterns are tried on the file name and path
    // patterns on the path, each with the excludes matched the same way.
    let excludes = set("excludeFiles")?;
    let excluded = |name: &str| {
        excludes
            .as_ref()
            .is_some_and(|(n, p)| n.is_match(name) || p.is_match(name))
    };
    Ok(
        (files.0.is_match(&base) && !excluded(&base))
            || (files.1.is_match(&rel) && !excluded(&rel)),
    )
}

/// The options `.editorconfig` gives a file, mapped as prettier maps them
/// (editorconfig-to-prettier); prettier's own config overrides them.
fn editorconfig(path: &Path) -> Style {
    let mut style = Style::default();
    let Ok(mut props) = ec4rs::properties_of(path) else {
        return style;
    };
    props.use_fallbacks();
    let get = |key: &str| {
        props
            .get_raw_for_key(key)
            .into_option()
            .map(str::to_ascii_lowercase)
    };
    let number = |key: &str| get(key).and_then(|v| v.parse::<usize>().ok());
    let indent_style = get("indent_style");
    if let Some(s) = &indent_style {
        style.use_tabs = s == "tab";
    }
    if get("indent_size").as_deref() == Some("tab") {
        style.use_tabs = true;
    }
    if style.use_tabs && number("tab_width").is_some() {
        style.tab_width = number("tab_width").unwrap_or(2);
    } else if indent_style.as_deref() == Some("space")
        && let Some(n) = number("indent_size")
    {
        style.tab_width = n;
    } else if let Some(n) = number("tab_width") {
        style.tab_width = n;
    }
    match get("max_line_length").as_deref() {
        Some("off") => style.print_width = usize::MAX,
        Some(n) => {
            if let Ok(n) = n.parse() {
                style.print_width = n;
            }
        }
        None => {}
    }
    match get("quote_type").as_deref() {
        Some("single") => style.single_quote = true,
        Some("double") => style.single_quote = false,
        _ => {}
    }
    if let Some(e) = get("end_of_line")
        && matches!(e.as_str(), "lf" | "crlf" | "cr")
    {
        style.end_of_line = eol(&e);
    }
    style
}

/// Biome's defaults differ from prettier's in one place: it indents with tabs.
fn biome_defaults() -> Style {
    Style {
        use_tabs: true,
        ..Style::default()
    }
}

fn biome_formats(config: &Value, language: &str) -> bool {
    let enabled = |v: Option<&Value>| v.and_then(Value::as_bool) != Some(false);
    enabled(config.pointer("/formatter/enabled"))
        && enabled(config.pointer(&format!("/{language}/formatter/enabled")))
}

/// Applies `formatter` then the language's (`javascript.formatter`, `css.formatter`);
/// `extends` and `overrides` need Biome.
fn biome_options(config: &Value, language: &str, style: &mut Style) -> Option<String> {
    for section in ["/formatter".to_string(), format!("/{language}/formatter")] {
        let Some(Value::Object(o)) = config.pointer(&section) else {
            continue;
        };
        let text = |key: &str| o.get(key).and_then(Value::as_str);
        let number = |key: &str| o.get(key).and_then(Value::as_u64).map(|n| n as usize);
        if let Some(s) = text("indentStyle") {
            style.use_tabs = s == "tab";
        }
        if let Some(n) = number("indentWidth") {
            style.tab_width = n;
        }
        if let Some(n) = number("lineWidth") {
            style.print_width = n;
        }
        if let Some(s) = text("lineEnding") {
            style.end_of_line = eol(s);
        }
        if let Some(b) = o.get("bracketSpacing").and_then(Value::as_bool) {
            style.bracket_spacing = b;
        }
        if let Some(s) = text("quoteStyle") {
            style.single_quote = s == "single";
        }
        if let Some(s) = text("jsxQuoteStyle") {
            style.jsx_single_quote = s == "single";
        }
        if let Some(s) = text("semicolons") {
            style.semi = s != "asNeeded";
        }
        if let Some(s) = text("arrowParentheses") {
            style.arrow_parens = s != "asNeeded";
        }
        if let Some(s) = text("trailingCommas") {
            style.trailing_comma = match s {
                "es5" => TrailingComma::Es5,
                "none" => TrailingComma::None,
                _ => TrailingComma::All,
            };
        }
        if let Some(s) = text("quoteProperties") {
            style.quote_props = if s == "preserve" {
                QuoteProps::Preserve
            } else {
                QuoteProps::AsNeeded
            };
        }
    }
    if style.end_of_line == EndOfLine::Auto {
        style.end_of_line = EndOfLine::Lf;
    }
    for key in ["bracketSameLine", "attributePosition", "expand"] {
        for section in ["/formatter", "/javascript/formatter"] {
            if let Some(v) = config.pointer(&format!("{section}/{key}")) {
                let default = matches!(v.as_str(), Some("auto") | Some("multiline"))
                    || v == &Value::Bool(false);
                if !default {
                    return Some(format!("biome.json sets {key}: {v}"));
                }
            }
        }
    }
    if config.get("extends").is_some() {
        return Some("biome.json extends another configuration".into());
    }
    if config
        .get("overrides")
        .is_some_and(|o| o.as_array().is_some_and(|a| !a.is_empty()))
    {
        return Some("biome.json has overrides".into());
    }
    None
}

fn dependencies(root: &Path) -> Vec<String> {
    let Ok(manifest) = crate::project::json::read(&root.join("package.json")) else {
        return Vec::new();
    };
    ["dependencies", "devDependencies"]
        .iter()
        .filter_map(|k| manifest.get(k).and_then(Value::as_object))
        .flat_map(|deps| deps.keys().cloned())
        .collect()
}

/// The installed formatter, found as node would from the project root: prettier's
/// package, or Biome's native binary (its `.bin` launcher is a node script that costs
/// 150 ms a call).
pub fn installed(root: &Path, tool: Tool) -> Option<PathBuf> {
    root.ancestors().find_map(|dir| {
        let modules = dir.join("node_modules");
        match tool {
            Tool::Prettier => Some(modules.join("prettier/package.json")).filter(|p| p.is_file()),
            Tool::Biome => biome_binary(&modules)
                .or_else(|| Some(modules.join(".bin/biome")).filter(|p| p.is_file())),
        }
    })
}

/// `@biomejs/cli-<os>-<arch>[-musl]/biome`, the package Biome's launcher would pick.
fn biome_binary(modules: &Path) -> Option<PathBuf> {
    let os = match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    };
    let arch = match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        other => other,
    };
    let exe = if os == "win32" { "biome.exe" } else { "biome" };
    let prefix = format!("cli-{os}-{arch}");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(modules.join("@biomejs"))
        .ok()?
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path().join(exe))
        .filter(|p| p.is_file())
        .collect();
    dirs.sort(); // the glibc build before `-musl`
    dirs.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn style_of(files: &[(&str, &str)], file: &str) -> Resolved {
        let dir = project(files);
        resolve(dir.path(), Path::new(file)).unwrap()
    }

    #[test]
    fn no_formatter_keeps_prettier_defaults() {
        let r = style_of(&[("package.json", "{}")], "app/page.tsx");
        assert_eq!(r.tool, None);
        assert_eq!(r.style, Style::default());
    }

    #[test]
    fn reads_each_data_format() {
        for (name, text) in [
            (".prettierrc", "semi: false\nsingleQuote: true\n"),
            (".prettierrc", r#"{ "semi": false, "singleQuote": true }"#),
            (
                ".prettierrc.json5",
                "{semi: false, singleQuote: true, // why\n}",
            ),
            (".prettierrc.toml", "semi = false\nsingleQuote = true\n"),
            (".prettierrc.yml", "semi: false\nsingleQuote: true\n"),
        ] {
            let r = style_of(&[(name, text)], "app/x/page.tsx");
            assert_eq!(r.tool, Some(Tool::Prettier), "{name}");
            assert!(!r.style.semi && r.style.single_quote, "{name}: {r:?}");
            assert_eq!(r.source.as_deref(), Some(Path::new(name)));
        }
    }

    #[test]
    fn package_json_key_and_search_order() {
        let r = style_of(
            &[(
                "package.json",
                r#"{ "prettier": { "trailingComma": "none", "printWidth": 90 } }"#,
            )],
            "app/page.tsx",
        );
        assert_eq!(r.style.trailing_comma, TrailingComma::None);
        assert_eq!(r.style.print_width, 90);
        // A nearer directory's config wins; package.json without the key is skipped.
        let r = style_of(
            &[
                (".prettierrc", "tabWidth: 4"),
                ("app/package.json", "{}"),
                ("app/.prettierrc.json", r#"{"useTabs": true}"#),
            ],
            "app/page.tsx",
        );
        assert!(r.style.use_tabs);
        assert_eq!(r.style.tab_width, 2);
    }

    #[test]
    fn overrides_match_by_name_or_path() {
        let config = "singleQuote: true\noverrides:\n  - files: \"*.tsx\"\n    options:\n      tabWidth: 4\n  - files: [\"lib/**/*.ts\"]\n    excludeFiles: \"lib/legacy/*\"\n    options:\n      semi: false\n";
        let files = [(".prettierrc.yaml", config)];
        assert_eq!(style_of(&files, "app/a/page.tsx").style.tab_width, 4);
        assert_eq!(style_of(&files, "app/a/actions.ts").style.tab_width, 2);
        assert!(!style_of(&files, "lib/db/x.ts").style.semi);
        assert!(style_of(&files, "lib/legacy/x.ts").style.semi);
        assert!(style_of(&files, "app/lib/x.ts").style.semi);
    }

    #[test]
    fn options_that_move_line_breaks_need_prettier() {
        let r = style_of(&[(".prettierrc", r#"{"bracketSameLine": true}"#)], "a.tsx");
        assert!(r.dynamic.unwrap().contains("bracketSameLine: true"));
        let r = style_of(
            &[(
                ".prettierrc",
                r#"{"objectWrap": "preserve", "semi": false}"#,
            )],
            "a.tsx",
        );
        assert_eq!(r.dynamic, None);
    }

    #[test]
    fn excludes_match_as_prettier_matches_them() {
        // Checked with prettier 3.10's resolveConfig: an exclude without a slash does not
        // match a path pattern's files, nor one with a slash a name pattern's.
        let config = r#"{"overrides": [
            {"files": ["src/**/*.ts"], "excludeFiles": ["*.test.ts"], "options": {"semi": false}},
            {"files": "*.tsx", "excludeFiles": "src/legacy/**", "options": {"useTabs": true}}
        ]}"#;
        let files = [(".prettierrc.json", config)];
        assert!(!style_of(&files, "src/a.test.ts").style.semi);
        assert!(style_of(&files, "src/legacy/x.tsx").style.use_tabs);
    }

    #[test]
    fn code_configs_plugins_and_shared_configs_need_prettier() {
        let r = style_of(&[("prettier.config.mjs", "export default {}")], "a.ts");
        assert!(r.dynamic.unwrap().contains("prettier.config.mjs"));
        let r = style_of(
            &[(
                ".prettierrc",
                r#"{"plugins": ["prettier-plugin-tailwindcss"]}"#,
            )],
            "a.ts",
        );
        assert!(r.dynamic.unwrap().contains("prettier-plugin-tailwindcss"));
        let r = style_of(
            &[(
                "package.json",
                r#"{"prettier": "@vercel/style-guide/prettier"}"#,
            )],
            "a.ts",
        );
        assert!(r.dynamic.unwrap().contains("@vercel/style-guide"));
    }

    #[test]
    fn editorconfig_underlies_prettier() {
        let files = [
            (
                ".editorconfig",
                "root = true\n[*]\nindent_style = tab\n[*.{ts,tsx}]\nmax_line_length = 100\n",
            ),
            (".prettierrc", "singleQuote: true"),
            ("package.json", r#"{"devDependencies": {"prettier": "3"}}"#),
        ];
        let r = style_of(&files, "app/page.tsx");
        assert!(r.style.use_tabs && r.style.single_quote);
        assert_eq!(r.style.print_width, 100);
        assert_eq!(style_of(&files, "app/globals.css").style.print_width, 80);
        // Without a prettier config, an installed prettier still reads .editorconfig.
        let r = style_of(
            &files[..1]
                .iter()
                .chain(&files[2..])
                .copied()
                .collect::<Vec<_>>(),
            "a.ts",
        );
        assert_eq!(r.tool, Some(Tool::Prettier));
        assert!(r.style.use_tabs);
    }

    #[test]
    fn biome_maps_its_options_and_defaults_to_tabs() {
        let r = style_of(&[("biome.json", "{}")], "a.ts");
        assert_eq!(r.tool, Some(Tool::Biome));
        assert!(r.style.use_tabs);
        let config = r#"{ // comments are allowed
            "formatter": { "indentStyle": "space", "lineWidth": 100 },
            "javascript": { "formatter": { "quoteStyle": "single", "semicolons": "asNeeded", "trailingCommas": "es5", "arrowParentheses": "asNeeded" } }
        }"#;
        let s = style_of(&[("biome.jsonc", config)], "a.ts").style;
        assert!(!s.use_tabs && s.single_quote && !s.semi && !s.arrow_parens);
        assert_eq!((s.print_width, s.trailing_comma), (100, TrailingComma::Es5));
        let off = style_of(
            &[("biome.json", r#"{"formatter": {"enabled": false}}"#)],
            "a.ts",
        );
        assert_eq!(off.tool, None);
    }

    #[test]
    fn the_nearer_configuration_wins() {
        let files = [
            ("package.json", r#"{"prettier": {"semi": false}}"#),
            ("apps/web/biome.json", "{}"),
        ];
        assert_eq!(
            style_of(&files, "apps/web/app/page.tsx").tool,
            Some(Tool::Biome)
        );
        assert_eq!(
            style_of(&files, "apps/other/page.tsx").tool,
            Some(Tool::Prettier)
        );
    }

    #[test]
    fn a_broken_config_is_an_error_naming_it() {
        let dir = project(&[(".prettierrc.json", "{ semi: }")]);
        let err = resolve(dir.path(), Path::new("a.ts")).unwrap_err();
        assert!(err.to_string().contains(".prettierrc.json"), "{err}");
    }
}
