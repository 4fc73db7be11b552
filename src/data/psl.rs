//! A parser for the Prisma Schema Language: blocks (`model`, `enum`, `generator`,
//! `datasource`, and `view`/`type`, which are skipped), fields with their type modifiers,
//! and attributes with their full argument syntax. Hand-written after Prisma's grammar
//! (prisma-engines' `datamodel.pest`), since no maintained Rust crate parses PSL; it is
//! tested against schemas in the shapes real apps write, and fuzzed.

use std::fmt;

/// A parsed schema file (or several files of one multi-file schema, merged).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Schema {
    pub models: Vec<Block>,
    pub enums: Vec<Block>,
    /// `generator` and `datasource` blocks: their `key = value` settings.
    pub configs: Vec<Config>,
}

/// A `model` (fields and `@@` attributes) or an `enum` (values as fields without types).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub name: String,
    pub fields: Vec<Field>,
    /// `@@map`, `@@unique`, `@@id`, …
    pub attributes: Vec<Attribute>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    /// The type's name (`String`, `Post`, `Unsupported`); empty for enum values.
    pub ty: String,
    pub optional: bool,
    pub list: bool,
    pub attributes: Vec<Attribute>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `generator` or `datasource`.
    pub kind: String,
    pub name: String,
    pub settings: Vec<(String, Value)>,
}

/// `@default(now())` is `{ name: "default", args: [Call("now", [])] }`; `@db.VarChar(80)`
/// is `{ name: "db.VarChar", args: [Number("80")] }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub args: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Number(String),
    /// A bare name: `true`, `Cascade`, an enum value, a field name.
    Name(String),
    Call(String, Vec<Value>),
    Array(Vec<Value>),
    /// `fields: [authorId]`.
    Named(String, Box<Value>),
}

impl Attribute {
    /// The first positional argument, or the one named `key`.
    pub fn arg(&self, key: &str) -> Option<&Value> {
        self.args
            .iter()
            .find_map(|a| match a {
                Value::Named(k, v) if k == key => Some(&**v),
                _ => None,
            })
            .or_else(|| self.args.iter().find(|a| !matches!(a, Value::Named(..))))
    }

    /// The argument named `key`, only.
    pub fn named(&self, key: &str) -> Option<&Value> {
        self.args.iter().find_map(|a| match a {
            Value::Named(k, v) if k == key => Some(&**v),
            _ => None,
        })
    }
}

impl Field {
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) | Value::Name(s) | Value::Number(s) => Some(s),
            _ => None,
        }
    }

    /// The names in `[a, b]` (or a single name).
    pub fn names(&self) -> Vec<&str> {
        match self {
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            other => other.as_str().into_iter().collect(),
        }
    }
}

/// A syntax error, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Name(String),
    String(String),
    Number(String),
    Punct(char),
    /// `@@`.
    BlockAt,
    Newline,
}

