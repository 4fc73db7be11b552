//! Prettier's line breaking, for the generators and the migration alike: the few
//! constructs whose width depends on user-chosen names. Each function follows the rule
//! prettier (default options: 80 columns, 2 spaces, double quotes, trailing commas)
//! applies to that construct, so written files need no formatting pass. Everything else is
//! fixed text in the templates. The e2e suite checks the result with prettier itself.

/// Prettier's default print width. A line fits when it has at most this many columns,
/// counting what follows the construct on its line (`;`, `,`, `)`).
pub const WIDTH: usize = 80;

/// The project's line width, indentation unit and tab width, when a codemod lays code out
/// inside the project's own files. The generators keep the defaults (80 columns, two
/// spaces) and are restyled afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub width: usize,
    pub unit: String,
    pub tab_width: usize,
    /// The text is written with prettier's defaults and restyled afterwards; these say how
    /// much narrower it will be, so that lines break where prettier breaks them in the
    /// project's style: `{ a }` loses its spaces, a statement its `;`.
    pub bracket_spacing: bool,
    pub semi: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            width: WIDTH,
            unit: "  ".into(),
            tab_width: 2,
            bracket_spacing: true,
            semi: true,
        }
    }
}

thread_local! {
    static SETTINGS: std::cell::RefCell<Settings> = std::cell::RefCell::new(Settings::default());
}

/// Lays out with `settings` on this thread until dropped.
pub struct Scoped(Settings);

impl Scoped {
    pub fn set(settings: Settings) -> Scoped {
        Scoped(SETTINGS.with(|s| s.replace(settings)))
    }
}

impl Drop for Scoped {
    fn drop(&mut self) {
        SETTINGS.with(|s| *s.borrow_mut() = std::mem::take(&mut self.0));
    }
}

/// One level of indentation in the project's style.
pub fn unit() -> String {
    SETTINGS.with(|s| s.borrow().unit.clone())
}

/// Whether a line of this many columns fits.
pub fn fits_columns(columns: usize) -> bool {
    columns <= SETTINGS.with(|s| s.borrow().width)
}

/// The columns `text` will take in the project's style, a tab counting as its tab width,
/// as prettier counts them.
pub fn columns(text: &str) -> usize {
    SETTINGS.with(|s| {
        let s = s.borrow();
        let mut n: usize = text
            .chars()
            .map(|c| if c == '\t' { s.tab_width } else { 1 })
            .sum();
        if !s.bracket_spacing {
            n = n.saturating_sub(text.matches("{ ").count() + text.matches(" }").count());
        }
        if !s.semi && text.ends_with(';') {
            n = n.saturating_sub(1);
        }
        n
    })
}

fn pad(indent: usize) -> String {
    " ".repeat(indent)
}

fn fits(indent: usize, text: &str) -> bool {
    !text.contains('\n') && fits_columns(indent + columns(text))
}

/// A call argument. Objects are written `{ key: value }` and can be hugged when last.
#[derive(Debug, Clone)]
pub enum Arg {
    Plain(String),
    Object(Vec<(String, String)>),
    /// `[a, b]`: like objects, a last array argument is hugged.
    Array(Vec<String>),
    /// An object literal as written in a user's file: its properties (`id`, `title: t`),
    /// and whether prettier keeps it expanded (its first property started on a new line).
    Fields(Vec<String>, bool),
}

impl Arg {
    pub fn plain(s: impl Into<String>) -> Arg {
        Arg::Plain(s.into())
    }

    fn flat(&self) -> String {
        match self {
            Arg::Plain(s) => s.clone(),
            Arg::Object(props) if props.is_empty() => "{}".into(),
            Arg::Object(props) => {
                let inner: Vec<String> = props.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                format!("{{ {} }}", inner.join(", "))
            }
            Arg::Array(items) => format!("[{}]", items.join(", ")),
            Arg::Fields(props, _) if props.is_empty() => "{}".into(),
            Arg::Fields(props, _) => format!("{{ {} }}", props.join(", ")),
        }
    }

    fn huggable(&self) -> bool {
        matches!(self, Arg::Object(p) if !p.is_empty())
            || matches!(self, Arg::Array(i) if !i.is_empty())
            || matches!(self, Arg::Fields(p, _) if !p.is_empty())
    }

