//! The schema readers against tests/data_layers/: small projects written in the shapes
//! real apps use (create-t3-app, next-saas-starter, taxonomy, dub, cal.com…; see its
//! SOURCES.md and EXPECTED.md).

use std::path::{Path, PathBuf};

use super::*;
use crate::project::Project;

fn fixture(layer: DataLayer, dir: &str) -> Project {
    let mut project = Project::in_memory();
    project.root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data_layers")
        .join(dir);
    project.data = layer;
    project
}

fn bind_model(layer: DataLayer, dir: &str, model: &str) -> Result<Binding> {
    let request = Request {
        model: Some(model.into()),
        ..Request::default()
    };
    bind(&fixture(layer, dir), model, &request).map(|b| b.expect("a data layer"))
}

fn with_owner(layer: DataLayer, dir: &str, model: &str, owner: &str) -> Binding {
    let request = Request {
        model: Some(model.into()),
        owner_column: Some(owner.into()),
        ..Request::default()
    };
    bind(&fixture(layer, dir), model, &request)
        .unwrap()
        .expect("a data layer")
}

fn drizzle(dir: &str, model: &str) -> Binding {
    bind_model(DataLayer::Drizzle, &format!("drizzle/{dir}"), model).unwrap()
}

fn prisma(dir: &str, model: &str) -> Binding {
    bind_model(DataLayer::Prisma, &format!("prisma/{dir}"), model).unwrap()
}

fn field_names(binding: &Binding) -> Vec<String> {
    binding
        .fields(Operation::Create)
        .into_iter()
        .map(|f| f.name)
        .collect()
}

fn error(result: Result<Binding>) -> String {
    format!("{:#}", result.expect_err("should be refused"))
}

#[test]
fn t3_tables_from_a_prefixing_creator_and_a_columns_callback() {
    let boards = drizzle("t3-table-creator", "boards");
    assert_eq!(boards.owner.name, "ownerId");
    assert_eq!(boards.id.ty, ColumnType::Integer);
    assert!(boards.id.has_default, "identity column");
    assert_eq!(field_names(&boards), ["title", "archived"]);
    let title = &boards.fields(Operation::Create)[0];
    assert_eq!(
        (title.ty.clone(), title.max, title.required),
        (FieldType::String, Some(120), true)
    );
    assert_eq!(
        boards.client,
        Client::Drizzle {
            db_module: PathBuf::from("src/server/db"),
            db_export: "db".into(),
            schema_module: PathBuf::from("src/server/db/schema"),
        }
    );

    // cards: the owner is createdById (the only reference to users), boardId is a
    // reference the form cannot fill, and `$type<CardColor>()` hides the real type.
    let cards = drizzle("t3-table-creator", "cards");
    assert_eq!(cards.owner.name, "createdById");
    assert_eq!(field_names(&cards), ["body", "position"]);
    let unset: Vec<&str> = cards
        .unset_required(&cards.fields(Operation::Create))
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(unset, ["boardId"]);
    // … which the form may not take even when asked: the id could name someone else's
    // board.
    let board_id: Field = "boardId:integer".parse().unwrap();
    let message = cards.check_fields(&[board_id]).unwrap_err().to_string();
    assert!(message.contains("reference to another record"), "{message}");
}

#[test]
fn a_schema_folder_with_enums_in_their_own_module() {
    let tasks = drizzle("split-schema-snake-case", "tasks");
    // Both createdById and assigneeId reference the users table: the owner is the
    // one named like its creator, not the assignee.
    assert_eq!(tasks.owner.name, "createdById");
    let status = tasks.column("priority").expect("a priority column");
    assert!(
        matches!(&status.ty, ColumnType::Enum(values) if !values.is_empty()),
        "{status:?}"
    );
}

