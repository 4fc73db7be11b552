//! Prisma: where the schema is (prisma.config.ts, package.json's `prisma.schema`, or
//! `prisma/`), its models (read with [`super::psl`]), the generated client's import path,
//! and the project's module that exports the client instance.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use oxc_allocator::Allocator;
use oxc_ast::ast::Expression;
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::SourceType;

use super::psl::{self, Schema, Value};
use super::{Catalog, Client, ClientImport, Column, ColumnType, Model};
use crate::migrate::ast::string_value;
use crate::project::{DataLayer, Project};

pub fn catalog(project: &Project) -> Result<Catalog> {
    let root = &project.root;
    let location = schema_location(root)?;
    let files = schema_files(root, &location);
    if files.is_empty() {
        bail!(
            "Prisma is installed but {} does not exist; run `npx prisma init`, or pass --dev-store",
            location.display()
        );
    }
    let mut schema = Schema::default();
    // Which file declares each model, for messages.
    let mut places: Vec<(String, PathBuf, usize)> = Vec::new();
    // The generator's `output` is relative to the file that declares it.
    let mut generator_file = files[0].clone();
    for file in &files {
        let text = std::fs::read_to_string(root.join(file))
            .with_context(|| format!("reading {}", file.display()))?;
        let part = psl::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        places.extend(
            part.models
                .iter()
                .map(|m| (m.name.clone(), file.clone(), m.line)),
        );
        if part.configs.iter().any(|c| c.kind == "generator") {
            generator_file = file.clone();
        }
        schema.models.extend(part.models);
        schema.enums.extend(part.enums);
        schema.configs.extend(part.configs);
    }
    let mut models = models(&schema, &files[0]);
    for model in &mut models {
        if let Some((_, file, line)) = places.iter().find(|(n, _, _)| *n == model.name) {
            model.file = file.clone();
            model.line = *line;
        }
    }
    let generated = generated_client(&schema, &generator_file);
    let (client_module, client_export) = client_module(project)?;
    Ok(Catalog {
        layer: DataLayer::Prisma,
        models,
        source: location.display().to_string(),
        client: Client::Prisma {
            client_module,
            client_export,
            generated,
        },
    })
}

/// The schema file or folder, root-relative.
fn schema_location(root: &Path) -> Result<PathBuf> {
    for config in ["prisma.config.ts", "prisma.config.mts", "prisma.config.js"] {
        let Ok(text) = std::fs::read_to_string(root.join(config)) else {
            continue;
        };
        if let Some(schema) = config_schema(config, &text) {
            return Ok(PathBuf::from(schema.trim_start_matches("./")));
        }
    }
    let manifest = root.join("package.json");
    if let Ok(pkg) = crate::project::json::read(&manifest)
        && let Some(schema) = pkg
            .get("prisma")
            .and_then(|p| p.get("schema"))
            .and_then(|s| s.as_str())
    {
        return Ok(PathBuf::from(schema.trim_start_matches("./")));
    }
    if root.join("prisma/schema.prisma").is_file() {
        return Ok(PathBuf::from("prisma/schema.prisma"));
    }
    if root.join("prisma/schema").is_dir() {
        return Ok(PathBuf::from("prisma/schema"));
    }
    Ok(PathBuf::from("prisma/schema.prisma"))
}

/// `schema: "..."` in prisma.config.ts.
fn config_schema(file: &str, text: &str) -> Option<String> {
    let allocator = Allocator::default();
    let source_type = SourceType::from_path(file).unwrap_or_else(|_| SourceType::ts());
    let parsed = Parser::new(&allocator, text, source_type).parse();
    if crate::syntax::first_error(text, &parsed).is_some() {
        return None;
    }
    #[derive(Default)]
    struct Finder(Option<String>);
    impl<'a> Visit<'a> for Finder {
        fn visit_object_property(&mut self, prop: &oxc_ast::ast::ObjectProperty<'a>) {
            if prop.key.static_name().as_deref() == Some("schema") && self.0.is_none() {
                self.0 = string_value(&prop.value).or_else(|| joined(&prop.value));
            }
            walk::walk_object_property(self, prop);
        }
    }
    let mut finder = Finder::default();
    finder.visit_program(&parsed.program);
    finder.0
}