    /// An object prettier keeps across lines even where it would fit on one.
    fn expanded(&self) -> bool {
        matches!(self, Arg::Fields(p, true) if !p.is_empty())
    }

    /// The argument printed across lines, its closing bracket at `indent` and its items
    /// one `unit` deeper (only objects and arrays break).
    fn broken(&self, indent: &str, unit: &str) -> String {
        let lines = |items: Vec<String>, open: char, close: char| {
            let mut out = format!("{open}\n");
            for item in items {
                out.push_str(&format!("{indent}{unit}{item},\n"));
            }
            out.push_str(indent);
            out.push(close);
            out
        };
        match self {
            Arg::Array(items) if !items.is_empty() => lines(items.clone(), '[', ']'),
            Arg::Object(props) if !props.is_empty() => lines(
                props.iter().map(|(k, v)| format!("{k}: {v}")).collect(),
                '{',
                '}',
            ),
            Arg::Fields(props, _) if !props.is_empty() => lines(props.clone(), '{', '}'),
            other => other.flat(),
        }
    }
}

/// Where a construct sits on its line: the indentation of the line (and one level of it),
/// the columns already written before the construct, and the columns after it.
#[derive(Debug, Clone, Copy)]
pub struct Place<'t> {
    pub indent: &'t str,
    pub unit: &'t str,
    pub lead: usize,
    pub rest: usize,
}

/// `callee(args)` as prettier prints it at `place`, from `callee` on (the lead is not
/// repeated). Prettier's order: everything on one line (unless an argument stays
/// expanded); else hug a last object or array argument when the text up to its bracket
/// fits; else one argument per line, each flat when it fits with its comma.
pub fn call_at(place: Place<'_>, callee: &str, args: &[Arg]) -> String {
    let Place {
        indent,
        unit,
        lead,
        rest,
    } = place;
    let width = columns;
    // Text already across lines never fits on one.
    let fits_in = |columns: usize, text: &str| !text.contains('\n') && fits_columns(columns);
    let flat_args: Vec<String> = args.iter().map(Arg::flat).collect();
    let flat = format!("{callee}({})", flat_args.join(", "));
    if fits_in(lead + width(&flat) + rest, &flat) && !args.iter().any(Arg::expanded) {
        return flat;
    }
    // Prettier hugs a last object only when the argument before it is not an object too
    // (an array then an object is fine), and likewise for arrays.
    let kind = |a: &Arg| match a {
        Arg::Plain(_) => 0,
        Arg::Object(_) | Arg::Fields(..) => 1,
        Arg::Array(_) => 2,
    };
    if let Some((last, others)) = args.split_last()
        && last.huggable()
        && !others.iter().any(Arg::expanded)
        && others.last().is_none_or(|p| kind(p) != kind(last))
    {
        let head: Vec<String> = others.iter().map(Arg::flat).collect();
        let sep = if head.is_empty() { "" } else { ", " };
        let open = if matches!(last, Arg::Array(_)) {
            "["
        } else {
            "{"
        };
        let first = format!("{callee}({}{sep}{open}", head.join(", "));
        if fits_in(lead + width(&first), &first) {
            return format!(
                "{callee}({}{sep}{})",
                head.join(", "),
                last.broken(indent, unit)
            );
        }
    }
    let inner = format!("{indent}{unit}");
    let mut out = format!("{callee}(\n");
    for arg in args {
        let flat = arg.flat();
        let text = if fits_in(width(&inner) + width(&flat) + 1, &flat) && !arg.expanded() {
            flat
        } else {
            arg.broken(&inner, unit)
        };
        out.push_str(&format!("{inner}{text},\n"));
    }
    out.push_str(indent);
    out.push(')');
    out
}

/// `callee(args)suffix` starting at column `indent` (the caller has already written
/// `prefix` on this line, which counts toward the width), indented with spaces.
pub fn call(indent: usize, prefix: &str, callee: &str, args: &[Arg], suffix: &str) -> String {
    let spaces = pad(indent);
    let place = Place {
        indent: &spaces,
        unit: "  ",
        lead: indent + columns(prefix),
        rest: columns(suffix),
    };
    format!("{spaces}{prefix}{}{suffix}", call_at(place, callee, args))
}

