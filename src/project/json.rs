//! Reading the project's JSON files. tsconfig.json is JSONC (comments, trailing commas);
//! package.json is plain JSON but read the same forgiving way. Errors point at file:line:col.

use std::path::Path;

use anyhow::{Context, Result, anyhow};
use jsonc_parser::ParseOptions;
use serde_json::Value;

pub fn read(path: &Path) -> Result<Value> {
    let text = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text =
        String::from_utf8(text).map_err(|_| anyhow!("{} is not valid UTF-8", path.display()))?;
    parse(path, &text)
}

pub fn parse(path: &Path, text: &str) -> Result<Value> {
    let value: Value =
        jsonc_parser::parse_to_serde_value(text, &ParseOptions::default()).map_err(|e| {
            anyhow!(
                "{}:{}:{}: invalid JSON: {}",
                path.display(),
                e.line_display(),
                e.column_display(),
                e.kind()
            )
        })?;
    if !value.is_object() {
        return Err(anyhow!("{}:1:1: expected a JSON object", path.display()));
    }
    Ok(value)
}
