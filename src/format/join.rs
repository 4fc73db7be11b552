//! The one line-breaking decision a restyle can change: a list broken one item per line
//! because it was a column or two too wide for 80 columns may fit once semicolons, arrow
//! parentheses or bracket spaces are gone, and prettier then prints it on one line. This
//! joins such lists (call arguments, parameters, import and export specifiers, a value
//! moved below its `=`) when every item is on a line of its own and the joined line fits.

use std::ops::Range;
use std::path::Path;

use oxc_allocator::Allocator;
use oxc_ast::AstKind;
use oxc_ast::ast::{
    Argument, ArrayExpression, ArrayExpressionElement, BindingPattern, FormalParameters, TSType,
};
use oxc_parser::Parser;
use oxc_semantic::SemanticBuilder;
use oxc_span::{GetSpan, SourceType, Span};

use super::style::Style;

/// `text` with every list that fits on its line under `style` joined, innermost first.
pub fn join(path: &Path, text: String, style: &Style) -> String {
    let Ok(source_type) = SourceType::from_path(path) else {
        return text;
    };
    let mut text = text;
    // Joining an inner list can let the list around it fit; a few rounds reach the end.
    for _ in 0..4 {
        let allocator = Allocator::default();
        let parsed = Parser::new(&allocator, &text, source_type).parse();
        if crate::syntax::first_error(&text, &parsed).is_some() {
            return text;
        }
        let semantic = SemanticBuilder::new()
            .with_build_nodes(true)
            .build(&parsed.program)
            .semantic;
        let mut lists: Vec<(Span, Vec<Span>)> = semantic
            .nodes()
            .iter()
            .filter_map(|node| list(node.kind(), style))
            .collect();
        lists.sort_by_key(|(span, _)| span.size());
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        for (span, items) in lists {
            let range = span.start as usize..span.end as usize;
            if edits
                .iter()
                .any(|(r, _)| r.start < range.end && range.start < r.end)
            {
                continue;
            }
            if let Some(flat) = joined(&text, range.clone(), &items, style) {
                edits.push((range, flat));
            }
        }
        if edits.is_empty() {
            break;
        }
        edits.sort_by_key(|e| e.0.start);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (range, flat) in edits {
            out.push_str(&text[at..range.start]);
            out.push_str(&flat);
            at = range.end;
        }
        out.push_str(&text[at..]);
        text = out;
    }
    text
}

/// A construct whose line breaks are all between its items: its span and the items'.
fn list(kind: AstKind, style: &Style) -> Option<(Span, Vec<Span>)> {
    if let AstKind::FormalParameters(p) = kind
        && let Some(items) = hugged(p, style)
    {
        return Some((kind.span(), items));
    }
    let items: Vec<Span> = match kind {
        // prettier keeps a list of objects (or of arrays) broken, one a line.
        AstKind::ArrayExpression(a) if rows(a) => return None,
        // Calls taking several functions are printed one argument a line.
        AstKind::CallExpression(c)
            if c.arguments
                .iter()
                .filter(|a| {
                    matches!(
                        a,
                        Argument::ArrowFunctionExpression(_) | Argument::FunctionExpression(_)
                    )
                })
                .count()
                > 1 =>
        {
            return None;
        }
        AstKind::ArrayExpression(a) => {
            let items: Option<Vec<Span>> = a
                .elements
                .iter()
                .map(|e| (!e.is_elision()).then(|| e.span()))
                .collect();
            items?
        }
        AstKind::CallExpression(c) => c.arguments.iter().map(GetSpan::span).collect(),
        AstKind::NewExpression(c) => c.arguments.iter().map(GetSpan::span).collect(),
        AstKind::FormalParameters(p) => p
            .items
            .iter()
            .map(|i| i.span)
            .chain(p.rest.as_ref().map(|r| r.span))
            .collect(),
        AstKind::TSTypeParameterInstantiation(t) => t.params.iter().map(GetSpan::span).collect(),
        AstKind::ImportDeclaration(i) => i.specifiers.as_ref()?.iter().map(GetSpan::span).collect(),
        AstKind::ExportNamedDeclaration(e) => e.specifiers.iter().map(|s| s.span).collect(),
        AstKind::ExportFromDeclaration(e) => e.specifiers.iter().map(|s| s.span).collect(),
        AstKind::VariableDeclarator(d) => vec![d.init.as_ref()?.span()],
        _ => return None,
    };
    (!items.is_empty()).then(|| (kind.span(), items))
}

