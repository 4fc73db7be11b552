//! Every template variant as a reviewed snapshot (in the top-level `snapshots/`). A changed
//! snapshot is a changed product: review it like a code diff.

mod common;

use common::Project;
use scaffold::plan::Change;

fn generate(project: &Project, name: &str, argv: &[&str]) {
    generate_files(project, name, argv, &[]);
}

/// Snapshots only the files whose names end with one of `keep` (all when empty).
fn generate_files(project: &Project, name: &str, argv: &[&str], keep: &[&str]) {
    let plan = common::plan_for(project.path(), argv);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for op in &plan.ops {
            let (Change::Write(contents) | Change::Merge(contents)) = &op.change else {
                continue;
            };
            let path = op.path.to_string_lossy();
            if !keep.is_empty() && !keep.iter().any(|k| path.ends_with(k)) {
                continue;
            }
            let file = op
                .path
                .to_string_lossy()
                .replace(['/', '[', ']', '(', ')'], "_");
            insta::assert_snapshot!(format!("{name}__{file}"), contents);
        }
    });
}

#[test]
fn create_with_every_field_type() {
    let p = Project::next().dep("next-auth", "5.0.0-beta.29").build();
    generate(
        &p,
        "create",
        &[
            "new",
            "action",
            "posts",
            "--field",
            "title:string:max=120",
            "--field",
            "body:text:optional",
            "--field",
            "email:email",
            "--field",
            "website:url:optional",
            "--field",
            "price:number:min=0",
            "--field",
            "quantity:integer:optional:max=99",
            "--field",
            "published:boolean",
            "--field",
            "publishedOn:date:optional",
            "--field",
            "status:enum(draft|published|archived)",
            "--page",
        ],
    );
}

#[test]
fn update_with_clerk_and_redirect() {
    let p = Project::next().dep("@clerk/nextjs", "6.20.0").build();
    generate(
        &p,
        "update",
        &[
            "new",
            "action",
            "posts/[id]/edit",
            "--op",
            "update",
            "--field",
            "title",
            "--field",
            "status:enum(draft|live):optional",
            "--after",
            "redirect=/posts",
            "--page",
        ],
    );
}

#[test]
fn delete_with_supabase() {
    let p = Project::next().src().dep("@supabase/ssr", "0.6.1").build();
    generate(
        &p,
        "delete",
        &[
            "new",
            "action",
            "(app)/posts/[id]",
            "--op",
            "delete",
            "--page",
        ],
    );
}

#[test]
fn toggle_public_with_and_without_optimistic() {
    let p = Project::next().no_alias().build();
    generate(
        &p,
        "toggle",
        &[
            "new",
            "action",
            "todos",
            "--op",
            "toggle",
            "--field",
            "title:string",
            "--field",
            "done:boolean",
            "--page",
        ],
    );
    generate(
        &p,
        "toggle-form",
        &[
            "new",
            "action",
            "chores",
            "--op",
            "toggle",
            "--field",
            "done:boolean",
            "--no-optimistic",
            "--page",
        ],
    );
}

#[test]
fn zod_3_and_stay() {
    let p = Project::next()
        .dep("zod", "^3.23.8")
        .dep("next-auth", "5.0.0-beta.29")
        .build();
    generate(
        &p,
        "zod3",
        &[
            "new",
            "action",
            "signup",
            "--field",
            "email:email",
            "--field",
            "site:url:optional",
            "--field",
            "age:integer:min=13",
            "--field",
            "born:date",
            "--field",
            "plan:enum(free|pro)",
            "--after",
            "stay",
            "--no-optimistic",
        ],
    );
}

#[test]
fn webhooks_for_each_provider() {
    let p = Project::next().dep("stripe", "23.1.0").build();
    p.write(".env.example", "# existing\nDATABASE_URL=\n");
    generate(
        &p,
        "webhook-stripe",
        &[
            "new",
            "route",
            "webhooks/stripe",
            "--kind",
            "webhook",
            "--provider",
            "stripe",
        ],
    );
    generate(
        &p,
        "webhook-github",
        &[
            "new",
            "route",
            "webhooks/github",
            "--kind",
            "webhook",
            "--provider",
            "github",
            "--events",
            "push,issues",
        ],
    );
    generate(
        &p,
        "webhook-slack",
        &[
            "new",
            "route",
            "slack/events",
            "--kind",
            "webhook",
            "--provider",
            "slack",
        ],
    );
    generate(
        &p,
        "webhook-standard",
        &[
            "new",
            "route",
            "webhooks/resend",
            "--kind",
            "webhook",
            "--provider",
            "standard-webhooks",
            "--events",
            "email.sent,email.bounced",
        ],
    );
}

