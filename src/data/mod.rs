//! The project's data layer, read from its own schema: Drizzle tables (with oxc) or Prisma
//! models (with [`psl`]). A [`Binding`] says which model a feature writes to, how its
//! columns become form fields, which column scopes every query to its owner, and where
//! the client and schema modules are, so the data module can use real queries.

mod drizzle;
mod prisma;
pub mod psl;

use std::path::PathBuf;

use anyhow::{Result, bail};
use heck::{ToLowerCamelCase, ToUpperCamelCase};

use crate::project::{DataLayer, Project};
use crate::spec::{Field, FieldType, Operation, names};

/// What a column stores, as far as the form and the conversions care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Uuid,
    Integer,
    /// Stored as a JavaScript `bigint` (Prisma `BigInt`, Drizzle `bigint({ mode: "bigint" })`).
    BigInt,
    Float,
    /// Prisma `Decimal` (a Decimal.js object) or Drizzle `numeric` (a string).
    Decimal,
    Boolean,
    /// A date held in a JavaScript `Date` (Prisma `DateTime @db.Date`, Drizzle
    /// `date({ mode: "date" })`).
    DateTime,
    /// A point in time (`timestamp`, Prisma `DateTime`): a date field would drop its time
    /// of day, so no form field edits it.
    Timestamp,
    /// A `YYYY-MM-DD` string (Drizzle `date()` in its default string mode).
    DateString,
    Enum(Vec<String>),
    /// JSON, bytes, arrays, geometry…: nothing a form field can edit.
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The property name in TypeScript (what queries and rows use).
    pub name: String,
    pub ty: ColumnType,
    pub nullable: bool,
    /// The database or the ORM fills it when an insert leaves it out.
    pub has_default: bool,
    pub primary: bool,
    pub unique: bool,
    /// A varchar's length.
    pub max_len: Option<u32>,
    /// The largest whole number the column holds: a 32-bit integer's, or a decimal's digits
    /// before the point (`@db.Decimal(10, 2)` → 99999999).
    pub largest: Option<u32>,
    /// A decimal's scale: the places after the point.
    pub scale: Option<u32>,
    /// The table or model a foreign key points at.
    pub references: Option<String>,
    /// Set by the ORM on every write (`@updatedAt`, `$onUpdate`).
    pub auto_updated: bool,
    /// The database column's name, when the error of a unique index names it.
    pub sql_name: String,
}

/// A table or model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    /// `Post` (Prisma) or `posts` (the Drizzle table's export).
    pub name: String,
    pub columns: Vec<Column>,
    /// The file that declares it, root-relative.
    pub file: PathBuf,
    /// 1-based line of the declaration.
    pub line: usize,
    /// Some columns come from a spread (`...timestamps`) the reader does not follow.
    pub spread: bool,
}

/// Which ORM, and the modules generated code imports from (root-relative, without
/// extension, or a package name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Client {
    Drizzle {
        /// The module exporting the database instance, and the export's name.
        db_module: PathBuf,
        db_export: String,
        /// The module that exports the table.
        schema_module: PathBuf,
    },
    Prisma {
        client_module: PathBuf,
        /// `None` for a default export.
        client_export: Option<String>,
        /// Where `Prisma` (the error classes) comes from: `@prisma/client` or the
        /// generated client's module.
        generated: ClientImport,
    },
}

impl Client {
    /// The ORM's name, for messages.
    pub fn orm(&self) -> &'static str {
        match self {
            Client::Drizzle { .. } => "Drizzle",
            Client::Prisma { .. } => "Prisma",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientImport {
    Package(String),
    Module(PathBuf),
}

/// A model chosen for a feature, with its owner and id columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub client: Client,
    pub model: Model,
    /// The primary key (single column).
    pub id: Column,
    /// The column every query is scoped by.
    pub owner: Column,
}

/// What `new action` was asked about the data layer.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `--model`.
    pub model: Option<String>,
    /// `--owner-column`.
    pub owner_column: Option<String>,
    /// `--dev-store`.
    pub dev_store: bool,
}

/// Everything the project's schema declares.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub layer: DataLayer,
    pub models: Vec<Model>,
    /// Where the schema was read from, for messages.
    pub source: String,
    /// The client, for a model of this catalog (Drizzle tables may live in several
    /// files: see [`Catalog::client_for`]).
    client: Client,
}

