//! The formatting options a project sets, in prettier's vocabulary (Biome's map onto them).

use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrailingComma {
    All,
    Es5,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteProps {
    AsNeeded,
    Consistent,
    Preserve,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndOfLine {
    Lf,
    Crlf,
    Cr,
    /// Keep what the file has (a new file: `\n`).
    Auto,
}

/// prettier's options that change how TypeScript is printed. The defaults are prettier 3's,
/// which is also the layout the templates are written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    pub print_width: usize,
    pub tab_width: usize,
    pub use_tabs: bool,
    pub semi: bool,
    pub single_quote: bool,
    pub jsx_single_quote: bool,
    pub trailing_comma: TrailingComma,
    pub bracket_spacing: bool,
    /// `arrowParens: "always"`; false is `"avoid"`.
    pub arrow_parens: bool,
    pub quote_props: QuoteProps,
    pub end_of_line: EndOfLine,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            print_width: 80,
            tab_width: 2,
            use_tabs: false,
            semi: true,
            single_quote: false,
            jsx_single_quote: false,
            trailing_comma: TrailingComma::All,
            bracket_spacing: true,
            arrow_parens: true,
            quote_props: QuoteProps::AsNeeded,
            end_of_line: EndOfLine::Lf,
        }
    }
}

impl Style {
    /// One level of indentation.
    pub fn unit(&self) -> String {
        if self.use_tabs {
            "\t".to_string()
        } else {
            " ".repeat(self.tab_width)
        }
    }

    /// Sets the options prettier names in `options` (a config file's top level or an
    /// override's `options`). Unknown keys and values of the wrong type are ignored, as
    /// prettier ignores options it does not know.
    pub fn apply_prettier(&mut self, options: &serde_json::Map<String, Value>) {
        for (key, value) in options {
            match (key.as_str(), value) {
                ("printWidth", Value::Number(n)) => {
                    if let Some(n) = n.as_u64() {
                        self.print_width = n as usize;
                    }
                }
                ("tabWidth", Value::Number(n)) => {
                    if let Some(n) = n.as_u64() {
                        self.tab_width = n as usize;
                    }
                }
                ("useTabs", Value::Bool(b)) => self.use_tabs = *b,
                ("semi", Value::Bool(b)) => self.semi = *b,
                ("singleQuote", Value::Bool(b)) => self.single_quote = *b,
                ("jsxSingleQuote", Value::Bool(b)) => self.jsx_single_quote = *b,
                ("bracketSpacing", Value::Bool(b)) => self.bracket_spacing = *b,
                ("trailingComma", Value::String(s)) => {
                    self.trailing_comma = match s.as_str() {
                        "es5" => TrailingComma::Es5,
                        "none" => TrailingComma::None,
                        _ => TrailingComma::All,
                    }
                }
                ("arrowParens", Value::String(s)) => self.arrow_parens = s != "avoid",
                ("quoteProps", Value::String(s)) => {
                    self.quote_props = match s.as_str() {
                        "consistent" => QuoteProps::Consistent,
                        "preserve" => QuoteProps::Preserve,
                        _ => QuoteProps::AsNeeded,
                    }
                }
                ("endOfLine", Value::String(s)) => self.end_of_line = eol(s),
                _ => {}
            }
        }
    }

    /// The options in `options` that move line breaks in ways the restyle does not follow
    /// (prettier's defaults excepted): only the formatter can apply them.
    pub fn unfollowed_prettier(options: &serde_json::Map<String, Value>) -> Vec<String> {
        let default = |key: &str, value: &Value| match key {
            "bracketSameLine" | "singleAttributePerLine" | "experimentalTernaries" => {
                value == &Value::Bool(false)
            }
            "objectWrap" => value == "preserve",
            "experimentalOperatorPosition" => value == "end",
            _ => true,
        };
        options
            .iter()
            .filter(|(k, v)| !default(k, v))
            .map(|(k, v)| format!("{k}: {v}"))
            .collect()
    }

    /// The columns a line takes, as prettier counts them (a tab is `tabWidth` wide, a
    /// wide character two).
    pub fn width(&self, line: &str) -> usize {
        line.chars()
            .map(|c| match c {
                '\t' => self.tab_width,
                c if is_wide(c) => 2,
                _ => 1,
            })
            .sum()
    }
}

pub fn eol(s: &str) -> EndOfLine {
    match s {
        "crlf" => EndOfLine::Crlf,
        "cr" => EndOfLine::Cr,
        "auto" => EndOfLine::Auto,
        _ => EndOfLine::Lf,
    }
}

/// East Asian wide and fullwidth ranges, enough for prettier's `getStringWidth` on text a
/// user might type into a label or message.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD)
}