#[test]
fn sqlite_integer_columns_that_hold_dates_and_booleans() {
    // Its columns come partly from `...timestamps`: the owner is not guessed.
    let message = error(bind_model(
        DataLayer::Drizzle,
        "drizzle/sqlite-libsql-timestamps",
        "bookmarks",
    ));
    assert!(
        message.contains("spread") && message.contains("--owner-column"),
        "{message}"
    );
    let bookmarks = with_owner(
        DataLayer::Drizzle,
        "drizzle/sqlite-libsql-timestamps",
        "bookmarks",
        "userId",
    );
    assert_eq!(bookmarks.owner.name, "userId");
    for column in &bookmarks.model.columns {
        if column.name.ends_with("At") {
            assert_eq!(column.ty, ColumnType::Timestamp, "{column:?}");
        }
    }
}

#[test]
fn globbed_schema_and_a_default_exported_db() {
    let catalog = catalog(&fixture(
        DataLayer::Drizzle,
        "drizzle/glob-foreignkey-pascal",
    ))
    .unwrap()
    .unwrap();
    let names: Vec<&str> = catalog.models.iter().map(|m| m.name.as_str()).collect();
    assert!(
        names.contains(&"chat") || names.iter().any(|n| n.eq_ignore_ascii_case("chat")),
        "{names:?}"
    );
    match &catalog.client {
        Client::Drizzle { db_export, .. } => assert_eq!(db_export, "default"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn refusals_name_what_to_do() {
    // An integer owner: the session's id is a string.
    let message = error(bind_model(
        DataLayer::Drizzle,
        "drizzle/pg-classic-named",
        "invoices",
    ));
    assert!(
        message.contains("createdBy") && message.contains("not text"),
        "{message}"
    );
    // MySQL has no RETURNING.
    let message = error(bind_model(
        DataLayer::Drizzle,
        "drizzle/mysql-serial-int",
        "recipes",
    ));
    assert!(
        message.contains("mysql") && message.contains("--dev-store"),
        "{message}"
    );
    // No module exports the database instance.
    let message = error(bind_model(
        DataLayer::Drizzle,
        "drizzle/pgschema-supabase-custom",
        "customers",
    ));
    assert!(
        message.contains("exports the database instance"),
        "{message}"
    );
    // An unknown model lists the known ones.
    let message = error(bind_model(
        DataLayer::Prisma,
        "prisma/multi-file-folder",
        "Invoice",
    ));
    assert!(
        message.contains("Workspace") && message.contains("--model"),
        "{message}"
    );
}

#[test]
fn prisma_multi_file_schema_from_a_config_folder() {
    let task = prisma("multi-file-folder", "Task");
    assert_eq!(task.owner.name, "createdById", "not assigneeId");
    assert_eq!(task.id.ty, ColumnType::Integer);
    assert_eq!(task.model.file, PathBuf::from("prisma/schema/task.prisma"));
    assert_eq!(
        task.client,
        Client::Prisma {
            client_module: PathBuf::from("src/lib/db"),
            client_export: Some("db".into()),
            generated: ClientImport::Module(PathBuf::from("src/generated/prisma/client")),
        }
    );
    // Relation fields are not columns; timestamps (dueAt: a date field would drop its
    // time of day) are not edited.
    assert_eq!(
        field_names(&task),
        ["title", "details", "state", "position"]
    );
    let state = &task.fields(Operation::Create)[2];
    assert!(!state.required, "has a default");
    assert_eq!(
        state.ty,
        FieldType::Enum(vec!["TODO".into(), "DOING".into(), "DONE".into()])
    );
}

#[test]
fn prisma_schema_path_from_package_json_and_a_default_exported_client() {
    let catalog = catalog(&fixture(
        DataLayer::Prisma,
        "prisma/package-json-key-generators",
    ))
    .unwrap()
    .unwrap();
    assert_eq!(catalog.source, "src/db/schema.prisma");
    match &catalog.client {
        Client::Prisma {
            client_export,
            generated,
            ..
        } => {
            assert_eq!(*client_export, None);
            assert_eq!(*generated, ClientImport::Package("@prisma/client".into()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn prisma_rich_types_and_an_owner_model_named_member() {
    // placedById references Member (the users table, mapped to "users"), but its name
    // does not say "owner": it could be the user the order is about.
    let message = error(bind_model(
        DataLayer::Prisma,
        "prisma/postgres-rich-types",
        "Order",
    ));
    assert!(
        message.contains("placedById") && message.contains("--owner-column"),
        "{message}"
    );
    let order = with_owner(
        DataLayer::Prisma,
        "prisma/postgres-rich-types",
        "Order",
        "placedById",
    );
    assert_eq!(order.owner.name, "placedById");
    for column in &order.model.columns {
        if column.name == "total" {
            assert_eq!(column.ty, ColumnType::Decimal);
        }
    }
    // Json, Bytes, lists and Unsupported never become form fields.
    for field in order.fields(Operation::Create) {
        let column = order.column(&field.name).unwrap();
        assert!(!matches!(column.ty, ColumnType::Other(_)), "{column:?}");
    }
}

#[test]
fn prisma_config_with_a_non_default_schema_path() {
    let message = error(bind_model(
        DataLayer::Prisma,
        "prisma/prisma7-config-url",
        "Note",
    ));
    // The schema was found (db/schema.prisma); the integer owner is what is refused.
    assert!(
        message.contains("userId") && message.contains("not text"),
        "{message}"
    );
}

#[test]
fn every_prisma_fixture_parses() {
    for dir in [
        "classic-mysql-named-map",
        "mongodb-composite-types",
        "multi-file-folder",
        "package-json-key-generators",
        "postgres-rich-types",
        "prisma7-config-url",
        "monorepo-relation-mode/packages/database",
    ] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data_layers/prisma")
            .join(dir);
        let mut found = 0;
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "prisma") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let schema =
                        psl::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    found += schema.models.len();
                }
            }
        }
        assert!(found > 0, "{dir}: no models");
    }
}

#[test]
fn drizzle_config_shapes() {
    let (dialect, schema) = drizzle::config_for_test(
        "import type { Config } from \"drizzle-kit\";\nexport default {\n  schema: [\"./src/db/schema/*\", \"./src/auth.ts\"],\n  dialect: \"postgresql\",\n} satisfies Config;\n",
    );
    assert_eq!(dialect.as_deref(), Some("postgresql"));
    assert_eq!(schema, ["./src/db/schema/*", "./src/auth.ts"]);
}

#[test]
fn drizzle_columns_in_every_builder_shape() {
    let tables = drizzle_tables(
        "schema.ts",
        r#"
import { pgEnum, pgTable, text, uuid, varchar, integer, numeric, date, timestamp, bigint } from "drizzle-orm/pg-core";
export const role = pgEnum("role", ["a", "b"] as const);
export const things = pgTable("things", {
  id: uuid().primaryKey().defaultRandom(),
  label: varchar({ length: 40 }).notNull(),
  kind: text("kind", { enum: ["x", "y"] }).notNull(),
  role: role().default("a").notNull(),
  count: integer("count").notNull().default(0),
  price: numeric("price", { precision: 8, scale: 2 }),
  day: date("day", { mode: "date" }),
  big: bigint("big", { mode: "bigint" }),
  tags: text("tags").array(),
  ownerId: text("owner_id").notNull().references((): AnyPgColumn => users.id),
  updatedAt: timestamp("updated_at").$onUpdate(() => new Date()),
});
"#,
    )
    .unwrap();
    let columns = &tables[0].columns;
    let get = |name: &str| columns.iter().find(|c| c.name == name).unwrap();
    assert!(get("id").primary && get("id").has_default && get("id").ty == ColumnType::Uuid);
    assert_eq!(get("label").max_len, Some(40));
    assert_eq!(get("label").sql_name, "label");
    assert_eq!(
        get("kind").ty,
        ColumnType::Enum(vec!["x".into(), "y".into()])
    );
    assert_eq!(
        get("role").ty,
        ColumnType::Enum(vec!["a".into(), "b".into()])
    );
    assert!(get("count").has_default && !get("count").nullable);
    assert_eq!(get("price").ty, ColumnType::Decimal);
    assert_eq!(get("day").ty, ColumnType::DateTime);
    assert_eq!(get("big").ty, ColumnType::BigInt);
    assert!(matches!(get("tags").ty, ColumnType::Other(_)));
    assert_eq!(get("ownerId").references.as_deref(), Some("users"));
    assert_eq!(get("ownerId").sql_name, "owner_id");
    assert!(get("updatedAt").auto_updated);
}

#[test]
fn no_data_layer_and_dev_store() {
    let project = Project::in_memory();
    assert!(
        bind(&project, "posts", &Request::default())
            .unwrap()
            .is_none()
    );
    let message = bind(
        &project,
        "posts",
        &Request {
            model: Some("Post".into()),
            ..Request::default()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(message.contains("no data layer"), "{message}");
    let project = fixture(DataLayer::Prisma, "prisma/multi-file-folder");
    let request = Request {
        dev_store: true,
        ..Request::default()
    };
    assert!(bind(&project, "tasks", &request).unwrap().is_none());
}

#[test]
fn bounds_and_optionality_follow_the_columns() {
    let tasks = prisma("multi-file-folder", "Task");
    // state has a default: optional on create, required on update (nothing to fall
    // back to), as is every NOT NULL column; nullable ones stay optional.
    let required = |op| -> Vec<String> {
        tasks
            .fields(op)
            .into_iter()
            .filter(|f| f.required)
            .map(|f| f.name)
            .collect()
    };
    assert_eq!(required(Operation::Create), ["title"]);
    assert_eq!(required(Operation::Update), ["title", "state", "position"]);

    let models = prisma_models(
        "model T {\n  id Int @id\n  n Int\n  s Int @db.SmallInt\n  price Decimal @db.Decimal(10, 2)\n  big BigInt\n}\n",
    )
    .unwrap();
    let largest = |name: &str| {
        models[0]
            .columns
            .iter()
            .find(|c| c.name == name)
            .unwrap()
            .largest
    };
    assert_eq!(largest("n"), Some(2_147_483_647));
    assert_eq!(largest("s"), Some(32_767));
    assert_eq!(largest("price"), Some(99_999_999));
    assert_eq!(largest("big"), None);
    assert_eq!(decimal_largest(20, 2), None, "more digits than a u32 holds");
    assert_eq!(decimal_largest(2, 2), None, "no digits before the point");
}

#[test]
fn owners_are_not_guessed_from_ambiguous_references() {
    let schema = |body: &str| {
        prisma_models(&format!(
            "model User {{\n  id String @id\n}}\nmodel M {{\n  id String @id\n{body}\n}}\n"
        ))
        .unwrap()
        .remove(1)
    };
    let owner = |model: &Model| owner_column(model, None).map(|c| c.name);
    // The invitee and the inviter: `userId` could be either.
    let invite = schema(
        "  userId String\n  user User @relation(\"a\", fields: [userId], references: [id])\n  invitedById String\n  by User @relation(\"b\", fields: [invitedById], references: [id])",
    );
    assert!(owner(&invite).is_err());
    // A single reference named for the user the record is about.
    let review = schema(
        "  revieweeId String\n  reviewee User @relation(fields: [revieweeId], references: [id])",
    );
    assert!(owner(&review).is_err());
    // The creator beside an assignee.
    let task = schema(
        "  createdById String\n  c User @relation(\"a\", fields: [createdById], references: [id])\n  assigneeId String?\n  a User @relation(\"b\", fields: [assigneeId], references: [id])",
    );
    assert_eq!(owner(&task).unwrap(), "createdById");
    // The users table itself.
    let users = prisma_models(
        "model User {\n  id String @id\n  referredById String?\n  referrer User? @relation(fields: [referredById], references: [id])\n}\n",
    )
    .unwrap();
    assert!(owner(&users[0]).is_err());
}
