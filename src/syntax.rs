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
    match first_error(source, &parsed) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// The first syntax error of a parse as `line:col: message`, if any.
pub fn first_error(source: &str, parsed: &oxc_parser::ParserReturn<'_>) -> Option<String> {
    let Some(error) = parsed.diagnostics.errors().next() else {
        return parsed
            .panicked
            .then(|| "1:1: the parser gave up".to_string());
    };
    let offset = error
        .labels
        .first()
        .map_or(0, |l| l.offset() as usize)
        .min(source.len());
    let (line, col) = line_col(source, offset);
    Some(format!("{line}:{col}: {}", error.message))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..source.floor_char_boundary(offset.min(source.len()))];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
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
