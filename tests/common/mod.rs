//! Small Next.js projects built per test, and helpers to run the binary against them.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A throw-away project directory.
pub struct Project {
    pub dir: TempDir,
}

/// Builds a project: `Project::next().zod("^3.23.0").src().alias().build()`.
pub struct Builder {
    deps: BTreeMap<String, String>,
    src: bool,
    alias: bool,
    tsconfig: bool,
    files: Vec<(String, String)>,
}

impl Project {
    /// A Next 15 + React 19 + zod 4 project with `app/` and the `@/*` alias.
    pub fn next() -> Builder {
        let deps = [
            ("next", "15.5.4"),
            ("react", "19.1.0"),
            ("react-dom", "19.1.0"),
            ("zod", "^4.1.0"),
            ("server-only", "0.0.1"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        Builder {
            deps,
            src: false,
            alias: true,
            tsconfig: true,
            files: Vec::new(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn write(&self, rel: &str, contents: &str) {
        let path = self.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }

    /// `scaffold --cwd <project> args...` with no terminal on stdin.
    pub fn scaffold(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("scaffold").unwrap();
        cmd.arg("--cwd")
            .arg(self.path())
            .args(args)
            .env("NO_COLOR", "1")
            .env_remove("SCAFFOLD_TEST_FAIL_AFTER");
        cmd.timeout(std::time::Duration::from_secs(20));
        cmd
    }

    /// Every file below the project with its contents, to prove a failed command changed
    /// nothing.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
            for entry in fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                let meta = fs::symlink_metadata(&path).unwrap();
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                if meta.is_dir() {
                    out.insert(rel.join(""), Vec::new());
                    walk(root, &path, out);
                } else if meta.file_type().is_symlink() {
                    out.insert(
                        rel,
                        fs::read_link(&path)
                            .unwrap()
                            .to_string_lossy()
                            .as_bytes()
                            .to_vec(),
                    );
                } else {
                    out.insert(rel, fs::read(&path).unwrap());
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(self.path(), self.path(), &mut out);
        out
    }
}

impl Builder {
    pub fn dep(mut self, name: &str, version: &str) -> Self {
        self.deps.insert(name.into(), version.into());
        self
    }
    pub fn without(mut self, name: &str) -> Self {
        self.deps.remove(name);
        self
    }
    pub fn src(mut self) -> Self {
        self.src = true;
        self
    }
    pub fn no_alias(mut self) -> Self {
        self.alias = false;
        self
    }
    pub fn no_tsconfig(mut self) -> Self {
        self.tsconfig = false;
        self
    }
    pub fn file(mut self, rel: &str, contents: &str) -> Self {
        self.files.push((rel.into(), contents.into()));
        self
    }

    pub fn build(self) -> Project {
        let project = Project {
            dir: tempfile::tempdir().unwrap(),
        };
        let deps: serde_json::Map<String, serde_json::Value> = self
            .deps
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .collect();
        project.write(
            "package.json",
            &serde_json::to_string_pretty(
                &serde_json::json!({ "name": "fixture", "dependencies": deps }),
            )
            .unwrap(),
        );
        let base = if self.src { "./src/*" } else { "./*" };
        if self.tsconfig {
            // Real projects carry comments and trailing commas, and often `extends`.
            project.write(
                "tsconfig.base.json",
                "{\n  // shared\n  \"compilerOptions\": { \"strict\": true, },\n}\n",
            );
            let paths = if self.alias {
                format!(",\n    \"paths\": {{ \"@/*\": [\"{base}\"] }},")
            } else {
                String::new()
            };
            project.write(
                "tsconfig.json",
                &format!("{{\n  \"extends\": \"./tsconfig.base.json\",\n  /* app options */\n  \"compilerOptions\": {{\n    \"jsx\": \"preserve\"{paths}\n  }},\n}}\n"),
            );
        }
        let app = if self.src { "src/app" } else { "app" };
        fs::create_dir_all(project.path().join(app)).unwrap();
        project.write(&format!("{app}/layout.tsx"), "export default function Layout({ children }: { children: React.ReactNode }) {\n  return children;\n}\n");
        for (rel, contents) in self.files {
            project.write(&rel, &contents);
        }
        project
    }
}

/// Parses every `.ts`/`.tsx` file below `dir` with oxc and fails on the first error.
pub fn assert_parses(root: &Path) {
    for entry in walk_files(root) {
        let ext = entry.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "ts" || ext == "tsx" {
            let text = fs::read_to_string(&entry).unwrap();
            if let Err(e) = scaffold::syntax::check(&entry, &text) {
                panic!("{} does not parse: {e}\n{text}", entry.display());
            }
        }
    }
}

pub fn walk_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk_files(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The plan `scaffold <argv>` would apply in `dir`, computed in-process with `--yes`
/// defaults.
pub fn plan_for(dir: &Path, argv: &[&str]) -> scaffold::plan::Plan {
    use clap::Parser;
    use scaffold::ask::{Gathered, GatheredRoute, Mode, gather_action, gather_route};
    use scaffold::cli::{Cli, Command, New};
    let cli = Cli::try_parse_from(std::iter::once("scaffold").chain(argv.iter().copied())).unwrap();
    let project = scaffold::project::Project::discover(dir).unwrap();
    match cli.command {
        Command::New(New::Action(args)) => {
            let Gathered::Action(spec) = gather_action(args, &project, Mode::Defaults).unwrap()
            else {
                panic!("route advice for {argv:?}")
            };
            scaffold::generate::action::plan(&spec, &project).unwrap()
        }
        Command::New(New::Route(args)) => {
            let GatheredRoute::Route(spec) = gather_route(args, Mode::Defaults).unwrap() else {
                panic!("action advice for {argv:?}")
            };
            scaffold::generate::route::plan(&spec, &project).unwrap()
        }
        Command::Completions { .. } | Command::Migrate(_) | Command::Audit(_) => {
            panic!("not a generator")
        }
    }
}

const DRIZZLE_CONFIG: &str = "import { defineConfig } from \"drizzle-kit\";\n\nexport default defineConfig({\n  dialect: \"postgresql\",\n  schema: \"./src/db/schema.ts\",\n});\n";

const DRIZZLE_SCHEMA: &str = r#"import { boolean, date, numeric, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
});

export const postStatus = pgEnum("post_status", ["draft", "published", "archived"]);

export const posts = pgTable("posts", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: varchar("title", { length: 120 }).notNull(),
  slug: varchar("slug", { length: 80 }).notNull().unique(),
  body: text("body"),
  status: postStatus("status").notNull().default("draft"),
  published: boolean("published").notNull().default(false),
  publishedOn: date("published_on"),
  price: numeric("price", { precision: 10, scale: 2 }),
  authorId: text("author_id").notNull().references(() => users.id),
  createdAt: timestamp("created_at").defaultNow().notNull(),
});
"#;

const DRIZZLE_DB: &str = "import { drizzle } from \"drizzle-orm/node-postgres\";\n\nimport * as schema from \"./schema\";\n\nexport const db = drizzle(process.env.DATABASE_URL!, { schema });\n";

/// A src/ project with Drizzle: posts owned by users, with every column shape.
pub fn drizzle_project() -> Project {
    Project::next()
        .dep("next-auth", "5.0.0-beta.29")
        .dep("drizzle-orm", "0.45.1")
        .src()
        .file("drizzle.config.ts", DRIZZLE_CONFIG)
        .file("src/db/schema.ts", DRIZZLE_SCHEMA)
        .file("src/db/index.ts", DRIZZLE_DB)
        .build()
}

const PRISMA_SCHEMA: &str = r#"generator client {
  provider = "prisma-client"
  output   = "../src/generated/prisma"
}

datasource db {
  provider = "postgresql"
}

model User {
  id    String @id @default(cuid())
  notes Note[]
}

/// A note with the types that need converting for the UI.
model Note {
  id        Int       @id @default(autoincrement())
  title     String    @db.VarChar(200)
  body      String    @default("")
  amount    Decimal?  @db.Decimal(10, 2)
  dueOn     DateTime? @db.Date
  views     BigInt    @default(0)
  pinned    Boolean   @default(false)
  handle    String    @unique
  userId    String
  user      User      @relation(fields: [userId], references: [id], onDelete: Cascade)
  createdAt DateTime  @default(now())
  updatedAt DateTime  @updatedAt
}
"#;

const PRISMA_CLIENT: &str = "import { PrismaClient } from \"@/generated/prisma/client\";\n\nconst globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };\n\nexport const prisma = globalForPrisma.prisma ?? new PrismaClient();\n";

/// A src/ project with Prisma 7: notes owned by users, with an integer key and the
/// types that need converting for the UI (Decimal, DateTime, BigInt).
pub fn prisma_project() -> Project {
    Project::next()
        .dep("next-auth", "5.0.0-beta.29")
        .dep("@prisma/client", "7.1.0")
        .dep("prisma", "7.1.0")
        .src()
        .file("prisma/schema.prisma", PRISMA_SCHEMA)
        .file("src/lib/prisma.ts", PRISMA_CLIENT)
        .build()
}
