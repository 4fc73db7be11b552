//! Drizzle: `drizzle.config.*` (dialect and schema paths), the tables its schema modules
//! export (read with oxc), and the module that exports the database instance.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Argument, ArrayExpressionElement, ArrowFunctionBody, ArrowFunctionExpression, Declaration,
    Expression, ObjectExpression, ObjectPropertyKind, Statement,
};
use oxc_ast_visit::{Visit, walk};

use super::{Catalog, Client, Column, ColumnType, Model};
use crate::migrate::ast::{dotted, string_value};
use crate::project::{DataLayer, Project};

const CONFIG_FILES: [&str; 4] = [
    "drizzle.config.ts",
    "drizzle.config.mts",
    "drizzle.config.js",
    "drizzle.config.mjs",
];

/// What drizzle.config says.
#[derive(Debug, Default, PartialEq)]
struct Config {
    dialect: Option<String>,
    schema: Vec<String>,
}

pub fn catalog(project: &Project) -> Result<Catalog> {
    let root = &project.root;
    let config_file = CONFIG_FILES.iter().find(|f| root.join(f).is_file());
    let config = match config_file {
        Some(file) => {
            let text = std::fs::read_to_string(root.join(file))
                .with_context(|| format!("reading {file}"))?;
            read_config(file, &text).with_context(|| format!("reading {file}"))?
        }
        None => Config::default(),
    };
    if let Some(dialect) = &config.dialect
        && !matches!(dialect.as_str(), "postgresql" | "sqlite" | "turso")
    {
        bail!(
            "{} sets dialect `{dialect}`: scaffold writes Drizzle queries for PostgreSQL (including PGlite) and SQLite, which return the rows they change; pass --dev-store to use the development store instead",
            config_file.unwrap_or(&"drizzle.config.ts")
        );
    }
    let files = schema_files(project, &config)?;
    if files.is_empty() {
        bail!(
            "drizzle-orm is installed but no schema module was found ({}); set `schema` in drizzle.config.ts, or pass --dev-store",
            match config_file {
                Some(f) => format!("{f} names none that exists"),
                None => "no drizzle.config.ts, and none of db/schema.ts, src/db/schema.ts, server/db/schema.ts".into(),
            }
        );
    }
    // Enums are often declared in a module of their own and imported by the tables:
    // each module is parsed once, and enums are resolved when all have been read.
    let mut enums = HashMap::new();
    let mut models = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(root.join(file))
            .with_context(|| format!("reading {}", file.display()))?;
        let tables = read_tables(file, &text, &mut enums)?;
        if tables.iter().any(|t| t.mysql) {
            bail!(
                "{} declares MySQL tables: scaffold writes Drizzle queries for PostgreSQL and SQLite, which return the rows they change; pass --dev-store",
                file.display()
            );
        }
        models.extend(tables.into_iter().map(|t| t.model));
    }
    resolve_enums(&mut models, &enums);
    let schema_dir = files[0].parent().unwrap_or(Path::new("")).to_path_buf();
    let (db_module, db_export) = db_module(project, &schema_dir)?;
    Ok(Catalog {
        layer: DataLayer::Drizzle,
        models,
        source: files
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        client: Client::Drizzle {
            db_module,
            db_export,
            schema_module: PathBuf::new(),
        },
    })
}

fn read_config(file: &str, text: &str) -> Result<Config> {
    let allocator = Allocator::default();
    let program = super::parse_program(&allocator, Path::new(file), text)?;
    let mut finder = ConfigFinder::default();
    finder.visit_program(&program);
    Ok(finder.config)
}

#[derive(Default)]
struct ConfigFinder {
    config: Config,
}

impl<'a> Visit<'a> for ConfigFinder {
    fn visit_object_property(&mut self, prop: &oxc_ast::ast::ObjectProperty<'a>) {
        match prop.key.static_name().as_deref() {
            Some("dialect") => self.config.dialect = string_value(&prop.value),
            Some("schema") => match prop.value.without_parentheses() {
                Expression::ArrayExpression(items) => {
                    self.config.schema = items
                        .elements
                        .iter()
                        .filter_map(|e| e.as_expression().and_then(string_value))
                        .collect();
                }
                other => self.config.schema = string_value(other).into_iter().collect(),
            },
            _ => {}
        }
        walk::walk_object_property(self, prop);
    }
}

