//! App Router segments as the user types them (`posts`, `posts/[id]/edit`, `(shop)/cart`).

use std::fmt;

/// One folder of an App Router path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A plain folder that is part of the URL.
    Static(String),
    /// `[id]`: one dynamic parameter.
    Dynamic(String),
    /// `[...slug]` or `[[...slug]]`: a catch-all parameter (an array of strings).
    CatchAll { name: String, optional: bool },
    /// `(group)`: organises files, not part of the URL.
    Group(String),
}

/// A validated segment below the `app/` directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    parts: Vec<Part>,
    /// `--resource`: overrides the name derived from the folders.
    resource: Option<String>,
}

impl Segment {
    /// Parses and validates a segment. Refuses anything that could escape the app
    /// directory or that the App Router gives another meaning (parallel and intercepting
    /// routes, private folders).
    pub fn parse(input: &str) -> Result<Segment, String> {
        let segment = Segment::parse_any(input)?;
        if matches!(segment.parts.first(), Some(Part::Static(s)) if s == "api") {
            return Err(format!(
                "segment `{}` is under app/api/, where route handlers live; Server Actions belong next to the page that uses them",
                show(input.trim_end_matches('/'))
            ));
        }
        Ok(segment)
    }

    /// Parses a route handler's path below `app/api/` (`webhooks/stripe`, `/api/v1/posts/[id]`
    /// and `app/api/v1/posts` all mean a folder under `app/api/`).
    pub fn parse_api(input: &str) -> Result<Segment, String> {
        let rest = input.trim_start_matches('/');
        let rest = ["app/api/", "api/"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest);
        if rest.trim_end_matches('/').is_empty() || rest == "api" {
            return Err(
                "the route path is empty; give a path below app/api/, e.g. `webhooks/stripe`"
                    .into(),
            );
        }
        if input.starts_with("//") || rest.starts_with('/') {
            return Err(format!(
                "route path `{}` is absolute; give a path below app/api/",
                show(input)
            ));
        }
        let mut segment = Segment::parse_any(rest)?;
        segment.parts.insert(0, Part::Static("api".into()));
        Ok(segment)
    }

    /// A route folder below the app directory as found on disk (`api/posts/[id]`,
    /// `(admin)/api/export`).
    pub fn parse_folder(input: &str) -> Result<Segment, String> {
        Segment::parse_any(input)
    }

