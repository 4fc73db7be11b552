//! Formatting-preserving rewrites: replace byte ranges of the original text and keep
//! everything else (comments, the user's formatting) as it was.

use oxc_span::Span;

/// What goes in place of a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replace {
    /// Fixed text.
    Text(String),
    /// Text and rewritten source ranges from elsewhere in the file, in order: code moved
    /// (and re-indented) as part of a rewrite.
    Splice(Vec<Piece>),
    /// An object literal whose last property's value is the rewritten text of `inner`
    /// (`{ ok: true, status: 201, data: <inner> } as const`), laid out as prettier would:
    /// on one line when it fits in 80 columns, else one property per line.
    Object {
        fields: Vec<(String, String)>,
        last: String,
        inner: Span,
        /// Text after the closing brace (` as const`).
        suffix: String,
        /// Parentheses around the whole (an arrow function's expression body).
        parens: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub with: Replace,
}

impl Edit {
    pub fn text(span: Span, text: impl Into<String>) -> Edit {
        Edit {
            span,
            with: Replace::Text(text.into()),
        }
    }

    /// Removes whole lines (see [`super::ast::removal_span`]); [`tidy`] closes the gap.
    pub fn remove(span: Span) -> Edit {
        Edit::text(span, format!("{GONE}\n"))
    }

    pub fn insert(at: u32, text: impl Into<String>) -> Edit {
        Edit::text(Span::new(at, at), text)
    }
}

/// Part of a [`Replace::Splice`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// The rewritten text of a range, with `dedent` leading spaces taken off every line but
    /// the first.
    Source {
        span: Span,
        dedent: usize,
    },
}

/// Two edits that overlap without one containing the other: a bug in the caller, reported
/// rather than producing garbage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap(pub Span, pub Span);