fn tokenize(source: &str) -> Result<Vec<(Token, usize)>, Error> {
    let mut tokens = Vec::new();
    let mut chars = source.char_indices().peekable();
    let mut line = 1;
    while let Some((_, c)) = chars.next() {
        match c {
            '\n' => {
                tokens.push((Token::Newline, line));
                line += 1;
            }
            c if c.is_whitespace() => {}
            '/' if chars.peek().map(|(_, c)| *c) == Some('/') => {
                while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                    chars.next();
                }
            }
            '"' => {
                let mut text = String::new();
                loop {
                    match chars.next() {
                        Some((_, '"')) => break,
                        Some((_, '\\')) => match chars.next() {
                            Some((_, 'n')) => text.push('\n'),
                            Some((_, '\n')) | None => {
                                return Err(Error {
                                    line,
                                    message: "unterminated string".into(),
                                });
                            }
                            Some((_, other)) => text.push(other),
                        },
                        Some((_, '\n')) | None => {
                            return Err(Error {
                                line,
                                message: "unterminated string".into(),
                            });
                        }
                        Some((_, other)) => text.push(other),
                    }
                }
                tokens.push((Token::String(text), line));
            }
            '@' if chars.peek().map(|(_, c)| *c) == Some('@') => {
                chars.next();
                tokens.push((Token::BlockAt, line));
            }
            c if c.is_ascii_digit() || c == '-' => {
                let mut text = c.to_string();
                while let Some(&(_, d)) = chars.peek() {
                    if d.is_ascii_alphanumeric() || d == '.' {
                        text.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push((Token::Number(text), line));
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut text = c.to_string();
                while let Some(&(_, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '-' {
                        text.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push((Token::Name(text), line));
            }
            '{' | '}' | '(' | ')' | '[' | ']' | '?' | '@' | '=' | ',' | ':' | '.' | '!' => {
                tokens.push((Token::Punct(c), line));
            }
            other => {
                return Err(Error {
                    line,
                    message: format!("unexpected character `{other}`"),
                });
            }
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }

    fn line(&self) -> usize {
        self.tokens
            .get(self.at)
            .or(self.tokens.last())
            .map_or(1, |(_, l)| *l)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).map(|(t, _)| t.clone());
        self.at += 1;
        token
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T, Error> {
        Err(Error {
            line: self.line(),
            message: message.into(),
        })
    }

    fn skip_newlines(&mut self) {
        while self.peek() == Some(&Token::Newline) {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(&Token::Punct(c)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char) -> Result<(), Error> {
        if self.eat(c) {
            Ok(())
        } else {
            self.error(format!("expected `{c}`"))
        }
    }

    fn name(&mut self) -> Result<String, Error> {
        match self.next() {
            Some(Token::Name(n)) => Ok(n),
            _ => {
                self.at -= 1;
                self.error("expected a name")
            }
        }
    }

    fn schema(&mut self) -> Result<Schema, Error> {
        let mut schema = Schema::default();
        loop {
            self.skip_newlines();
            let Some(token) = self.next() else {
                return Ok(schema);
            };
            let Token::Name(keyword) = token else {
                self.at -= 1;
                return self.error("expected a block such as `model` or `enum`");
            };
            let line = self.line();
            let name = self.name()?;
            self.skip_newlines();
            self.expect('{')?;
            match keyword.as_str() {
                "model" | "view" | "type" => {
                    let block = self.model_body(name, line)?;
                    if keyword == "model" {
                        schema.models.push(block);
                    }
                }
                "enum" => {
                    let block = self.model_body(name, line)?;
                    schema.enums.push(block);
                }
                "generator" | "datasource" => {
                    let settings = self.config_body()?;
                    schema.configs.push(Config {
                        kind: keyword,
                        name,
                        settings,
                    });
                }
                other => return self.error(format!("unknown block `{other}`")),
            }
        }
    }

    /// Fields (or enum values) one per line, and `@@` attributes, up to `}`.
    fn model_body(&mut self, name: String, line: usize) -> Result<Block, Error> {
        let mut block = Block {
            name,
            fields: Vec::new(),
            attributes: Vec::new(),
            line,
        };
        loop {
            self.skip_newlines();
            match self.peek() {
                Some(Token::Punct('}')) => {
                    self.at += 1;
                    return Ok(block);
                }
                Some(Token::BlockAt) => {
                    self.at += 1;
                    block.attributes.push(self.attribute()?);
                }
                Some(Token::Name(_)) => {
                    let line = self.line();
                    let name = self.name()?;
                    let mut field = Field {
                        name,
                        ty: String::new(),
                        optional: false,
                        list: false,
                        attributes: Vec::new(),
                        line,
                    };
                    if let Some(Token::Name(_)) = self.peek() {
                        field.ty = self.name()?;
                        if self.eat('(') {
                            // Unsupported("circle")
                            while !self.eat(')') {
                                if self.next().is_none() {
                                    return self.error("unclosed `(` in a type");
                                }
                            }
                        }
                        if self.eat('[') {
                            self.expect(']')?;
                            field.list = true;
                        }
                        field.optional = self.eat('?');
                        // `Type!` (required) appears in old schemas; it means nothing here.
                        self.eat('!');
                    }
                    while self.eat('@') {
                        field.attributes.push(self.attribute()?);
                    }
                    match self.peek() {
                        Some(Token::Newline) | Some(Token::Punct('}')) | None => {}
                        _ => return self.error("expected the end of the field's line"),
                    }
                    block.fields.push(field);
                }
                None => return self.error("unclosed block: expected `}`"),
                _ => return self.error("expected a field"),
            }
        }
    }

    fn config_body(&mut self) -> Result<Vec<(String, Value)>, Error> {
        let mut settings = Vec::new();
        loop {
            self.skip_newlines();
            if self.eat('}') {
                return Ok(settings);
            }
            if self.peek().is_none() {
                return self.error("unclosed block: expected `}`");
            }
            let key = self.name()?;
            self.expect('=')?;
            settings.push((key, self.value()?));
        }
    }

    /// After `@` or `@@`: a dotted name and optional arguments.
    fn attribute(&mut self) -> Result<Attribute, Error> {
        let mut name = self.name()?;
        while self.eat('.') {
            name.push('.');
            name.push_str(&self.name()?);
        }
        let args = if self.eat('(') {
            self.arguments(')')?
        } else {
            Vec::new()
        };
        Ok(Attribute { name, args })
    }

    /// Comma-separated values up to `close`; newlines inside brackets are allowed.
    fn arguments(&mut self, close: char) -> Result<Vec<Value>, Error> {
        let mut args = Vec::new();
        loop {
            self.skip_newlines();
            if self.eat(close) {
                return Ok(args);
            }
            let value = self.value()?;
            let value = match value {
                Value::Name(key) if self.eat(':') => Value::Named(key, Box::new(self.value()?)),
                other => other,
            };
            args.push(value);
            self.skip_newlines();
            if !self.eat(',') {
                self.skip_newlines();
                if self.eat(close) {
                    return Ok(args);
                }
                return self.error(format!("expected `,` or `{close}`"));
            }
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        if self.depth >= MAX_DEPTH {
            return self.error("values nested too deeply");
        }
        self.depth += 1;
        let value = self.value_inner();
        self.depth -= 1;
        value
    }

    fn value_inner(&mut self) -> Result<Value, Error> {
        self.skip_newlines();
        match self.next() {
            Some(Token::String(s)) => Ok(Value::String(s)),
            Some(Token::Number(n)) => Ok(Value::Number(n)),
            Some(Token::Punct('[')) => Ok(Value::Array(self.arguments(']')?)),
            Some(Token::Name(mut name)) => {
                while self.eat('.') {
                    name.push('.');
                    name.push_str(&self.name()?);
                }
                if self.eat('(') {
                    Ok(Value::Call(name, self.arguments(')')?))
                } else {
                    Ok(Value::Name(name))
                }
            }
            _ => {
                self.at = self.at.saturating_sub(1);
                self.error("expected a value")
            }
        }
    }
}

/// Parses one schema file.
pub fn parse(source: &str) -> Result<Schema, Error> {
    let tokens = tokenize(source.strip_prefix('\u{feff}').unwrap_or(source))?;
    Parser {
        tokens,
        at: 0,
        depth: 0,
    }
    .schema()
}

/// How deeply values may nest (`[[[…]]]`): far beyond any real schema, far below
/// what would overflow the stack.
const MAX_DEPTH: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_enums_and_configs() {
        let schema = parse(
            r#"
// comment
generator client {
  provider = "prisma-client"
  output   = "../src/generated/prisma" // trailing
}

datasource db {
  provider = "postgresql"
}

/// The states a post moves through.
enum Status {
  draft
  published @map("PUBLISHED")
  @@map("post_status")
}

model Post {
  id        String   @id @default(cuid())
  title     String   @db.VarChar(120)
  tags      String[]
  body      String?  @db.Text
  price     Decimal? @db.Decimal(10, 2)
  author    User     @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId  String   @map("author_id")
  createdAt DateTime @default(now()) @map("created_at")
  location  Unsupported("geometry")?
  @@unique([authorId, title], name: "one_title")
  @@map("posts")
}
"#,
        )
        .unwrap();
        assert_eq!(schema.configs.len(), 2);
        assert_eq!(
            schema.configs[0].settings[1],
            (
                "output".into(),
                Value::String("../src/generated/prisma".into())
            )
        );
        let status = &schema.enums[0];
        assert_eq!(
            status.fields.iter().map(|f| &f.name).collect::<Vec<_>>(),
            ["draft", "published"]
        );
        let post = &schema.models[0];
        assert_eq!(post.fields.len(), 9);
        assert!(post.fields[2].list);
        assert!(post.fields[3].optional);
        let title = post.fields[1].attribute("db.VarChar").unwrap();
        assert_eq!(title.args, [Value::Number("120".into())]);
        let relation = post.fields[5].attribute("relation").unwrap();
        assert_eq!(relation.named("fields").unwrap().names(), ["authorId"]);
        assert_eq!(
            post.fields[7].attribute("default").unwrap().args,
            [Value::Call("now".into(), vec![])]
        );
        assert_eq!(post.fields[8].ty, "Unsupported");
        assert!(post.fields[8].optional);
        assert_eq!(
            post.attributes[1].arg("name"),
            Some(&Value::String("posts".into()))
        );
    }

    #[test]
    fn errors_name_the_line() {
        let error = parse("model A {\n  id String @id\n  x String @default(\n").unwrap_err();
        assert_eq!(error.line, 3);
        assert!(parse("model A {\n  id String\n").is_err());
        assert!(parse("model A { \"x\" }").is_err());
        assert!(parse("enum { }").is_err());
        assert!(parse("model A {\n id String @default(\"unterminated)\n}").is_err());
    }

    #[test]
    fn a_byte_order_mark_and_deep_nesting() {
        assert!(parse("\u{feff}model A {\n  id Int @id\n}\n").is_ok());
        let deep = format!(
            "model A {{\n  id Int @default({})\n}}\n",
            "[".repeat(100_000)
        );
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn multi_line_attribute_arguments() {
        let schema = parse(
            "model A {\n  b B @relation(\n    fields: [bId],\n    references: [id]\n  )\n  bId Int\n}\n",
        )
        .unwrap();
        assert_eq!(schema.models[0].fields.len(), 2);
    }
}
