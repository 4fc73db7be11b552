//! Moves code laid out in prettier's default style to a project's style: quotes, semicolons,
//! trailing commas, bracket spacing, arrow parentheses, quoted keys, indentation and line
//! endings, each decided on oxc's syntax tree as prettier's printer decides it.
//!
//! None of these moves a line break; lines that got shorter may then fit where prettier
//! joins them, which `join` does. The result is what prettier prints whenever every line
//! still fits the project's width and the width is no wider than the layout was made for
//! ([`fits`]); otherwise only the formatter itself can say where lines break.

use std::ops::Range;
use std::path::Path;

use oxc_allocator::Allocator;
use oxc_ast::AstKind;
use oxc_ast::ast::{BindingPattern, PropertyKey};
use oxc_parser::Parser;
use oxc_semantic::SemanticBuilder;
use oxc_span::{GetSpan, SourceType, Span};

use super::style::{EndOfLine, QuoteProps, Style, TrailingComma};

/// Where the restyle may change the text: everywhere, or only in these byte ranges (the
/// lines a codemod wrote into a file the user wrote; their own lines stay as they are).
pub enum Scope<'r> {
    Whole,
    Only(&'r [Range<usize>]),
}

impl Scope<'_> {
    pub fn covers(&self, at: usize) -> bool {
        match self {
            Scope::Whole => true,
            Scope::Only(ranges) => ranges.iter().any(|r| r.contains(&at)),
        }
    }
}

/// A restyled file, and whether its line breaks are still prettier's.
pub struct Restyled {
    pub text: String,
    /// False when prettier may break or join lines differently: the width is wider than
    /// the layout's 80 columns, or a line that fitted no longer fits.
    pub fits: bool,
}

/// `text` in `style`. Text that does not parse, or a file that is not JavaScript,
/// TypeScript or CSS, comes back unchanged.
pub fn restyle(path: &Path, text: &str, style: &Style, scope: &Scope) -> Restyled {
    let is_css = path.extension().is_some_and(|e| e == "css");
    let mut edits = Vec::new();
    if is_css {
        css_strings(text, style, &mut edits);
        reindent(text, style, &[], &mut edits, scope);
    } else {
        let unchanged = || Restyled {
            text: text.to_string(),
            fits: fits(text, text, style, scope),
        };
        let Ok(source_type) = SourceType::from_path(path) else {
            return unchanged();
        };
        let allocator = Allocator::default();
        let parsed = Parser::new(&allocator, text, source_type).parse();
        if crate::syntax::first_error(text, &parsed).is_some() {
            return unchanged();
        }
        let semantic = SemanticBuilder::new()
            .with_build_nodes(true)
            .build(&parsed.program)
            .semantic;
        let mut pass = Pass {
            text,
            style,
            scope,
            edits: Vec::new(),
            verbatim: Vec::new(),
        };
        for comment in &parsed.program.comments {
            let span = comment.span;
            let body = &text[span.start as usize..span.end as usize];
            // prettier re-indents a block comment only when each line starts with `*`.
            if comment.is_block()
                && !body
                    .lines()
                    .skip(1)
                    .all(|l| l.trim_start().starts_with('*'))
            {
                pass.verbatim.push(span.start as usize..span.end as usize);
            }
        }
        for node in semantic.nodes().iter() {
            let parent = semantic.nodes().parent_kind(node.id());
            pass.node(node.kind(), parent);
        }
        let Pass {
            edits: found,
            verbatim,
            ..
        } = pass;
        edits = found
            .into_iter()
            .filter(|e| scope.covers(e.0.start))
            .collect();
        // A codemod's lines already carry the file's own indentation.
        if matches!(scope, Scope::Whole) {
            reindent(text, style, &verbatim, &mut edits, scope);
        }
    }
    let mut out = apply(text, edits);
    let fits = fits(text, &out, style, scope);
    // Only shorter lines can join; a codemod's edits are left as laid out.
    let shorter = !style.semi || !style.arrow_parens || !style.bracket_spacing;
    if shorter && !is_css && matches!(scope, Scope::Whole) {
        out = super::join::join(path, out, style);
    }
    let text = match style.end_of_line {
        EndOfLine::Crlf => out.replace("\r\n", "\n").replace('\n', "\r\n"),
        EndOfLine::Cr => out.replace("\r\n", "\n").replace('\n', "\r"),
        EndOfLine::Lf | EndOfLine::Auto => out,
    };
    Restyled { text, fits }
}

