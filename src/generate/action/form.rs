//! The client components: the form (with the optimistic list on create) and the
//! optimistic toggle. Each is one `<form>` whose action is the Server Action itself, so
//! a browser without JavaScript posts it; with JavaScript, `onSubmit` runs the optimistic
//! update and the action in one transition.

use heck::{ToKebabCase, ToLowerCamelCase, ToUpperCamelCase};
use serde_json::{Value, json};

use super::Names;
use crate::generate::style::{self, MODULE_BINDING, Role};
use crate::layout::{self, Arg};
use crate::project::shadcn::Shadcn;
use crate::spec::{ActionSpec, Field, FieldType, Operation, Ui};

/// The shadcn/ui components a form may use in place of native elements. Checkboxes
/// and selects stay native: shadcn's Radix versions need JavaScript to change.
const KIT_COMPONENTS: [&str; 4] = ["button", "input", "label", "textarea"];

/// Which shadcn/ui components the generated components use: those the spec's `--ui
/// shadcn` asks for and the project has.
pub struct Kit<'a> {
    ui: Ui,
    shadcn: &'a Shadcn,
}

impl<'a> Kit<'a> {
    pub fn new(ui: Ui, shadcn: &'a Shadcn) -> Kit<'a> {
        Kit { ui, shadcn }
    }

    /// `Input` for `input` when the project has shadcn's, else `None`. Only the kit's
    /// components count: a project's own `checkbox.tsx` (Radix) is never used.
    fn component(&self, name: &str) -> Option<String> {
        (self.ui == Ui::Shadcn && KIT_COMPONENTS.contains(&name) && self.shadcn.has(name))
            .then(|| name.to_upper_camel_case())
    }

    /// The element for `name` (`input`), and whether it is shadcn's (styled already).
    fn tag(&self, name: &str) -> (String, bool) {
        match self.component(name) {
            Some(component) => (component, true),
            None => (name.to_string(), false),
        }
    }

    /// The components `spec`'s form needs, by file stem.
    pub fn needed(spec: &ActionSpec) -> Vec<&'static str> {
        let sent: Vec<&Field> = spec
            .fields
            .iter()
            .filter(|f| spec.op != Operation::Toggle || f.ty == FieldType::Boolean)
            .collect();
        KIT_COMPONENTS
            .into_iter()
            .filter(|c| match *c {
                "button" => true,
                "label" => !sent.is_empty(),
                "textarea" => sent.iter().any(|f| f.ty == FieldType::Text),
                _ => sent.iter().any(|f| {
                    !matches!(
                        f.ty,
                        FieldType::Text | FieldType::Boolean | FieldType::Enum(_)
                    )
                }),
            })
            .collect()
    }

