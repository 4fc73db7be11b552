//! Turns flags and answers into a spec. Prompts only fill the spec; they never write files.
//! Without a terminal, every unanswered question is an error that names its flag.

mod prompter;
mod route;

use anyhow::{Result, bail};

pub use prompter::{Prompter, Terminal};
pub use route::{GatheredRoute, gather_route};

use crate::cli::ActionArgs;
use crate::data;
use crate::generate::action::check_lengths;
use crate::project::{AuthLib, Project};
use crate::spec::{ActionSpec, After, AuthChoice, Caller, Field, Operation, Segment};

/// The outcome of asking: an action to generate, or advice to write a route instead.
#[derive(Debug)]
pub enum Gathered {
    Action(ActionSpec),
    UseRoute {
        caller: Caller,
        why: String,
        command: String,
        /// The path the user gave, to carry into `new route`.
        path: Option<String>,
    },
}

/// How unanswered questions are settled.
pub enum Mode<'a> {
    /// Ask on the terminal (or a test double).
    Ask(&'a mut dyn Prompter),
    /// `--yes`: take every default.
    Defaults,
    /// No terminal and no `--yes`: an unanswered question is an error.
    Refuse,
}

pub fn gather_action(args: ActionArgs, project: &Project, mut mode: Mode<'_>) -> Result<Gathered> {
    // Flags missing in `Refuse` mode, reported all at once.
    let mut missing: Vec<&'static str> = Vec::new();

    // 1. Who calls this code decides action versus route.
    let caller = match (args.caller, &mut mode) {
        (Some(c), _) => c,
        (None, Mode::Ask(p)) => {
            let options: Vec<String> = Caller::ALL
                .iter()
                .map(|c| c.describe().to_string())
                .collect();
            Caller::ALL[p.select(
                "Who calls this code?",
                "Server Actions are for this app's own UI",
                &options,
                0,
            )?]
        }
        (None, Mode::Defaults) => Caller::ThisApp,
        (None, Mode::Refuse) => {
            missing.push("--caller");
            Caller::ThisApp
        }
    };
    if let Some((why, command)) = caller.route_advice(args.segment.as_deref()) {
        return Ok(Gathered::UseRoute {
            caller,
            why,
            command,
            path: args.segment.clone(),
        });
    }

    // 2. Where.
    let segment = match (&args.segment, &mut mode) {
        (Some(s), _) => Some(Segment::parse(s).map_err(anyhow::Error::msg)?),
        (None, Mode::Ask(p)) => {
            let answer = p.text(
                "Segment below app/",
                "e.g. posts or posts/[id]/edit",
                None,
                &|s| Segment::parse(s).map(|_| ()),
            )?;
            Some(Segment::parse(&answer).map_err(anyhow::Error::msg)?)
        }
        (None, _) => {
            missing.push("SEGMENT (the first argument, e.g. `posts`)");
            None
        }
    };

    // 3. What it does.
    let op = match (args.op, &mut mode) {
        (Some(op), _) => op,
        (None, Mode::Ask(p)) => {
            let options: Vec<String> = Operation::ALL
                .iter()
                .map(|o| o.verb().to_string())
                .collect();
            Operation::ALL[p.select("Operation", "toggle flips one boolean field", &options, 0)?]
        }
        (None, Mode::Defaults) => Operation::Create,
        (None, Mode::Refuse) => {
            missing.push("--op");
            Operation::Create
        }
    };

    let Some(mut segment) = segment else {
        return Err(refusal(&missing));
    };
    if let Some(resource) = &args.resource {
        segment = segment
            .with_resource(resource)
            .map_err(anyhow::Error::msg)?;
    } else if let Some(model) = &args.model
        && let Ok(named) = segment.clone().with_resource(model)
    {
        // `--model Post` names the resource (types, messages), whatever the folder is.
        segment = named;
    }

    let default_name = ActionSpec::default_name(&segment, op);
    let name = match (args.name, &mut mode) {
        (Some(n), _) => n,
        (None, Mode::Ask(p)) => p.text(
            "Action name",
            "a camelCase function name",
            Some(&default_name),
            &|s| crate::spec::names::check_identifier("action name", s),
        )?,
        (None, Mode::Defaults) => default_name,
        (None, Mode::Refuse) => {
            missing.push("--name");
            default_name
        }
    };

    // With Prisma or Drizzle, the model says what the fields are.
    let store = data::bind(
        project,
        segment.resource(),
        &data::Request {
            model: args.model.clone(),
            owner_column: args.owner_column.clone(),
            dev_store: args.dev_store,
        },
    )?;
    let fields = match (args.fields.is_empty(), &mut mode) {
        (false, _) if store.is_some() => {
            let binding = store.as_ref().expect("checked");
            binding.check_fields(&args.fields)?;
            args.fields
        }
        (false, _) => args.fields,
        (true, _) if op == Operation::Delete => Vec::new(),
        (true, _) if store.is_some() => model_fields(store.as_ref().expect("checked"), op)?,
        (true, Mode::Ask(p)) => ask_fields(*p, op)?,
        (true, Mode::Defaults) => ActionSpec::default_fields(op),
        (true, Mode::Refuse) => {
            missing.push("--field");
            Vec::new()
        }
    };

    let auth = match (args.auth, &mut mode) {
        (Some(a), _) => a.resolve(project.auth),
        (None, Mode::Ask(p)) => {
            let all = [
                AuthLib::NextAuth,
                AuthLib::Clerk,
                AuthLib::Supabase,
                AuthLib::None,
            ];
            let options: Vec<String> = all
                .iter()
                .map(|a| {
                    if *a == project.auth {
                        format!("{a} (detected)")
                    } else {
                        a.to_string()
                    }
                })
                .collect();
            let default = all.iter().position(|a| *a == project.auth).unwrap_or(0);
            all[p.select(
                "How does the action check the session?",
                "none makes the action public",
                &options,
                default,
            )?]
        }
        (None, Mode::Defaults) => AuthChoice::Auto.resolve(project.auth),
        (None, Mode::Refuse) => {
            missing.push("--auth");
            project.auth
        }
    };

    let default_after = default_after(&segment, op);
    let after = match (args.after, &mut mode) {
        (Some(a), _) => a,
        (None, Mode::Ask(p)) => {
            let options = vec![
                "revalidate: stay on the page and refresh it".to_string(),
                "redirect: go to another page".to_string(),
                "stay: show a message, refresh nothing".to_string(),
            ];
            let default = match default_after {
                After::Revalidate => 0,
                After::Redirect(_) => 1,
                After::Stay => 2,
            };
            match p.select(
                "After a successful submit",
                "what the user sees once the action has succeeded",
                &options,
                default,
            )? {
                0 => After::Revalidate,
                2 => After::Stay,
                _ => {
                    let suggested = match &default_after {
                        After::Redirect(path) => path.clone(),
                        _ => segment.url_path(),
                    };
                    let path = p.text(
                        "Redirect to",
                        "a path on this site",
                        Some(&suggested),
                        &|s| format!("redirect={s}").parse::<After>().map(|_| ()),
                    )?;
                    format!("redirect={path}")
                        .parse()
                        .map_err(anyhow::Error::msg)?
                }
            }
        }
        (None, Mode::Defaults) => default_after,
        (None, Mode::Refuse) => {
            missing.push("--after");
            default_after
        }
    };

    // Components have safe defaults expressed by flags (--no-form, --no-optimistic, --page),
    // so only an interactive run asks.
    let (mut form, mut optimistic, mut page) = (!args.no_form, !args.no_optimistic, args.page);
    let flags_given = args.no_form || args.no_optimistic || args.page;
    if let (Mode::Ask(p), false) = (&mut mode, flags_given) {
        let mut options = vec!["form component (works without JavaScript)".to_string()];
        if op.supports_optimistic() {
            options.push("optimistic component (useOptimistic)".to_string());
        }
        options.push("page.tsx rendering it".to_string());
        let defaults: Vec<usize> = (0..options.len() - 1).collect();
        let chosen = p.multi_select("Which components?", &options, &defaults)?;
        form = chosen.contains(&0);
        optimistic = op.supports_optimistic() && chosen.contains(&1);
        page = chosen.contains(&(options.len() - 1));
    }

    if !missing.is_empty() {
        return Err(refusal(&missing));
    }
    if let Some(binding) = &store
        && op == Operation::Create
    {
        let unset = binding.unset_required(&fields);
        if !unset.is_empty() {
            bail!(
                "{} requires {} on insert, but the form would not set {}: add {} with --field, or give the column a default",
                binding.model.name,
                unset
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                if unset.len() == 1 { "it" } else { "them" },
                if unset.len() == 1 { "it" } else { "them" },
            );
        }
    }
    let spec = ActionSpec {
        segment,
        name,
        op,
        fields,
        auth,
        after,
        form,
        optimistic: optimistic && op.supports_optimistic(),
        page,
        ui: args.ui.unwrap_or(project.ui),
        store: store.map(Box::new),
    };
    spec.validate().map_err(anyhow::Error::msg)?;
    check_lengths(&spec).map_err(anyhow::Error::msg)?;
    Ok(Gathered::Action(spec))
}

