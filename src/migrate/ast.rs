//! Small questions asked of oxc's AST and semantic model, shared by the route analysis and
//! the caller scan.

use std::path::Path;

use anyhow::{Result, bail};
use oxc_allocator::Allocator;
use oxc_ast::AstKind;
use oxc_ast::ast::{Argument, Expression, Program};
use oxc_parser::{Parser, ParserReturn};
use oxc_semantic::{Semantic, SemanticBuilder};
use oxc_span::{SourceType, Span};
use oxc_syntax::node::NodeId;

/// Parses `text` as the language its path names; a syntax error is an error naming
/// `file:line:col`.
pub fn parse<'a>(allocator: &'a Allocator, path: &Path, text: &'a str) -> Result<ParserReturn<'a>> {
    let source_type = SourceType::from_path(path).unwrap_or_else(|_| SourceType::tsx());
    let parsing = super::watchdog::Parsing::new(path);
    let parsed = Parser::new(allocator, text, source_type).parse();
    drop(parsing);
    if let Some(error) = crate::syntax::first_error(text, &parsed) {
        bail!("{}:{error}", path.to_string_lossy().replace('\\', "/"));
    }
    Ok(parsed)
}

pub fn semantic<'a>(program: &'a Program<'a>) -> Semantic<'a> {
    SemanticBuilder::new()
        .with_build_nodes(true)
        .build(program)
        .semantic
}

/// The parent of a node, looking through parentheses and `x!`.
pub fn up<'a>(semantic: &Semantic<'a>, id: NodeId) -> (NodeId, AstKind<'a>) {
    let nodes = semantic.nodes();
    let mut id = nodes.parent_id(id);
    loop {
        match nodes.kind(id) {
            AstKind::ParenthesizedExpression(_) | AstKind::TSNonNullExpression(_) => {
                id = nodes.parent_id(id);
            }
            kind => return (id, kind),
        }
    }
}

/// The node with exactly this span and kind, found among `id`'s ancestors or itself.
pub fn text(source: &str, span: Span) -> &str {
    &source[span.start as usize..span.end as usize]
}

/// `a.b.c` for a chain of identifiers and static members; `None` otherwise.
pub fn dotted(expr: &Expression<'_>) -> Option<String> {
    match expr.without_parentheses() {
        Expression::Identifier(id) => Some(id.name.to_string()),
        Expression::StaticMemberExpression(m) => {
            Some(format!("{}.{}", dotted(&m.object)?, m.property.name))
        }
        Expression::CallExpression(c) => Some(format!("{}()", dotted(&c.callee)?)),
        Expression::AwaitExpression(a) => dotted(&a.argument),
        _ => None,
    }
}

/// The value of a string literal or a template without expressions.
pub fn string_value(expr: &Expression<'_>) -> Option<String> {
    match expr.without_parentheses() {
        Expression::StringLiteral(s) => Some(s.value.to_string()),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() => t
            .quasis
            .first()
            .and_then(|q| q.value.cooked.as_ref())
            .map(ToString::to_string),
        _ => None,
    }
}

/// The argument as an expression (not a spread).
pub fn arg<'b, 'a>(args: &'b [Argument<'a>], i: usize) -> Option<&'b Expression<'a>> {
    args.get(i).and_then(Argument::as_expression)
}

/// Whether `inner` lies within `outer`.
pub fn within(inner: Span, outer: Span) -> bool {
    inner.start >= outer.start && inner.end <= outer.end
}

/// The start of the comments directly above `start` (JSDoc, `//` lines), so a moved or
/// removed statement takes its comments along.
pub fn with_leading_comments(program: &Program<'_>, source: &str, start: u32) -> u32 {
    let mut start = start;
    for comment in program.comments.iter().rev() {
        let span = comment.span;
        if span.end > start {
            continue;
        }
        let between = &source[span.end as usize..start as usize];
        if between.trim().is_empty() && between.matches('\n').count() <= 1 {
            start = span.start;
        } else {
            break;
        }
    }
    start
}

/// Widens a statement's span to whole lines (when nothing else shares them), for removal
/// with [`super::edit::removal`].
pub fn removal_span(source: &str, span: Span) -> Span {
    let bytes = source.as_bytes();
    let mut start = span.start as usize;
    while start > 0 && matches!(bytes[start - 1], b' ' | b'\t') {
        start -= 1;
    }
    if start > 0 && bytes[start - 1] != b'\n' {
        start = span.start as usize; // something precedes it on the line
    }
    let mut end = span.end as usize;
    while end < bytes.len() && matches!(bytes[end], b' ' | b'\t' | b'\r') {
        end += 1;
    }
    if end < bytes.len() && bytes[end] == b'\n' {
        end += 1;
    } else if end < bytes.len() {
        end = span.end as usize;
    }
    Span::new(start as u32, end as u32)
}

/// Text as a double-quoted, escaped string literal (module specifiers and folder names may
/// hold quotes or backslashes; URL text may hold anything).
pub fn string_literal(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_string())
}
