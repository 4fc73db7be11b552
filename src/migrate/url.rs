//! Matching the URLs callers build (`"/api/posts"`, `` `${API}/posts/${id}?x=1` ``) against a
//! route's folder pattern (`/api/posts/[id]`), and `next.config` `source` patterns against
//! the route.

use oxc_span::Span;

use crate::spec::segment::{Part, Segment};

/// A piece of a URL as written in the source: literal text or an interpolated expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Expr(Span),
}

/// What a caller passes for one dynamic segment or query value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Literal text, e.g. `42` in `/api/posts/42`.
    Text(String),
    /// An expression, e.g. `post.id` in `` `/api/posts/${post.id}` ``.
    Expr(Span),
    /// The folders a catch-all segment took.
    List(Vec<Value>),
}

/// A caller's URL that addresses the route.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Match {
    /// Dynamic segment name → value, in folder order.
    pub params: Vec<(String, Value)>,
    /// The query string's pairs; `None` when there is none.
    pub query: Option<Vec<(String, Value)>>,
    /// A query string the tool cannot split into pairs (e.g. `?${params}`).
    pub opaque_query: bool,
}

/// The URL parts of a route folder, without route groups.
pub fn url_parts(segment: &Segment) -> Vec<&Part> {
    segment
        .parts()
        .iter()
        .filter(|p| !matches!(p, Part::Group(_)))
        .collect()
}

/// The route as users write it: `/api/posts/[id]`.
pub fn display(segment: &Segment) -> String {
    let mut out = String::new();
    for part in url_parts(segment) {
        out.push('/');
        match part {
            Part::Static(s) => out.push_str(s),
            Part::Dynamic(n) => out.push_str(&format!("[{n}]")),
            Part::CatchAll {
                name,
                optional: false,
            } => out.push_str(&format!("[...{name}]")),
            Part::CatchAll {
                name,
                optional: true,
            } => out.push_str(&format!("[[...{name}]]")),
            Part::Group(_) => {}
        }
    }
    out
}

/// Matches a URL written as `pieces` against the route. Only same-origin paths (starting
/// with `/`) can address it; anything else is `None`.
pub fn matches(segment: &Segment, pieces: &[Piece]) -> Option<Match> {
    let (path, query) = split_query(pieces);
    let folders = split_folders(&path)?;
    let parts = url_parts(segment);
    let mut m = Match::default();
    let mut i = 0;
    for (k, part) in parts.iter().enumerate() {
        match part {
            Part::Static(s) => {
                if folders.get(i)? != &Value::Text(s.clone()) {
                    return None;
                }
                i += 1;
            }
            Part::Dynamic(name) => {
                m.params.push((name.clone(), folders.get(i)?.clone()));
                i += 1;
            }
            Part::CatchAll { name, optional } => {
                debug_assert_eq!(k, parts.len() - 1, "catch-all is last");
                let rest = folders[i.min(folders.len())..].to_vec();
                if rest.is_empty() && !optional {
                    return None;
                }
                i = folders.len();
                m.params.push((name.clone(), Value::List(rest)));
            }
            Part::Group(_) => {}
        }
    }
    if i != folders.len() {
        return None;
    }
    match query {
        None => {}
        Some(q) => match split_pairs(&q) {
            Some(pairs) => m.query = Some(pairs),
            None => m.opaque_query = true,
        },
    }
    Some(m)
}

/// Splits at the first `?` (or drops a `#fragment`).
fn split_query(pieces: &[Piece]) -> (Vec<Piece>, Option<Vec<Piece>>) {
    let mut path = Vec::new();
    let mut query: Option<Vec<Piece>> = None;
    for piece in pieces {
        match (piece, &mut query) {
            (Piece::Text(t), None) => match t.find(['?', '#']) {
                Some(at) => {
                    path.push(Piece::Text(t[..at].to_string()));
                    let rest = if t[at..].starts_with('?') {
                        &t[at + 1..]
                    } else {
                        ""
                    };
                    query = Some(vec![Piece::Text(rest.to_string())]);
                }
                None => path.push(piece.clone()),
            },
            (_, None) => path.push(piece.clone()),
            (_, Some(q)) => q.push(piece.clone()),
        }
    }
    (path, query)
}