/// The fields a model gives an action: its editable columns, of which a toggle needs a
/// boolean.
fn model_fields(binding: &data::Binding, op: Operation) -> Result<Vec<Field>> {
    let fields = binding.fields(op);
    if fields.is_empty() {
        bail!(
            "{} has no column a form can edit (only keys, references and columns the database fills)",
            binding.model.name
        );
    }
    if op == Operation::Toggle
        && !fields
            .iter()
            .any(|f| f.ty == crate::spec::FieldType::Boolean)
    {
        bail!(
            "{} has no boolean column for --op toggle to flip",
            binding.model.name
        );
    }
    Ok(fields)
}

/// The error for answers that are missing without a terminal: every flag at once.
fn refusal(missing: &[&str]) -> anyhow::Error {
    anyhow::anyhow!(
        "no terminal to ask on, and these answers are missing: {}\n  pass them as flags, or --yes to accept the defaults",
        missing.join(", ")
    )
}

/// Delete goes back to the list the record was on; everything else refreshes in place.
fn default_after(segment: &Segment, op: Operation) -> After {
    if op == Operation::Delete {
        After::Redirect(segment.parent_url())
    } else {
        After::Revalidate
    }
}

pub(crate) fn ask_fields(p: &mut dyn Prompter, op: Operation) -> Result<Vec<Field>> {
    let defaults = ActionSpec::default_fields(op);
    let mut fields: Vec<Field> = Vec::new();
    loop {
        let default = if fields.is_empty() {
            defaults.first().map(|f| f.to_string())
        } else {
            None
        };
        let answer = p.text(
            if fields.is_empty() { "Field (name:type[:modifiers])" } else { "Another field (empty to finish)" },
            "types: string text email url number integer boolean date enum(a|b); modifiers: required (default) optional min=N max=N",
            default.as_deref(),
            &|s| if s.is_empty() { Ok(()) } else { s.parse::<Field>().map(|_| ()) },
        )?;
        if answer.is_empty() {
            if fields.is_empty() {
                bail!("at least one field is needed");
            }
            return Ok(fields);
        }
        fields.push(answer.parse().map_err(anyhow::Error::msg)?);
    }
}
