//! The data module (`data.ts`): the only place the actions and the page touch storage.
//! Real Drizzle or Prisma queries when the project has a model for the resource, each
//! scoped to the owner in the query itself; else the development store.

use std::path::Path;

use anyhow::Result;
use serde_json::{Value, json};

use super::{Names, import_block};
use crate::data::{Binding, Client, ClientImport, Column, ColumnType};
use crate::generate::{Template, render};
use crate::layout::{self, Arg};
use crate::project::Project;
use crate::spec::{ActionSpec, Field, Operation};

/// Renders `data.ts` at `path`.
pub(super) fn data_module(
    spec: &ActionSpec,
    n: &Names,
    project: &Project,
    path: &Path,
    dev_store: &Path,
) -> Result<String> {
    match &spec.store {
        None => render(
            Template::ActionDataTs,
            &store_context(spec, n, project, path, dev_store),
        ),
        Some(binding) => {
            let orm = Orm::new(binding);
            let context = orm_context(spec, n, project, path, binding, &orm);
            match orm {
                Orm::Drizzle { .. } => render(Template::ActionDataDrizzleTs, &context),
                Orm::Prisma { .. } => render(Template::ActionDataPrismaTs, &context),
            }
        }
    }
}

/// `export async function name(params): Promise<ret> {`, broken like prettier.
fn signature(name: &str, params: &[&str], ret: &str) -> String {
    let params: Vec<String> = params.iter().map(|p| p.to_string()).collect();
    layout::params(
        0,
        &format!("export async function {name}"),
        &params,
        &format!(": Promise<{ret}> {{"),
    )
}

/// The development store's context (templates/action/data.ts.hbs).
fn store_context(
    spec: &ActionSpec,
    n: &Names,
    project: &Project,
    path: &Path,
    dev_store: &Path,
) -> Value {
    let has_fields = !spec.fields.is_empty();
    let types = if has_fields {
        vec![n.record.clone(), format!("{}Input", n.record)]
    } else {
        vec![n.record.clone()]
    };
    let schema_import = format!("import type {{ {} }} from \"./schema\";", types.join(", "));
    let input = format!("input: {}Input", n.record);
    let partial = format!("input: Partial<{}Input>", n.record);
    let mut to_record = vec!["    id: row.id,".to_string()];
    to_record.extend(
        spec.fields
            .iter()
            .map(|f| format!("    {}: row.{},", f.name, f.name)),
    );
    json!({
        "is_create": spec.op == Operation::Create,
        "is_update": matches!(spec.op, Operation::Update | Operation::Toggle),
        "is_delete": spec.op == Operation::Delete,
        "dev_store_import": project.import_path(path, dev_store),
        "dev_store_path": dev_store.with_extension("ts").to_string_lossy().replace('\\', "/"),
        "schema_import": schema_import,
        "collection": n.collection,
        "record": n.record,
        "list_signature": signature("list", &["ownerId: string"], &format!("{}[]", n.record)),
        "find_signature": signature("find", &["ownerId: string", "id: string"], &format!("{} | undefined", n.record)),
        "insert_signature": signature("insert", &["ownerId: string", &input], &n.record),
        "update_signature": signature("update", &["ownerId: string", "id: string", &partial], "boolean"),
        "to_record_fields": to_record.join("\n"),
    })
}

/// What differs between the two ORMs' modules.
enum Orm {
    Drizzle {
        /// `db`.
        db: String,
        /// `posts`: the table's export.
        table: String,
    },
    Prisma {
        /// `prisma.post`.
        delegate: String,
    },
}

impl Orm {
    fn new(binding: &Binding) -> Orm {
        match &binding.client {
            Client::Drizzle { db_export, .. } => Orm::Drizzle {
                db: db_export.clone(),
                table: binding.model.name.clone(),
            },
            Client::Prisma { client_export, .. } => {
                let mut model = binding.model.name.chars();
                let delegate = model
                    .next()
                    .map(|c| c.to_lowercase().collect::<String>() + model.as_str())
                    .unwrap_or_default();
                Orm::Prisma {
                    delegate: format!(
                        "{}.{delegate}",
                        client_export.as_deref().unwrap_or("prisma")
                    ),
                }
            }
        }
    }

    fn is_prisma(&self) -> bool {
        matches!(self, Orm::Prisma { .. })
    }
}

/// How a record id from a URL or a form becomes the key column's value.
enum Key {
    /// Text keys are compared as they are.
    Text,
    /// A `uuid` column rejects other strings with an error, so they are "not found".
    Uuid,
    Integer,
    BigInt,
}

impl Key {
    fn new(column: &Column) -> Key {
        match column.ty {
            ColumnType::Uuid => Key::Uuid,
            ColumnType::Integer => Key::Integer,
            ColumnType::BigInt => Key::BigInt,
            _ => Key::Text,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Key::Text => "id",
            _ => "key",
        }
    }
}