    /// `import { Button } from "@/components/ui/button";` for each component used.
    fn imports(&self, spec: &ActionSpec) -> String {
        Self::needed(spec)
            .into_iter()
            .filter_map(|c| {
                let component = self.component(c)?;
                Some(format!(
                    "import {{ {component} }} from \"{}/{c}\";",
                    self.shadcn.import_prefix
                ))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn pad(indent: usize) -> String {
    " ".repeat(indent)
}

/// The CSS module a plain component imports, named after its component's file.
pub fn css_module_file(component_file: &str) -> String {
    format!("{}.module.css", component_file.trim_end_matches(".tsx"))
}

/// `imports`, then the CSS module's import when the component is plain.
fn with_css_module(ui: Ui, component_file: &str, imports: String) -> String {
    if ui != Ui::Plain {
        return imports;
    }
    format!(
        "{imports}\nimport {MODULE_BINDING} from \"./{}\";",
        css_module_file(component_file)
    )
}

/// One labelled control with its error text, at `indent`.
fn field_jsx(f: &Field, indent: usize, kit: &Kit<'_>) -> String {
    let ui = kit.ui;
    let i = indent + 2;
    let control_id = format!("{{`${{id}}-{}`}}", f.name);
    let error_id = format!("{{`${{id}}-{}-error`}}", f.name);
    let (label_tag, styled) = kit.tag("label");
    let mut label_attrs = vec![format!("htmlFor={control_id}")];
    if !styled {
        label_attrs.extend(style::class(ui, Role::Label));
    }
    let label = layout::jsx_text(i, &label_tag, &label_attrs, &f.label());
    let mut attrs = vec![
        format!("id={control_id}"),
        format!("name={}", layout::string(&f.name)),
    ];
    match &f.ty {
        FieldType::Email => attrs.push("type=\"email\"".into()),
        FieldType::Url => attrs.push("type=\"url\"".into()),
        FieldType::Number => {
            let step = match f.scale {
                Some(scale) => format!("step=\"{}\"", step(scale)),
                None => "step=\"any\"".to_string(),
            };
            attrs.extend(["type=\"number\"".to_string(), step])
        }
        FieldType::Integer => attrs.extend(["type=\"number\"".to_string(), "step={1}".to_string()]),
        FieldType::Date => attrs.push("type=\"date\"".into()),
        FieldType::Boolean => attrs.push("type=\"checkbox\"".into()),
        _ => {}
    }
    if f.required && f.ty != FieldType::Boolean {
        attrs.push("required".into());
    }
    let (lo, hi) = if f.ty.is_numeric() {
        ("min", "max")
    } else {
        ("minLength", "maxLength")
    };
    if let Some(min) = f.min {
        attrs.push(format!("{lo}={{{min}}}"));
    }
    if let Some(max) = f.max {
        attrs.push(format!("{hi}={{{max}}}"));
    }
    match &f.ty {
        FieldType::Boolean => attrs.push(format!("defaultChecked={{values.{}}}", f.name)),
        // React does not re-apply a changed defaultValue to a mounted <select>, so the
        // key remounts it with the echoed value after a failed submit.
        FieldType::Enum(_) => {
            attrs.push(format!("key={{values.{}}}", f.name));
            attrs.push(format!("defaultValue={{values.{} ?? \"\"}}", f.name));
        }
        _ => attrs.push(format!("defaultValue={{values.{}}}", f.name)),
    }
    attrs.push(format!(
        "aria-invalid={{Boolean(state.fieldErrors?.{})}}",
        f.name
    ));
    attrs.push(format!("aria-describedby={error_id}"));
    let control_role = if f.ty == FieldType::Boolean {
        Role::Checkbox
    } else {
        Role::Control
    };
    let native = match &f.ty {
        FieldType::Text => "textarea",
        FieldType::Boolean => "checkbox",
        FieldType::Enum(_) => "select",
        _ => "input",
    };
    let (control_tag, styled) = kit.tag(native);
    if !styled {
        attrs.extend(style::class(ui, control_role));
    }
    let control = match &f.ty {
        FieldType::Text => layout::jsx_empty(i, &control_tag, &{
            let mut a = attrs.clone();
            a.insert(2, "rows={5}".into());
            a
        }),
        FieldType::Enum(values) => {
            let mut placeholder_attrs = vec!["value=\"\"".to_string()];
            if f.required {
                placeholder_attrs.push("disabled".to_string());
            }
            let mut options = vec![layout::jsx_text(
                i + 2,
                "option",
                &placeholder_attrs,
                if f.required { "Choose…" } else { "None" },
            )];
            for v in values {
                let text = Field {
                    name: v.to_lower_camel_case(),
                    ty: FieldType::String,
                    required: true,
                    min: None,
                    max: None,
                    scale: None,
                }
                .label();
                options.push(layout::jsx_text(
                    i + 2,
                    "option",
                    &[format!("value={}", layout::string(v))],
                    &text,
                ));
            }
            layout::jsx_block(i, "select", &attrs, &options.join("\n"))
        }
        FieldType::Boolean => layout::jsx_empty(i, "input", &attrs),
        _ => layout::jsx_empty(i, &control_tag, &attrs),
    };
    let error = layout::jsx_empty(
        i,
        "FieldError",
        &[
            format!("id={error_id}"),
            format!("errors={{state.fieldErrors?.{}}}", f.name),
        ],
    );
    let (inner, wrapper) = if f.ty == FieldType::Boolean {
        ([control, label, error], Role::Check)
    } else {
        ([label, control, error], Role::Field)
    };
    layout::jsx_block(
        indent,
        "div",
        &style::with_class(ui, wrapper, Vec::new()),
        &inner.join("\n"),
    )
}

/// `{test && <element />}` as a JSX child at `indent`: flat when it fits, else the
/// element in parentheses on its own lines. `element` lays it out at an indent.
fn guarded(indent: usize, test: &str, element: impl Fn(usize) -> String) -> String {
    let flat = element(0);
    let line = format!("{}{{{test} && {flat}}}", pad(indent));
    if !flat.contains('\n') && layout::fits_columns(layout::columns(&line)) {
        return line;
    }
    format!(
        "{}{{{test} && (\n{}\n{})}}",
        pad(indent),
        element(indent + 2),
        pad(indent)
    )
}

/// `{state.message && (<p role=…>…</p>)}`: the outcome, announced.
fn message_jsx(indent: usize, ui: Ui) -> String {
    guarded(indent, "state.message", |at| {
        layout::jsx_text(
            at,
            "p",
            &style::with_class(
                ui,
                Role::Message,
                vec!["role={state.status === \"error\" ? \"alert\" : \"status\"}".to_string()],
            ),
            "{state.message}",
        )
    })
}

/// The optimistic list of the create form, at `indent`.
fn list_jsx(spec: &ActionSpec, indent: usize, ui: Ui) -> String {
    let display = spec
        .fields
        .iter()
        .find(|f| !matches!(f.ty, FieldType::Boolean))
        .map(|f| format!("{{item.{}}}", f.name))
        .unwrap_or_else(|| "{item.id}".to_string());
    let li = layout::jsx_block(
        indent + 4,
        "li",
        &style::with_class(
            ui,
            Role::Item,
            vec![
                "key={item.id}".to_string(),
                "aria-busy={item.pending}".to_string(),
            ],
        ),
        &format!(
            "{p}{display}\n{p}{{item.pending && \" (saving…)\"}}",
            p = pad(indent + 6)
        ),
    );
    layout::jsx_block(
        indent,
        "ul",
        &style::with_class(ui, Role::List, Vec::new()),
        &format!(
            "{p}{{shown.map((item) => (\n{li}\n{p}))}}",
            p = pad(indent + 2)
        ),
    )
}

/// The form component's file name.
pub fn form_file(n: &Names) -> String {
    format!("{}.tsx", n.form_component().to_kebab_case())
}

/// Context of templates/action/form.tsx.hbs. `list`: the create form also shows the
/// records, with the new one optimistically.
pub fn form_context(spec: &ActionSpec, n: &Names, list: bool, kit: &Kit<'_>) -> Value {
    let ui = spec.ui;
    let has_fields = !spec.fields.is_empty();
    let mut types = vec![n.state_type()];
    let (mut members, mut props, values_line) = match spec.op {
        Operation::Create => {
            types.push(n.values_type());
            (
                Vec::new(),
                Vec::new(),
                format!(
                    "  const values: {} = state.values ?? {{}};",
                    n.values_type()
                ),
            )
        }
        Operation::Update | Operation::Toggle => {
            types.push(n.record.clone());
            (
                vec![format!("{}: {}", n.singular, n.record)],
                vec![n.singular.clone()],
                format!("  const values = state.values ?? {};", n.singular),
            )
        }
        Operation::Delete => (
            vec![format!("{}Id: string", n.singular)],
            vec![format!("{}Id", n.singular)],
            String::new(),
        ),
    };
    if list {
        types.push(n.record.clone());
        members.insert(0, format!("{}: {}[]", n.plural, n.record));
        props.insert(0, n.plural.clone());
    }
    // The page hands in what the action answered a browser without JavaScript, read
    // after the redirect (see lib/form-state.ts).
    members.push(format!("submitted?: {}", n.state_type()));
    props.push("submitted".to_string());
    types.sort();
    let mut schema_names: Vec<String> = Vec::new();
    if list {
        schema_names.push(n.read_fn());
    }
    schema_names.extend(types.iter().map(|t| format!("type {t}")));
    let schema_import = if list {
        layout::import(&schema_names, "./schema")
    } else {
        layout::import_type(&types, "./schema")
    };
    let schema_import = with_css_module(ui, &form_file(n), schema_import);

    let mut react = Vec::new();
    if list {
        react.push("startTransition".to_string());
    }
    react.push("useActionState".to_string());
    if has_fields {
        react.push("useId".to_string());
    }
    if list {
        react.extend([
            "useOptimistic".to_string(),
            "type SyntheticEvent".to_string(),
        ]);
    }
    let react_dom = if list {
        "import { requestFormReset, useFormStatus } from \"react-dom\";"
    } else {
        "import { useFormStatus } from \"react-dom\";"
    };

    let (submit, pending) = match spec.op {
        Operation::Create => (format!("Create {}", n.words), "Creating…".to_string()),
        Operation::Update => (format!("Save {}", n.words), "Saving…".to_string()),
        Operation::Delete => (format!("Delete {}", n.words), "Deleting…".to_string()),
        Operation::Toggle => ("Save".to_string(), "Saving…".to_string()),
    };

    // The return's JSX: the list and the form in a fragment, or the form alone.
    let form_indent = if list { 6 } else { 4 };
    let mut children = Vec::new();
    // The id is a hidden field rather than a .bind() argument: a Client Component
    // that binds an action hangs the no-JavaScript submit in Next 15
    // (vercel/next.js#98045). Either way the client supplies it, so the action
    // validates it and scopes the write to the owner.
    match spec.op {
        Operation::Create => {}
        Operation::Delete => children.push(format!(
            "{}<input type=\"hidden\" name=\"id\" value={{{}Id}} />",
            pad(form_indent + 2),
            n.singular
        )),
        _ => children.push(format!(
            "{}<input type=\"hidden\" name=\"id\" value={{{}.id}} />",
            pad(form_indent + 2),
            n.singular
        )),
    }
    // A toggle's form changes only its boolean; the record's other fields stay.
    children.extend(
        spec.fields
            .iter()
            .filter(|f| spec.op != Operation::Toggle || f.ty == FieldType::Boolean)
            .map(|f| field_jsx(f, form_indent + 2, kit)),
    );
    children.push(message_jsx(form_indent + 2, ui));
    children.push(format!("{}<SubmitButton />", pad(form_indent + 2)));
    let mut form_attrs = vec!["action={formAction}".to_string()];
    if list {
        form_attrs.push("onSubmit={submit}".to_string());
    }
    let form = layout::jsx_block(
        form_indent,
        "form",
        &style::with_class(ui, Role::Form, form_attrs),
        &children.join("\n"),
    );
    let form_jsx = if list {
        format!("    <>\n{}\n{form}\n    </>", list_jsx(spec, 6, ui))
    } else {
        form
    };

    let prop_names: Vec<&str> = props.iter().map(String::as_str).collect();
    let button_jsx = {
        let (tag, styled) = kit.tag("button");
        let mut attrs = vec![
            "type=\"submit\"".to_string(),
            "disabled={pending}".to_string(),
        ];
        if styled {
            // shadcn's Button styles itself; in the form's column it keeps its width.
            attrs.push("className=\"self-start\"".to_string());
        } else {
            attrs.extend(style::class(ui, Role::Button));
        }
        layout::jsx_text(
            4,
            &tag,
            &attrs,
            &format!(
                "{{pending ? {} : {}}}",
                layout::string(&pending),
                layout::string(&submit)
            ),
        )
    };
    json!({
        "name": spec.name,
        "react_import": layout::import(&react, "react"),
        "react_dom_import": react_dom,
        "schema_import": schema_import,
        "state_type": n.state_type(),
        "values_type": n.values_type(),
        "props_type": layout::object_type("Props", &members),
        "signature": layout::destructured(&format!("export function {}", n.form_component()), &prop_names, "Props", " {"),
        "use_action_state": layout::call(
            2,
            "const [state, formAction] = ",
            "useActionState",
            &[Arg::plain(spec.name.clone()), Arg::plain("submitted ?? initialState")],
            ";",
        ),
        // Explicit type arguments: when every field is optional, Shown is assignable to
        // the record type and inference would pick the narrower state without `pending`.
        "use_optimistic": layout::call(
            2,
            // Not `items`: the list's prop is named after the resource, often that.
            "const [shown, show] = ",
            "useOptimistic<Shown[], Shown>",
            &[Arg::plain(n.plural.clone()), Arg::plain("addPending")],
            ";",
        ),
        "list": list,
        "plural_words": n.plural_words(),
        "singular_words": n.words,
        "read_fn": n.read_fn(),
        "has_fields": has_fields,
        "values_line": values_line,
        "form_jsx": form_jsx,
        "ui_imports": kit.imports(spec),
        "button_jsx": button_jsx,
        "field_error_jsx": layout::jsx_text(
            4,
            "p",
            &style::with_class(ui, Role::FieldError, vec!["id={id}".to_string(), "aria-live=\"polite\"".to_string()]),
            "{errors?.join(\" \")}",
        ),
    })
}

/// The boolean a toggle flips; validation guarantees there is one.
pub(super) fn toggled(spec: &ActionSpec) -> &Field {
    spec.toggled().expect("a toggle spec has one boolean field")
}

/// The toggle component's name and file.
pub fn toggle_component(spec: &ActionSpec, n: &Names) -> (String, String) {
    let component = format!(
        "{}{}Toggle",
        n.record,
        toggled(spec).name.to_upper_camel_case()
    );
    let file = format!("{}.tsx", component.to_kebab_case());
    (component, file)
}

/// Context of templates/action/optimistic-toggle.tsx.hbs.
pub fn toggle_context(spec: &ActionSpec, n: &Names) -> Value {
    let ui = spec.ui;
    let (component, file) = toggle_component(spec, n);
    let field = toggled(spec).name.clone();
    let schema_import = with_css_module(
        ui,
        &file,
        layout::import_type(&[n.state_type()], "./schema"),
    );
    let flag = format!(
        "<input type=\"hidden\" name={} value=\"on\" />",
        layout::string(&field)
    );
    let children = [
        "      <input type=\"hidden\" name=\"id\" value={id} />".to_string(),
        layout::and_element(6, "!optimistic", &flag),
        layout::jsx_text(
            6,
            "button",
            &style::with_class(
                ui,
                Role::Toggle,
                vec![
                    "type=\"submit\"".to_string(),
                    "aria-pressed={optimistic}".to_string(),
                ],
            ),
            &toggled(spec).label(),
        ),
        guarded(6, "state.status === \"error\"", |indent| {
            layout::jsx_text(
                indent,
                "span",
                &style::with_class(ui, Role::FieldError, vec!["role=\"alert\"".to_string()]),
                "{state.message}",
            )
        }),
    ];
    let form_jsx = layout::jsx_block(
        4,
        "form",
        // A row that wraps its alert below: the checkbox field's layout.
        &style::with_class(
            ui,
            Role::Check,
            vec![
                "action={formAction}".to_string(),
                "onSubmit={flip}".to_string(),
            ],
        ),
        &children.join("\n"),
    );
    json!({
        "name": spec.name,
        "react_import": layout::import(
            &[
                "startTransition".to_string(),
                "useActionState".to_string(),
                "useOptimistic".to_string(),
                "type SyntheticEvent".to_string(),
            ],
            "react",
        ),
        "schema_import": schema_import,
        "state_type": n.state_type(),
        "props_type": layout::object_type(
            "Props",
            &[
                "id: string".to_string(),
                format!("{field}: boolean"),
                format!("submitted?: {}", n.state_type()),
            ],
        ),
        "signature": layout::destructured(
            &format!("export function {component}"),
            &["id", &field, "submitted"],
            "Props",
            " {",
        ),
        "use_action_state": layout::call(
            2,
            "const [state, formAction] = ",
            "useActionState",
            &[Arg::plain(spec.name.clone()), Arg::plain("submitted ?? initialState")],
            ";",
        ),
        "field": field,
        "form_jsx": form_jsx,
    })
}

/// `0.01` for two decimal places: the smallest step a number field takes.
pub(super) fn step(scale: u32) -> String {
    match scale {
        0 => "1".to_string(),
        n => format!("0.{}1", "0".repeat(n as usize - 1)),
    }
}
