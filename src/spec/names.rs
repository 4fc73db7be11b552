//! Identifier rules shared by action names and field names.

/// Words that cannot name a function, a binding or (for our purposes) a form field:
/// ECMAScript reserved words, strict-mode reserved words and TypeScript's contextual ones
/// that would confuse readers of generated code.
const RESERVED: &[&str] = &[
    "arguments",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "eval",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "undefined",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// Checks that `name` is an ASCII JavaScript identifier and not a reserved word.
/// ASCII only: the name also becomes an HTML `name`, an id and a file name.
pub fn check_identifier(kind: &str, name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err(format!("{kind} is empty"));
    }
    let mut chars = name.chars();
    let first = chars.next().unwrap_or_default();
    if !(first.is_ascii_alphabetic() || first == '_' || first == '$')
        || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    {
        return Err(format!(
            "{kind} `{name}` is not a valid identifier: use ASCII letters, digits and `_`, not starting with a digit"
        ));
    }
    if RESERVED.contains(&name) {
        return Err(format!(
            "{kind} `{name}` is a reserved word in JavaScript; pick another name"
        ));
    }
    Ok(())
}

/// Singular of an English plural, good enough for resource names (`posts` → `post`,
/// `categories` → `category`, `addresses` → `address`). Unknown shapes are left alone.
pub fn singular(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if let Some(stem) = lower.strip_suffix("ies").filter(|s| !s.is_empty()) {
        return format!("{}y", &word[..stem.len()]);
    }
    for suffix in ["sses", "shes", "ches", "xes", "zes"] {
        if lower.ends_with(suffix) {
            return word[..word.len() - 2].to_string();
        }
    }
    if lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && word.len() > 1 {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// Plural of a singular resource name, the inverse of [`singular`] for the common shapes.
pub fn plural(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let ends_consonant_y = lower.len() > 1
        && lower.ends_with('y')
        && !matches!(
            lower.as_bytes()[lower.len() - 2],
            b'a' | b'e' | b'i' | b'o' | b'u'
        );
    if ends_consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert!(check_identifier("field", "title").is_ok());
        assert!(check_identifier("field", "_x$1").is_ok());
        assert!(check_identifier("field", "1x").is_err());
        assert!(check_identifier("field", "").is_err());
        assert!(check_identifier("field", "déjà").is_err());
        assert!(check_identifier("field", "my-field").is_err());
        let err = check_identifier("action name", "delete").unwrap_err();
        assert!(err.contains("reserved"), "{err}");
    }

    #[test]
    fn singular_and_plural() {
        for (p, s) in [
            ("posts", "post"),
            ("categories", "category"),
            ("addresses", "address"),
            ("boxes", "box"),
            ("status", "status"),
            ("todo", "todo"),
        ] {
            assert_eq!(singular(p), s, "{p}");
        }
        for (s, p) in [
            ("post", "posts"),
            ("category", "categories"),
            ("address", "addresses"),
            ("day", "days"),
            ("box", "boxes"),
        ] {
            assert_eq!(plural(s), p, "{s}");
        }
    }
}