fn orm_context(
    spec: &ActionSpec,
    n: &Names,
    project: &Project,
    path: &Path,
    binding: &Binding,
    orm: &Orm,
) -> Value {
    let record = &n.record;
    let input_type = format!("{record}Input");
    let fields = &spec.fields;
    let has_fields = !fields.is_empty();
    let key = Key::new(&binding.id);
    let key_name = key.name();
    let owner = &binding.owner.name;
    let generate_id = matches!(binding.id.ty, ColumnType::Text | ColumnType::Uuid)
        && !binding.id.has_default
        && spec.op == Operation::Create;
    let order = binding
        .model
        .columns
        .iter()
        .find(|c| {
            matches!(c.ty, ColumnType::Timestamp | ColumnType::DateTime)
                && c.has_default
                && ["createdAt", "created", "insertedAt", "created_at"].contains(&c.name.as_str())
        })
        .unwrap_or(&binding.id)
        .name
        .clone();
    let duplicates = duplicate_fields(spec);
    let column = |f: &Field| binding.column(&f.name).expect("fields are the model's");

    // Imports, in three groups.
    let mut packages = Vec::new();
    if generate_id {
        packages.push("import { randomUUID } from \"node:crypto\";".to_string());
    }
    let mut own = Vec::new();
    match &binding.client {
        Client::Drizzle {
            db_module,
            db_export,
            schema_module,
        } => {
            let helpers = ["and".to_string(), "eq".to_string()];
            packages.push(layout::import(&helpers, "drizzle-orm"));
            own.push(layout::import(
                std::slice::from_ref(db_export),
                &project.import_path(path, db_module),
            ));
            own.push(layout::import(
                std::slice::from_ref(&binding.model.name),
                &project.import_path(path, schema_module),
            ));
        }
        Client::Prisma {
            client_module,
            client_export,
            generated,
        } => {
            let from = match generated {
                ClientImport::Package(p) => p.clone(),
                ClientImport::Module(m) => project.import_path(path, m),
            };
            let line = layout::import(&["Prisma".to_string()], &from);
            match generated {
                ClientImport::Package(_) => packages.push(line),
                ClientImport::Module(_) => own.push(line),
            }
            let client = project.import_path(path, client_module);
            own.push(match client_export {
                Some(name) => layout::import(std::slice::from_ref(name), &client),
                None => format!("import prisma from \"{client}\";"),
            });
        }
    }
    own.sort();
    let types = if has_fields {
        vec![record.clone(), input_type.clone()]
    } else {
        vec![record.clone()]
    };
    let siblings = vec![layout::import_type(&types, "./schema")];

    // The columns the UI sees: the key and the form's fields.
    let shown: Vec<&str> = std::iter::once(binding.id.name.as_str())
        .chain(fields.iter().map(|f| f.name.as_str()))
        .collect();

    let to_record: Vec<String> = std::iter::once(layout::property(
        4,
        &binding.id.name,
        &if matches!(key, Key::Integer | Key::BigInt) {
            format!("String(row.{})", binding.id.name)
        } else {
            format!("row.{}", binding.id.name)
        },
    ))
    .chain(
        fields
            .iter()
            .map(|f| layout::property(4, &f.name, &from_row(column(f), orm.is_prisma()))),
    )
    .collect();

    // The values an insert or update writes.
    let conversions: Vec<String> = fields
        .iter()
        .map(|f| {
            let update = spec.op != Operation::Create;
            layout::property(
                4,
                &f.name,
                &to_column(f, column(f), orm.is_prisma(), update),
            )
        })
        .collect();
    let toggle = spec.toggled().filter(|_| spec.op == Operation::Toggle);
    let to_columns = (has_fields && toggle.is_none()).then(|| {
        format!(
            "{}\n  return {{\n{}\n  }};\n}}",
            layout::params(
                0,
                "function toColumns",
                &[format!("input: {input_type}")],
                " {"
            ),
            conversions.join("\n")
        )
    });
    let written = match toggle {
        Some(flag) => format!("{{ {}: input.{} }}", flag.name, flag.name),
        None => "toColumns(input)".to_string(),
    };
    let mut insert_values = Vec::new();
    if generate_id {
        insert_values.push(format!("{}: randomUUID()", binding.id.name));
    }
    insert_values.push("...toColumns(input)".to_string());
    insert_values.push(format!("{owner}: ownerId"));

    let update_input = match toggle {
        Some(flag) => format!("input: Pick<{input_type}, \"{}\">", flag.name),
        None => format!("input: {input_type}"),
    };

    let queries = match orm {
        Orm::Drizzle { db, table } => {
            let plain = |s: String| vec![Arg::plain(s)];
            let call = |name: &str, args: Vec<Arg>| (name.to_string(), args);
            // `.returning({ id: posts.id })`: an empty result means not the owner's.
            let returning_id = call(
                "returning",
                vec![Arg::Object(vec![(
                    binding.id.name.clone(),
                    format!("{table}.{}", binding.id.name),
                )])],
            );
            let list = layout::chain(
                2,
                "const rows = await ",
                db,
                &[
                    call("select", plain("columns".into())),
                    call("from", plain(table.clone())),
                    call("where", plain(format!("eq({table}.{owner}, ownerId)"))),
                    call("orderBy", plain(format!("{table}.{order}"))),
                ],
                ";",
            );
            let find = layout::chain(
                2,
                "const [row] = await ",
                db,
                &[
                    call("select", plain("columns".into())),
                    call("from", plain(table.clone())),
                    call("where", plain("owned".into())),
                    call("limit", plain("1".into())),
                ],
                ";",
            );
            let insert = |indent| {
                layout::chain(
                    indent,
                    "const [row] = await ",
                    db,
                    &[
                        call("insert", plain(table.clone())),
                        call("values", vec![Arg::Fields(insert_values.clone(), false)]),
                        call("returning", plain("columns".into())),
                    ],
                    ";",
                )
            };
            let update = |indent| {
                layout::chain(
                    indent,
                    "const rows = await ",
                    db,
                    &[
                        call("update", plain(table.clone())),
                        call("set", plain(written.clone())),
                        call("where", plain("owned".into())),
                        returning_id.clone(),
                    ],
                    ";",
                )
            };
            let delete = layout::chain(
                2,
                "const rows = await ",
                db,
                &[
                    call("delete", plain(table.clone())),
                    call("where", plain("owned".into())),
                    returning_id.clone(),
                ],
                ";",
            );
            let owned = layout::call(
                2,
                "const owned = ",
                "and",
                &[
                    Arg::plain(format!("eq({table}.{}, {key_name})", binding.id.name)),
                    Arg::plain(format!("eq({table}.{owner}, ownerId)")),
                ],
                ";",
            );
            let columns: Vec<String> = shown
                .iter()
                .map(|c| format!("  {c}: {table}.{c},"))
                .collect();
            let row_type = layout::call(
                0,
                "type Row = ",
                "Pick",
                &[
                    Arg::plain(format!("typeof {table}.$inferSelect")),
                    Arg::plain("keyof typeof columns"),
                ],
                ";",
            )
            .replace("Pick(", "Pick<")
            .replace(");", ">;")
            .replace("\n);", "\n>;");
            json!({
                "list_query": list,
                "find_query": find,
                "insert_query": insert(2),
                "insert_query_nested": insert(4),
                "update_query": update(2),
                "update_query_nested": update(4),
                "delete_query": delete,
                "owned": owned,
                "columns": columns.join("\n"),
                "row_type": row_type,
            })
        }
        Orm::Prisma { delegate } => {
            let mine = match &key {
                Key::Text => format!("{{ id, {owner}: ownerId }}"),
                _ => format!("{{ {}: key, {owner}: ownerId }}", binding.id.name),
            };
            let mine = if binding.id.name == "id" {
                mine
            } else {
                mine.replace("{ id,", &format!("{{ {}: id,", binding.id.name))
            };
            let query = |indent: usize, lead: &str, method: &str, props: Vec<String>| {
                layout::call(
                    indent,
                    lead,
                    &format!("{delegate}.{method}"),
                    &[Arg::Fields(props, false)],
                    ";",
                )
            };
            let list = query(
                2,
                "const rows = await ",
                "findMany",
                vec![
                    format!("where: {{ {owner}: ownerId }}"),
                    format!("orderBy: {{ {order}: \"asc\" }}"),
                    "select".into(),
                ],
            );
            let find = query(
                2,
                "const row = await ",
                "findFirst",
                vec![format!("where: {mine}"), "select".into()],
            );
            let data_props = format!("{{ {} }}", insert_values.join(", "));
            let insert = |indent| {
                query(
                    indent,
                    "const row = await ",
                    "create",
                    vec![format!("data: {data_props}"), "select".into()],
                )
            };
            // updateMany/deleteMany: a record that is not the owner's matches nothing
            // and counts 0, where update/delete would throw P2025.
            let update = |indent| {
                query(
                    indent,
                    "const { count } = await ",
                    "updateMany",
                    vec![format!("where: {mine}"), format!("data: {written}")],
                )
            };
            let delete = query(
                2,
                "const { count } = await ",
                "deleteMany",
                vec![format!("where: {mine}")],
            );
            let select: Vec<String> = shown.iter().map(|c| format!("  {c}: true,")).collect();
            json!({
                "list_query": list,
                "find_query": find,
                "insert_query": insert(2),
                "insert_query_nested": insert(4),
                "update_query": update(2),
                "update_query_nested": update(4),
                "delete_query": delete,
                "select": select.join("\n"),
                "model": binding.model.name,
            })
        }
    };

    let unique: Vec<String> = duplicates
        .iter()
        .map(|f| {
            format!(
                "  {{ field: \"{}\", column: \"{}\" }},",
                f.name,
                column(f).sql_name
            )
        })
        .collect();

    let mut context = json!({
        "imports": import_block(&[packages, own, siblings]),
        "words": n.words,
        "record": record,
        "is_create": spec.op == Operation::Create,
        "is_update": matches!(spec.op, Operation::Update | Operation::Toggle),
        "is_delete": spec.op == Operation::Delete,
        "key_fn": !matches!(key, Key::Text),
        "key_uuid": matches!(key, Key::Uuid),
        "key_bigint": matches!(key, Key::BigInt),
        "key_max": binding.id.largest.map(|n| n.to_string()).unwrap_or_default(),
        "list_signature": signature("list", &["ownerId: string"], &format!("{record}[]")),
        "find_signature": signature("find", &["ownerId: string", "id: string"], &format!("{record} | undefined")),
        "insert_signature": signature("insert", &["ownerId: string", &format!("input: {input_type}")], record),
        "update_signature": signature("update", &["ownerId: string", "id: string", &update_input], "boolean"),
        "to_columns": to_columns.unwrap_or_default(),
        "to_record_fields": to_record.join("\n"),
        "duplicates": !duplicates.is_empty(),
        "unique": unique.join("\n"),
        "input_type": input_type,
    });
    if let (Value::Object(context), Value::Object(queries)) = (&mut context, queries) {
        context.extend(queries);
    }
    context
}

