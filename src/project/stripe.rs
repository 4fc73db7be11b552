//! The Stripe event types the installed SDK knows, read from its type declarations with
//! oxc, so `--events` typos are refused before they reach the type-checker.

use std::collections::BTreeSet;
use std::path::Path;

use oxc_allocator::Allocator;
use oxc_ast::ast::{TSLiteral, TSPropertySignature, TSType};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// Every `type: '…'` literal of the event interfaces in `stripe`'s declarations, or
/// `None` when the package is not installed (or its layout is unknown).
pub fn event_types(root: &Path) -> Option<BTreeSet<String>> {
    let stripe = root.join("node_modules/stripe");
    let file = [
        "esm/resources/Events.d.ts",
        "cjs/resources/Events.d.ts",
        "types/EventTypes.d.ts",
    ]
    .iter()
    .map(|f| stripe.join(f))
    .find(|p| p.is_file())?;
    let source = std::fs::read_to_string(&file).ok()?;
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, &source, SourceType::d_ts()).parse();
    let mut collector = Collector(BTreeSet::new());
    collector.visit_program(&parsed.program);
    (!collector.0.is_empty()).then_some(collector.0)
}

struct Collector(BTreeSet<String>);

impl<'a> Visit<'a> for Collector {
    fn visit_ts_property_signature(&mut self, it: &TSPropertySignature<'a>) {
        if it.key.static_name().as_deref() == Some("type")
            && let Some(TSType::TSLiteralType(lit)) =
                it.type_annotation.as_ref().map(|t| &t.type_annotation)
            && let TSLiteral::StringLiteral(s) = &lit.literal
        {
            self.0.insert(s.value.to_string());
        }
        walk::walk_ts_property_signature(self, it);
    }
}

/// The known event closest to `event`, for a "did you mean" hint.
pub fn closest<'a>(event: &str, known: &'a BTreeSet<String>) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(event, k), k))
        .filter(|(d, _)| *d <= 6)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.as_str())
}