    /// The folders, route groups included.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    fn parse_any(input: &str) -> Result<Segment, String> {
        let trimmed = input.trim_end_matches('/');
        if trimmed.is_empty() {
            return Err(
                "the segment is empty; give a path below app/, e.g. `posts` or `posts/[id]/edit`"
                    .into(),
            );
        }
        if trimmed.contains('\0') {
            return Err("the segment contains a NUL byte".into());
        }
        if trimmed.contains('\\') {
            return Err(format!(
                "segment `{}` contains a backslash; separate folders with `/`",
                show(trimmed)
            ));
        }
        if trimmed.starts_with('/')
            || trimmed.starts_with('~')
            || trimmed.as_bytes().get(1) == Some(&b':')
        {
            return Err(format!(
                "segment `{}` is absolute; give a path relative to the app directory, e.g. `posts`",
                show(trimmed)
            ));
        }
        let trimmed = trimmed.strip_prefix("app/").unwrap_or(trimmed);
        let mut parts = Vec::new();
        let mut params: Vec<String> = Vec::new();
        for raw in trimmed.split('/') {
            let part =
                parse_part(raw).map_err(|why| format!("segment `{}`: {why}", show(trimmed)))?;
            if matches!(parts.last(), Some(Part::CatchAll { .. })) {
                return Err(format!(
                    "segment `{}`: nothing may follow a catch-all segment",
                    show(trimmed)
                ));
            }
            if let Part::Dynamic(name) | Part::CatchAll { name, .. } = &part {
                if params.contains(name) {
                    return Err(format!(
                        "segment `{}` uses the parameter `{name}` twice",
                        show(trimmed)
                    ));
                }
                params.push(name.clone());
            }
            parts.push(part);
        }
        if !parts.iter().any(|p| {
            matches!(
                p,
                Part::Static(_) | Part::Dynamic(_) | Part::CatchAll { .. }
            )
        }) {
            return Err(format!(
                "segment `{}` has no URL part (only route groups)",
                show(trimmed)
            ));
        }
        Ok(Segment {
            parts,
            resource: None,
        })
    }

    /// Names the resource explicitly (`--resource`), e.g. `post` for `articles/[id]`.
    pub fn with_resource(mut self, name: &str) -> Result<Segment, String> {
        let ok = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(format!(
                "--resource `{}` must be ASCII letters, digits, `-` or `_`, starting with a letter",
                show(name)
            ));
        }
        self.resource = Some(name.to_string());
        Ok(self)
    }

    /// Where a record's page leads back to: the URL before the last dynamic parameter
    /// (`posts/[id]/delete` → `/posts`), or `/`.
    pub fn parent_url(&self) -> String {
        let end = self
            .parts
            .iter()
            .rposition(|p| matches!(p, Part::Dynamic(_) | Part::CatchAll { .. }));
        let parts = &self.parts[..end.unwrap_or(self.parts.len())];
        let url: String = parts
            .iter()
            .filter(|p| !matches!(p, Part::Group(_)))
            .map(|p| format!("/{}", part_text(p)))
            .collect();
        if url.is_empty() { "/".into() } else { url }
    }

    /// The folder path below `app/`, as written on disk.
    pub fn dir(&self) -> String {
        self.to_string()
    }

    /// The last simple dynamic parameter (`[id]` in `posts/[id]/edit`), the record id of
    /// update, delete and toggle pages.
    pub fn last_param(&self) -> Option<&str> {
        self.parts.iter().rev().find_map(|p| match p {
            Part::Dynamic(name) => Some(name.as_str()),
            _ => None,
        })
    }

    /// Every dynamic parameter with whether it is a catch-all (`string[]`).
    pub fn params(&self) -> Vec<(&str, bool)> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Dynamic(n) => Some((n.as_str(), false)),
                Part::CatchAll { name, .. } => Some((name.as_str(), true)),
                _ => None,
            })
            .collect()
    }

    pub fn is_dynamic(&self) -> bool {
        !self.params().is_empty()
    }

    /// The URL of a static segment (`(shop)/cart` → `/cart`); for dynamic ones the route
    /// pattern, which `revalidatePath` accepts with the `"page"` type.
    pub fn url_path(&self) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Group(g) if self.is_dynamic() => out.push_str(&format!("/({g})")),
                Part::Group(_) => {}
                other => {
                    out.push('/');
                    out.push_str(&part_text(other));
                }
            }
        }
        out
    }

    /// The resource the segment is about: the static folder in front of the last dynamic
    /// parameter (`posts/[id]/edit` → `posts`), else the last static folder.
    pub fn resource(&self) -> &str {
        if let Some(r) = &self.resource {
            return r;
        }
        fn statics(parts: &[Part]) -> Option<&str> {
            parts.iter().rev().find_map(|p| match p {
                Part::Static(s) => Some(s.as_str()),
                _ => None,
            })
        }
        if let Some(i) = self
            .parts
            .iter()
            .rposition(|p| matches!(p, Part::Dynamic(_)))
            && let Some(s) = statics(&self.parts[..i])
        {
            return s;
        }
        statics(&self.parts).unwrap_or("item")
    }
}