/// Whether prettier keeps every line break of `before` (laid out for 80 columns and
/// two-space indentation) in `after`, the same lines restyled: it joins none under a width
/// no wider than 80, and it breaks none that fit. A line that was already too long and
/// did not grow is one prettier could not break at 80 columns either.
fn fits(before: &str, after: &str, style: &Style, scope: &Scope) -> bool {
    if style.print_width > 80 {
        return false;
    }
    let mut start = 0;
    before.lines().zip(after.lines()).all(|(old, new)| {
        let at = start;
        start += old.len() + 1;
        let (was, is) = (style.width(old), style.width(new));
        !scope.covers(at) || is <= style.print_width || (was > 80 && is <= was)
    })
}

type Edit = (Range<usize>, String);

/// Whether a statement starting with `text` would continue the previous one without a `;`
/// (prettier's dangerous first characters; `++x` and `--x` are safe).
fn dangerous(text: &str) -> bool {
    match text.as_bytes() {
        [b'+', b'+', ..] | [b'-', b'-', ..] => false,
        [b'(' | b'[' | b'`' | b'+' | b'-' | b'/' | b'<', ..] => true,
        _ => false,
    }
}

/// The strings of a stylesheet (attribute selectors, `content`), which prettier quotes as
/// it quotes JavaScript's; comments are skipped.
fn css_strings(text: &str, style: &Style, edits: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                at += text[at..].find("*/").map_or(bytes.len() - at, |i| i + 2);
            }
            q @ (b'"' | b'\'') => {
                let mut end = at + 1;
                while end < bytes.len() && bytes[end] != q && bytes[end] != b'\n' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                if end >= bytes.len() || bytes[end] != q {
                    return; // an unclosed string: leave the sheet as it is
                }
                let content = &text[at + 1..end];
                let quote = preferred_quote(content, style.single_quote);
                // `@charset` takes double quotes only; prettier leaves it.
                let charset = text[..at].trim_end().ends_with("@charset");
                if !charset && !text[at..].starts_with(quote) {
                    edits.push((at..end + 1, make_string(content, quote)));
                }
                at = end + 1;
            }
            _ => at += 1,
        }
    }
}

fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.0.start, e.0.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            continue; // the same `;` found twice (an export and its declaration): once
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Each line's leading spaces, two per level as the templates write them, in the style's
/// unit; lines inside template literals and free-form block comments are content.
fn reindent(
    text: &str,
    style: &Style,
    verbatim: &[Range<usize>],
    edits: &mut Vec<Edit>,
    scope: &Scope,
) {
    if !style.use_tabs && style.tab_width == 2 {
        return;
    }
    let unit = style.unit();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let inside = verbatim.iter().any(|r| r.start < start && start < r.end);
        if spaces > 0 && !inside && scope.covers(start) {
            let indent = unit.repeat(spaces / 2) + &" ".repeat(spaces % 2);
            edits.push((start..start + spaces, indent));
        }
        start += line.len();
    }
}

struct Pass<'t> {
    text: &'t str,
    style: &'t Style,
    scope: &'t Scope<'t>,
    edits: Vec<Edit>,
    /// Template literals and free-form comments: their lines are not indentation.
    verbatim: Vec<Range<usize>>,
}