/// `/api/posts/${id}/` → [Text(api), Text(posts), Expr(id)]. A folder must be all text or
/// exactly one expression; a trailing slash is allowed, an empty folder is not.
fn split_folders(pieces: &[Piece]) -> Option<Vec<Value>> {
    let mut folders: Vec<Vec<Piece>> = vec![Vec::new()];
    for piece in pieces {
        match piece {
            Piece::Text(t) => {
                for (n, chunk) in t.split('/').enumerate() {
                    if n > 0 {
                        folders.push(Vec::new());
                    }
                    if !chunk.is_empty() {
                        folders.last_mut()?.push(Piece::Text(chunk.to_string()));
                    }
                }
            }
            Piece::Expr(span) => folders.last_mut()?.push(Piece::Expr(*span)),
        }
    }
    // The URL must start with `/`: the first folder is empty.
    if !folders.first()?.is_empty() {
        return None;
    }
    folders.remove(0);
    if folders.last().is_some_and(Vec::is_empty) {
        folders.pop(); // trailing slash
    }
    folders
        .into_iter()
        .map(|f| match f.as_slice() {
            [Piece::Expr(span)] => Some(Value::Expr(*span)),
            [] => None,
            // The router hands the handler decoded segments (`c%2B%2B` → `c++`).
            texts if texts.iter().all(|p| matches!(p, Piece::Text(_))) => {
                let raw: String = texts
                    .iter()
                    .map(|p| match p {
                        Piece::Text(t) => t.as_str(),
                        Piece::Expr(_) => "",
                    })
                    .collect();
                Some(Value::Text(percent_decode(&raw, false)?))
            }
            _ => None,
        })
        .collect()
}

/// `a=1&b=${x}` → [(a, "1"), (b, x)]; `None` when a key is not literal text or a value
/// mixes text and expressions.
fn split_pairs(pieces: &[Piece]) -> Option<Vec<(String, Value)>> {
    let mut pairs = Vec::new();
    let mut key = String::new();
    let mut value: Vec<Piece> = Vec::new();
    let mut in_value = false;
    let finish = |key: &mut String, value: &mut Vec<Piece>, pairs: &mut Vec<(String, Value)>| {
        if key.is_empty() {
            return value.is_empty().then_some(());
        }
        // `URLSearchParams` hands the handler form-decoded values (`a+b%21` → `a b!`).
        let v = match value.as_slice() {
            [] => Value::Text(String::new()),
            [Piece::Text(t)] => Value::Text(percent_decode(t, true)?),
            [Piece::Expr(s)] => Value::Expr(*s),
            _ => return None,
        };
        pairs.push((std::mem::take(key), v));
        value.clear();
        Some(())
    };
    for piece in pieces {
        match piece {
            Piece::Text(t) => {
                for (n, chunk) in t.split('&').enumerate() {
                    if n > 0 {
                        finish(&mut key, &mut value, &mut pairs)?;
                        in_value = false;
                    }
                    let chunk = if in_value {
                        chunk
                    } else if let Some((k, v)) = chunk.split_once('=') {
                        key.push_str(k);
                        in_value = true;
                        v
                    } else {
                        key.push_str(chunk);
                        ""
                    };
                    if in_value && !chunk.is_empty() {
                        value.push(Piece::Text(chunk.to_string()));
                    }
                }
            }
            Piece::Expr(s) if in_value => value.push(Piece::Expr(*s)),
            Piece::Expr(_) => return None, // a computed key or a whole query string
        }
    }
    finish(&mut key, &mut value, &mut pairs)?;
    let literal = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.[]".contains(c))
    };
    pairs.iter().all(|(k, _)| literal(k)).then_some(pairs)
}

