//! `scaffold new action`: a 'use server' module, its schema, a server-only data module,
//! a form that works without JavaScript, an optimistic component and a page.

use std::path::{Path, PathBuf};

use anyhow::Result;
use heck::{ToKebabCase, ToLowerCamelCase, ToUpperCamelCase};
use serde_json::{Value, json};

use super::{Template, render, style};
use crate::layout::{self, Arg};
use crate::plan::Plan;
use crate::project::{AuthLib, DataLayer, Project, gitignore};
use crate::spec::{ActionSpec, After, Field, FieldType, Operation, Ui, names};

mod data;
mod form;
mod page;

use page::page_context;

/// Names derived from the spec, computed once.
struct Names {
    /// `post`, `blogPost`.
    singular: String,
    /// `Post`, `BlogPost`.
    record: String,
    /// `posts`, `blogPosts`.
    plural: String,
    /// `post`, `blog post`: for messages.
    words: String,
    /// `CreatePost`.
    action_upper: String,
    /// `blog-posts`: the store file.
    collection: String,
}

impl Names {
    fn new(spec: &ActionSpec) -> Names {
        let singular = names::singular(spec.segment.resource()).to_lower_camel_case();
        let plural = names::plural(&singular);
        Names {
            record: singular.to_upper_camel_case(),
            words: singular.to_kebab_case().replace('-', " "),
            collection: plural.to_kebab_case(),
            action_upper: spec.name.to_upper_camel_case(),
            singular,
            plural,
        }
    }

    fn schema(&self) -> String {
        format!("{}Schema", self.singular)
    }
    fn values_type(&self) -> String {
        format!("{}FormValues", self.record)
    }
    fn state_type(&self) -> String {
        format!("{}State", self.action_upper)
    }
    fn read_fn(&self) -> String {
        format!("read{}Form", self.record)
    }
    fn form_component(&self) -> String {
        format!("{}Form", self.action_upper)
    }
    /// "Post", "Blog post": the start of a sentence.
    fn capitalized(&self) -> String {
        capitalize(&self.words)
    }
    /// `posts`, `blog posts`: for headings and comments.
    fn plural_words(&self) -> String {
        self.plural.to_kebab_case().replace('-', " ")
    }
}