/// A member chain such as `z.string().trim().min(1)`: `head` is the first group (`z`,
/// `z.iso`), `calls` the `.name(args)` links. Prettier keeps a head with a single call
/// together (breaking inside the call's arguments if needed); with more calls the chain
/// goes on one line when it fits, else one call per line.
pub fn chain(
    indent: usize,
    prefix: &str,
    head: &str,
    calls: &[(String, Vec<Arg>)],
    suffix: &str,
) -> String {
    let link = |(name, args): &(String, Vec<Arg>)| {
        let flat: Vec<String> = args.iter().map(Arg::flat).collect();
        format!(".{name}({})", flat.join(", "))
    };
    let one_line = format!(
        "{prefix}{head}{}{suffix}",
        calls.iter().map(link).collect::<String>()
    );
    if fits(indent, &one_line) {
        return format!("{}{one_line}", pad(indent));
    }
    if let [only] = calls {
        return call(
            indent,
            "",
            &format!("{prefix}{head}.{}", only.0),
            &only.1,
            suffix,
        );
    }
    let lines: Vec<String> = calls
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let end = if i + 1 == calls.len() { suffix } else { "" };
            call(indent + 2, "", &format!(".{}", c.0), &c.1, end)
        })
        .collect();
    // When only the last call breaks (its object argument goes across lines), prettier
    // keeps that object broken on a second pass and then prefers the chain on one line
    // with the object hugged, as long as the text up to `{` fits. Emit that fixed point.
    let (last, rest) = calls.split_last().expect("a chain has calls");
    let only_last_breaks = lines.last().is_some_and(|l| l.contains('\n'))
        && !lines[..lines.len() - 1].iter().any(|l| l.contains('\n'));
    if only_last_breaks && last.1.last().is_some_and(Arg::huggable) {
        let before = format!(
            "{prefix}{head}{}.{}",
            rest.iter().map(link).collect::<String>(),
            last.0
        );
        let head_args: Vec<String> = last.1[..last.1.len() - 1].iter().map(Arg::flat).collect();
        let sep = if head_args.is_empty() { "" } else { ", " };
        let open = if matches!(last.1.last(), Some(Arg::Array(_))) {
            "["
        } else {
            "{"
        };
        if fits(
            indent,
            &format!("{before}({}{sep}{open}", head_args.join(", ")),
        ) {
            let hugged = last.1.last().expect("checked").broken(&pad(indent), "  ");
            return format!(
                "{}{before}({}{sep}{hugged}){suffix}",
                pad(indent),
                head_args.join(", ")
            );
        }
    }
    format!("{}{prefix}{head}\n{}", pad(indent), lines.join("\n"))
}

/// `import { a, type B } from "module";`, broken one name per line when too long.
pub fn import(names: &[String], from: &str) -> String {
    import_with("import", names, from)
}

/// `import type { A, B } from "module";`, broken like [`import`].
pub fn import_type(names: &[String], from: &str) -> String {
    import_with("import type", names, from)
}

fn import_with(keyword: &str, names: &[String], from: &str) -> String {
    let flat = format!("{keyword} {{ {} }} from \"{from}\";", names.join(", "));
    if fits(0, &flat) {
        return flat;
    }
    let mut out = format!("{keyword} {{\n");
    for name in names {
        out.push_str(&format!("  {name},\n"));
    }
    out.push_str(&format!("}} from \"{from}\";"));
    out
}

/// A function or arrow signature: `prefix(params)suffix`, params one per line (with a
/// trailing comma) when the line is too long.
pub fn params(indent: usize, prefix: &str, params: &[String], suffix: &str) -> String {
    let args: Vec<Arg> = params.iter().map(Arg::plain).collect();
    call(indent, "", prefix, &args, suffix)
}

/// `prefix[a, b]suffix` (e.g. `const COLUMNS = [...] as const;`), one item per line
/// with a trailing comma when too long.
pub fn array(prefix: &str, items: &[String], suffix: &str) -> String {
    let flat = format!("{prefix}[{}]{suffix}", items.join(", "));
    if fits(0, &flat) {
        return flat;
    }
    let lines: String = items.iter().map(|i| format!("  {i},\n")).collect();
    format!("{prefix}[\n{lines}]{suffix}")
}