/// The schema modules, root-relative: the config's paths (files, folders or globs),
/// else the usual places.
fn schema_files(project: &Project, config: &Config) -> Result<Vec<PathBuf>> {
    let root = &project.root;
    let mut files = Vec::new();
    if config.schema.is_empty() {
        for candidate in [
            "db/schema.ts",
            "src/db/schema.ts",
            "server/db/schema.ts",
            "src/server/db/schema.ts",
            "lib/db/schema.ts",
            "src/lib/db/schema.ts",
        ] {
            if root.join(candidate).is_file() {
                files.push(PathBuf::from(candidate));
                break;
            }
        }
        return Ok(files);
    }
    for pattern in &config.schema {
        let clean = pattern.trim_start_matches("./");
        let path = root.join(clean);
        if path.is_file() {
            files.push(PathBuf::from(clean));
        } else if path.is_dir() || clean.contains('*') {
            let (base, glob) = if path.is_dir() {
                (
                    PathBuf::from(clean),
                    format!("{}/**/*", clean.trim_end_matches('/')),
                )
            } else {
                let base: PathBuf = Path::new(clean)
                    .components()
                    .take_while(|c| !c.as_os_str().to_string_lossy().contains('*'))
                    .collect();
                (base, clean.to_string())
            };
            let matcher = globset::Glob::new(&glob)
                .with_context(|| format!("drizzle.config schema `{pattern}`"))?
                .compile_matcher();
            let mut found: Vec<PathBuf> = walk_ts(&root.join(&base))
                .into_iter()
                .filter_map(|p| p.strip_prefix(root).ok().map(Path::to_path_buf))
                .filter(|p| matcher.is_match(p))
                .collect();
            found.sort();
            files.extend(found);
        }
    }
    files.dedup();
    Ok(files)
}

fn walk_ts(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk_ts(&path));
        } else if path
            .extension()
            .is_some_and(|e| e == "ts" || e == "mts" || e == "js")
        {
            out.push(path);
        }
    }
    out
}

/// The module exporting the database instance (`db`), near the schema first.
fn db_module(project: &Project, schema_dir: &Path) -> Result<(PathBuf, String)> {
    // Next to the schema first (or one folder up, when the schema is a folder).
    let mut candidates: Vec<PathBuf> = Vec::new();
    for dir in [Some(schema_dir), schema_dir.parent()]
        .into_iter()
        .flatten()
    {
        for name in ["index", "db", "client", "drizzle"] {
            candidates.push(dir.join(name));
        }
    }
    for c in [
        "db/index",
        "db",
        "src/db/index",
        "src/db",
        "lib/db",
        "lib/db/index",
        "src/lib/db",
        "src/lib/db/index",
        "server/db",
        "server/db/index",
        "src/server/db",
        "src/server/db/index",
        "lib/drizzle",
        "src/lib/drizzle",
    ] {
        candidates.push(PathBuf::from(c));
    }
    for module in &candidates {
        for ext in ["ts", "js", "mts"] {
            let file = PathBuf::from(format!("{}.{ext}", module.display()));
            let Ok(text) = std::fs::read_to_string(project.root.join(&file)) else {
                continue;
            };
            if let Some(name) = exported_db(&file, &text) {
                let module = if module.file_name().is_some_and(|n| n == "index") {
                    module.parent().unwrap_or(module).to_path_buf()
                } else {
                    module.clone()
                };
                return Ok((module, name));
            }
        }
    }
    bail!(
        "drizzle-orm is installed but no module exports the database instance (`export const db = drizzle(...)`) in db/, src/db/, lib/db, src/lib/db or server/db; create one, or pass --dev-store"
    )
}

/// `db` (or `database`, or `default`) when the module exports it.
fn exported_db(file: &Path, text: &str) -> Option<String> {
    let (names, default) = super::exports(file, text)?;
    let default = default && text.contains("drizzle(");
    ["db", "database"]
        .iter()
        .find(|n| names.iter().any(|m| m == *n))
        .map(|n| n.to_string())
        .or_else(|| default.then(|| "default".to_string()))
}

/// A table as read from a schema module.
#[derive(Debug)]
struct Table {
    model: Model,
    mysql: bool,
}

