//! The restyle (quotes, semicolons, commas, brackets, arrow parentheses, quoted keys,
//! indentation, line endings, joined lists) over arbitrary TypeScript under arbitrary
//! options: no panic, and code that parsed before still parses after. The corpus is seeded
//! from the migrate target's route files.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use scaffold::format::restyle::{Scope, restyle};
use scaffold::format::style::{EndOfLine, QuoteProps, Style, TrailingComma};

/// See the migrate target: oxc's recovery is slow on many unclosed brackets.
const MAX_UNCLOSED: usize = 16;

fn style(bits: u16) -> Style {
    let on = |i: u16| bits & (1 << i) != 0;
    Style {
        print_width: if on(0) { 60 } else { 80 },
        tab_width: if on(1) { 4 } else { 2 },
        use_tabs: on(2),
        semi: !on(3),
        single_quote: on(4),
        jsx_single_quote: on(5),
        trailing_comma: [TrailingComma::All, TrailingComma::Es5, TrailingComma::None]
            [usize::from(bits >> 6 & 3) % 3],
        bracket_spacing: !on(8),
        arrow_parens: !on(9),
        quote_props: [QuoteProps::AsNeeded, QuoteProps::Consistent, QuoteProps::Preserve]
            [usize::from(bits >> 10 & 3) % 3],
        end_of_line: if on(12) { EndOfLine::Crlf } else { EndOfLine::Lf },
    }
}

fuzz_target!(|data: &[u8]| {
    let [a, b, rest @ ..] = data else { return };
    let count = |c: u8| rest.iter().filter(|x| **x == c).count();
    let unclosed = (count(b'(') + count(b'[') + count(b'<'))
        .saturating_sub(count(b')') + count(b']') + count(b'>'));
    if unclosed > MAX_UNCLOSED {
        return;
    }
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let style = style(u16::from_le_bytes([*a, *b]));
    for name in ["a.tsx", "a.css"] {
        let path = Path::new(name);
        let before = scaffold::syntax::check(path, text);
        let out = restyle(path, text, &style, &Scope::Whole).text;
        if before.is_ok() {
            if let Err(why) = scaffold::syntax::check(path, &out) {
                panic!("restyled {name} does not parse: {why}\n--- before\n{text}\n--- after\n{out}");
            }
        }
    }
});