impl Pass<'_> {
    fn node(&mut self, kind: AstKind, parent: AstKind) {
        let span = kind.span();
        match kind {
            AstKind::StringLiteral(s) => {
                if matches!(parent, AstKind::JSXAttribute(_)) {
                    self.jsx_string(s.span);
                } else {
                    self.string(s.span);
                }
            }
            AstKind::TemplateLiteral(_) | AstKind::TSTemplateLiteralType(_) => {
                self.verbatim.push(span.start as usize..span.end as usize);
            }
            AstKind::ObjectExpression(o) => {
                self.braces(span);
                let last = o.properties.last().map(GetSpan::span);
                self.trailing(last, TrailingComma::Es5);
                if self.style.quote_props == QuoteProps::Consistent {
                    let keys = o.properties.iter().filter_map(|p| match p {
                        oxc_ast::ast::ObjectPropertyKind::ObjectProperty(p)
                            if !p.computed && !p.shorthand =>
                        {
                            Some(&p.key)
                        }
                        _ => None,
                    });
                    self.consistent_keys(keys.collect());
                }
            }
            AstKind::ObjectPattern(o) => {
                self.braces(span);
                let last = match &o.rest {
                    Some(rest) => Some(rest.span),
                    None => o.properties.last().map(|p| p.span),
                };
                self.trailing(last, TrailingComma::Es5);
            }
            AstKind::ArrayExpression(a) => {
                self.trailing(a.elements.last().map(GetSpan::span), TrailingComma::Es5);
            }
            AstKind::ArrayPattern(a) => {
                self.trailing(
                    a.elements.last().and_then(|e| e.as_ref()).map(|e| e.span()),
                    TrailingComma::Es5,
                );
            }
            AstKind::CallExpression(c) => {
                self.trailing(c.arguments.last().map(GetSpan::span), TrailingComma::All);
            }
            AstKind::NewExpression(c) => {
                self.trailing(c.arguments.last().map(GetSpan::span), TrailingComma::All);
            }
            AstKind::FormalParameters(p) => {
                let last = match &p.rest {
                    Some(rest) => Some(rest.span),
                    None => p.items.last().map(|i| i.span),
                };
                self.trailing(last, TrailingComma::All);
            }
            AstKind::TSTypeParameterInstantiation(t) => {
                self.trailing(t.params.last().map(GetSpan::span), TrailingComma::All);
            }
            AstKind::TSTypeParameterDeclaration(t) => {
                // `<T,>(x: T) => x` in a .tsx file: the comma tells it from a JSX tag.
                let lone_arrow = t.params.len() == 1
                    && matches!(parent, AstKind::ArrowFunctionExpression(_))
                    && self.text[t.span.start as usize..t.span.end as usize].contains(',');
                if !lone_arrow {
                    self.trailing(t.params.last().map(|p| p.span), TrailingComma::Es5);
                }
            }
            AstKind::TSTupleType(t) => {
                self.trailing(
                    t.element_types.last().map(GetSpan::span),
                    TrailingComma::Es5,
                );
            }
            AstKind::TSEnumBody(b) => {
                self.trailing(b.members.last().map(|m| m.span), TrailingComma::Es5);
            }
            AstKind::ImportDeclaration(i) => {
                self.statement_end(span);
                if let Some(specifiers) = &i.specifiers {
                    let named: Vec<Span> = specifiers
                        .iter()
                        .filter(|s| {
                            matches!(
                                s,
                                oxc_ast::ast::ImportDeclarationSpecifier::ImportSpecifier(_)
                            )
                        })
                        .map(GetSpan::span)
                        .collect();
                    self.trailing(named.last().copied(), TrailingComma::Es5);
                    self.list_braces(&named);
                }
            }
            AstKind::ExportNamedDeclaration(e) => {
                self.statement_end(span);
                let named: Vec<Span> = e.specifiers.iter().map(|s| s.span).collect();
                self.trailing(named.last().copied(), TrailingComma::Es5);
                self.list_braces(&named);
            }
            AstKind::ExportFromDeclaration(e) => {
                self.statement_end(span);
                let named: Vec<Span> = e.specifiers.iter().map(|s| s.span).collect();
                self.trailing(named.last().copied(), TrailingComma::Es5);
                self.list_braces(&named);
            }
            AstKind::TSTypeLiteral(t) => {
                self.braces(span);
                self.members(t.members.iter().map(GetSpan::span));
                if self.style.quote_props == QuoteProps::Consistent {
                    let keys = t.members.iter().filter_map(|m| match m {
                        oxc_ast::ast::TSSignature::TSPropertySignature(p) if !p.computed => {
                            Some(&p.key)
                        }
                        _ => None,
                    });
                    self.consistent_keys(keys.collect());
                }
            }
            AstKind::TSInterfaceBody(b) => {
                self.members(b.body.iter().map(GetSpan::span));
            }
            AstKind::ArrowFunctionExpression(a) => self.arrow_parens(a),
            AstKind::ExpressionStatement(_) => {
                self.statement_end(span);
                self.asi_guard(span);
            }
            AstKind::Directive(_)
            | AstKind::VariableDeclaration(_)
            | AstKind::ReturnStatement(_)
            | AstKind::ThrowStatement(_)
            | AstKind::BreakStatement(_)
            | AstKind::ContinueStatement(_)
            | AstKind::DoWhileStatement(_)
            | AstKind::DebuggerStatement(_)
            | AstKind::ExportAllDeclaration(_)
            | AstKind::ExportDefaultDeclaration(_)
            | AstKind::TSTypeAliasDeclaration(_)
            | AstKind::TSExportAssignment(_)
            | AstKind::TSImportEqualsDeclaration(_) => self.statement_end(span),
            AstKind::Function(f) if f.body.is_none() => self.statement_end(span),
            AstKind::ClassBody(body) => {
                for (i, element) in body.body.iter().enumerate() {
                    if !matches!(
                        element,
                        oxc_ast::ast::ClassElement::PropertyDefinition(_)
                            | oxc_ast::ast::ClassElement::AccessorProperty(_)
                            | oxc_ast::ast::ClassElement::TSIndexSignature(_)
                    ) {
                        continue;
                    }
                    // Without its `;`, a field runs into a next member that starts with
                    // `[`, `(` or `*`, and a field named `get`, `set` or `static` with no
                    // value becomes a modifier; prettier keeps the semicolon there.
                    let modifier = matches!(
                        element,
                        oxc_ast::ast::ClassElement::PropertyDefinition(p)
                            if p.value.is_none()
                                && matches!(p.key.static_name().as_deref(), Some("get" | "set" | "static"))
                    );
                    let hazard = body.body.get(i + 1).is_some_and(|next| {
                        let at = next.span().start as usize;
                        let text = &self.text[at..];
                        matches!(text.as_bytes().first(), Some(b'[' | b'(' | b'*'))
                            || text.starts_with("in ")
                            || text.starts_with("in(")
                            || text.starts_with("instanceof")
                    }) || modifier;
                    if !hazard {
                        self.statement_end(element.span());
                    }
                }
            }
            _ => {}
        }
    }

    fn slice(&self, span: Span) -> &str {
        &self.text[span.start as usize..span.end as usize]
    }

    /// A string literal with prettier's quote: the preferred one unless the content holds
    /// more of it than of the other.
    fn string(&mut self, span: Span) {
        let raw = self.slice(span);
        if raw.len() < 2 {
            return;
        }
        let content = &raw[1..raw.len() - 1];
        let quote = preferred_quote(content, self.style.single_quote);
        if raw.starts_with(quote) {
            return; // prettier keeps the string as written when its quote stays
        }
        let printed = make_string(content, quote);
        if printed != raw {
            self.edits
                .push((span.start as usize..span.end as usize, printed));
        }
    }

    /// A JSX attribute's string, which cannot escape: quotes inside become entities.
    fn jsx_string(&mut self, span: Span) {
        let raw = self.slice(span);
        if raw.len() < 2 {
            return;
        }
        let content = raw[1..raw.len() - 1]
            .replace("&apos;", "'")
            .replace("&quot;", "\"");
        let quote = preferred_quote(&content, self.style.jsx_single_quote);
        let entity = if quote == '"' { "&quot;" } else { "&apos;" };
        let printed = format!("{quote}{}{quote}", content.replace(quote, entity));
        if printed != raw {
            self.edits
                .push((span.start as usize..span.end as usize, printed));
        }
    }

    /// Drops the `;` that ends a statement when the style has no semicolons.
    fn statement_end(&mut self, span: Span) {
        if self.style.semi || span.end == 0 {
            return;
        }
        let end = span.end as usize - 1;
        // Only a `;` that ends its line: prettier prints one statement a line, and
        // `0;x` must not become `0x`.
        let rest = self.text[end + 1..].trim_start_matches([' ', '\t']);
        let ends_line = rest.is_empty() || rest.starts_with(['\n', '\r']) || rest.starts_with("//");
        // A statement of the user's (outside the scope, so it gets no `;` guard) that
        // starts with a bracket would continue this one.
        let next_unguarded = self
            .next_token(end + 1)
            .is_some_and(|at| dangerous(&self.text[at..]) && !self.scope.covers(at));
        if self.text.as_bytes().get(end) == Some(&b';') && ends_line && !next_unguarded {
            self.edits.push((end..end + 1, String::new()));
        }
    }

    /// Without semicolons, a statement that starts with a bracket, a backtick or an
    /// operator would continue the previous one: prettier starts it with `;`.
    fn asi_guard(&mut self, span: Span) {
        let at = span.start as usize;
        // Already guarded: a `;` of the user's just before it on the same line.
        let before = self.text[..at].trim_end_matches([' ', '\t']);
        if !self.style.semi && dangerous(&self.text[at..]) && !before.ends_with(';') {
            self.edits.push((at..at, ";".into()));
        }
    }

    /// A comma after the last item of a list, which the style keeps for `level` lists only.
    fn trailing(&mut self, last: Option<Span>, level: TrailingComma) {
        let keep = match self.style.trailing_comma {
            TrailingComma::All => true,
            TrailingComma::Es5 => level == TrailingComma::Es5,
            TrailingComma::None => false,
        };
        let Some(last) = last else { return };
        if keep {
            return;
        }
        if let Some(at) = self.next_token(last.end as usize)
            && self.text.as_bytes()[at] == b','
        {
            self.edits.push((at..at + 1, String::new()));
        }
    }

    /// Separators of an interface's or type literal's members across lines: `;` only with
    /// semicolons (prettier prints `{ a: string; b: number }` on one line either way).
    fn members(&mut self, spans: impl Iterator<Item = Span>) {
        if self.style.semi {
            return;
        }
        for span in spans {
            let end = span.end as usize;
            let at = if self.text.as_bytes().get(end.wrapping_sub(1)) == Some(&b';') {
                Some(end - 1)
            } else {
                self.next_token(end)
                    .filter(|&at| self.text.as_bytes()[at] == b';')
            };
            if let Some(at) = at
                && self.text[at + 1..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with(['\n', '\r'])
            {
                self.edits.push((at..at + 1, String::new()));
            }
        }
    }

    /// The offset of the next character after `from` that is not whitespace or a comment.
    fn next_token(&self, from: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut at = from;
        while at < bytes.len() {
            match bytes[at] {
                b' ' | b'\t' | b'\n' | b'\r' => at += 1,
                b'/' if bytes.get(at + 1) == Some(&b'/') => {
                    at += self.text[at..].find('\n').unwrap_or(bytes.len() - at);
                }
                b'/' if bytes.get(at + 1) == Some(&b'*') => {
                    at += self.text[at..]
                        .find("*/")
                        .map_or(bytes.len() - at, |i| i + 2);
                }
                _ => return Some(at),
            }
        }
        None
    }

    /// `{ a }` → `{a}` without bracket spacing, for braces on one line.
    fn braces(&mut self, span: Span) {
        let (start, end) = (span.start as usize, span.end as usize);
        if self.style.bracket_spacing || end < start + 4 {
            return;
        }
        let inner = &self.text[start..end];
        if inner.starts_with("{ ") && inner.ends_with(" }") && !inner.contains('\n') {
            self.edits.push((start + 1..start + 2, String::new()));
            self.edits.push((end - 2..end - 1, String::new()));
        }
    }

    /// The braces around import or export specifiers.
    fn list_braces(&mut self, items: &[Span]) {
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return;
        };
        let before = self.text[..first.start as usize].trim_end_matches(' ');
        let Some(open) = before
            .len()
            .checked_sub(1)
            .filter(|&i| before.as_bytes()[i] == b'{')
        else {
            return;
        };
        let Some(mut close) = self.next_token(last.end as usize) else {
            return;
        };
        if self.text.as_bytes()[close] == b',' {
            close = match self.next_token(close + 1) {
                Some(c) => c,
                None => return,
            };
        }
        if self.text.as_bytes()[close] == b'}' {
            self.braces(Span::new(open as u32, close as u32 + 1));
        }
    }

    /// `(x) => …` → `x => …` under `arrowParens: "avoid"`, when the one parameter is a
    /// plain name (prettier's `canPrintParamsWithoutParens`).
    fn arrow_parens(&mut self, arrow: &oxc_ast::ast::ArrowFunctionExpression) {
        if self.style.arrow_parens || arrow.type_parameters.is_some() || arrow.return_type.is_some()
        {
            return;
        }
        let params = &arrow.params;
        let [param] = params.items.as_slice() else {
            return;
        };
        let plain = params.rest.is_none()
            && matches!(param.pattern, BindingPattern::BindingIdentifier(_))
            && param.type_annotation.is_none()
            && param.initializer.is_none()
            && !param.optional
            && param.decorators.is_empty();
        let (start, end) = (params.span.start as usize, params.span.end as usize);
        let inner = &self.text[start..end];
        if plain
            && inner.starts_with('(')
            && inner.ends_with(')')
            && !inner.contains("/*")
            && !inner.contains("//")
        {
            let name = self.slice(param.span).to_string();
            self.edits.push((start..end, name));
        }
    }

    /// `quoteProps: "consistent"`: when one key needs quotes, every key gets them.
    fn consistent_keys(&mut self, keys: Vec<&PropertyKey>) {
        let needs = keys.iter().any(|k| match k {
            PropertyKey::StringLiteral(s) => !is_simple_key(&s.value),
            _ => false,
        });
        if !needs {
            return;
        }
        let quote = if self.style.single_quote { '\'' } else { '"' };
        for key in keys {
            if let PropertyKey::StaticIdentifier(id) = key {
                let span = id.span;
                self.edits.push((
                    span.start as usize..span.end as usize,
                    format!("{quote}{}{quote}", id.name),
                ));
            }
        }
    }
}

