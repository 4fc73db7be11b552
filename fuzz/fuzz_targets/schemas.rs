//! The schema readers over arbitrary input: the Prisma schema parser (and the conversion
//! of its models to columns) and the Drizzle table reader. No panic on any input, and the
//! same input always reads the same way.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scaffold::data::{drizzle_tables, prisma_models, psl};

/// oxc's recovery is slow on many unclosed brackets (see the migrate target).
const MAX_UNCLOSED: usize = 16;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let first = psl::parse(text);
    assert_eq!(first, psl::parse(text), "the parser is deterministic");
    let _ = prisma_models(text);
    let unclosed = text.matches(['(', '[', '{']).count();
    if unclosed.saturating_sub(text.matches([')', ']', '}']).count()) <= MAX_UNCLOSED {
        let _ = drizzle_tables("schema.ts", text);
    }
});