/// `path.join("prisma", "schema")`, when every part is a string.
fn joined(expr: &Expression<'_>) -> Option<String> {
    let Expression::CallExpression(call) = expr.without_parentheses() else {
        return None;
    };
    if crate::migrate::ast::dotted(&call.callee).as_deref() != Some("path.join") {
        return None;
    }
    let parts: Option<Vec<String>> = call
        .arguments
        .iter()
        .map(|a| a.as_expression().and_then(string_value))
        .collect();
    Some(parts?.join("/"))
}

/// The `.prisma` files: the one file, or every file of a multi-file schema folder.
fn schema_files(root: &Path, location: &Path) -> Vec<PathBuf> {
    let full = root.join(location);
    if full.is_file() {
        return vec![location.to_path_buf()];
    }
    let mut files = Vec::new();
    let mut stack = vec![full];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "migrations") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "prisma")
                && let Ok(rel) = path.strip_prefix(root)
            {
                files.push(rel.to_path_buf());
            }
        }
    }
    files.sort();
    files
}

/// Where `Prisma` (and the model types) are imported from: the generator's `output`
/// (relative to the schema file), or `@prisma/client` for prisma-client-js without one.
fn generated_client(schema: &Schema, schema_file: &Path) -> ClientImport {
    let generator = schema.configs.iter().find(|c| {
        c.kind == "generator"
            && c.settings.iter().any(|(k, v)| {
                k == "provider" && matches!(v.as_str(), Some("prisma-client" | "prisma-client-js"))
            })
    });
    let Some(generator) = generator else {
        return ClientImport::Package("@prisma/client".into());
    };
    let setting = |key: &str| {
        generator
            .settings
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.as_str())
    };
    let new_generator = setting("provider") == Some("prisma-client");
    match setting("output") {
        Some(output) => {
            let dir = schema_file.parent().unwrap_or(Path::new(""));
            let mut path = crate::project::normalize(&dir.join(output));
            if new_generator {
                path.push("client");
            }
            ClientImport::Module(path)
        }
        None => ClientImport::Package("@prisma/client".into()),
    }
}

/// The project's module exporting the PrismaClient instance.
fn client_module(project: &Project) -> Result<(PathBuf, Option<String>)> {
    for module in [
        "lib/prisma",
        "lib/db",
        "src/lib/prisma",
        "src/lib/db",
        "server/db",
        "src/server/db",
        "lib/prisma/index",
        "src/db/client",
        "db/client",
        "lib/db/client",
        "server/db/client",
        "src/lib/prisma/index",
        "prisma/client",
        "db",
        "src/db",
        "lib/client",
    ] {
        for ext in ["ts", "js", "mts"] {
            let file = PathBuf::from(format!("{module}.{ext}"));
            let Ok(text) = std::fs::read_to_string(project.root.join(&file)) else {
                continue;
            };
            if let Some(export) = exported_client(&file, &text) {
                let module = PathBuf::from(module.trim_end_matches("/index"));
                return Ok((module, export));
            }
        }
    }
    bail!(
        "Prisma is installed but no module exports the client instance (`export const prisma = new PrismaClient(...)`) in lib/prisma.ts, lib/db.ts or server/db.ts (or under src/); create one, or pass --dev-store"
    )
}

/// `Some(Some("prisma"))` for a named export, `Some(None)` for a default one.
fn exported_client(file: &Path, text: &str) -> Option<Option<String>> {
    if !text.contains("PrismaClient") {
        return None;
    }
    let (names, default) = super::exports(file, text)?;
    match ["prisma", "db", "client"]
        .iter()
        .find(|n| names.iter().any(|m| m == *n))
    {
        Some(name) => Some(Some(name.to_string())),
        None => default.then_some(None),
    }
}

/// The schema's models (not `@@ignore`d), as declared in `file`.
pub(super) fn models(schema: &Schema, file: &Path) -> Vec<Model> {
    schema
        .models
        .iter()
        .filter(|block| !block.attributes.iter().any(|a| a.name == "ignore"))
        .map(|block| Model {
            name: block.name.clone(),
            columns: columns(block, schema),
            file: file.to_path_buf(),
            line: block.line,
            spread: false,
        })
        .collect()
}