/// An object property `key: value,` at `indent`; prettier moves a long value that
/// cannot break (a string) to the next line.
pub fn property(indent: usize, key: &str, value: &str) -> String {
    let flat = format!("{key}: {value},");
    if fits(indent, &flat) {
        return format!("{}{flat}", pad(indent));
    }
    format!("{}{key}:\n{}{value},", pad(indent), pad(indent + 2))
}

/// A type member `name?: A | B | C;` at `indent`: one line, else the union on the next
/// line, else one member per line.
pub fn union_member(indent: usize, name: &str, members: &[String]) -> String {
    let union = members.join(" | ");
    let flat = format!("{name}: {union};");
    if fits(indent, &flat) {
        return format!("{}{flat}", pad(indent));
    }
    if fits(indent + 2, &format!("{union};")) {
        return format!("{}{name}:\n{}{union};", pad(indent), pad(indent + 2));
    }
    let lines: Vec<String> = members
        .iter()
        .map(|m| format!("{}| {m}", pad(indent + 2)))
        .collect();
    format!("{}{name}:\n{};", pad(indent), lines.join("\n"))
}

/// `{test && <element />}` at `indent`; prettier wraps the element in parentheses on
/// its own line when the whole does not fit.
pub fn and_element(indent: usize, test: &str, element: &str) -> String {
    let flat = format!("{{{test} && {element}}}");
    if fits(indent, &flat) {
        return format!("{}{flat}", pad(indent));
    }
    format!(
        "{}{{{test} && (\n{}{element}\n{})}}",
        pad(indent),
        pad(indent + 2),
        pad(indent)
    )
}

/// `type Name = { a: A; b?: B };`, one member per line when too long.
pub fn object_type(name: &str, members: &[String]) -> String {
    let flat = format!("type {name} = {{ {} }};", members.join("; "));
    if fits(0, &flat) {
        return flat;
    }
    let lines: String = members.iter().map(|m| format!("  {m};\n")).collect();
    format!("type {name} = {{\n{lines}}};")
}

/// `prefix({ a, b }: Type)suffix`, the props of a component: prettier hugs the object
/// pattern, one name per line, when the line is too long.
pub fn destructured(prefix: &str, names: &[&str], ty: &str, suffix: &str) -> String {
    let flat = format!("{prefix}({{ {} }}: {ty}){suffix}", names.join(", "));
    if fits(0, &flat) {
        return flat;
    }
    let lines: Vec<String> = names.iter().map(|n| format!("  {n},\n")).collect();
    format!("{prefix}({{\n{}}}: {ty}){suffix}", lines.concat())
}

/// `lhs = test ? yes : no;` at `indent`, with the branches on their own lines when long.
pub fn ternary(indent: usize, lhs: &str, test: &str, yes: &str, no: &str) -> String {
    let flat = format!("{lhs}{test} ? {yes} : {no};");
    if fits(indent, &flat) {
        return format!("{}{flat}", pad(indent));
    }
    let p = pad(indent + 2);
    format!("{}{lhs}{test}\n{p}? {yes}\n{p}: {no};", pad(indent))
}

/// A JSX element without children: `<tag a b />`, one attribute per line when too long.
pub fn jsx_empty(indent: usize, tag: &str, attrs: &[String]) -> String {
    let flat = format!("<{tag} {} />", attrs.join(" "));
    if fits(indent, &flat) {
        return format!("{}{flat}", pad(indent));
    }
    let mut out = format!("{}<{tag}\n", pad(indent));
    for attr in attrs {
        out.push_str(&format!("{}{attr}\n", pad(indent + 2)));
    }
    out.push_str(&format!("{}/>", pad(indent)));
    out
}

/// A JSX element with one child: text, one `{expression}` or one element.
pub fn jsx_text(indent: usize, tag: &str, attrs: &[String], child: &str) -> String {
    let flat = format!("{}{child}</{tag}>", flat_open(tag, attrs));
    // Prettier always breaks an element with children that has several attributes or
    // an element child.
    let forced_break = attrs.len() > 1 || child.starts_with('<');
    if !forced_break && fits(indent, &flat) {
        return format!("{}{flat}", pad(indent));
    }
    jsx_block(indent, tag, attrs, &format!("{}{child}", pad(indent + 2)))
}

