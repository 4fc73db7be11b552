//! The `next.config` settings that change what generated code must look like, read with oxc.
//!
//! Next 16's `cacheComponents` turns route segment config (`runtime`, `dynamic`) into build
//! errors and makes pages that read the request outside `<Suspense>` fail to prerender, so the
//! generators need to know it. The config is code: a literal `cacheComponents: true` anywhere
//! in it (top level, or `experimental` in the 15 canaries, or inside a wrapper such as
//! `withSentryConfig({...})`) is read as such; any other expression is reported as unknown.

use std::path::{Path, PathBuf};

use oxc_allocator::Allocator;
use oxc_ast::ast::{Expression, ObjectProperty, PropertyKey};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// The file names Next.js looks for, in its order.
const FILES: &[&str] = &[
    "next.config.ts",
    "next.config.mts",
    "next.config.mjs",
    "next.config.js",
    "next.config.cjs",
];

/// A boolean setting as the config states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Setting {
    /// Not set: Next's default applies.
    #[default]
    Unset,
    On,
    Off,
    /// Set by an expression scaffold cannot evaluate (an env variable, a call).
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NextConfig {
    /// The config file, relative to the project root.
    pub file: Option<PathBuf>,
    pub cache_components: Setting,
    /// Whether the file failed to parse (then every setting is `Unset`).
    pub unreadable: Option<String>,
}

/// Reads the first `next.config.*` in `root`; a project without one has every default.
pub fn read(root: &Path) -> NextConfig {
    let Some(name) = FILES.iter().find(|f| root.join(f).is_file()) else {
        return NextConfig::default();
    };
    let file = PathBuf::from(name);
    match std::fs::read_to_string(root.join(name)) {
        Ok(text) => {
            let mut config = parse(name, &text);
            config.file = Some(file);
            config
        }
        Err(e) => NextConfig {
            file: Some(file),
            unreadable: Some(e.to_string()),
            ..NextConfig::default()
        },
    }
}

/// The settings of one config file's source text.
pub fn parse(name: &str, text: &str) -> NextConfig {
    let source_type = SourceType::from_path(name).unwrap_or_else(|_| SourceType::mjs());
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, text, source_type).parse();
    if let Some(error) = crate::syntax::first_error(text, &parsed) {
        return NextConfig {
            unreadable: Some(error),
            ..NextConfig::default()
        };
    }
    let mut finder = Finder::default();
    finder.visit_program(&parsed.program);
    NextConfig {
        cache_components: finder.cache_components,
        ..NextConfig::default()
    }
}

#[derive(Default)]
struct Finder {
    cache_components: Setting,
}

impl<'a> Visit<'a> for Finder {
    fn visit_object_property(&mut self, prop: &ObjectProperty<'a>) {
        let name = match &prop.key {
            PropertyKey::StaticIdentifier(id) => Some(id.name.as_str()),
            PropertyKey::StringLiteral(s) => Some(s.value.as_str()),
            _ => None,
        };
        // `dynamicIO` is what the 15 canaries called the same switch.
        if matches!(name, Some("cacheComponents" | "dynamicIO")) {
            let value = match prop.value.without_parentheses() {
                Expression::BooleanLiteral(b) if b.value => Setting::On,
                Expression::BooleanLiteral(_) => Setting::Off,
                _ => Setting::Unknown,
            };
            // One `true` wins: a config that turns it on anywhere builds with it on.
            if self.cache_components != Setting::On {
                self.cache_components = value;
            }
        }
        walk::walk_object_property(self, prop);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache_components(name: &str, text: &str) -> Setting {
        parse(name, text).cache_components
    }

    #[test]
    fn reads_cache_components_in_the_shapes_configs_take() {
        let table: &[(&str, &str, Setting)] = &[
            // create-next-app 16
            (
                "next.config.ts",
                "import type { NextConfig } from \"next\";\nconst nextConfig: NextConfig = {\n  cacheComponents: true,\n  partialPrefetching: true,\n};\nexport default nextConfig;\n",
                Setting::On,
            ),
            // create-next-app 15
            (
                "next.config.ts",
                "import type { NextConfig } from \"next\";\nconst nextConfig: NextConfig = {};\nexport default nextConfig;\n",
                Setting::Unset,
            ),
            (
                "next.config.mjs",
                "export default { cacheComponents: false };",
                Setting::Off,
            ),
            (
                "next.config.js",
                "/** @type {import('next').NextConfig} */\nmodule.exports = { \"cacheComponents\": true }",
                Setting::On,
            ),
            (
                "next.config.mjs",
                "import { withSentryConfig } from '@sentry/nextjs';\nexport default withSentryConfig({ cacheComponents: true }, { silent: true });",
                Setting::On,
            ),
            (
                "next.config.ts",
                "export default { experimental: { dynamicIO: true } };",
                Setting::On,
            ),
            (
                "next.config.ts",
                "export default { cacheComponents: process.env.CC === '1' };",
                Setting::Unknown,
            ),
            (
                "next.config.ts",
                "export default (phase) => ({ cacheComponents: (true) });",
                Setting::On,
            ),
            // A comment or a string mentioning it is not the setting.
            (
                "next.config.ts",
                "// cacheComponents: true\nexport default { env: { X: 'cacheComponents: true' } };",
                Setting::Unset,
            ),
        ];
        for (name, text, want) in table {
            assert_eq!(cache_components(name, text), *want, "{text}");
        }
    }

    #[test]
    fn a_broken_config_is_reported_not_guessed() {
        let config = parse("next.config.ts", "export default { cacheComponents: true ");
        assert_eq!(config.cache_components, Setting::Unset);
        assert!(config.unreadable.is_some());
    }
}
