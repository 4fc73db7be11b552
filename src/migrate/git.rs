//! The Next.js codemods' rule: do not rewrite files with uncommitted changes, so the
//! migration can be reviewed as one diff and undone.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `paths` (root-relative) that git reports as modified, staged or untracked. Outside a
/// git repository, or without git, nothing is reported.
pub fn uncommitted(root: &Path, paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        return Vec::new();
    }
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--",
        ])
        .args(paths)
        .output();
    let Ok(output) = output else {
        return Vec::new();
    };
    if !output.status.success() {
        return Vec::new(); // not a repository
    }
    // Paths in the output are relative to the repository root, which may be above the
    // project: match by suffix.
    let text = String::from_utf8_lossy(&output.stdout);
    let reported: Vec<&str> = text
        .split('\0')
        .filter(|e| e.len() > 3)
        .map(|e| &e[3..])
        .collect();
    paths
        .iter()
        .filter(|p| {
            let p = p.to_string_lossy().replace('\\', "/");
            reported
                .iter()
                .any(|r| *r == p || r.ends_with(&format!("/{p}")))
        })
        .cloned()
        .collect()
}