/// The text of `range` with the edits inside it applied. An edit inside a `Text`
/// replacement is superseded by it; one inside a `Wrap` applies only within its `inner`.
pub fn render(source: &str, range: Span, edits: &[Edit]) -> Result<String, Overlap> {
    let mut inside: Vec<&Edit> = edits
        .iter()
        .filter(|e| e.span.start >= range.start && e.span.end <= range.end)
        .collect();
    // Insertions first at a position, then the widest edit.
    inside.sort_by_key(|e| {
        (
            e.span.start,
            !e.span.is_empty(),
            std::cmp::Reverse(e.span.end),
        )
    });
    let mut out = String::with_capacity((range.end - range.start) as usize);
    let mut pos = range.start;
    let mut last: Option<Span> = None;
    for edit in inside {
        if edit.span.start < pos {
            if edit.span.end > pos {
                return Err(Overlap(last.unwrap_or(range), edit.span));
            }
            continue; // contained in the previous edit
        }
        out.push_str(&source[pos as usize..edit.span.start as usize]);
        match &edit.with {
            Replace::Text(t) => out.push_str(t),
            Replace::Splice(pieces) => {
                for piece in pieces {
                    match piece {
                        Piece::Text(t) => out.push_str(t),
                        Piece::Source { span, dedent: by } => {
                            let text = render(source, *span, &others(edits, edit))?;
                            out.push_str(&dedent(&text, *by));
                        }
                    }
                }
            }
            Replace::Object {
                fields,
                last,
                inner,
                suffix,
                parens,
            } => {
                let value = render(source, *inner, &others(edits, edit))?;
                let line_start = source[..edit.span.start as usize]
                    .rfind('\n')
                    .map_or(0, |i| i + 1);
                let indent = indentation_at(source, edit.span.start);
                // What precedes the object on its line, as it will be printed.
                let lead = crate::layout::columns(&out[out.rfind('\n').map_or(0, |i| i + 1)..])
                    + if out.contains('\n') {
                        0
                    } else {
                        crate::layout::columns(&source[line_start..range.start as usize])
                    };
                let (open, close) = if *parens { ("(", ")") } else { ("", "") };
                let mut props: Vec<String> =
                    fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                props.push(format!("{last}: {value}"));
                let one_line = format!("{open}{{ {} }}{suffix}{close}", props.join(", "));
                // +1 for the `;` or `,` that follows.
                if !value.contains('\n')
                    && crate::layout::fits_columns(lead + crate::layout::columns(&one_line) + 1)
                {
                    out.push_str(&one_line);
                } else {
                    let old_base = indentation_at(source, inner.start);
                    let new_base = format!("{indent}{}", step(&indent));
                    let reindented = value
                        .split('\n')
                        .enumerate()
                        .map(|(n, line)| match line.strip_prefix(&old_base) {
                            Some(rest) if n > 0 && !line.trim().is_empty() => {
                                format!("{new_base}{rest}")
                            }
                            _ => line.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join("\n");
                    let last_prop = format!("{last}: {reindented}");
                    out.push_str(open);
                    out.push_str("{\n");
                    for (k, v) in fields {
                        out.push_str(&format!("{new_base}{k}: {v},\n"));
                    }
                    out.push_str(&format!("{new_base}{last_prop},\n"));
                    out.push_str(&indent);
                    out.push('}');
                    out.push_str(suffix);
                    out.push_str(close);
                }
            }
        }
        pos = edit.span.end;
        last = Some(edit.span);
    }
    out.push_str(&source[pos as usize..range.end as usize]);
    Ok(out)
}

/// Marks where lines were removed, for [`tidy`]. A private-use character: never in the
/// output.
const GONE: char = '\u{E000}';

/// Closes the gaps removals left the way prettier would: no blank line at the start or end
/// of a block or the file, and never two in a row. Lines away from a removal keep their
/// spacing.
pub fn tidy(text: &str) -> String {
    if !text.contains(GONE) {
        return text.to_string();
    }
    let mut out: Vec<String> = Vec::new();
    let mut gap = false;
    for line in text.split('\n') {
        if line.contains(GONE) {
            gap = true;
            // A removal that shared its line with other code leaves that code.
            let kept = line.replace(GONE, "");
            if !kept.trim().is_empty() {
                out.push(kept.trim_end().to_string());
            }
            continue;
        }
        if gap && line.trim().is_empty() {
            let after_open = out
                .last()
                .is_none_or(|l| l.trim().is_empty() || l.trim_end().ends_with('{'));
            if !after_open {
                out.push(line.to_string());
            }
            continue;
        }
        if gap && (line.trim_start().starts_with('}') || line.trim_start().starts_with(')')) {
            while out.last().is_some_and(|l| l.trim().is_empty()) {
                out.pop();
            }
        }
        gap = false;
        out.push(line.to_string());
    }
    if gap {
        while out.last().is_some_and(|l| l.trim().is_empty()) {
            out.pop();
        }
        out.push(String::new());
    }
    out.join("\n")
}

/// Removes up to `by` leading spaces from every line but the first.
pub fn dedent(text: &str, by: usize) -> String {
    if by == 0 {
        return text.to_string();
    }
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            // One level: `by` spaces, or a tab.
            let cut = if i == 0 {
                0
            } else if line.starts_with('\t') {
                1
            } else {
                line.chars().take_while(|c| *c == ' ').count().min(by)
            };
            &line[cut..]
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The edits other than `edit`, for rendering inside it.
fn others(edits: &[Edit], edit: &Edit) -> Vec<Edit> {
    edits
        .iter()
        .filter(|e| e.span != edit.span)
        .cloned()
        .collect()
}

/// The indentation (spaces or tabs) of the line holding `offset`.
pub fn indentation_at(source: &str, offset: u32) -> String {
    let start = source[..offset as usize].rfind('\n').map_or(0, |i| i + 1);
    source[start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// One level of indentation in the file's own style: a tab where it indents with tabs,
/// else the project's unit.
pub fn step(indent: &str) -> String {
    if indent.contains('\t') {
        "\t".to_string()
    } else {
        crate::layout::unit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_and_superseded_edits() {
        let src = "  return json(req.body, 1);";
        let arg = Span::new(14, 22); // req.body
        let call = Span::new(9, 26); // json(req.body, 1)
        let object = |suffix: &str| Replace::Object {
            fields: vec![("ok".into(), "true".into())],
            last: "data".into(),
            inner: arg,
            suffix: suffix.into(),
            parens: false,
        };
        let edits = vec![
            Edit {
                span: call,
                with: object(" as const"),
            },
            Edit::text(Span::new(14, 17), "input"),
            Edit::text(Span::new(24, 25), "2"), // inside the object, outside inner: dropped
        ];
        let out = render(src, Span::new(0, src.len() as u32), &edits).unwrap();
        assert_eq!(out, "  return { ok: true, data: input.body } as const;");
        // Past 80 columns: one property per line.
        let long = " ".repeat(60);
        let edits = vec![Edit {
            span: call,
            with: object(&long),
        }];
        let out = render(src, Span::new(0, src.len() as u32), &edits).unwrap();
        assert!(
            out.starts_with("  return {\n    ok: true,\n    data: req.body,\n  }"),
            "{out}"
        );
        let overlapping = vec![
            Edit::text(Span::new(0, 8), ""),
            Edit::text(Span::new(5, 10), ""),
        ];
        assert!(render(src, Span::new(0, src.len() as u32), &overlapping).is_err());
        // Removed lines close up without doubling blank lines.
        let removed = format!("a\n\n{GONE}\n\nb\n{{\n{GONE}\n\nc\n\n{GONE}\n}}\n\n{GONE}\n");
        assert_eq!(tidy(&removed), "a\n\nb\n{\nc\n}\n");
        assert_eq!(tidy(&format!("{{\n}}  {GONE}\nx\n")), "{\n}\nx\n");
        let insert = vec![Edit::insert(0, "async ")];
        assert_eq!(
            render("function f() {}", Span::new(0, 15), &insert).unwrap(),
            "async function f() {}"
        );
    }
}
