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

/// Why a file failed [`check_semantics`], each as `line:col: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// It does not parse.
    Syntax(String),
    /// It parses, but a name is declared twice in one scope (or another error `next build`
    /// would report).
    Semantic(String),
}

/// Parses `source` once and runs oxc's semantic checks on it: a syntax error, or a name
/// declared twice in one scope and the other errors `next build` would report.
pub fn check_semantics(path: &Path, source: &str) -> Result<(), Invalid> {
    let Ok(source_type) = SourceType::from_path(path) else {
        return Ok(());
    };
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, source_type).parse();
    if let Some(error) = first_error(source, &parsed) {
        return Err(Invalid::Syntax(error));
    }
    let built = oxc_semantic::SemanticBuilder::new()
        .with_check_syntax_error(true)
        .build(&parsed.program);
    match built.diagnostics.errors().next() {
        Some(error) => {
            // The last label marks the second declaration, where the clash is.
            let offset = error.labels.last().map_or(0, |l| l.offset() as usize);
            let (line, col) = line_col(source, offset);
            Err(Invalid::Semantic(format!(
                "{line}:{col}: {}",
                error.message
            )))
        }
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

    #[test]
    fn reports_names_declared_twice() {
        let clash = "export function A({ items }: { items: string[] }) {\n  const items = 1;\n  return items;\n}\n";
        let Err(Invalid::Semantic(err)) = check_semantics(Path::new("a.tsx"), clash) else {
            panic!("a clash is a semantic error");
        };
        assert!(err.starts_with("2:9:") && err.contains("items"), "{err}");
        assert!(matches!(
            check_semantics(Path::new("a.ts"), "const a = ;"),
            Err(Invalid::Syntax(_))
        ));
        let fine = "type Props = { a: string };\nconst Props = 1;\nexport { Props };\n";
        assert!(check_semantics(Path::new("a.ts"), fine).is_ok());
    }
}
