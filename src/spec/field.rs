//! Form fields as given by `--field NAME:TYPE[:MODIFIER...]`.

use std::fmt;
use std::str::FromStr;

use heck::ToTitleCase;

use super::names::check_identifier;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldType {
    String,
    /// Multi-line text: a `<textarea>`.
    Text,
    Email,
    Url,
    Number,
    Integer,
    /// A checkbox.
    Boolean,
    /// `YYYY-MM-DD` from `<input type="date">`.
    Date,
    Enum(Vec<String>),
}

impl FieldType {
    pub const NAMES: &'static str =
        "string, text, email, url, number, integer, boolean, date, enum(a|b|c)";

    pub fn is_numeric(&self) -> bool {
        matches!(self, FieldType::Number | FieldType::Integer)
    }

    /// Whether `min=`/`max=` mean something for this type (length or value).
    fn takes_bounds(&self) -> bool {
        matches!(
            self,
            FieldType::String
                | FieldType::Text
                | FieldType::Email
                | FieldType::Url
                | FieldType::Number
                | FieldType::Integer
        )
    }
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldType::String => f.write_str("string"),
            FieldType::Text => f.write_str("text"),
            FieldType::Email => f.write_str("email"),
            FieldType::Url => f.write_str("url"),
            FieldType::Number => f.write_str("number"),
            FieldType::Integer => f.write_str("integer"),
            FieldType::Boolean => f.write_str("boolean"),
            FieldType::Date => f.write_str("date"),
            FieldType::Enum(values) => write!(f, "enum({})", values.join("|")),
        }
    }
}

impl FromStr for FieldType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "string" => FieldType::String,
            "text" => FieldType::Text,
            "email" => FieldType::Email,
            "url" => FieldType::Url,
            "number" => FieldType::Number,
            "integer" | "int" => FieldType::Integer,
            "boolean" | "bool" => FieldType::Boolean,
            "date" => FieldType::Date,
            other => {
                let Some(inner) = other
                    .strip_prefix("enum(")
                    .and_then(|r| r.strip_suffix(')'))
                else {
                    return Err(format!(
                        "unknown field type `{other}`; expected one of: {}",
                        FieldType::NAMES
                    ));
                };
                let values: Vec<String> = inner.split('|').map(str::to_string).collect();
                for value in &values {
                    let ok = !value.is_empty()
                        && value
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
                    if !ok {
                        return Err(format!(
                            "enum value `{value}` in `{other}` must be non-empty ASCII letters, digits, `-`, `_` or `.`"
                        ));
                    }
                }
                for (i, value) in values.iter().enumerate() {
                    if values[..i].contains(value) {
                        return Err(format!("enum value `{value}` appears twice in `{other}`"));
                    }
                }
                FieldType::Enum(values)
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub ty: FieldType,
    pub required: bool,
    pub min: Option<u32>,
    pub max: Option<u32>,
    /// Decimal places a number may have (a `Decimal(10, 2)` column's 2); `None` is any.
    pub scale: Option<u32>,
}

impl Field {
    /// `publishedOn` → `Published on`: the visible label and the start of messages.
    pub fn label(&self) -> String {
        let title = self.name.to_title_case();
        let mut words = title.split(' ');
        let first = words.next().unwrap_or_default().to_string();
        std::iter::once(first)
            .chain(words.map(|w| {
                if w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()) {
                    w.to_string()
                } else {
                    w.to_lowercase()
                }
            }))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl FromStr for Field {
    type Err = String;

    /// Parses `NAME:TYPE[:MODIFIER...]`; the type defaults to `string`.
    fn from_str(s: &str) -> Result<Self, String> {
        let mut parts = s.split(':');
        let name = parts.next().unwrap_or_default().trim();
        check_identifier("field name", name).map_err(|e| format!("--field `{s}`: {e}"))?;
        let ty: FieldType = match parts.next() {
            Some(t) => t
                .trim()
                .parse()
                .map_err(|e| format!("--field `{s}`: {e}"))?,
            None => FieldType::String,
        };
        let mut field = Field {
            name: name.to_string(),
            ty,
            required: true,
            min: None,
            max: None,
            scale: None,
        };
        for modifier in parts {
            let modifier = modifier.trim();
            match modifier.split_once('=') {
                None if modifier == "required" => field.required = true,
                None if modifier == "optional" => field.required = false,
                Some((key @ ("min" | "max"), value)) => {
                    if !field.ty.takes_bounds() {
                        return Err(format!(
                            "--field `{s}`: `{key}=` does not apply to a {} field",
                            field.ty
                        ));
                    }
                    let n: u32 = value.parse().map_err(|_| {
                        format!("--field `{s}`: `{modifier}` needs a whole number, e.g. `{key}=3`")
                    })?;
                    if key == "min" {
                        field.min = Some(n)
                    } else {
                        field.max = Some(n)
                    }
                }
                _ => {
                    return Err(format!(
                        "--field `{s}`: unknown modifier `{modifier}`; expected required, optional, min=N or max=N"
                    ));
                }
            }
        }
        if let (Some(min), Some(max)) = (field.min, field.max)
            && min > max
        {
            return Err(format!(
                "--field `{s}`: min={min} is greater than max={max}"
            ));
        }
        if field.ty == FieldType::Boolean && !field.required {
            // An unchecked box is simply `false`; "optional" has no meaning for it.
            field.required = true;
        }
        Ok(field)
    }
}

impl fmt::Display for Field {
    /// The flag form, so a spec can be printed back as a command line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.name, self.ty)?;
        if !self.required {
            f.write_str(":optional")?;
        }
        if let Some(min) = self.min {
            write!(f, ":min={min}")?;
        }
        if let Some(max) = self.max {
            write!(f, ":max={max}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields() {
        let f: Field = "title:string:required:max=120".parse().unwrap();
        assert_eq!(
            (f.name.as_str(), &f.ty, f.required, f.max),
            ("title", &FieldType::String, true, Some(120))
        );
        let f: Field = "status:enum(draft|published):optional".parse().unwrap();
        assert_eq!(
            f.ty,
            FieldType::Enum(vec!["draft".into(), "published".into()])
        );
        assert!(!f.required);
        assert_eq!("body".parse::<Field>().unwrap().ty, FieldType::String);
        assert_eq!(
            "publishedOn:date".parse::<Field>().unwrap().label(),
            "Published on"
        );
        assert_eq!(f.to_string(), "status:enum(draft|published):optional");
    }

    #[test]
    fn refuses_bad_fields() {
        for bad in [
            "",
            ":string",
            "x:blob",
            "x:enum()",
            "x:enum(a|a)",
            "x:enum(a|b",
            "x:enum(a b)",
            "x:string:min=abc",
            "x:string:min=5:max=2",
            "x:boolean:min=1",
            "x:date:max=3",
            "class:string",
            "x:string:sometimes",
            "1x:string",
        ] {
            assert!(bad.parse::<Field>().is_err(), "{bad:?} should be refused");
        }
    }
}
