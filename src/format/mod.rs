//! Puts every file a plan writes in the project's own formatting, so that its formatter
//! finds nothing to change. The templates and the codemod lay code out as prettier does
//! with its defaults; [`restyle`] moves that to the options the project sets, and where
//! only the formatter can say how a file must look (a JavaScript config, plugins, a width
//! other than 80 columns), the project's installed formatter runs on the planned text.

pub mod config;
mod join;
pub mod restyle;
mod runner;
pub mod style;

use std::ops::Range;
use std::path::{Path, PathBuf};

use similar::{DiffTag, TextDiff};

use crate::plan::{Change, Plan};
pub use config::{Resolved, Tool};
pub use restyle::Scope;
pub use style::Style;

/// The files prettier and Biome format that scaffold writes.
const FORMATTED: &[&str] = &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts", "css"];

/// How a command's files came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Every line is scaffold's.
    Generated,
    /// A codemod edited files that exist: only its own lines are restyled.
    Codemod,
}

/// Restyles every formattable file of `plan` for the project and, unless `run_formatter`
/// is off, runs the project's formatter where the options cannot be followed statically.
/// What happened is added to the plan's notes, warnings and next steps.
pub fn format_plan(root: &Path, plan: &mut Plan, origin: Origin, run_formatter: bool) {
    let mut pending: Vec<(usize, Tool, String)> = Vec::new();
    let mut originals: Vec<Option<String>> = vec![None; plan.ops.len()];
    let mut failed_configs: Vec<String> = Vec::new();
    // Probed once, for the first Biome file.
    let biome_installed = std::cell::OnceCell::new();
    for (i, op) in plan.ops.iter_mut().enumerate() {
        let (Change::Write(text) | Change::Merge(text)) = &mut op.change else {
            continue;
        };
        if !op
            .path
            .extension()
            .is_some_and(|e| FORMATTED.iter().any(|f| e == *f))
        {
            continue;
        }
        let resolved = match config::resolve(root, &op.path) {
            Ok(r) => r,
            Err(e) => {
                let why = format!("{e:#}");
                if !failed_configs.contains(&why) {
                    failed_configs.push(why);
                }
                continue;
            }
        };
        let Some(tool) = resolved.tool else { continue };
        if resolved.style == Style::default() && resolved.dynamic.is_none() {
            continue; // the layout is already prettier's default
        }
        let original = match origin {
            Origin::Codemod => std::fs::read_to_string(root.join(&op.path)).ok(),
            Origin::Generated => None,
        };
        let changed = original.as_deref().map(|old| changed_lines(old, text));
        let scope = match &changed {
            Some(ranges) => Scope::Only(ranges),
            None => Scope::Whole,
        };
        // A module the codemod creates mixes the route's own lines (in the project's
        // indentation) with scaffold's (two spaces): only the formatter can tell them apart
        // when the unit is other spaces.
        let mixed = origin == Origin::Codemod
            && original.is_none()
            && !resolved.style.use_tabs
            && resolved.style.tab_width != 2;
        let mut style = resolved.style.clone();
        if mixed {
            style.tab_width = 2;
        }
        let restyled = restyle::restyle(&op.path, text, &style, &scope);
        *text = restyled.text;
        let why = resolved.dynamic.clone().or_else(|| {
            if mixed {
                Some(format!("tabWidth {}", resolved.style.tab_width))
            } else if !restyled.fits {
                Some(width_reason(&resolved))
            } else if tool == Tool::Biome
                && run_formatter
                && *biome_installed.get_or_init(|| config::installed(root, tool).is_some())
            {
                // Biome breaks some lines where prettier does not (unions, for one); with
                // its native binary at hand, it has the last word.
                Some("Biome lays out some constructs unlike prettier".into())
            } else {
                None
            }
        });
        if let Some(why) = why {
            pending.push((i, tool, why));
        }
        originals[i] = original;
    }
    for why in failed_configs {
        plan.warnings.push(format!(
            "the formatter configuration cannot be read ({why}); the files keep prettier's default style"
        ));
    }
    for tool in [Tool::Prettier, Tool::Biome] {
        let files: Vec<(usize, String)> = pending
            .iter()
            .filter(|p| p.1 == tool)
            .map(|p| (p.0, p.2.clone()))
            .collect();
        if !files.is_empty() {
            run_tool(root, plan, tool, &files, &mut originals, run_formatter);
        }
    }
}

/// Why the static layout is not enough: a wider print width, or lines the project's
/// indentation pushes past it.
fn width_reason(resolved: &Resolved) -> String {
    let style = &resolved.style;
    let source = resolved
        .source
        .as_ref()
        .map_or_else(|| ".editorconfig".to_string(), |p| p.display().to_string());
    if style.print_width > 80 {
        format!("{source} sets printWidth {}", style.print_width)
    } else {
        format!(
            "{source}'s indentation ({}) pushes lines past printWidth {}",
            if style.use_tabs {
                format!("tabs {} wide", style.tab_width)
            } else {
                format!("{} spaces", style.tab_width)
            },
            style.print_width
        )
    }
}

/// The layout generated files are made in: prettier's defaults (they are restyled
/// afterwards), measured as they will be in the project's style.
pub fn generator_settings(root: &Path, file: &Path) -> crate::layout::Settings {
    match config::resolve(root, file) {
        Ok(r) if r.tool.is_some() => crate::layout::Settings {
            bracket_spacing: r.style.bracket_spacing,
            semi: r.style.semi,
            ..crate::layout::Settings::default()
        },
        _ => crate::layout::Settings::default(),
    }
}