impl Catalog {
    fn client_for(&self, model: &Model) -> Client {
        match &self.client {
            Client::Drizzle {
                db_module,
                db_export,
                ..
            } => Client::Drizzle {
                db_module: db_module.clone(),
                db_export: db_export.clone(),
                schema_module: model.file.with_extension(""),
            },
            other => other.clone(),
        }
    }

    fn find(&self, name: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.name == name)
    }
}

/// Reads the project's schema: `Ok(None)` when it has no data layer (or `--dev-store`).
pub fn catalog(project: &Project) -> Result<Option<Catalog>> {
    match project.data {
        DataLayer::Drizzle => drizzle::catalog(project).map(Some),
        DataLayer::Prisma => prisma::catalog(project).map(Some),
        DataLayer::None => Ok(None),
    }
}

fn parse_program<'a>(
    allocator: &'a oxc_allocator::Allocator,
    file: &std::path::Path,
    text: &'a str,
) -> Result<oxc_ast::ast::Program<'a>> {
    let source_type =
        oxc_span::SourceType::from_path(file).unwrap_or_else(|_| oxc_span::SourceType::ts());
    let parsed = oxc_parser::Parser::new(allocator, text, source_type).parse();
    if let Some(error) = crate::syntax::first_error(text, &parsed) {
        bail!("{}:{error}", file.display());
    }
    Ok(parsed.program)
}

/// The names a module exports (`export const x`, `export { x }`) and whether it has a
/// default export; `None` when it does not parse.
fn exports(file: &std::path::Path, text: &str) -> Option<(Vec<String>, bool)> {
    use oxc_ast::ast::{BindingPattern, Declaration, Statement};
    let allocator = oxc_allocator::Allocator::default();
    let program = parse_program(&allocator, file, text).ok()?;
    let mut names = Vec::new();
    let mut default = false;
    for statement in &program.body {
        match statement {
            Statement::ExportDeclaration(export) => {
                if let Declaration::VariableDeclaration(v) = &export.declaration {
                    names.extend(v.declarations.iter().filter_map(|d| match &d.id {
                        BindingPattern::BindingIdentifier(id) => Some(id.name.to_string()),
                        _ => None,
                    }));
                }
            }
            Statement::ExportNamedDeclaration(export) => {
                names.extend(
                    export
                        .specifiers
                        .iter()
                        .map(|s| s.exported.name().to_string()),
                );
            }
            Statement::ExportDefaultDeclaration(_) => default = true,
            _ => {}
        }
    }
    Some((names, default))
}

/// The tables of one Drizzle schema module's source (for fuzzing and tests).
pub fn drizzle_tables(file: &str, text: &str) -> Result<Vec<Model>> {
    drizzle::tables(std::path::Path::new(file), text)
}

/// The models of one Prisma schema file's source, as columns (for fuzzing and tests).
pub fn prisma_models(text: &str) -> Result<Vec<Model>> {
    let schema = psl::parse(text).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(prisma::models(
        &schema,
        std::path::Path::new("schema.prisma"),
    ))
}

/// Picks the model for `resource` (e.g. `posts`): `--model`, else the model named after
/// the resource. `Ok(None)` means the development store.
pub fn bind(project: &Project, resource: &str, request: &Request) -> Result<Option<Binding>> {
    if request.dev_store {
        if request.model.is_some() {
            bail!("--model and --dev-store contradict each other: pick one");
        }
        return Ok(None);
    }
    let Some(catalog) = catalog(project)? else {
        if let Some(model) = &request.model {
            bail!(
                "--model {model}: this project has no data layer scaffold can read (Prisma or Drizzle in package.json)"
            );
        }
        return Ok(None);
    };
    let singular = names::singular(resource).to_lower_camel_case();
    let model = match &request.model {
        Some(name) => catalog.find(name).or_else(|| {
            // `--model Post` for a Drizzle table exported as `posts`.
            catalog
                .models
                .iter()
                .find(|m| matches_resource(&m.name, &name.to_lower_camel_case()))
        }),
        None => catalog
            .models
            .iter()
            .find(|m| matches_resource(&m.name, &singular)),
    };
    let Some(model) = model else {
        let known: Vec<&str> = catalog.models.iter().map(|m| m.name.as_str()).collect();
        let wanted = request
            .model
            .clone()
            .unwrap_or_else(|| singular.to_upper_camel_case());
        bail!(
            "{} has no model `{wanted}` (it has: {}); pass --model NAME, or --dev-store to keep the records in a JSON file while developing",
            catalog.source,
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        );
    };
    let id = primary_key(model)?;
    if matches!(id.ty, ColumnType::Text) && !id.has_default && id.max_len.is_some_and(|n| n < 36) {
        bail!(
            "{}.{} has no default and holds {} characters, fewer than the randomUUID() scaffold would give a new record; give it a default (e.g. @default(cuid()) or $defaultFn)",
            model.name,
            id.name,
            id.max_len.unwrap_or_default()
        );
    }
    let owner = owner_column(model, request.owner_column.as_deref())?;
    Ok(Some(Binding {
        client: catalog.client_for(model),
        model: model.clone(),
        id,
        owner,
    }))
}