/// prettier's `isConciselyPrintedArray` opposite: two or more elements, all objects with
/// more than one property or all arrays with more than one element.
fn rows(array: &ArrayExpression) -> bool {
    let kinds: Vec<u8> = array
        .elements
        .iter()
        .map(|e| match e {
            ArrayExpressionElement::ObjectExpression(o) if o.properties.len() > 1 => 1,
            ArrayExpressionElement::ArrayExpression(a) if a.elements.len() > 1 => 2,
            _ => 0,
        })
        .collect();
    kinds.len() > 1 && kinds[0] != 0 && kinds.iter().all(|k| *k == kinds[0])
}

/// The items of a lone destructured parameter, which prettier hugs across lines
/// (`({\n  a,\n  b,\n}: Props)`) when it does not fit flat: the pattern's names, then the
/// annotation (or its members, when it is an object type). Without semicolons a type's
/// members have no separator to join on, so only a one-member type joins then.
fn hugged(params: &FormalParameters, style: &Style) -> Option<Vec<Span>> {
    let [param] = params.items.as_slice() else {
        return None;
    };
    let BindingPattern::ObjectPattern(pattern) = &param.pattern else {
        return None;
    };
    if params.rest.is_some() || param.initializer.is_some() {
        return None;
    }
    let mut items: Vec<Span> = pattern.properties.iter().map(|p| p.span).collect();
    items.extend(pattern.rest.as_ref().map(|r| r.span));
    match param.type_annotation.as_ref().map(|a| &a.type_annotation) {
        None => {}
        Some(TSType::TSTypeLiteral(t)) if style.semi || t.members.len() <= 1 => {
            items.extend(t.members.iter().map(GetSpan::span));
        }
        Some(TSType::TSTypeLiteral(_)) => return None,
        Some(other) => items.push(other.span()),
    }
    Some(items)
}

/// The list on one line, if it is broken only between items and fits there.
fn joined(text: &str, range: Range<usize>, items: &[Span], style: &Style) -> Option<String> {
    let body = &text[range.clone()];
    if !body.contains('\n') || body.contains('`') || body.contains("//") || body.contains("/*") {
        return None;
    }
    // A blank line between items is kept by prettier, and so is the break.
    if body.lines().any(|l| l.trim().is_empty()) {
        return None;
    }
    let first = items.first()?.start as usize;
    let last = items.last()?.end as usize;
    // Lines may break only right after the opener, between items, and before the closer.
    let head = &text[range.start..first];
    let tail = &text[last..range.end];
    let head_ok = head.matches('\n').count() <= 1
        && head
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty() || !head.contains('\n'));
    let tail_ok = tail.matches('\n').count() <= 1
        && tail
            .split('\n')
            .next()
            .is_some_and(|l| matches!(l.trim(), "" | ",") || !tail.contains('\n'));
    let items_ok = items
        .iter()
        .all(|i| !text[i.start as usize..i.end as usize].contains('\n'))
        && items.windows(2).all(|w| {
            let between = &text[w[0].end as usize..w[1].start as usize];
            // A type member's span takes its own `;`.
            separator(between)
                || (between.trim().is_empty() && text[..w[0].end as usize].ends_with([';', ',']))
        });
    if !head_ok || !tail_ok || !items_ok {
        return None;
    }
    let mut flat = String::new();
    for piece in body.split('\n').map(str::trim) {
        let Some(prev) = flat.chars().last() else {
            flat.push_str(piece);
            continue;
        };
        let next = piece.chars().next().unwrap_or(' ');
        if (matches!(next, ')' | ']' | '>' | '}') && prev == ',') || (next == '}' && prev == ';') {
            flat.pop(); // the trailing comma (or a type's last `;`) of a broken list
        }
        let prev = flat.chars().last().unwrap_or(' ');
        let gap = if matches!(prev, '(' | '[' | '<') || matches!(next, ')' | ']' | '>') {
            ""
        } else if prev == '{' || next == '}' {
            if style.bracket_spacing { " " } else { "" }
        } else {
            " "
        };
        flat.push_str(gap);
        flat.push_str(piece);
    }
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let line = format!(
        "{}{flat}{}",
        &text[line_start..range.start],
        &text[range.end..line_end]
    );
    (style.width(&line) <= style.print_width).then_some(flat)
}