/// The exported tables of one schema module, with their columns.
fn read_tables(
    file: &Path,
    text: &str,
    enums: &mut HashMap<String, Vec<String>>,
) -> Result<Vec<Table>> {
    let allocator = Allocator::default();
    let program = super::parse_program(&allocator, file, text)?;
    // Builders: pgTable & co., and names bound to pgTableCreator(...) (create-t3-app's
    // `createTable`). Enums: names bound to pgEnum("name", [values]).
    let mut builders: HashMap<String, Dialect> = [
        ("pgTable", Dialect::Pg),
        ("sqliteTable", Dialect::Sqlite),
        ("mysqlTable", Dialect::Mysql),
        ("singlestoreTable", Dialect::Mysql),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let declarators = program.body.iter().flat_map(|s| {
        let declaration = match s {
            Statement::VariableDeclaration(v) => Some(&**v),
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::VariableDeclaration(v) => Some(&**v),
                _ => None,
            },
            _ => None,
        };
        declaration.into_iter().flat_map(|v| v.declarations.iter())
    });
    let mut tables = Vec::new();
    for d in declarators {
        let oxc_ast::ast::BindingPattern::BindingIdentifier(id) = &d.id else {
            continue;
        };
        let Some(Expression::CallExpression(call)) =
            d.init.as_ref().map(|e| e.without_parentheses())
        else {
            continue;
        };
        let callee = dotted(&call.callee).unwrap_or_default();
        let line = crate::syntax::line_col(text, d.span.start as usize).0;
        match callee.as_str() {
            "pgTableCreator" => {
                builders.insert(id.name.to_string(), Dialect::Pg);
            }
            "sqliteTableCreator" => {
                builders.insert(id.name.to_string(), Dialect::Sqlite);
            }
            // `export const billing = pgSchema("billing")`, then `billing.table(...)`.
            "pgSchema" => {
                builders.insert(format!("{}.table", id.name), Dialect::Pg);
            }
            "mysqlSchema" => {
                builders.insert(format!("{}.table", id.name), Dialect::Mysql);
            }
            "mysqlTableCreator" | "singlestoreTableCreator" => {
                builders.insert(id.name.to_string(), Dialect::Mysql);
            }
            "pgEnum" | "mysqlEnum" => {
                if let Some(values) = call.arguments.get(1).and_then(Argument::as_expression) {
                    enums.insert(id.name.to_string(), strings(values));
                }
            }
            name if builders.contains_key(name) => {
                let Some(columns) = call.arguments.get(1).and_then(Argument::as_expression) else {
                    continue;
                };
                let Some(object) = columns_object(columns) else {
                    continue;
                };
                tables.push(Table {
                    mysql: builders[name] == Dialect::Mysql,
                    model: Model {
                        name: id.name.to_string(),
                        columns: read_columns(object, builders[name]),
                        file: file.to_path_buf(),
                        line,
                        spread: object
                            .properties
                            .iter()
                            .any(|p| matches!(p, ObjectPropertyKind::SpreadProperty(_))),
                    },
                });
            }
            _ => {}
        }
    }
    Ok(tables)
}

/// `{ ... }` or `(t) => ({ ... })`: the columns object of a table call.
fn columns_object<'b, 'a>(expr: &'b Expression<'a>) -> Option<&'b ObjectExpression<'a>> {
    match expr.without_parentheses() {
        Expression::ObjectExpression(o) => Some(o),
        Expression::ArrowFunctionExpression(f) => columns_object(arrow_result(f)?),
        _ => None,
    }
}

fn strings(expr: &Expression<'_>) -> Vec<String> {
    match expr.without_parentheses() {
        Expression::ArrayExpression(a) => a
            .elements
            .iter()
            .filter_map(|e| match e {
                ArrayExpressionElement::StringLiteral(s) => Some(s.value.to_string()),
                _ => None,
            })
            .collect(),
        Expression::TSAsExpression(e) => strings(&e.expression),
        Expression::TSSatisfiesExpression(e) => strings(&e.expression),
        _ => Vec::new(),
    }
}

/// Which SQL a table builder writes: it decides the width of `integer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Pg,
    Sqlite,
    Mysql,
}

fn read_columns(object: &ObjectExpression<'_>, dialect: Dialect) -> Vec<Column> {
    object
        .properties
        .iter()
        .filter_map(|p| match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                read_column(&p.key.static_name()?, &p.value, dialect)
            }
            ObjectPropertyKind::SpreadProperty(_) => None,
        })
        .collect()
}