fn parse_part(raw: &str) -> Result<Part, String> {
    if raw.is_empty() {
        return Err("empty folder name (`//`)".into());
    }
    if raw == "." || raw == ".." {
        return Err(
            "`.` and `..` are not allowed: the segment must stay inside the app directory".into(),
        );
    }
    if raw.starts_with('@') {
        return Err(format!(
            "`{raw}` is a parallel-route slot; generate into a normal segment"
        ));
    }
    if raw.starts_with("(.") {
        return Err(format!(
            "`{raw}` is an intercepting route; generate into the segment it intercepts"
        ));
    }
    if raw.starts_with('_') {
        return Err(format!(
            "`{raw}` is a private folder, which the App Router does not route"
        ));
    }
    if let Some(inner) = raw.strip_prefix("[[...").and_then(|r| r.strip_suffix("]]")) {
        return param_name(inner).map(|name| Part::CatchAll {
            name,
            optional: true,
        });
    }
    if let Some(inner) = raw.strip_prefix("[...").and_then(|r| r.strip_suffix(']')) {
        return param_name(inner).map(|name| Part::CatchAll {
            name,
            optional: false,
        });
    }
    if let Some(inner) = raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return param_name(inner).map(Part::Dynamic);
    }
    if let Some(inner) = raw.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return if folder_ok(inner) {
            Ok(Part::Group(inner.to_string()))
        } else {
            Err(format!(
                "route group `{raw}` must contain letters, digits, `-` or `_`"
            ))
        };
    }
    if folder_ok(raw) {
        Ok(Part::Static(raw.to_string()))
    } else {
        Err(format!(
            "folder `{}` may only contain ASCII letters, digits, `-`, `_` and `.`",
            show(raw)
        ))
    }
}

fn param_name(inner: &str) -> Result<String, String> {
    super::names::check_identifier("dynamic parameter", inner)?;
    Ok(inner.to_string())
}

fn folder_ok(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !s.starts_with('.')
}

fn part_text(part: &Part) -> String {
    match part {
        Part::Static(s) => s.clone(),
        Part::Dynamic(n) => format!("[{n}]"),
        Part::CatchAll {
            name,
            optional: false,
        } => format!("[...{name}]"),
        Part::CatchAll {
            name,
            optional: true,
        } => format!("[[...{name}]]"),
        Part::Group(g) => format!("({g})"),
    }
}

/// Makes control characters visible in messages.
fn show(s: &str) -> String {
    s.chars()
        .flat_map(|c| c.escape_debug())
        .collect::<String>()
        .replace("\\'", "'")
        .replace("\\\"", "\"")
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.parts.iter().map(part_text).collect();
        f.write_str(&parts.join("/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_app_router_shapes() {
        let s = Segment::parse("posts/[id]/edit").unwrap();
        assert_eq!(s.dir(), "posts/[id]/edit");
        assert_eq!(s.last_param(), Some("id"));
        assert_eq!(s.resource(), "posts");
        assert_eq!(s.url_path(), "/posts/[id]/edit");
        let g = Segment::parse("(shop)/cart/").unwrap();
        assert_eq!(g.url_path(), "/cart");
        assert_eq!(g.dir(), "(shop)/cart");
        assert_eq!(Segment::parse("app/posts").unwrap().dir(), "posts");
        assert_eq!(
            Segment::parse("docs/[...slug]").unwrap().params(),
            vec![("slug", true)]
        );
    }

    #[test]
    fn api_paths() {
        for input in [
            "webhooks/stripe",
            "/api/webhooks/stripe",
            "api/webhooks/stripe/",
            "app/api/webhooks/stripe",
        ] {
            assert_eq!(
                Segment::parse_api(input).unwrap().dir(),
                "api/webhooks/stripe",
                "{input}"
            );
        }
        assert_eq!(
            Segment::parse_api("v1/posts/[id]").unwrap().url_path(),
            "/api/v1/posts/[id]"
        );
        for bad in ["", "/", "api", "../x", "a/../../b", "//x", "a\\b"] {
            assert!(Segment::parse_api(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn refuses_escapes_and_special_folders() {
        for bad in [
            "",
            "../x",
            "posts/../../etc",
            "/abs",
            "~/x",
            "a\\b",
            "a//b",
            "a/\0",
            "@modal/x",
            "(.)photo",
            "_private",
            "api/posts",
            "(group)",
            "[id]/[id]",
            "[...a]/b",
            "[1x]",
            "[class]",
            "pôsts",
            "C:/x",
        ] {
            assert!(Segment::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