fn capitalize(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Longest names that keep every fixed line of the templates within 80 columns.
pub const MAX_ACTION_NAME: usize = 30;
pub const MAX_RESOURCE_NAME: usize = 16;
pub const MAX_FIELD_NAME: usize = 20;

/// Checks the limits that come from the generated code's layout.
pub fn check_lengths(spec: &ActionSpec) -> Result<(), String> {
    if spec.name.len() > MAX_ACTION_NAME {
        return Err(format!(
            "action name `{}` is longer than {MAX_ACTION_NAME} characters",
            spec.name
        ));
    }
    let singular = names::singular(spec.segment.resource()).to_lower_camel_case();
    if singular.len() > MAX_RESOURCE_NAME {
        return Err(format!(
            "resource name `{singular}` (from the segment folder `{}`) is longer than {MAX_RESOURCE_NAME} characters; pass a shorter --resource",
            spec.segment.resource()
        ));
    }
    if singular.is_empty() || names::check_identifier("resource name", &singular).is_err() {
        return Err(format!(
            "cannot derive a resource name from `{}`; pass --resource",
            spec.segment
        ));
    }
    if let Some(f) = spec.fields.iter().find(|f| f.name.len() > MAX_FIELD_NAME) {
        return Err(format!(
            "field name `{}` is longer than {MAX_FIELD_NAME} characters",
            f.name
        ));
    }
    Ok(())
}

/// Builds the plan for `spec` in `project`.
pub fn plan(spec: &ActionSpec, project: &Project) -> Result<Plan> {
    let n = Names::new(spec);
    let dir = project.app_dir.join(spec.segment.dir());
    let zod4 = project.zod.unwrap_or(4) >= 4;
    let dev_store = project.src_dir.join("lib/dev-store");
    let mut plan = Plan::default();

    let schema_path = dir.join("schema.ts");
    plan.write(
        &schema_path,
        render(Template::ActionSchemaTs, &schema_context(spec, &n, zod4))?,
    );
    let actions_path = dir.join("actions.ts");
    plan.write(
        &actions_path,
        render(
            Template::ActionActionsTs,
            &actions_context(spec, &n, zod4, project, &actions_path),
        )?,
    );
    let data_path = dir.join("data.ts");
    plan.write(
        &data_path,
        data::data_module(spec, &n, project, &data_path, &dev_store)?,
    );
    if spec.store.is_none() {
        plan.write(
            dev_store.with_extension("ts"),
            render(Template::SharedDevStoreTs, &json!({}))?,
        );
    }
    // Every action answers a browser without JavaScript by Post/Redirect/Get
    // (lib/form-state.ts), so a reload after a submit posts nothing again.
    plan.write(
        form_state_module(project).with_extension("ts"),
        render(Template::SharedFormStateTs, &json!({}))?,
    );

    let form_file = form::form_file(&n);
    // Create shows the records in its form component (optimistic when JavaScript
    // runs); toggle's optimistic button is its form.
    let list = spec.op == Operation::Create && spec.optimistic;
    let toggle =
        (spec.op == Operation::Toggle && spec.optimistic).then(|| form::toggle_component(spec, &n));
    let mut components = Vec::new();
    if let Some((_, file)) = &toggle {
        plan.write(
            dir.join(file),
            render(
                Template::ActionOptimisticToggleTsx,
                &form::toggle_context(spec, &n),
            )?,
        );
        components.push(file.clone());
    } else if spec.form {
        plan.write(
            dir.join(&form_file),
            render(
                Template::ActionFormTsx,
                &form::form_context(spec, &n, list, &form::Kit::new(spec.ui, &project.shadcn)),
            )?,
        );
        components.push(form_file.clone());
        if spec.ui == Ui::Shadcn {
            shadcn_step(spec, project, &mut plan);
        }
    }
    if spec.ui == Ui::Plain {
        for file in &components {
            plan.write(
                dir.join(form::css_module_file(file)),
                style::CSS_MODULE.to_string(),
            );
        }
    }
    if spec.page {
        let page_path = dir.join("page.tsx");
        let context = page_context(
            spec,
            &n,
            project,
            &page_path,
            &form_file,
            list,
            toggle.as_ref(),
        );
        plan.write(&page_path, render(Template::ActionPageTsx, &context)?);
    }

    next_steps(spec, project, &mut plan);
    super::check_names(&plan)?;
    Ok(plan)
}

fn schema_context(spec: &ActionSpec, n: &Names, zod4: bool) -> Value {
    let has_fields = !spec.fields.is_empty();
    let record_type = if has_fields {
        format!(
            "export type {} = {}Input & {{ id: string }};",
            n.record, n.record
        )
    } else {
        format!("export type {} = {{ id: string }};", n.record)
    };
    let schema_fields: Vec<String> = spec.fields.iter().map(|f| zod_field(f, zod4)).collect();
    let values_fields: Vec<String> = spec
        .fields
        .iter()
        .map(|f| format!("  {}?: {};", f.name, ts_type(&f.ty)))
        .collect();
    let read_fields: Vec<String> = spec.fields.iter().map(read_field).collect();
    // A toggle with fields beside its boolean validates only what it changes.
    let toggle_schema = match (spec.toggled(), parse_schema(spec, n)) {
        (Some(flag), name) if name != n.schema() => layout::call(
            0,
            &format!("export const {name} = "),
            &format!("{}.pick", n.schema()),
            &[Arg::Object(vec![(flag.name.clone(), "true".to_string())])],
            ";",
        ),
        _ => String::new(),
    };
    json!({
        "toggle_schema": toggle_schema,
        "has_fields": has_fields,
        "needs_id": spec.op.needs_id(),
        "schema": n.schema(),
        "schema_fields": schema_fields.join("\n"),
        "input_type": format!("{}Input", n.record),
        "id_schema": format!("{}IdSchema", n.singular),
        "singular_words": n.words,
        "record_type": record_type,
        "values_type": n.values_type(),
        "values_fields": values_fields.join("\n"),
        "state_type": n.state_type(),
        "read_signature": layout::params(0, &format!("export function {}", n.read_fn()), &["formData: FormData".into()], &format!(": {} {{", n.values_type())),
        "read_fields": read_fields.join("\n"),
        "needs_text": spec.fields.iter().any(|f| f.ty != FieldType::Boolean),
        "needs_numeric": spec.fields.iter().any(|f| f.ty.is_numeric()),
    })
}

/// The schema the action parses with: the record's, or for a toggle with other
/// fields only its boolean (`toggleLikeSchema`).
fn parse_schema(spec: &ActionSpec, n: &Names) -> String {
    if spec.toggled().is_some() && spec.fields.len() > 1 {
        format!("{}Schema", spec.name)
    } else {
        n.schema()
    }
}

fn ts_type(ty: &FieldType) -> &'static str {
    match ty {
        FieldType::Number | FieldType::Integer => "number",
        FieldType::Boolean => "boolean",
        _ => "string",
    }
}

