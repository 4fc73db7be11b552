//! The project's root `.gitignore`, matched the way git matches it (the `ignore` crate),
//! so that what the tool writes is committed or kept out as it should be.

use std::path::Path;

use ignore::gitignore::GitignoreBuilder;

/// Whether git should ignore a path, and what to add when it does not agree.
#[derive(Debug, Clone, Copy)]
pub struct Want<'a> {
    /// Relative to the project root.
    pub path: &'a str,
    pub is_dir: bool,
    pub ignored: bool,
    /// The line that makes git agree: `.data/`, or `!.env.example`.
    pub line: &'a str,
    /// Why, as a comment above the line.
    pub why: &'a str,
}

/// The root `.gitignore` with the lines that make git treat each path as wanted, or
/// `None` when it already does. Only the root file is read: a nested one rarely
/// concerns files at the root.
pub fn merged(root: &Path, wants: &[Want<'_>]) -> Option<String> {
    let file = root.join(".gitignore");
    let existing = std::fs::read_to_string(&file).unwrap_or_default();
    let mut builder = GitignoreBuilder::new(root);
    for line in existing.lines() {
        // A line git would not accept is skipped, as git skips it.
        let _ = builder.add_line(None, line);
    }
    let matcher = builder.build().ok()?;
    let mut out = existing.clone();
    for want in wants {
        let ignored = matcher
            .matched_path_or_any_parents(want.path, want.is_dir)
            .is_ignore();
        if ignored == want.ignored {
            continue;
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("# {}\n{}\n", want.why, want.line));
    }
    (out != existing).then_some(out)
}

/// `.env.example` documents the settings and is meant to be committed; create-next-app's
/// `.env*` hides it.
pub const ENV_EXAMPLE: Want<'static> = Want {
    path: ".env.example",
    is_dir: false,
    ignored: false,
    line: "!.env.example",
    why: "scaffold: the example settings are meant to be committed",
};

/// The development store's files hold whatever was typed into the forms.
pub const DEV_STORE: Want<'static> = Want {
    path: ".data/posts.json",
    is_dir: false,
    ignored: true,
    line: ".data/",
    why: "scaffold: the development store's JSON files",
};

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: Want<'static> = DEV_STORE;

    fn with_gitignore(contents: Option<&str>) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        if let Some(contents) = contents {
            std::fs::write(dir.path().join(".gitignore"), contents).unwrap();
        }
        dir
    }

    #[test]
    fn create_next_app_env_pattern_hides_the_example_so_it_is_unignored() {
        // create-next-app's .gitignore has `.env*`.
        let dir = with_gitignore(Some("node_modules\n.env*\n"));
        let merged = merged(dir.path(), &[ENV_EXAMPLE, DATA]).unwrap();
        assert_eq!(
            merged,
            "node_modules\n.env*\n\n# scaffold: the example settings are meant to be committed\n!.env.example\n\n# scaffold: the development store's JSON files\n.data/\n"
        );
        // Applying it settles the question.
        std::fs::write(dir.path().join(".gitignore"), &merged).unwrap();
        assert_eq!(super::merged(dir.path(), &[ENV_EXAMPLE, DATA]), None);
    }

    #[test]
    fn nothing_to_add_when_git_already_agrees() {
        for gitignore in [
            ".env.local\n/.data\n",
            ".env*\n!.env.example\n.data/\n",
            ".data/**\n",
        ] {
            let dir = with_gitignore(Some(gitignore));
            assert_eq!(
                merged(dir.path(), &[ENV_EXAMPLE, DATA]),
                None,
                "{gitignore}"
            );
        }
    }

    #[test]
    fn a_missing_gitignore_gets_only_what_must_be_ignored() {
        let dir = with_gitignore(None);
        assert_eq!(
            merged(dir.path(), &[ENV_EXAMPLE, DATA]).as_deref(),
            Some("# scaffold: the development store's JSON files\n.data/\n")
        );
    }

    #[test]
    fn a_file_without_final_newline_is_extended_cleanly() {
        let dir = with_gitignore(Some(".env*"));
        assert_eq!(
            merged(dir.path(), &[ENV_EXAMPLE]).as_deref(),
            Some(
                ".env*\n\n# scaffold: the example settings are meant to be committed\n!.env.example\n"
            )
        );
    }
}
