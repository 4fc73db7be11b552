//! The page: the session and records read at the top, and the one form (or toggle) per
//! operation with what the action answered a browser without JavaScript.

use std::path::Path;

use serde_json::{Value, json};

use super::form::toggled;
use super::{
    AuthLib, Names, auth_import, capitalize, form_state_module, import_block, session_lines,
};
use crate::generate::style::{self, Role};
use crate::layout::{self, Arg};
use crate::project::Project;
use crate::spec::{ActionSpec, FieldType, Operation, Ui};

/// Context of templates/action/page.tsx.hbs. `list`: the create form shows the
/// records itself; `toggle`: the optimistic toggle's name and file, the list's form.
pub fn page_context(
    spec: &ActionSpec,
    n: &Names,
    project: &Project,
    path: &Path,
    form_file: &str,
    list: bool,
    toggle: Option<&(String, String)>,
) -> Value {
    let ui = spec.ui;
    let lists = matches!(spec.op, Operation::Create | Operation::Toggle);
    let mut packages = Vec::new();
    if !lists {
        packages.push("import { notFound } from \"next/navigation\";".to_string());
    }
    // Under Cache Components a database read outside a cache must wait for the request:
    // drivers read the clock or randomness, which Next reports while prerendering.
    let connection = project.cache_components && spec.store.is_some();
    if connection {
        packages.push("import { connection } from \"next/server\";".to_string());
    }
    let mut own = Vec::new();
    match auth_import(spec.auth, project, path) {
        Some(line) if spec.auth == AuthLib::Clerk => packages.push(line),
        Some(line) => own.push(line),
        None => {}
    }
    let mut siblings = vec!["import * as data from \"./data\";".to_string()];
    let component_import = |name: &str, file: &str| {
        format!(
            "import {{ {name} }} from \"./{}\";",
            file.trim_end_matches(".tsx")
        )
    };
    if let Some((component, file)) = toggle {
        siblings.push(component_import(component, file));
    } else if spec.form {
        siblings.push(component_import(&n.form_component(), form_file));
    }
    siblings.sort();

    let params = spec.segment.params();
    let page = format!("{}Page", n.action_upper);
    let signature = if params.is_empty() {
        format!("export default async function {page}() {{")
    } else {
        let fields: Vec<String> = params.iter().map(|(p, _)| format!("{p}: string")).collect();
        format!(
            "export default async function {page}({{\n  params,\n}}: {{\n  params: Promise<{{ {} }}>;\n}}) {{",
            fields.join("; ")
        )
    };
    let param_names: Vec<&str> = params.iter().map(|(p, _)| *p).collect();
    let id_param = spec.segment.last_param().unwrap_or("id");
    let signed_in = spec.auth != AuthLib::None;
    // The record's binding on update and delete pages: the resource's name, unless the
    // page already declares it (a `users` resource under Supabase, which has `user`).
    let page_bindings = [
        "session",
        "userId",
        "supabase",
        "user",
        "params",
        "lastSubmit",
    ];
    let record = if page_bindings.contains(&n.singular.as_str()) {
        format!("{}Record", n.singular)
    } else {
        n.singular.clone()
    };
    let lookup = if matches!(spec.op, Operation::Create | Operation::Toggle) {
        let lhs = format!("const {} = ", n.plural);
        if signed_in {
            layout::ternary(2, &lhs, "userId", "await data.list(userId)", "[]")
        } else {
            format!("  {lhs}await data.list(userId);")
        }
    } else {
        let lhs = format!("const {record} = ");
        let find = format!("await data.find(userId, {id_param})");
        if signed_in {
            layout::ternary(2, &lhs, "userId", &find, "undefined")
        } else {
            format!("  {lhs}{find};")
        }
    };
    let title = capitalize(&n.plural_words());
    let s = &n.singular;
    // The form gets what the action answered a browser without JavaScript, read
    // here after the redirect (see lib/form-state.ts).
    let hand_over = spec.form || toggle.is_some();
    let last_submit = if hand_over {
        own.push(format!(
            "import {{ submitted }} from \"{}\";",
            project.import_path(path, &form_state_module(project))
        ));
        own.sort();
        siblings.push(layout::import_type(&[n.state_type()], "./schema"));
        siblings.sort();
        // Prettier breaks after the `=` when the call's lone argument is a short string
        // (a quarter of the print width at most): such a call is poorly breakable.
        let name = layout::string(&spec.name);
        let call = format!("await submitted<{}>({name});", n.state_type());
        let flat = format!("  const lastSubmit = {call}");
        if layout::fits_columns(layout::columns(&flat)) {
            flat
        } else if name.chars().count() <= 20 && layout::fits_columns(layout::columns(&call) + 4) {
            format!("  const lastSubmit =\n    {call}")
        } else {
            layout::call(
                2,
                "const lastSubmit = await ",
                &format!("submitted<{}>", n.state_type()),
                &[Arg::plain(layout::string(&spec.name))],
                ";",
            )
        }
    } else {
        String::new()
    };
    let submitted_attr = |id: &str| format!("submitted={{lastSubmit({id})}}");
    // Components with props go through the JSX layout: long names break the attributes.
    let element =
        |indent: usize, tag: &str, attrs: &[String]| layout::jsx_empty(indent, tag, attrs);
    let form_element = |indent: usize, mut attrs: Vec<String>, id: &str| {
        if hand_over {
            attrs.push(submitted_attr(id));
        }
        if attrs.is_empty() {
            format!("{}<{} />", " ".repeat(indent), n.form_component())
        } else {
            element(indent, &n.form_component(), &attrs)
        }
    };
    let (heading, body) = match spec.op {
        Operation::Create if list => (
            title,
            form_element(6, vec![format!("{}={{{}}}", n.plural, n.plural)], ""),
        ),
        Operation::Create => {
            let mut body = vec![list_jsx(n, ui, &format!("{{{s}.{}}}", display_field(spec)))];
            if spec.form {
                body.push(format!(
                    "{}\n{}",
                    layout::jsx_text(
                        6,
                        "h2",
                        &style::with_page_class(ui, Role::Subheading, Vec::new()),
                        &format!("New {}", n.words),
                    ),
                    form_element(6, Vec::new(), "")
                ));
            }
            (title, body.join("\n"))
        }
        Operation::Toggle => {
            let field = &toggled(spec).name;
            // The list item's children start at column 12 (see list_jsx).
            let control = match toggle {
                Some((component, _)) => element(
                    12,
                    component,
                    &[
                        format!("id={{{s}.id}}"),
                        format!("{field}={{{s}.{field}}}"),
                        submitted_attr(&format!("{s}.id")),
                    ],
                ),
                None if spec.form => {
                    form_element(12, vec![format!("{s}={{{s}}}")], &format!("{s}.id"))
                }
                None => format!("{{String({s}.{field})}}"),
            };
            // The record's other fields name the item: its first one beside the toggle.
            let item = match spec.fields.iter().find(|f| f.ty != FieldType::Boolean) {
                Some(label) => format!("{}{{{s}.{}}}\n{control}", " ".repeat(12), label.name),
                None => control,
            };
            (title, list_jsx(n, ui, &item))
        }
        Operation::Update => (
            format!("Edit {}", n.words),
            if spec.form {
                form_element(
                    6,
                    vec![format!("{s}={{{record}}}")],
                    &format!("{record}.id"),
                )
            } else {
                String::new()
            },
        ),
        Operation::Delete => {
            let mut body = "      <p>This cannot be undone.</p>".to_string();
            if spec.form {
                body.push('\n');
                body.push_str(&form_element(
                    6,
                    vec![format!("{s}Id={{{record}.id}}")],
                    &format!("{record}.id"),
                ));
            }
            (format!("Delete {}", n.words), body)
        }
    };
    json!({
        "imports": import_block(&[packages, own, siblings]),
        "signature": signature,
        "param_names": param_names.join(", "),
        "session": session_lines(spec.auth),
        "lists": lists,
        "plural": n.plural,
        "singular": record,
        "load_records": lookup,
        "main_open": match style::page_class(ui, Role::Main) {
            Some(class) => format!("    <main {class}>"),
            None => "    <main>".to_string(),
        },
        "heading_jsx": layout::jsx_text(6, "h1", &style::with_page_class(ui, Role::Heading, Vec::new()), &heading),
        "body": body,
        "cache_components": project.cache_components,
        "connection": connection,
        "last_submit": last_submit,
    })
}

fn display_field(spec: &ActionSpec) -> String {
    spec.fields
        .iter()
        .find(|f| f.ty != FieldType::Boolean)
        .map(|f| f.name.clone())
        .unwrap_or_else(|| "id".into())
}

/// `<ul>` of the records with `item` (JSX, laid out from column 12 when it spans
/// lines) inside each `<li>`.
fn list_jsx(n: &Names, ui: Ui, item: &str) -> String {
    let attrs = style::with_page_class(ui, Role::Item, vec![format!("key={{{}.id}}", n.singular)]);
    let li = if item.contains('\n') {
        layout::jsx_block(10, "li", &attrs, item)
    } else {
        layout::jsx_text(10, "li", &attrs, item.trim_start())
    };
    layout::jsx_block(
        6,
        "ul",
        &style::with_page_class(ui, Role::List, Vec::new()),
        &format!(
            "        {{{}.map(({}) => (\n{li}\n        ))}}",
            n.plural, n.singular
        ),
    )
}