/// The fields a write can find taken: those the action writes whose column is unique.
pub(super) fn duplicate_fields(spec: &ActionSpec) -> Vec<&Field> {
    let Some(binding) = &spec.store else {
        return Vec::new();
    };
    match spec.toggled() {
        Some(flag) => binding.unique_fields(std::slice::from_ref(flag)),
        None => binding.unique_fields(&spec.fields),
    }
}

/// The row's value as the form's type: dates as `YYYY-MM-DD`, decimals and big integers
/// as numbers, NULL as absent. Everything a client component receives must be
/// serialisable by React, which Decimal objects are not.
fn from_row(c: &Column, prisma: bool) -> String {
    let v = format!("row.{}", c.name);
    match (&c.ty, c.nullable) {
        (ColumnType::DateTime, false) => format!("{v}.toISOString().slice(0, 10)"),
        (ColumnType::DateTime, true) => format!("{v}?.toISOString().slice(0, 10)"),
        (ColumnType::Decimal, false) if prisma => format!("{v}.toNumber()"),
        (ColumnType::Decimal, true) if prisma => format!("{v}?.toNumber()"),
        (ColumnType::Decimal | ColumnType::BigInt, false) => format!("Number({v})"),
        (ColumnType::Decimal | ColumnType::BigInt, true) => {
            format!("{v} === null ? undefined : Number({v})")
        }
        (ColumnType::Boolean, true) => format!("{v} ?? false"),
        (_, true) => format!("{v} ?? undefined"),
        (_, false) => v,
    }
}