/// `Post`, `post`, `posts` and `Posts` all name the resource `post`.
fn matches_resource(model: &str, singular: &str) -> bool {
    let name = names::singular(model).to_lower_camel_case();
    name == singular
}

fn primary_key(model: &Model) -> Result<Column> {
    let keys: Vec<&Column> = model.columns.iter().filter(|c| c.primary).collect();
    match keys.as_slice() {
        [one] => match one.ty {
            ColumnType::Text | ColumnType::Uuid | ColumnType::Integer | ColumnType::BigInt => {
                Ok((*one).clone())
            }
            _ => bail!(
                "{}'s primary key `{}` is neither text nor an integer: scaffold's pages pass record ids in URLs and forms",
                model.name,
                one.name
            ),
        },
        [] => bail!(
            "{} ({}:{}) has no single-column primary key, which the edit and delete forms need",
            model.name,
            model.file.display(),
            model.line
        ),
        _ => bail!(
            "{} has a composite primary key ({}); scaffold's forms address a record by one id",
            model.name,
            keys.iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Column names that say "the user this row belongs to", most specific first.
const OWNER_NAMES: [&str; 7] = [
    "ownerId",
    "userId",
    "authorId",
    "createdById",
    "createdBy",
    "creatorId",
    "accountId",
];

/// The owner column: `--owner-column`, else a text column that references the users
/// table, else one named like an owner.
fn owner_column(model: &Model, flag: Option<&str>) -> Result<Column> {
    let usable = |c: &Column| -> Result<Column> {
        match c.ty {
            ColumnType::Text | ColumnType::Uuid => Ok(c.clone()),
            _ => bail!(
                "{}.{} is the owner column but is not text: the session's user id is a string (Auth.js, Clerk and Supabase ids are)",
                model.name,
                c.name
            ),
        }
    };
    if let Some(name) = flag {
        return match model.columns.iter().find(|c| c.name == name) {
            Some(column) => usable(column),
            None => bail!(
                "--owner-column {name}: {} has no such column (it has: {})",
                model.name,
                column_list(model)
            ),
        };
    }
    let ask = |why: String| -> Result<Column> {
        bail!(
            "{why}: pass --owner-column with the column that holds the id of the user who owns each record"
        )
    };
    if model.spread {
        return ask(format!(
            "{} ({}:{}) takes columns from a spread that scaffold does not read, so it will not guess the owner",
            model.name,
            model.file.display(),
            model.line
        ));
    }
    if is_users(&model.name) {
        return ask(format!("{} is the users table itself", model.name));
    }
    let to_users: Vec<&Column> = model
        .columns
        .iter()
        .filter(|c| !c.primary && c.references.as_deref().is_some_and(is_users))
        .collect();
    let named = |candidates: &[&str]| -> Vec<&Column> {
        model
            .columns
            .iter()
            .filter(|c| candidates.contains(&c.name.as_str()))
            .collect()
    };
    let names = |columns: &[&Column]| {
        columns
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let chosen = match to_users.as_slice() {
        // One reference to the users table, named like an owner (not `revieweeId`).
        [one] if OWNER_NAMES.contains(&one.name.as_str()) => *one,
        [one] => {
            return ask(format!(
                "{}.{} references the users table, but its name does not say it is the record's owner (it may be the user the record is about)",
                model.name, one.name
            ));
        }
        // No reference declared: a column named like an owner.
        [] => match named(&OWNER_NAMES).as_slice() {
            [one] => *one,
            [] => bail!(
                "{} has no owner column (one referencing the users table, or named {}): every query scaffold writes is scoped to the signed-in user. Add one, or pass --owner-column",
                model.name,
                OWNER_NAMES.join(", ")
            ),
            several => {
                return ask(format!(
                    "{} has several owner-like columns ({})",
                    model.name,
                    names(several)
                ));
            }
        },
        // Several: only a creator's name decides (`createdById` over `assigneeId`);
        // `userId` beside `invitedById` could be either.
        several => {
            let creators: Vec<&Column> = several
                .iter()
                .copied()
                .filter(|c| CREATOR_NAMES.contains(&c.name.as_str()))
                .collect();
            match creators.as_slice() {
                [one] => *one,
                _ => {
                    return ask(format!(
                        "{} references the users table from several columns ({})",
                        model.name,
                        names(several)
                    ));
                }
            }
        }
    };
    usable(chosen)
}

/// A foreign key, declared (`.references()`, `@relation`) or named like one (`boardId`,
/// `board_id`): an id from the client there could name someone else's record.
fn is_reference(c: &Column) -> bool {
    let keyish = matches!(
        c.ty,
        ColumnType::Text | ColumnType::Uuid | ColumnType::Integer | ColumnType::BigInt
    );
    let named = (c.name.len() > 2 && c.name.ends_with("Id")) || c.name.ends_with("_id");
    !c.primary && (c.references.is_some() || keyish && named)
}

/// `users`, `User`, `authUsers` (Supabase's auth.users), `Member`, `profiles`.
fn is_users(table: &str) -> bool {
    let t = table.to_lowercase();
    t.ends_with("user")
        || t.ends_with("users")
        || matches!(t.as_str(), "member" | "members" | "profile" | "profiles")
}

/// Names that say "who made this record", unambiguous beside other user references.
const CREATOR_NAMES: [&str; 5] = [
    "ownerId",
    "createdById",
    "createdBy",
    "creatorId",
    "authorId",
];

fn column_list(model: &Model) -> String {
    model
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Names that suggest a multi-line text field.
const LONG_TEXT: [&str; 9] = [
    "body",
    "content",
    "description",
    "notes",
    "bio",
    "summary",
    "message",
    "text",
    "comment",
];

impl Binding {
    /// The columns a form edits: not the key, the owner, references, timestamps the
    /// database fills, or types a form cannot hold.
    pub fn editable(&self) -> Vec<&Column> {
        self.model
            .columns
            .iter()
            .filter(|c| {
                let filled = c.has_default && matches!(c.ty, ColumnType::DateTime);
                let timestamp = c.ty == ColumnType::Timestamp;
                let foreign = is_reference(c) || c.name == self.owner.name;
                let unformable = matches!(c.ty, ColumnType::Other(_)) || timestamp;
                !(c.primary || foreign || c.auto_updated || filled || unformable)
            })
            .collect()
    }

    /// The form fields the model gives. A NOT NULL column with a default is optional on
    /// create (the default applies); on update a choice (enum, number, date) is required,
    /// since "none" would silently keep the old value.
    pub fn fields(&self, op: Operation) -> Vec<Field> {
        self.editable()
            .into_iter()
            .map(|c| {
                let mut field = field_for(c);
                // Text stays optional: a blank field may mean "leave it" there.
                let text = matches!(
                    field.ty,
                    FieldType::String | FieldType::Text | FieldType::Email | FieldType::Url
                );
                if op != Operation::Create && !c.nullable && !text {
                    field.required = true;
                }
                field
            })
            .collect()
    }

    /// The boolean columns (for a toggle).
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.model.columns.iter().find(|c| c.name == name)
    }

    /// Checks `--field`s against the model: each names a column a form can edit.
    pub fn check_fields(&self, fields: &[Field]) -> Result<()> {
        for field in fields {
            match self.column(&field.name) {
                None => bail!(
                    "--field {}: {} has no column `{}` (it has: {})",
                    field.name,
                    self.model.name,
                    field.name,
                    column_list(&self.model)
                ),
                Some(c) if !self.editable().contains(&c) => {
                    bail!(
                        "--field {}: {}.{} is {}; scaffold does not put it in a form",
                        field.name,
                        self.model.name,
                        field.name,
                        why_not_editable(self, c)
                    )
                }
                Some(c) if !compatible(&c.ty, &field.ty) => bail!(
                    "--field {}: the form type {} does not fit {}.{}",
                    field.name,
                    field.ty,
                    self.model.name,
                    field.name
                ),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Columns an insert must set but the form does not: the insert could not succeed.
    pub fn unset_required(&self, fields: &[Field]) -> Vec<&Column> {
        self.model
            .columns
            .iter()
            .filter(|c| {
                // A text key without a default gets randomUUID() on insert.
                let generated = c.primary && matches!(c.ty, ColumnType::Text | ColumnType::Uuid);
                let filled = c.nullable || c.has_default || c.auto_updated || generated;
                !(filled || c.name == self.owner.name || fields.iter().any(|f| f.name == c.name))
            })
            .collect()
    }

    /// The form fields whose column is unique on its own.
    pub fn unique_fields<'f>(&self, fields: &'f [Field]) -> Vec<&'f Field> {
        fields
            .iter()
            .filter(|f| self.column(&f.name).is_some_and(|c| c.unique))
            .collect()
    }
}

fn why_not_editable(binding: &Binding, c: &Column) -> &'static str {
    if c.primary {
        "the primary key"
    } else if c.name == binding.owner.name {
        "the owner column, which comes from the session"
    } else if is_reference(c) {
        "a reference to another record: scaffold cannot check in the form that the record it names is the user's, so set it in data.ts"
    } else if c.ty == ColumnType::Timestamp {
        "a timestamp, whose time of day a date field would drop"
    } else if matches!(c.ty, ColumnType::Other(_)) {
        "of a type no form field holds"
    } else {
        "filled by the database"
    }
}

fn compatible(column: &ColumnType, field: &FieldType) -> bool {
    use ColumnType as C;
    use FieldType as F;
    match column {
        C::Text | C::Uuid => matches!(
            field,
            F::String | F::Text | F::Email | F::Url | F::Enum(_) | F::Date
        ),
        C::Integer | C::BigInt => matches!(field, F::Integer),
        C::Float | C::Decimal => matches!(field, F::Number | F::Integer),
        C::Boolean => matches!(field, F::Boolean),
        C::DateTime | C::DateString => matches!(field, F::Date),
        C::Enum(values) => match field {
            F::Enum(chosen) => chosen.iter().all(|v| values.contains(v)),
            _ => false,
        },
        C::Other(_) | C::Timestamp => false,
    }
}

fn field_is_numeric(ty: &ColumnType) -> bool {
    matches!(
        ty,
        ColumnType::Integer | ColumnType::BigInt | ColumnType::Float | ColumnType::Decimal
    )
}

/// The largest whole number of a `numeric(precision, scale)` column, when it fits a u32.
pub(crate) fn decimal_largest(precision: u32, scale: u32) -> Option<u32> {
    let digits = precision.checked_sub(scale)?;
    (1..=9).contains(&digits).then(|| 10u32.pow(digits) - 1)
}

/// The form field for a column: its type, optionality and bounds from the schema.
fn field_for(c: &Column) -> Field {
    let lower = c.name.to_lowercase();
    let ty = match &c.ty {
        ColumnType::Text | ColumnType::Uuid => {
            if lower == "email" || lower.ends_with("email") {
                FieldType::Email
            } else if ["url", "website", "homepage", "link"].contains(&lower.as_str())
                || c.name.ends_with("Url")
            {
                FieldType::Url
            } else if c.max_len.is_none() && LONG_TEXT.contains(&lower.as_str()) {
                FieldType::Text
            } else {
                FieldType::String
            }
        }
        ColumnType::Integer | ColumnType::BigInt => FieldType::Integer,
        ColumnType::Float | ColumnType::Decimal => FieldType::Number,
        ColumnType::Boolean => FieldType::Boolean,
        ColumnType::DateTime | ColumnType::DateString => FieldType::Date,
        ColumnType::Enum(values) => FieldType::Enum(values.clone()),
        ColumnType::Other(_) | ColumnType::Timestamp => FieldType::String,
    };
    let bounded = matches!(
        ty,
        FieldType::String | FieldType::Text | FieldType::Email | FieldType::Url
    );
    // The form refuses what the database would.
    let largest = if field_is_numeric(&c.ty) {
        c.largest
    } else {
        None
    };
    Field {
        name: c.name.clone(),
        required: !c.nullable && !c.has_default,
        min: None,
        max: if bounded { c.max_len } else { largest },
        scale: if c.ty == ColumnType::Decimal {
            c.scale.filter(|s| *s <= 6)
        } else {
            None
        },
        ty,
    }
}

#[cfg(test)]
mod tests;
