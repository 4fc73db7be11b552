//! Checks every template under `templates/` with handlebars' own parser (a broken template
//! fails the build) and writes a typed registry to `$OUT_DIR/templates.rs`: one enum variant
//! per template with its path and the top-level variables it reads. Code names templates
//! through that enum, never by string.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::{env, fs};

use handlebars::template::{Parameter, Template, TemplateElement};
use heck_free::upper_camel;
use quote::{format_ident, quote};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("templates");
    println!("cargo:rerun-if-changed={}", root.display());

    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();

    let mut variants = Vec::new();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let source = fs::read_to_string(file).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let template = Template::compile(&source)
            .unwrap_or_else(|e| panic!("template {rel} does not parse: {e}"));
        let mut vars = BTreeSet::new();
        variables(&template, false, &mut vars);
        variants.push((rel, vars));
    }

    let idents: Vec<_> = variants
        .iter()
        .map(|(rel, _)| format_ident!("{}", upper_camel(rel.trim_end_matches(".hbs"))))
        .collect();
    let paths: Vec<_> = variants.iter().map(|(rel, _)| rel.as_str()).collect();
    let vars: Vec<_> = variants
        .iter()
        .map(|(_, vars)| {
            let vars = vars.iter();
            quote! { &[#(#vars),*] }
        })
        .collect();

    let file: syn::File = syn::parse2(quote! {
        /// Every template embedded in the binary, checked at build time.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Template {
            #(#idents,)*
        }

        impl Template {
            /// All templates, in path order.
            pub const ALL: &'static [Template] = &[#(Template::#idents,)*];

            /// Path under `templates/`, also the name it is registered under.
            pub fn path(self) -> &'static str {
                match self {
                    #(Template::#idents => #paths,)*
                }
            }

            /// Top-level context variables the template reads (outside `each` blocks).
            pub fn variables(self) -> &'static [&'static str] {
                match self {
                    #(Template::#idents => #vars,)*
                }
            }
        }
    })
    .expect("generated registry is valid Rust");

    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("templates.rs");
    fs::write(out, prettyplease::unparse(&file)).unwrap();
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "hbs") {
            out.push(path);
        }
    }
}

/// Collects the first segment of every path the template reads, skipping the bodies of
/// `each` blocks, whose paths are relative to the item.
fn variables(template: &Template, in_each: bool, out: &mut BTreeSet<String>) {
    for element in &template.elements {
        let helper = match element {
            TemplateElement::Expression(h)
            | TemplateElement::HtmlExpression(h)
            | TemplateElement::HelperBlock(h) => h,
            _ => continue,
        };
        let is_each = matches!(&helper.name, Parameter::Name(n) if n == "each");
        if !in_each {
            for param in std::iter::once(&helper.name).chain(helper.params.iter()) {
                if let Parameter::Path(handlebars::Path::Relative((_, raw))) = param {
                    let first = raw.split(['.', '/']).next().unwrap_or(raw);
                    if !first.is_empty() && first != "this" {
                        out.insert(first.to_string());
                    }
                }
            }
        }
        if let Some(inner) = &helper.template {
            variables(inner, in_each || is_each, out);
        }
        if let Some(inner) = &helper.inverse {
            variables(inner, in_each, out);
        }
    }
}

/// `action/form.tsx.hbs` → `ActionFormTsx`, without pulling heck into the build.
mod heck_free {
    pub fn upper_camel(path: &str) -> String {
        path.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|s| !s.is_empty())
            .map(|s| {
                let mut c = s.chars();
                let first = c.next().unwrap().to_ascii_uppercase();
                first.to_string() + c.as_str()
            })
            .collect()
    }
}