/// One column: the builder call at the bottom of the chain, and the modifiers above it.
fn read_column(name: &str, value: &Expression<'_>, dialect: Dialect) -> Option<Column> {
    let mut modifiers: Vec<(&str, &oxc_allocator::Vec<'_, Argument<'_>>)> = Vec::new();
    let mut expr = value.without_parentheses();
    // Walk down `.notNull().default(x)` to the builder `text("title")` / `d.text()`.
    let (builder, args) = loop {
        let Expression::CallExpression(call) = expr else {
            return None;
        };
        match call.callee.without_parentheses() {
            Expression::StaticMemberExpression(m)
                if matches!(
                    m.object.without_parentheses(),
                    Expression::CallExpression(_)
                ) =>
            {
                modifiers.push((m.property.name.as_str(), &call.arguments));
                expr = m.object.without_parentheses();
            }
            // `d.varchar({ length: 256 })`: the columns callback's builder parameter.
            Expression::StaticMemberExpression(m) => {
                break (m.property.name.as_str(), &call.arguments);
            }
            Expression::Identifier(id) => break (id.name.as_str(), &call.arguments),
            _ => return None,
        }
    };
    let sql_name = args
        .first()
        .and_then(Argument::as_expression)
        .and_then(string_value)
        .unwrap_or_else(|| name.to_string());
    let options = args
        .iter()
        .find_map(|a| match a.as_expression()?.without_parentheses() {
            Expression::ObjectExpression(o) => Some(&**o),
            _ => None,
        });
    let option = |key: &str| -> Option<&Expression<'_>> {
        options?.properties.iter().find_map(|p| match p {
            ObjectPropertyKind::ObjectProperty(p)
                if p.key.static_name().as_deref() == Some(key) =>
            {
                Some(&p.value)
            }
            _ => None,
        })
    };
    let mode = option("mode").and_then(string_value);
    let number = |key: &str| -> Option<u32> {
        match option(key)?.without_parentheses() {
            Expression::NumericLiteral(n) if n.value >= 0.0 && n.value < 1e9 => {
                Some(n.value as u32)
            }
            _ => None,
        }
    };
    let largest = match builder {
        // SQLite's INTEGER holds 64 bits; PostgreSQL's and MySQL's 32.
        "integer" | "int" | "serial" if mode.is_none() && dialect != Dialect::Sqlite => {
            Some(i32::MAX as u32)
        }
        "smallint" | "smallserial" => Some(i16::MAX as u32),
        "numeric" | "decimal" => number("precision")
            .and_then(|p| super::decimal_largest(p, number("scale").unwrap_or(0))),
        _ => None,
    };
    let mut max_len = None;
    let mut has_default = false;
    let ty = match builder {
        "text" | "varchar" | "char" | "citext" => {
            max_len = option("length").and_then(|e| match e.without_parentheses() {
                Expression::NumericLiteral(n) if n.value >= 1.0 && n.value < 1e9 => {
                    Some(n.value as u32)
                }
                _ => None,
            });
            match (option("enum"), mode.as_deref()) {
                (_, Some("json")) => ColumnType::Other("json text".into()),
                (Some(values), _) => ColumnType::Enum(strings(values)),
                (None, _) => ColumnType::Text,
            }
        }
        "uuid" => ColumnType::Uuid,
        "serial" | "smallserial" | "bigserial" => {
            has_default = true;
            if mode.as_deref() == Some("bigint") {
                ColumnType::BigInt
            } else {
                ColumnType::Integer
            }
        }
        "integer" | "int" | "smallint" | "tinyint" | "mediumint" => match mode.as_deref() {
            Some("boolean") => ColumnType::Boolean,
            Some("timestamp" | "timestamp_ms") => ColumnType::Timestamp,
            _ => ColumnType::Integer,
        },
        "bigint" => match mode.as_deref() {
            Some("bigint") => ColumnType::BigInt,
            _ => ColumnType::Integer,
        },
        "real" | "doublePrecision" | "double" | "float" => ColumnType::Float,
        "numeric" | "decimal" => match mode.as_deref() {
            Some("number") => ColumnType::Float,
            _ => ColumnType::Decimal,
        },
        "boolean" => ColumnType::Boolean,
        "timestamp" | "datetime" => ColumnType::Timestamp,
        "date" => match mode.as_deref() {
            Some("date") => ColumnType::DateTime,
            _ => ColumnType::DateString,
        },
        "mysqlEnum" | "pgEnum" => ColumnType::Enum(
            args.get(1)
                .and_then(Argument::as_expression)
                .map(strings)
                .unwrap_or_default(),
        ),
        // Perhaps an enum declared later or elsewhere: see resolve_enums.
        other => ColumnType::Other(other.to_string()),
    };
    let ty = checked_enum(ty);
    let mut column = Column {
        name: name.to_string(),
        ty,
        nullable: true,
        has_default,
        primary: false,
        unique: false,
        max_len,
        largest,
        scale: matches!(builder, "numeric" | "decimal")
            .then(|| number("scale").unwrap_or(0))
            .filter(|_| number("precision").is_some()),
        references: None,
        auto_updated: false,
        sql_name,
    };
    for (modifier, args) in modifiers {
        match modifier {
            "notNull" => column.nullable = false,
            "primaryKey" => {
                column.primary = true;
                column.nullable = false;
                // SQLite numbers an INTEGER PRIMARY KEY itself (it is the rowid).
                if dialect == Dialect::Sqlite && column.ty == ColumnType::Integer {
                    column.has_default = true;
                }
            }
            "default"
            | "defaultNow"
            | "defaultRandom"
            | "$default"
            | "$defaultFn"
            | "generatedAlwaysAsIdentity"
            | "generatedByDefaultAsIdentity"
            | "autoincrement" => column.has_default = true,
            "generatedAlwaysAs" => {
                column.has_default = true;
                column.auto_updated = true;
            }
            "$onUpdate" | "$onUpdateFn" | "onUpdateNow" => column.auto_updated = true,
            "unique" => column.unique = true,
            "array" => column.ty = ColumnType::Other("array".into()),
            // `$type<CardColor>()` narrows the TypeScript type to one scaffold cannot see.
            "$type" => column.ty = ColumnType::Other("$type".into()),
            "references" => {
                column.references = args
                    .first()
                    .and_then(Argument::as_expression)
                    .and_then(referenced_table)
            }
            _ => {}
        }
    }
    Some(column)
}

