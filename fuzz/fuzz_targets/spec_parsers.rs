//! Arbitrary text through every parser of user input: no panic, and whatever parses as a
//! segment stays inside the app directory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scaffold::spec::route::{parse_event, parse_origin};
use scaffold::spec::{After, Field, Segment};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for parsed in [Segment::parse(text), Segment::parse_api(text)]
        .into_iter()
        .flatten()
    {
        let dir = parsed.dir();
        assert!(
            !dir.split('/')
                .any(|p| p.is_empty() || p == "." || p == ".."),
            "{dir}"
        );
        assert!(!dir.starts_with('/') && !dir.contains('\\'), "{dir}");
        let _ = (parsed.url_path(), parsed.parent_url(), parsed.resource());
    }
    let _ = text.parse::<Field>();
    let _ = text.parse::<After>();
    let _ = parse_origin(text).inspect(|o| assert!(!o.contains('*')));
    let _ = parse_event(text);
});