/// What may stand between two items of a broken list: a comma, or in a hugged parameter
/// the pattern's close and the type's open (`}: {`) and a type's `;`.
fn separator(between: &str) -> bool {
    let trimmed = between.trim();
    trimmed == ","
        || trimmed == ";"
        || trimmed
            .chars()
            .all(|c| matches!(c, ',' | ';' | ':' | '{' | '}' | ' ' | '\n' | '\t'))
            && trimmed.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined_text(text: &str, semi: bool) -> String {
        let style = Style {
            semi,
            ..Style::default()
        };
        join(Path::new("a.tsx"), text.to_string(), &style)
    }

    #[test]
    fn a_call_that_fits_without_its_semicolon_goes_on_one_line() {
        // 81 columns with the semicolon, 80 without: prettier's own boundary.
        let broken = "  const [state, formAction] = useActionState(\n    addPost,\n    submitted ?? initialState,\n  )\n";
        assert_eq!(
            joined_text(broken, false),
            "  const [state, formAction] = useActionState(addPost, submitted ?? initialState)\n"
        );
        let kept = broken.replace("  )\n", "  );\n");
        assert_eq!(joined_text(&kept, true), kept);
    }

    #[test]
    fn a_hugged_parameter_and_an_array_join_when_they_fit() {
        let style = Style {
            bracket_spacing: false,
            ..Style::default()
        };
        let text = "export function PostForm({\n  postId,\n  submitted,\n}: Props) {\n  return 1;\n}\nexport default async function Page({\n  params,\n}: {\n  params: Promise<{id: string}>;\n}) {}\nconst C = [\n  \"id\",\n  \"title\",\n] as const;\n";
        assert_eq!(
            join(Path::new("a.tsx"), text.into(), &style),
            "export function PostForm({postId, submitted}: Props) {\n  return 1;\n}\nexport default async function Page({params}: {params: Promise<{id: string}>}) {}\nconst C = [\"id\", \"title\"] as const;\n"
        );
    }

    #[test]
    fn lists_prettier_keeps_broken_stay() {
        let style = Style {
            semi: false,
            ..Style::default()
        };
        for text in [
            "const rows = [\n  { id: 1, name: \"a\" },\n  { id: 2, name: \"b\" },\n]\n",
            "f(\n  a,\n\n  b,\n)\n",
            "compose(\n  (a) => a,\n  (b) => b,\n)\n",
        ] {
            assert_eq!(join(Path::new("a.ts"), text.into(), &style), text);
        }
        let typed = "export function Field({\n  label,\n  hint,\n}: {\n  label: string;\n  hint?: string;\n}) {}\n";
        assert_eq!(
            join(
                Path::new("a.tsx"),
                typed.into(),
                &Style {
                    bracket_spacing: false,
                    ..Style::default()
                },
            ),
            "export function Field({label, hint}: {label: string; hint?: string}) {}\n"
        );
    }

    #[test]
    fn a_chain_broken_at_its_dot_is_not_a_list() {
        let text = "const s = z\n  .string({ error: 'x' })\n";
        assert_eq!(joined_text(text, false), text);
    }

    #[test]
    fn lists_with_a_multi_line_item_stay() {
        let text = "f(\n  a,\n  () => {\n    b()\n  },\n)\n";
        assert_eq!(joined_text(text, false), text);
    }

    #[test]
    fn imports_and_values_below_their_equals_sign() {
        let text = "import {\n  a,\n  b,\n} from 'x'\nconst value =\n  another\n";
        assert_eq!(
            joined_text(text, false),
            "import { a, b } from 'x'\nconst value = another\n"
        );
    }
}