/// A JSX element with element children, laid out by the caller.
pub fn jsx_block(indent: usize, tag: &str, attrs: &[String], children: &str) -> String {
    let open = flat_open(tag, attrs);
    let open = if fits(indent, &open) {
        format!("{}{open}", pad(indent))
    } else {
        let lines: String = attrs
            .iter()
            .map(|a| format!("{}{a}\n", pad(indent + 2)))
            .collect();
        format!("{}<{tag}\n{lines}{}>", pad(indent), pad(indent))
    };
    format!("{open}\n{children}\n{}</{tag}>", pad(indent))
}

fn flat_open(tag: &str, attrs: &[String]) -> String {
    if attrs.is_empty() {
        format!("<{tag}>")
    } else {
        format!("<{tag} {}>", attrs.join(" "))
    }
}

/// A JavaScript string literal with prettier's quote choice (double unless that needs
/// more escapes).
pub fn string(s: &str) -> String {
    if s.contains('"') && !s.contains('\'') {
        format!("'{}'", s.replace('\\', "\\\\"))
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(k: &str, v: &str) -> Arg {
        Arg::Object(vec![(k.into(), v.into())])
    }

    /// The core the migration uses on users' files: their indentation unit, what precedes
    /// the call on its line, objects prettier keeps expanded, and the hug rule.
    #[test]
    fn calls_in_place() {
        let at = |indent: &'static str, unit: &'static str, lead: usize, rest: usize| Place {
            indent,
            unit,
            lead,
            rest,
        };
        let fields = |p: &[&str], expanded: bool| {
            Arg::Fields(p.iter().map(|s| s.to_string()).collect(), expanded)
        };
        let table: Vec<(Place<'_>, Vec<Arg>, &str)> = vec![
            // Fits: one line.
            (
                at("  ", "  ", 10, 1),
                vec![fields(&["title"], false)],
                "f({ title })",
            ),
            // First property on its own line in the source: stays expanded.
            (
                at("    ", "  ", 10, 1),
                vec![fields(&["title"], true)],
                "f({\n      title,\n    })",
            ),
            // Tabs are kept.
            (
                at("\t", "\t", 75, 1),
                vec![fields(&["title", "body"], false)],
                "f({\n\t\ttitle,\n\t\tbody,\n\t})",
            ),
            // Two objects: no hug, one argument per line.
            (
                at("", "  ", 60, 1),
                vec![
                    fields(&["postId"], false),
                    fields(&["title", "body"], false),
                ],
                "f(\n  { postId },\n  { title, body },\n)",
            ),
            // A plain argument then an object: the object is hugged.
            (
                at("", "  ", 60, 1),
                vec![Arg::plain("postId"), fields(&["title", "body"], false)],
                "f(postId, {\n  title,\n  body,\n})",
            ),
        ];
        for (place, args, expected) in table {
            assert_eq!(call_at(place, "f", &args), expected, "{args:?}");
        }
    }

    #[test]
    fn chains_follow_prettier() {
        let calls = vec![
            ("string".to_string(), vec![]),
            ("trim".to_string(), vec![]),
            (
                "min".to_string(),
                vec![Arg::plain("1"), obj("error", "\"Body is required.\"")],
            ),
        ];
        assert_eq!(
            chain(2, "body: ", "z", &calls, ","),
            "  body: z.string().trim().min(1, { error: \"Body is required.\" }),"
        );
        let mut long = calls.clone();
        long.push((
            "max".into(),
            vec![
                Arg::plain("200"),
                obj("error", "\"Title must be at most 200 characters.\""),
            ],
        ));
        assert_eq!(
            chain(2, "title: ", "z", &long, ","),
            "  title: z\n    .string()\n    .trim()\n    .min(1, { error: \"Body is required.\" })\n    .max(200, { error: \"Title must be at most 200 characters.\" }),"
        );
        let two = vec![
            (
                "enum".to_string(),
                vec![
                    Arg::plain("[\"draft\", \"published\", \"archived\"]"),
                    obj("error", "\"Choose a status.\""),
                ],
            ),
            ("optional".to_string(), vec![]),
        ];
        assert_eq!(
            chain(2, "status: ", "z", &two, ","),
            "  status: z\n    .enum([\"draft\", \"published\", \"archived\"], { error: \"Choose a status.\" })\n    .optional(),"
        );
        // Only the last call's object breaks: prettier's fixed point hugs it on one line.
        let email = vec![
            (
                "email".to_string(),
                vec![obj("error", "\"Enter a valid email address.\"")],
            ),
            (
                "max".to_string(),
                vec![
                    Arg::plain("18228"),
                    obj(
                        "error",
                        "\"Ds q1 arawjup mh must be at most 18228 characters.\"",
                    ),
                ],
            ),
        ];
        assert_eq!(
            chain(2, "dsQ1ArawjupMh: ", "z", &email, ","),
            "  dsQ1ArawjupMh: z.email({ error: \"Enter a valid email address.\" }).max(18228, {\n    error: \"Ds q1 arawjup mh must be at most 18228 characters.\",\n  }),"
        );
        let en = vec![(
            "enum".to_string(),
            vec![
                Arg::plain("[\"draft\", \"published\", \"archived\"]"),
                obj("error", "\"Choose a status.\""),
            ],
        )];
        assert_eq!(
            chain(2, "status: ", "z", &en, ","),
            "  status: z.enum([\"draft\", \"published\", \"archived\"], {\n    error: \"Choose a status.\",\n  }),"
        );
    }

    #[test]
    fn arrays_properties_and_unions() {
        let items: Vec<String> = [
            "\"id\"",
            "\"billingContactAddr\"",
            "\"maximumSeatsIncluded\"",
            "\"discountPercentageXY\"",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            array("const COLUMNS = ", &items, " as const;"),
            "const COLUMNS = [\n  \"id\",\n  \"billingContactAddr\",\n  \"maximumSeatsIncluded\",\n  \"discountPercentageXY\",\n] as const;"
        );
        assert_eq!(
            property(
                6,
                "\"Content-Disposition\"",
                "'attachment; filename=\"subscription-invoice-xes.csv\"'"
            ),
            "      \"Content-Disposition\":\n        'attachment; filename=\"subscription-invoice-xes.csv\"',"
        );
        let members: Vec<String> = [
            "monthly",
            "quarterly",
            "yearly",
            "biennially",
            "triennially",
        ]
        .map(|m| format!("\"{m}\""))
        .to_vec();
        assert_eq!(
            union_member(2, "billingIntervalChoic?", &members),
            "  billingIntervalChoic?:\n    \"monthly\" | \"quarterly\" | \"yearly\" | \"biennially\" | \"triennially\";"
        );
        assert_eq!(
            call(
                2,
                "billingIntervalChoic: ",
                "z.enum",
                &[Arg::Array(members.clone())],
                ","
            ),
            "  billingIntervalChoic: z.enum([\n    \"monthly\",\n    \"quarterly\",\n    \"yearly\",\n    \"biennially\",\n    \"triennially\",\n  ]),"
        );
    }

    #[test]
    fn jsx_breaks_attributes() {
        assert_eq!(jsx_empty(0, "a", &["b".into()]), "<a b />");
        let long: Vec<String> = (0..10).map(|i| format!("attribute{i}")).collect();
        assert!(jsx_empty(4, "input", &long).ends_with("\n    />"));
        assert_eq!(
            jsx_text(0, "label", &["htmlFor=\"x\"".into()], "X"),
            "<label htmlFor=\"x\">X</label>"
        );
        assert_eq!(
            jsx_text(0, "option", &["value=\"\"".into(), "disabled".into()], "X"),
            "<option value=\"\" disabled>\n  X\n</option>"
        );
        assert_eq!(jsx_text(0, "li", &[], "<A />"), "<li>\n  <A />\n</li>");
    }

    #[test]
    fn strings_pick_quotes() {
        assert_eq!(string("plain"), "\"plain\"");
        assert_eq!(string("say \"hi\""), "'say \"hi\"'");
    }
}