fn read_field(f: &Field) -> String {
    let name = layout::string(&f.name);
    match f.ty {
        FieldType::Boolean => format!("    {}: formData.get({name}) === \"on\",", f.name),
        FieldType::Number | FieldType::Integer => layout::call(
            4,
            &format!("{}: ", f.name),
            "numeric",
            &[Arg::plain("formData"), Arg::plain(name)],
            ",",
        ),
        _ => layout::call(
            4,
            &format!("{}: ", f.name),
            "text",
            &[Arg::plain("formData"), Arg::plain(name)],
            ",",
        ),
    }
}

/// One property of the zod object, e.g. `  title: z.string({ error: "…" }).trim(),`.
fn zod_field(f: &Field, zod4: bool) -> String {
    let label = f.label();
    let key = if zod4 { "error" } else { "message" };
    let msg = |text: String| Arg::Object(vec![(key.to_string(), layout::string(&text))]);
    let required = msg(format!("{label} is required."));
    let call = |name: &str, args: Vec<Arg>| (name.to_string(), args);
    let mut head = "z";
    let mut calls = Vec::new();
    let bounds_len = |calls: &mut Vec<(String, Vec<Arg>)>| {
        if let Some(min) = f.min {
            calls.push(call(
                "min",
                vec![
                    Arg::plain(min.to_string()),
                    msg(format!("{label} must be at least {min} characters.")),
                ],
            ));
        }
        if let Some(max) = f.max {
            calls.push(call(
                "max",
                vec![
                    Arg::plain(max.to_string()),
                    msg(format!("{label} must be at most {max} characters.")),
                ],
            ));
        }
    };
    match &f.ty {
        FieldType::String | FieldType::Text => {
            calls.push(call("string", vec![required]));
            calls.push(call("trim", vec![]));
            bounds_len(&mut calls);
        }
        FieldType::Email => {
            let invalid = msg("Enter a valid email address.".into());
            if zod4 {
                calls.push(call("email", vec![invalid]));
            } else {
                calls.push(call("string", vec![required]));
                calls.push(call("trim", vec![]));
                calls.push(call("email", vec![invalid]));
            }
            bounds_len(&mut calls);
        }
        FieldType::Url => {
            let invalid = msg("Enter a valid http or https URL.".into());
            if zod4 {
                // httpUrl() refuses javascript: and other schemes that would be unsafe in href.
                calls.push(call("httpUrl", vec![invalid]));
            } else {
                calls.push(call("string", vec![required]));
                calls.push(call("trim", vec![]));
                calls.push(call("url", vec![invalid.clone()]));
                calls.push(call("startsWith", vec![Arg::plain("\"http\""), invalid]));
            }
            bounds_len(&mut calls);
        }
        FieldType::Number | FieldType::Integer => {
            let integer = f.ty == FieldType::Integer;
            let what = if integer {
                "a whole number"
            } else {
                "a number"
            };
            let invalid = msg(format!("{label} must be {what}."));
            if zod4 && integer {
                calls.push(call("int", vec![invalid]));
            } else {
                calls.push(call("number", vec![invalid.clone()]));
                if integer {
                    calls.push(call("int", vec![invalid]));
                }
            }
            if let Some(min) = f.min {
                calls.push(call(
                    "min",
                    vec![
                        Arg::plain(min.to_string()),
                        msg(format!("{label} must be at least {min}.")),
                    ],
                ));
            }
            if let Some(max) = f.max {
                calls.push(call(
                    "max",
                    vec![
                        Arg::plain(max.to_string()),
                        msg(format!("{label} must be at most {max}.")),
                    ],
                ));
            }
            // A Decimal(10, 2) column rounds a third decimal away: refuse it instead.
            if let Some(scale) = f.scale.filter(|_| !integer) {
                let places = match scale {
                    0 => "no decimal places".to_string(),
                    1 => "at most 1 decimal place".to_string(),
                    n => format!("at most {n} decimal places"),
                };
                calls.push(call(
                    "multipleOf",
                    vec![
                        Arg::plain(form::step(scale)),
                        msg(format!("{label} may have {places}.")),
                    ],
                ));
            }
        }
        FieldType::Boolean => calls.push(call("boolean", vec![])),
        FieldType::Date => {
            let text = format!("{label} must be a date.");
            if zod4 {
                head = "z.iso";
                calls.push(call("date", vec![msg(text)]));
            } else {
                // zod 3's string().date() takes the message itself, not params.
                calls.push(call("string", vec![required]));
                calls.push(call("date", vec![Arg::plain(layout::string(&text))]));
            }
        }
        FieldType::Enum(values) => {
            let list: Vec<String> = values.iter().map(|v| layout::string(v)).collect();
            let article = if label.starts_with(['A', 'E', 'I', 'O', 'U']) {
                "an"
            } else {
                "a"
            };
            calls.push(call(
                "enum",
                vec![
                    Arg::Array(list),
                    msg(format!("Choose {article} {}.", label.to_lowercase())),
                ],
            ));
        }
    }
    if !f.required && f.ty != FieldType::Boolean {
        calls.push(call("optional", vec![]));
    }
    layout::chain(2, &format!("{}: ", f.name), head, &calls, ",")
}

