//! Spec + project → Plan, by rendering the embedded templates.

pub mod action;
pub mod route;
mod style;

use std::sync::OnceLock;

use anyhow::{Context, Result};
use handlebars::Handlebars;
use include_dir::{Dir, include_dir};
use serde::Serialize;

include!(concat!(env!("OUT_DIR"), "/templates.rs"));

static TEMPLATE_DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The engine: strict (a missing variable is an error, not an empty string) and without
/// HTML escaping, which would corrupt TSX. Templates are not registered up front:
/// parsing all of them cost 90% of a run, and a run renders each template it uses once,
/// so each is compiled when it is rendered.
fn engine() -> &'static Handlebars<'static> {
    static ENGINE: OnceLock<Handlebars<'static>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(handlebars::no_escape);
        hb
    })
}

fn source(template: Template) -> &'static str {
    TEMPLATE_DIR
        .get_file(template.path())
        .and_then(|f| f.contents_utf8())
        .expect("every registry entry is embedded (checked by build.rs)")
}

/// Renders `template` with `context`, after checking that the context provides every
/// variable the template reads (the list comes from build.rs).
pub fn render(template: Template, context: &impl Serialize) -> Result<String> {
    let value = serde_json::to_value(context)?;
    let missing: Vec<&str> = template
        .variables()
        .iter()
        .copied()
        .filter(|v| value.get(v).is_none())
        .collect();
    anyhow::ensure!(
        missing.is_empty(),
        "template {} reads variables its context lacks: {}",
        template.path(),
        missing.join(", ")
    );
    engine()
        .render_template(source(template), &value)
        .with_context(|| format!("rendering template {}", template.path()))
}

/// Every file a plan writes must parse, and no name the user chose may meet a name the
/// templates declare in the same scope (`next build` would fail with "already been
/// declared"). Each file is parsed once; on failure nothing is written, and the message
/// says which file and name.
pub fn check_names(plan: &crate::plan::Plan) -> Result<()> {
    use crate::syntax::Invalid;
    for op in &plan.ops {
        let (crate::plan::Change::Write(text) | crate::plan::Change::Merge(text)) = &op.change
        else {
            continue;
        };
        match crate::syntax::check_semantics(&op.path, text) {
            Ok(()) => {}
            Err(Invalid::Syntax(why)) => anyhow::bail!(
                "internal error: generated {} does not parse ({why}); nothing was written",
                op.path.display()
            ),
            Err(Invalid::Semantic(why)) => anyhow::bail!(
                "the generated {} would not build ({why}): a name you chose (the resource, --name or a --field) clashes with one the generated code uses; pick another",
                op.path.display()
            ),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_knows_each_template_and_its_variables() {
        assert!(Template::ALL.len() >= 8);
        assert!(
            Template::ActionActionsTs
                .variables()
                .contains(&"auth_check")
        );
        assert!(Template::SharedDevStoreTs.variables().is_empty());
        let err = render(Template::ActionPageTsx, &serde_json::json!({})).unwrap_err();
        assert!(err.to_string().contains("lacks: "), "{err}");
    }
}
