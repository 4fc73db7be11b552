//! Spec + project → Plan, by rendering the embedded templates.

pub mod action;
pub mod layout;

use std::sync::OnceLock;

use anyhow::{Context, Result};
use handlebars::Handlebars;
use include_dir::{Dir, include_dir};
use serde::Serialize;

include!(concat!(env!("OUT_DIR"), "/templates.rs"));

static TEMPLATE_DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The registry: strict (a missing variable is an error, not an empty string) and without
/// HTML escaping, which would corrupt TSX.
fn registry() -> &'static Handlebars<'static> {
    static REGISTRY: OnceLock<Handlebars<'static>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(handlebars::no_escape);
        for template in Template::ALL {
            let source = TEMPLATE_DIR
                .get_file(template.path())
                .and_then(|f| f.contents_utf8())
                .expect("every registry entry is embedded (checked by build.rs)");
            hb.register_template_string(template.path(), source)
                .expect("templates are parsed at build time");
        }
        hb
    })
}

/// Renders `template` with `context`.
pub fn render(template: Template, context: &impl Serialize) -> Result<String> {
    registry()
        .render(template.path(), context)
        .with_context(|| format!("rendering template {}", template.path()))
}