/// The lines that put the signed-in user's id in `userId`.
fn session_lines(auth: AuthLib) -> &'static str {
    match auth {
        AuthLib::NextAuth => "  const session = await auth();\n  const userId = session?.user?.id;",
        AuthLib::Clerk => "  const { userId } = await auth();",
        AuthLib::Supabase => {
            "  const supabase = await createClient();\n  const {\n    data: { user },\n  } = await supabase.auth.getUser();\n  const userId = user?.id;"
        }
        AuthLib::None => "  const userId = \"public\";",
    }
}

fn auth_import(auth: AuthLib, project: &Project, from: &Path) -> Option<String> {
    match auth {
        AuthLib::NextAuth => Some(format!(
            "import {{ auth }} from \"{}\";",
            project.import_path(from, &auth_module(project))
        )),
        AuthLib::Clerk => Some("import { auth } from \"@clerk/nextjs/server\";".into()),
        AuthLib::Supabase => Some(format!(
            "import {{ createClient }} from \"{}\";",
            project.import_path(from, &supabase_module(project))
        )),
        AuthLib::None => None,
    }
}

fn auth_module(project: &Project) -> PathBuf {
    project
        .find_module(&["auth", "src/auth", "lib/auth", "src/lib/auth"])
        .unwrap_or_else(|| project.src_dir.join("auth"))
}

/// The module that carries an action's outcome to a browser without JavaScript.
fn form_state_module(project: &Project) -> PathBuf {
    project.src_dir.join("lib/form-state")
}

fn supabase_module(project: &Project) -> PathBuf {
    project
        .find_module(&[
            "utils/supabase/server",
            "src/utils/supabase/server",
            "lib/supabase/server",
            "src/lib/supabase/server",
        ])
        .unwrap_or_else(|| project.src_dir.join("utils/supabase/server"))
}