#[test]
fn json_apis() {
    let p = Project::next().build();
    generate(
        &p,
        "api-collection",
        &[
            "new",
            "route",
            "v1/posts",
            "--kind",
            "api",
            "--cors",
            "https://app.example.com",
            "--field",
            "title:string:max=200",
            "--field",
            "views:integer:optional:min=0",
            "--field",
            "status:enum(draft|live)",
        ],
    );
    generate(
        &p,
        "api-item",
        &[
            "new",
            "route",
            "v1/posts/[postId]",
            "--kind",
            "api",
            "--methods",
            "GET,PUT,PATCH,DELETE",
            "--field",
            "title",
        ],
    );
    generate(
        &p,
        "api-public",
        &[
            "new",
            "route",
            "public/notes",
            "--kind",
            "api",
            "--auth",
            "none",
            "--field",
            "text:text",
        ],
    );
    let z3 = Project::next().dep("zod", "^3.23.8").build();
    generate(
        &z3,
        "api-zod3",
        &[
            "new",
            "route",
            "v1/contacts",
            "--kind",
            "api",
            "--field",
            "email:email",
            "--field",
            "site:url:optional",
            "--field",
            "born:date",
        ],
    );
}

#[test]
fn streams() {
    let p = Project::next().src().build();
    generate(
        &p,
        "sse",
        &[
            "new", "route", "events", "--kind", "stream", "--format", "sse",
        ],
    );
    generate(
        &p,
        "csv",
        &[
            "new",
            "route",
            "exports/orders",
            "--kind",
            "stream",
            "--format",
            "csv",
            "--field",
            "total:number",
            "--field",
            "status",
        ],
    );
}

/// The project create-next-app 16 makes: Cache Components on in next.config.ts,
/// Tailwind v4, and a .gitignore that hides every .env* file.
fn next16_cache_components() -> Project {
    Project::next()
        .dep("next", "16.4.3")
        .dep("react", "19.3.0")
        .dep("react-dom", "19.3.0")
        .dep("next-auth", "5.0.0-beta.29")
        .dep("tailwindcss", "^4")
        .dep("@tailwindcss/postcss", "^4")
        .file(".gitignore", "/node_modules\n/.next/\n.env*\n")
        .file(
            "next.config.ts",
            "import type { NextConfig } from \"next\";\n\nconst nextConfig: NextConfig = {\n  cacheComponents: true,\n  partialPrefetching: true,\n};\n\nexport default nextConfig;\n",
        )
        .build()
}

#[test]
fn cache_components_actions() {
    let p = next16_cache_components();
    generate(
        &p,
        "cc-create",
        &[
            "new",
            "action",
            "posts",
            "--field",
            "title:string:max=120",
            "--field",
            "body:text:optional",
            "--page",
        ],
    );
    generate(
        &p,
        "cc-update",
        &[
            "new",
            "action",
            "posts/[id]/edit",
            "--op",
            "update",
            "--field",
            "title",
            "--page",
        ],
    );
    generate(
        &p,
        "cc-toggle-form",
        &[
            "new",
            "action",
            "todos",
            "--op",
            "toggle",
            "--field",
            "done:boolean",
            "--no-optimistic",
            "--page",
        ],
    );
}

#[test]
fn cache_components_routes() {
    let p = next16_cache_components();
    generate(
        &p,
        "cc-csv",
        &[
            "new",
            "route",
            "exports/orders",
            "--kind",
            "stream",
            "--format",
            "csv",
            "--field",
            "total:number",
        ],
    );
    generate(
        &p,
        "cc-sse",
        &[
            "new", "route", "events", "--kind", "stream", "--format", "sse",
        ],
    );
    generate(
        &p,
        "cc-webhook",
        &[
            "new",
            "route",
            "webhooks/github",
            "--kind",
            "webhook",
            "--provider",
            "github",
        ],
    );
    generate(
        &p,
        "cc-api",
        &[
            "new",
            "route",
            "v1/notes",
            "--kind",
            "api",
            "--field",
            "text:text",
        ],
    );
}

/// What the data layer changes: the data module, the action and the schema.
const DATA_FILES: &[&str] = &["data.ts", "actions.ts", "schema.ts"];

#[test]
fn drizzle_model_create_update_toggle_delete() {
    let p = common::drizzle_project();
    for (name, segment, op) in [
        ("drizzle-create", "posts", "create"),
        ("drizzle-update", "posts/[id]/edit", "update"),
        ("drizzle-toggle", "posts/publish", "toggle"),
        ("drizzle-delete", "posts/[id]", "delete"),
    ] {
        generate_files(
            &p,
            name,
            &["new", "action", segment, "--model", "posts", "--op", op],
            DATA_FILES,
        );
    }
}

#[test]
fn prisma_model_create_update_delete() {
    let p = common::prisma_project();
    for (name, segment, op) in [
        ("prisma-create", "notes", "create"),
        ("prisma-update", "notes/[id]/edit", "update"),
        ("prisma-delete", "notes/[id]", "delete"),
    ] {
        generate_files(
            &p,
            name,
            &["new", "action", segment, "--op", op],
            DATA_FILES,
        );
    }
}