/// A key prettier could print without quotes: an ES5 identifier name or a simple number.
fn is_simple_key(key: &str) -> bool {
    let mut chars = key.chars();
    let ident = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    let number = !key.is_empty()
        && key.bytes().all(|b| b.is_ascii_digit())
        && (key == "0" || !key.starts_with('0'));
    ident || number
}

/// prettier's `getPreferredQuote`: the preferred quote unless the content has more of it.
fn preferred_quote(content: &str, prefer_single: bool) -> char {
    let (preferred, alternate) = if prefer_single {
        ('\'', '"')
    } else {
        ('"', '\'')
    };
    let count = |q| content.chars().filter(|&c| c == q).count();
    if count(preferred) > count(alternate) {
        alternate
    } else {
        preferred
    }
}

/// prettier's `makeString`: re-encloses `content` in `quote`, escaping that quote and
/// unescaping the other; other escapes stay.
fn make_string(content: &str, quote: char) -> String {
    let other = if quote == '"' { '\'' } else { '"' };
    let mut out = String::with_capacity(content.len() + 2);
    out.push(quote);
    let mut chars = content.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if e == other => out.push(e),
                Some(e) if e == quote => {
                    out.push('\\');
                    out.push(e);
                }
                Some(e) => {
                    // prettier 3 keeps every other escape, useless or not.
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled(text: &str, edit: impl FnOnce(&mut Style)) -> String {
        let mut style = Style::default();
        edit(&mut style);
        restyle(Path::new("a.tsx"), text, &style, &Scope::Whole).text
    }

    #[test]
    fn the_default_style_changes_nothing() {
        let text = "\"use server\";\n\nimport { a } from \"x\";\n\nexport async function f(\n  a: string,\n  b: number,\n) {\n  return { a, b: [1, 2] };\n}\n";
        assert_eq!(styled(text, |_| {}), text);
    }

    #[test]
    fn quotes_follow_prettier() {
        let text = "const a = \"it's\";\nconst b = \"x\";\nconst c = \"say \\\"hi\\\"\";\nconst d = <p title=\"a\" data-x=\"it's\" />;\n";
        let out = styled(text, |s| {
            s.single_quote = true;
            s.jsx_single_quote = true;
        });
        assert_eq!(
            out,
            "const a = \"it's\";\nconst b = 'x';\nconst c = 'say \"hi\"';\nconst d = <p title='a' data-x=\"it's\" />;\n"
        );
    }

    #[test]
    fn no_semicolons_and_the_asi_guard() {
        let text = "import { a } from \"x\";\ntype T = { a: string; b: number };\ninterface I {\n  a: string;\n  b: number;\n}\nlet x = 1;\n(async () => {})();\nexport { x };\n";
        let out = styled(text, |s| s.semi = false);
        assert_eq!(
            out,
            "import { a } from \"x\"\ntype T = { a: string; b: number }\ninterface I {\n  a: string\n  b: number\n}\nlet x = 1\n;(async () => {})()\nexport { x }\n"
        );
    }

    #[test]
    fn semicolons_stay_where_their_absence_changes_the_code() {
        let text = "class A {\n  get;\n  static;\n  b = 1;\n  foo() {}\n}\n++x;\nconst f = <T,>(x: T) => x;\n";
        let out = styled(text, |s| {
            s.semi = false;
            s.trailing_comma = TrailingComma::None;
        });
        assert_eq!(
            out,
            "class A {\n  get;\n  static;\n  b = 1\n  foo() {}\n}\n++x\nconst f = <T,>(x: T) => x\n"
        );
        // A codemod line before a user's line that starts with `(` keeps its `;`.
        let text = "const a = f();\n(window as any).x = a;\n";
        let style = Style {
            semi: false,
            ..Style::default()
        };
        let ours = 0..text.find('\n').unwrap() + 1;
        let out = restyle(Path::new("a.ts"), text, &style, &Scope::Only(&[ours])).text;
        assert_eq!(out, text);
    }

    #[test]
    fn a_semicolon_inside_a_line_stays() {
        // Found by the fuzzer: `0;lV < 0` must not become `0lV < 0`.
        let text = "0;lV < 0;\nfor (;;) {}\n";
        assert_eq!(styled(text, |s| s.semi = false), "0;lV < 0\nfor (;;) {}\n");
    }

    #[test]
    fn trailing_commas_by_level() {
        let text = "f(\n  a,\n  b,\n);\nconst o = {\n  a,\n  b,\n};\nfunction g(\n  a: string,\n  b: string,\n) {}\n";
        let es5 = styled(text, |s| s.trailing_comma = TrailingComma::Es5);
        assert_eq!(
            es5,
            "f(\n  a,\n  b\n);\nconst o = {\n  a,\n  b,\n};\nfunction g(\n  a: string,\n  b: string\n) {}\n"
        );
        let none = styled(text, |s| s.trailing_comma = TrailingComma::None);
        assert!(!none.contains(",\n}") && !none.contains(",\n)"), "{none}");
        let imports = "import {\n  a,\n  b,\n} from \"x\";\nexport {\n  a,\n  b,\n};\n";
        let none = styled(imports, |s| s.trailing_comma = TrailingComma::None);
        assert_eq!(none, imports.replace("b,\n", "b\n"));
    }

    #[test]
    fn brackets_arrows_keys_tabs_and_line_ends() {
        let text = "import { a, b } from \"x\";\nconst f = async (x) => ({ x });\nconst h = { \"Content-Type\": \"a\", b: 1 };\nconst t = `\n  kept\n`;\nfunction g() {\n  /**\n   * doc\n   */\n  return 1;\n}\n";
        let out = styled(text, |s| {
            s.bracket_spacing = false;
            s.arrow_parens = false;
            s.quote_props = QuoteProps::Consistent;
            s.use_tabs = true;
            s.end_of_line = EndOfLine::Crlf;
        });
        assert_eq!(
            out,
            "import {a, b} from \"x\";\r\nconst f = async x => ({x});\r\nconst h = {\"Content-Type\": \"a\", \"b\": 1};\r\nconst t = `\r\n  kept\r\n`;\r\nfunction g() {\r\n\t/**\r\n\t * doc\r\n\t */\r\n\treturn 1;\r\n}\r\n"
        );
    }

    #[test]
    fn a_scope_limits_the_changes() {
        let text = "const a = \"x\";\nconst b = \"y\";\n";
        let style = Style {
            single_quote: true,
            ..Style::default()
        };
        let second = text.find("const b").unwrap()..text.len();
        let out = restyle(Path::new("a.ts"), text, &style, &Scope::Only(&[second])).text;
        assert_eq!(out, "const a = \"x\";\nconst b = 'y';\n");
    }

    #[test]
    fn make_string_matches_prettier() {
        assert_eq!(make_string(r#"a\'b"#, '"'), r#""a'b""#);
        assert_eq!(make_string(r#"a"b"#, '\''), r#"'a"b'"#);
        assert_eq!(make_string(r#"a'b"#, '\''), r#"'a\'b'"#);
        assert_eq!(make_string(r"\n\d", '"'), r#""\n\d""#);
    }
}