/// A model's scalar and enum fields as columns; relation fields mark their scalar
/// foreign keys as references.
fn columns(block: &psl::Block, schema: &Schema) -> Vec<Column> {
    let is_model = |ty: &str| schema.models.iter().any(|m| m.name == ty);
    let enum_values = |ty: &str| {
        schema.enums.iter().find(|e| e.name == ty).map(|e| {
            e.fields
                .iter()
                .map(|f| f.name.clone())
                .collect::<Vec<String>>()
        })
    };
    // `author User @relation(fields: [authorId], references: [id])` → authorId → User.
    let mut references: Vec<(String, String)> = Vec::new();
    for field in &block.fields {
        if is_model(&field.ty)
            && let Some(relation) = field.attribute("relation")
            && let Some(fields) = relation.named("fields")
        {
            for name in fields.names() {
                references.push((name.to_string(), field.ty.clone()));
            }
        }
    }
    let block_unique: Vec<Vec<&str>> = block
        .attributes
        .iter()
        .filter(|a| a.name == "unique")
        .filter_map(|a| a.arg("fields").map(Value::names))
        .collect();
    let block_id: Option<Vec<&str>> = block
        .attributes
        .iter()
        .find(|a| a.name == "id")
        .and_then(|a| a.arg("fields").map(Value::names));
    block
        .fields
        .iter()
        .filter(|f| !is_model(&f.ty) && f.attribute("ignore").is_none())
        .map(|f| {
            let max_len = f
                .attributes
                .iter()
                .find(|a| matches!(a.name.as_str(), "db.VarChar" | "db.Char"))
                .and_then(|a| a.args.first())
                .and_then(Value::as_str)
                .and_then(|n| n.parse::<u32>().ok());
            let ty = if f.list {
                ColumnType::Other(format!("{}[]", f.ty))
            } else if let Some(values) = enum_values(&f.ty) {
                ColumnType::Enum(values)
            } else {
                match f.ty.as_str() {
                    "String" if f.attribute("db.Uuid").is_some() => ColumnType::Uuid,
                    "String" => ColumnType::Text,
                    "Int" => ColumnType::Integer,
                    "BigInt" => ColumnType::BigInt,
                    "Float" => ColumnType::Float,
                    "Decimal" => ColumnType::Decimal,
                    "Boolean" => ColumnType::Boolean,
                    "DateTime" if f.attribute("db.Date").is_some() => ColumnType::DateTime,
                    "DateTime" => ColumnType::Timestamp,
                    other => ColumnType::Other(other.to_string()),
                }
            };
            let sql_name = f
                .attribute("map")
                .and_then(|a| a.arg("name"))
                .and_then(Value::as_str)
                .unwrap_or(&f.name)
                .to_string();
            Column {
                name: f.name.clone(),
                ty,
                nullable: f.optional || f.list,
                has_default: f.attribute("default").is_some(),
                primary: f.attribute("id").is_some()
                    || block_id
                        .as_ref()
                        .is_some_and(|ids| ids.contains(&f.name.as_str())),
                unique: f.attribute("unique").is_some()
                    || block_unique.iter().any(|u| u.len() == 1 && u[0] == f.name),
                max_len,
                scale: f
                    .attribute("db.Decimal")
                    .and_then(|a| a.args.get(1)?.as_str()?.parse::<u32>().ok()),
                largest: match f.ty.as_str() {
                    "Int" if f.attribute("db.SmallInt").is_some() => Some(i16::MAX as u32),
                    "Int" => Some(i32::MAX as u32),
                    "Decimal" => f.attribute("db.Decimal").and_then(|a| {
                        let n = |i: usize| a.args.get(i)?.as_str()?.parse::<u32>().ok();
                        super::decimal_largest(n(0)?, n(1)?)
                    }),
                    _ => None,
                },
                references: references
                    .iter()
                    .find(|(n, _)| *n == f.name)
                    .map(|(_, model)| model.clone()),
                auto_updated: f.attribute("updatedAt").is_some(),
                sql_name,
            }
        })
        .collect()
}