/// Decodes `%XX` escapes (and `+` as a space in form-encoded query values); `None` for a
/// malformed escape or bytes that are not UTF-8, which the tool will not guess at.
fn percent_decode(text: &str, form: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if form => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Whether a `next.config` `source` pattern (path-to-regexp: `:name`, `:name*`, `:name+`,
/// `:name?`, `(.*)`) covers the route.
pub fn config_source_matches(segment: &Segment, source: &str) -> bool {
    let sample: Vec<String> = url_parts(segment)
        .iter()
        .map(|p| match p {
            Part::Static(s) => s.clone(),
            _ => "x".to_string(),
        })
        .collect();
    let pattern: Vec<&str> = source
        .trim_start_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    matches_pattern(&pattern, &sample)
}

fn matches_pattern(pattern: &[&str], path: &[String]) -> bool {
    let Some((first, rest)) = pattern.split_first() else {
        return path.is_empty();
    };
    let wildcard = first.contains("(.*)") || first.ends_with('*') && first.starts_with(':');
    if wildcard {
        return (0..=path.len()).any(|k| matches_pattern(rest, &path[k..]));
    }
    if first.starts_with(':') && first.ends_with('+') {
        return (1..=path.len()).any(|k| matches_pattern(rest, &path[k..]));
    }
    if first.starts_with(':') && first.ends_with('?') {
        return matches_pattern(rest, path)
            || (!path.is_empty() && matches_pattern(rest, &path[1..]));
    }
    let Some((head, tail)) = path.split_first() else {
        return false;
    };
    (first.starts_with(':') || first == head) && matches_pattern(rest, tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(s: &str) -> Segment {
        Segment::parse_api(s).unwrap()
    }
    fn text(s: &str) -> Piece {
        Piece::Text(s.into())
    }
    fn expr(n: u32) -> Piece {
        Piece::Expr(Span::new(n, n + 1))
    }

    #[test]
    fn literal_and_template_urls() {
        let posts = seg("posts");
        assert!(matches(&posts, &[text("/api/posts")]).is_some());
        assert!(matches(&posts, &[text("/api/posts/")]).is_some());
        assert!(matches(&posts, &[text("/api/posts/1")]).is_none());
        assert!(matches(&posts, &[text("api/posts")]).is_none());
        assert!(matches(&posts, &[text("https://x.dev/api/posts")]).is_none());
        let item = seg("posts/[id]");
        let m = matches(&item, &[text("/api/posts/"), expr(5)]).unwrap();
        assert_eq!(m.params, vec![("id".into(), Value::Expr(Span::new(5, 6)))]);
        assert!(matches(&item, &[text("/api/posts/post-"), expr(5)]).is_none());
        let m = matches(&item, &[text("/api/posts/42")]).unwrap();
        assert_eq!(m.params[0].1, Value::Text("42".into()));
        let m = matches(&item, &[text("/api/posts/c%2B%2B")]).unwrap();
        assert_eq!(m.params[0].1, Value::Text("c++".into()));
        assert!(matches(&item, &[text("/api/posts/%ZZ")]).is_none());
        assert!(matches(&item, &[text("/api/posts")]).is_none());
        assert!(matches(&item, &[text("/api//posts/1")]).is_none());
    }

    #[test]
    fn queries_and_catch_alls() {
        let todos = seg("todos");
        let m = matches(&todos, &[text("/api/todos?id="), expr(9), text("&hard=1")]).unwrap();
        assert_eq!(
            m.query.unwrap(),
            vec![
                ("id".into(), Value::Expr(Span::new(9, 10))),
                ("hard".into(), Value::Text("1".into()))
            ]
        );
        let m = matches(&todos, &[text("/api/todos?title=buy+milk%21")]).unwrap();
        assert_eq!(m.query.unwrap()[0].1, Value::Text("buy milk!".into()));
        let m = matches(&todos, &[text("/api/todos?"), expr(9)]).unwrap();
        assert!(m.opaque_query);
        let docs = seg("docs/[...slug]");
        let m = matches(&docs, &[text("/api/docs/a/"), expr(3)]).unwrap();
        assert_eq!(
            m.params[0].1,
            Value::List(vec![Value::Text("a".into()), Value::Expr(Span::new(3, 4))])
        );
        assert!(matches(&docs, &[text("/api/docs")]).is_none());
        assert!(matches(&seg("docs/[[...slug]]"), &[text("/api/docs")]).is_some());
    }

    #[test]
    fn next_config_sources() {
        let item = seg("posts/[id]");
        assert!(config_source_matches(&item, "/api/:path*"));
        assert!(config_source_matches(&item, "/api/posts/:id"));
        assert!(config_source_matches(&item, "/api/(.*)"));
        assert!(config_source_matches(&item, "/:path*"));
        assert!(!config_source_matches(&item, "/api/users/:id"));
        assert!(!config_source_matches(&item, "/api/posts"));
        assert_eq!(display(&item), "/api/posts/[id]");
    }
}