/// The width and indentation the codemod lays out `file`'s new lines in.
pub fn layout_settings(root: &Path, file: &Path) -> crate::layout::Settings {
    match config::resolve(root, file) {
        Ok(r) if r.tool.is_some() => crate::layout::Settings {
            width: r.style.print_width,
            unit: r.style.unit(),
            tab_width: r.style.tab_width,
            // The codemod's lines are restyled like generated ones.
            bracket_spacing: r.style.bracket_spacing,
            semi: r.style.semi,
        },
        _ => crate::layout::Settings::default(),
    }
}

/// Runs `tool` on the files at `files` (plan indices, each with why it must run).
fn run_tool(
    root: &Path,
    plan: &mut Plan,
    tool: Tool,
    files: &[(usize, String)],
    originals: &mut [Option<String>],
    run_formatter: bool,
) {
    let paths: Vec<PathBuf> = files.iter().map(|f| plan.ops[f.0].path.clone()).collect();
    let listed = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let mut reasons: Vec<&str> = files.iter().map(|f| f.1.as_str()).collect();
    reasons.dedup();
    let reasons = reasons.join("; ");
    let command = match tool {
        Tool::Prettier => format!("npx prettier --write {listed}"),
        Tool::Biome => format!("npx @biomejs/biome format --write {listed}"),
    };
    let installed = config::installed(root, tool);
    if !run_formatter || installed.is_none() {
        let why = if run_formatter {
            format!("{} is not installed", tool.name())
        } else {
            "--no-format".to_string()
        };
        plan.warnings.push(format!(
            "{} file(s) may not match your {} settings ({reasons}) and {why}",
            files.len(),
            tool.name()
        ));
        plan.next_steps
            .push(format!("Format the new code: `{command}`"));
        return;
    }
    let jobs: Vec<runner::Job> = files
        .iter()
        .map(|&(i, _)| runner::Job {
            path: root.join(&plan.ops[i].path),
            text: match &plan.ops[i].change {
                Change::Write(t) | Change::Merge(t) => t.clone(),
                Change::Delete => String::new(),
            },
            original: originals[i].take(),
        })
        .collect();
    let result = match tool {
        Tool::Prettier => runner::prettier(root, &jobs).map(|(v, o)| (format!("prettier {v}"), o)),
        Tool::Biome => runner::biome(
            root,
            installed.as_deref().unwrap_or(Path::new("biome")),
            &jobs,
        )
        .map(|o| ("biome".to_string(), o)),
    };
    let (name, outcomes) = match result {
        Ok(r) => r,
        Err(e) => {
            plan.warnings.push(format!(
                "the project's {} could not format the new code ({e:#}); the files may not match your settings ({reasons})",
                tool.name()
            ));
            plan.next_steps
                .push(format!("Format the new code: `{command}`"));
            return;
        }
    };
    let mut formatted = 0;
    for ((i, _), outcome) in files.iter().zip(outcomes) {
        match outcome {
            runner::Outcome::Formatted { text } => {
                if let Change::Write(t) | Change::Merge(t) = &mut plan.ops[*i].change {
                    *t = text;
                }
                formatted += 1;
            }
            runner::Outcome::Ignored => {}
            runner::Outcome::Failed { message } => plan.warnings.push(format!(
                "the project's {} could not format {} ({message}); it may not match your settings ({reasons})",
                tool.name(),
                plan.ops[*i].path.display()
            )),
            runner::Outcome::WasUnformatted => plan.notes.push(format!(
                "{} was not formatted before; only scaffold's lines follow your {} settings",
                plan.ops[*i].path.display(),
                tool.name()
            )),
        }
    }
    if formatted > 0 {
        plan.notes.push(format!(
            "formatted {formatted} file(s) with the project's {name}: {reasons} (--no-format skips this)"
        ));
    }
}

/// The byte ranges of `new`'s lines that are not in `old`.
fn changed_lines(old: &str, new: &str) -> Vec<Range<usize>> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(new.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let offset = |line: usize| {
        starts
            .get(line)
            .copied()
            .unwrap_or(new.len())
            .min(new.len())
    };
    TextDiff::from_lines(old, new)
        .ops()
        .iter()
        .filter(|op| op.tag() != DiffTag::Equal && op.tag() != DiffTag::Delete)
        .map(|op| {
            let lines = op.new_range();
            offset(lines.start)..offset(lines.end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_lines_are_the_new_ones() {
        let old = "a\nb\nc\n";
        let new = "a\nx\ny\nc\n";
        assert_eq!(changed_lines(old, new), vec![2..6]);
    }

    #[test]
    fn a_plan_follows_a_static_config_without_running_anything() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(".prettierrc"),
            "semi: false\nsingleQuote: true\n",
        )
        .unwrap();
        let mut plan = Plan::default();
        plan.write(
            "app/a.ts",
            "import { a } from \"x\";\n\nexport const b = a;\n".into(),
        );
        plan.write(".env.example", "A=\"x\";\n".into());
        format_plan(dir.path(), &mut plan, Origin::Generated, true);
        assert_eq!(
            plan.ops[0].change,
            Change::Write("import { a } from 'x'\n\nexport const b = a\n".into())
        );
        assert_eq!(plan.ops[1].change, Change::Write("A=\"x\";\n".into()));
        assert!(
            plan.warnings.is_empty() && plan.notes.is_empty(),
            "{plan:?}"
        );
    }

    #[test]
    fn a_wider_config_without_prettier_installed_says_what_to_run() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(".prettierrc.json"),
            r#"{"printWidth": 120}"#,
        )
        .unwrap();
        let mut plan = Plan::default();
        plan.write("app/a.ts", "export const b = 1;\n".into());
        format_plan(dir.path(), &mut plan, Origin::Generated, true);
        assert!(
            plan.warnings[0].contains("printWidth 120"),
            "{:?}",
            plan.warnings
        );
        assert!(plan.next_steps[0].contains("npx prettier --write app/a.ts"));
    }
}
