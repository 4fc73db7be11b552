//! The safety net under every generator: each TypeScript file a plan would write must parse
//! with zero errors (oxc), or nothing is written.

use std::path::Path;

use oxc_allocator::Allocator;
use oxc_parser::Parser;
use oxc_span::SourceType;

/// Parses `source` as the language its path names (`.ts`, `.tsx`, …). Returns the first
/// syntax error as `line:col: message`.
pub fn check(path: &Path, source: &str) -> Result<(), String> {
    let Ok(source_type) = SourceType::from_path(path) else {
        return Ok(()); // not JavaScript or TypeScript
    };
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, source_type).parse();
    let Some(error) = parsed.diagnostics.errors().next() else {
        return if parsed.panicked {
            Err("1:1: the parser gave up".into())
        } else {
            Ok(())
        };
    };
    let offset = error
        .labels
        .first()
        .map_or(0, |l| l.offset() as usize)
        .min(source.len());
    let before = &source[..source.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    Err(format!("{line}:{col}: {}", error.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_errors_with_position() {
        assert!(check(Path::new("a.tsx"), "export const a = <div>{1}</div>;\n").is_ok());
        let err = check(Path::new("a.ts"), "const a = ;\nconst b = 1;\n").unwrap_err();
        assert!(err.starts_with("1:"), "{err}");
        assert!(check(Path::new("a.ts"), "let x: = 1").is_err());
        assert!(check(Path::new("notes.md"), "not code").is_ok());
    }
}