/// What an arrow function returns: its expression body, or its block's `return`.
fn arrow_result<'b, 'a>(f: &'b ArrowFunctionExpression<'a>) -> Option<&'b Expression<'a>> {
    match &f.body {
        ArrowFunctionBody::FunctionBody(body) => body.statements.iter().find_map(|s| match s {
            Statement::ReturnStatement(r) => r.argument.as_ref(),
            _ => None,
        }),
        body => body.as_expression(),
    }
}

/// `() => users.id` → `users`.
fn referenced_table(expr: &Expression<'_>) -> Option<String> {
    let Expression::ArrowFunctionExpression(f) = expr.without_parentheses() else {
        return None;
    };
    let path = dotted(arrow_result(f)?)?;
    path.rsplit_once('.').map(|(table, _)| table.to_string())
}

/// Columns built by an enum of the schema (`postStatus("status")`) get its values.
fn resolve_enums(models: &mut [Model], enums: &HashMap<String, Vec<String>>) {
    for column in models.iter_mut().flat_map(|m| m.columns.iter_mut()) {
        if let ColumnType::Other(builder) = &column.ty
            && let Some(values) = enums.get(builder)
        {
            column.ty = checked_enum(ColumnType::Enum(values.clone()));
        }
    }
}

/// `pgEnum("role", ROLES)`: values kept in a constant are not read, and an empty enum
/// would make a form nobody can submit.
fn checked_enum(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::Enum(values) if values.is_empty() => {
            ColumnType::Other("an enum whose values are not written in place".into())
        }
        ty => ty,
    }
}

/// The tables of one module, its own enums resolved.
pub(super) fn tables(file: &Path, text: &str) -> Result<Vec<Model>> {
    let mut enums = HashMap::new();
    let mut models: Vec<Model> = read_tables(file, text, &mut enums)?
        .into_iter()
        .map(|t| t.model)
        .collect();
    resolve_enums(&mut models, &enums);
    Ok(models)
}

#[cfg(test)]
pub(super) fn config_for_test(text: &str) -> (Option<String>, Vec<String>) {
    let config = read_config("drizzle.config.ts", text).expect("parses");
    (config.dialect, config.schema)
}