/// The form's value as the column's type. An optional field left blank clears a
/// nullable column (NULL); on insert it leaves one with a default to its default, and
/// on update it empties NOT NULL text (ORMs skip an undefined value, which would keep
/// the old one while the action says "saved").
fn to_column(f: &Field, c: &Column, prisma: bool, update: bool) -> String {
    let v = format!("input.{}", f.name);
    let clears = c.nullable && (!c.has_default || update);
    if update && !c.nullable && c.ty == ColumnType::Text && !f.required {
        return format!("{v} ?? \"\"");
    }
    let absent = if clears { "null" } else { "undefined" };
    let convert = |inner: &str| -> Option<String> {
        match c.ty {
            ColumnType::DateTime => Some(format!("new Date({inner})")),
            ColumnType::BigInt => Some(format!("BigInt({inner})")),
            ColumnType::Decimal if !prisma => Some(format!("String({inner})")),
            _ => None,
        }
    };
    if f.required || f.ty == crate::spec::FieldType::Boolean {
        return convert(&v).unwrap_or(v);
    }
    match (convert(&v), c.ty.clone()) {
        (None, _) if clears => format!("{v} ?? null"),
        (None, _) => v,
        (Some(converted), ColumnType::DateTime) => format!("{v} ? {converted} : {absent}"),
        (Some(converted), _) => format!("{v} === undefined ? {absent} : {converted}"),
    }
}