/// Groups import lines the usual way: packages, then the project's own modules, then
/// siblings, separated by blank lines.
fn import_block(groups: &[Vec<String>]) -> String {
    groups
        .iter()
        .filter(|g| !g.is_empty())
        .map(|g| g.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn actions_context(
    spec: &ActionSpec,
    n: &Names,
    zod4: bool,
    project: &Project,
    path: &Path,
) -> Value {
    let has_fields = !spec.fields.is_empty();
    let (revalidate, redirect) = after_calls(spec);

    let mut packages = Vec::new();
    if revalidate.is_some() {
        packages.push("import { revalidatePath } from \"next/cache\";".to_string());
    }
    if redirect.is_some() {
        packages.push("import { redirect } from \"next/navigation\";".to_string());
    }
    if has_fields && zod4 {
        packages.push("import * as z from \"zod\";".to_string());
    }
    let mut own: Vec<String> = match auth_import(spec.auth, project, path) {
        Some(line) if spec.auth == AuthLib::Clerk => {
            packages.insert(0, line);
            Vec::new()
        }
        Some(line) => vec![line],
        None => Vec::new(),
    };
    let mut schema_names = Vec::new();
    if spec.op.needs_id() {
        schema_names.push(format!("{}IdSchema", n.singular));
    }
    if has_fields {
        schema_names.push(parse_schema(spec, n));
        schema_names.push(n.read_fn());
    }
    schema_names.push(format!("type {}", n.state_type()));
    let siblings = vec![
        "import * as data from \"./data\";".to_string(),
        layout::import(&schema_names, "./schema"),
    ];

    // The record id arrives as a form field, not through .bind(): see form_context.
    let params = vec![
        format!("_prevState: {}", n.state_type()),
        "formData: FormData".to_string(),
    ];
    let returns = format!(": Promise<{}> {{", n.state_type());
    let exported = layout::params(
        0,
        &format!("export async function {}", spec.name),
        &params,
        &returns,
    );
    // The exported action hands its outcome to form-state.ts, which redirects
    // browsers without JavaScript back to the page (Post/Redirect/Get).
    let (signature, deliver) = {
        let outcome = format!("{}Outcome", spec.name);
        let fallback = if spec.segment.params().is_empty() {
            spec.segment.url_path()
        } else {
            "/".to_string()
        };
        let call = layout::call(
            2,
            "return ",
            "deliver",
            &[
                Arg::plain(layout::string(&spec.name)),
                Arg::plain("formData"),
                Arg::plain(format!("await {outcome}(formData)")),
                Arg::plain(layout::string(&fallback)),
            ],
            ";",
        );
        own.push(format!(
            "import {{ deliver }} from \"{}\";",
            project.import_path(path, &form_state_module(project))
        ));
        own.sort();
        (
            layout::params(
                0,
                &format!("async function {outcome}"),
                &["formData: FormData".to_string()],
                &returns,
            ),
            format!("{exported}\n{call}\n}}"),
        )
    };

    let auth_check = if spec.auth == AuthLib::None {
        "  // scaffold-audit-ignore action-auth: public on purpose (--auth none).\n  // Anyone who can reach this site can call it, and every visitor shares the\n  // same records.\n  const userId = \"public\";".to_string()
    } else {
        format!(
            "  // Server Actions are public POST endpoints: check the session in each one.\n{}\n  if (!userId) {{\n    return {{\n      status: \"error\",\n      message: \"You must be signed in.\",{}\n    }};\n  }}",
            session_lines(spec.auth),
            if spec.fields.is_empty() {
                ""
            } else {
                "\n      values,"
            }
        )
    };

    let (failed, success) = match spec.op {
        Operation::Create => ("create", "created"),
        Operation::Update => ("save", "saved"),
        Operation::Delete => ("delete", "deleted"),
        Operation::Toggle => ("update", "updated"),
    };
    json!({
        "imports": import_block(&[packages, own, siblings]),
        "signature": signature,
        "deliver": deliver,
        "auth_check": auth_check,
        "needs_id": spec.op.needs_id(),
        "id_schema": format!("{}IdSchema", n.singular),
        "not_found_line": layout::property(6, "message", &layout::string(&format!("{} not found.", n.capitalized()))),
        "has_fields": has_fields,
        "read_fn": n.read_fn(),
        "schema": parse_schema(spec, n),
        "field_errors": if zod4 { "z.flattenError(parsed.error).fieldErrors" } else { "parsed.error.flatten().fieldErrors" },
        "is_create": spec.op == Operation::Create,
        "is_delete": spec.op == Operation::Delete,
        "duplicates": has_fields && !data::duplicate_fields(spec).is_empty(),
        "name": spec.name,
        "save_failed_line": layout::property(
            6,
            "message",
            &layout::string(&format!("Could not {failed} the {}. Please try again.", n.words)),
        ),
        "revalidate": revalidate.unwrap_or_default(),
        "redirect": redirect.unwrap_or_default(),
        "success_line": layout::property(4, "message", &layout::string(&format!("{} {success}.", n.capitalized()))),
    })
}

/// The `revalidatePath(...)` and `redirect(...)` lines the after-success mode needs.
fn after_calls(spec: &ActionSpec) -> (Option<String>, Option<String>) {
    let url = spec.segment.url_path();
    let pattern_args = |path: &str| {
        let mut args = vec![Arg::plain(layout::string(path))];
        if path.contains('[') {
            args.push(Arg::plain("\"page\""));
        }
        args
    };
    match &spec.after {
        After::Revalidate => (
            Some(layout::call(
                2,
                "",
                "revalidatePath",
                &pattern_args(&url),
                ";",
            )),
            None,
        ),
        After::Redirect(target) => (
            Some(layout::call(
                2,
                "",
                "revalidatePath",
                &pattern_args(target),
                ";",
            )),
            Some(layout::call(
                2,
                "",
                "redirect",
                &[Arg::plain(layout::string(target))],
                ";",
            )),
        ),
        After::Stay => (None, None),
    }
}

fn next_steps(spec: &ActionSpec, project: &Project, plan: &mut Plan) {
    if let Some(command) = project.install_command(&["zod", "server-only"]) {
        plan.next_steps.push(format!(
            "Install what the generated code imports: {command}"
        ));
    }
    match spec.auth {
        AuthLib::NextAuth
            if project
                .find_module(&["auth", "src/auth", "lib/auth", "src/lib/auth"])
                .is_none() =>
        {
            plan.next_steps.push(format!(
                "Create {}.ts exporting `auth` (Auth.js v5: `export const {{ handlers, signIn, signOut, auth }} = NextAuth({{...}})`)",
                auth_module(project).display()
            ));
        }
        AuthLib::Supabase
            if project
                .find_module(&[
                    "utils/supabase/server",
                    "src/utils/supabase/server",
                    "lib/supabase/server",
                    "src/lib/supabase/server",
                ])
                .is_none() =>
        {
            plan.next_steps.push(format!(
                "Create {}.ts with `createClient()` from Supabase's server-side auth guide for Next.js",
                supabase_module(project).display()
            ));
        }
        AuthLib::Clerk if project.request_hook.is_none() => {
            // Next 16 renamed middleware.ts to proxy.ts.
            let file = if project.next_major() >= 16 {
                "proxy.ts"
            } else {
                "middleware.ts"
            };
            plan.next_steps.push(format!(
                "Clerk's auth() needs clerkMiddleware(): create {} from Clerk's Next.js quickstart",
                project.src_dir.join(file).display()
            ));
        }
        AuthLib::None => plan.warnings.push(format!(
            "--auth none: `{}` is public; anyone who can reach the site can call it",
            spec.name
        )),
        _ => {}
    }
    match &spec.store {
        Some(binding) => plan.notes.push(format!(
            "data.ts queries {} ({}:{}) with {}, scoped by its owner column `{}`",
            binding.model.name,
            binding.model.file.display(),
            binding.model.line,
            binding.client.orm(),
            binding.owner.name
        )),
        None if project.data != DataLayer::None => plan.warnings.push(format!(
            "--dev-store: data.ts keeps records in a JSON file under .data/, not in {}; do not deploy it",
            if project.data == DataLayer::Prisma { "Prisma" } else { "Drizzle" }
        )),
        None => {}
    }
    if spec.optimistic && spec.op.supports_optimistic() && spec.after == After::Stay {
        plan.warnings.push("--after stay does not refresh the list, so the optimistic item disappears once the action finishes".into());
    }
    if spec.store.is_none()
        && let Some(merged) = gitignore::merged(&project.root, &[gitignore::DEV_STORE])
    {
        plan.merge(".gitignore", merged);
    }
    if spec.page {
        plan.next_steps.push(open_page_step(spec, project));
    }
}

/// The shadcn/ui components the form would use but the project lacks, and the command
/// that adds them.
fn shadcn_step(spec: &ActionSpec, project: &Project, plan: &mut Plan) {
    let missing: Vec<&str> = form::Kit::needed(spec)
        .into_iter()
        .filter(|c| !project.shadcn.has(c))
        .collect();
    if missing.is_empty() {
        return;
    }
    let mut args = vec!["add"];
    args.extend(&missing);
    plan.next_steps.push(format!(
        "shadcn/ui has no {} in {} yet, so the form uses Tailwind classes there: `{}` adds them (then generate again with --force to use them)",
        missing.join(", "),
        project.shadcn.dir.display(),
        project.dlx_command("shadcn@latest", &args)
    ));
}

/// Where to see the page: the URL on the dev server, with the ids it needs named.
fn open_page_step(spec: &ActionSpec, project: &Project) -> String {
    let params = spec.segment.params();
    let url = format!("http://localhost:3000{}", spec.segment.url_path());
    let dev = project.run_command("dev");
    if params.is_empty() {
        return format!("Start the dev server (`{dev}`) and open {url}");
    }
    let names: Vec<String> = params.iter().map(|(p, _)| format!("[{p}]")).collect();
    format!(
        "Start the dev server (`{dev}`) and open {url}, with {} replaced by the id of a {} you can see",
        names.join(" and "),
        names::singular(spec.segment.resource())
            .to_kebab_case()
            .replace('-', " ")
    )
}
