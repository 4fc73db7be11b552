//! Random valid specs through the generator: every file parses, every field reaches the
//! schema and the form, the session is checked unless the action is public, and the same
//! spec always gives the same bytes.

mod common;

use common::Project;
use proptest::prelude::*;
use scaffold::plan::{Change, Plan};
use scaffold::project::AuthLib;
use scaffold::spec::{ActionSpec, After, Field, FieldType, Operation, Segment, Ui};

fn field_type() -> impl Strategy<Value = FieldType> {
    prop_oneof![
        Just(FieldType::String),
        Just(FieldType::Text),
        Just(FieldType::Email),
        Just(FieldType::Url),
        Just(FieldType::Number),
        Just(FieldType::Integer),
        Just(FieldType::Boolean),
        Just(FieldType::Date),
        prop::collection::btree_set("[a-z][a-z0-9_-]{0,9}", 1..5)
            .prop_map(|v| FieldType::Enum(v.into_iter().collect())),
    ]
}

fn field() -> impl Strategy<Value = Field> {
    (
        "[a-z][a-zA-Z0-9]{0,19}",
        field_type(),
        any::<bool>(),
        prop::option::of(0u32..50),
        prop::option::of(50u32..5000),
        prop::option::of(0u32..4),
    )
        .prop_map(|(name, ty, required, min, max, scale)| {
            let bounds = !matches!(
                ty,
                FieldType::Boolean | FieldType::Date | FieldType::Enum(_)
            );
            Field {
                name,
                required,
                min: min.filter(|_| bounds),
                max: max.filter(|_| bounds),
                scale: scale.filter(|_| ty == FieldType::Number),
                ty,
            }
        })
        .prop_filter("not reserved", |f| {
            scaffold::spec::names::check_identifier("field", &f.name).is_ok()
                && f.name != "id"
                && f.name != "ownerId"
        })
}

fn spec() -> impl Strategy<Value = ActionSpec> {
    let segment = prop_oneof![
        "[a-z][a-z-]{0,14}s".prop_map(|s| s),
        "[a-z]{1,8}/\\[[a-z][a-zA-Z]{0,6}\\]/edit".prop_map(|s| s),
        "\\([a-z]{1,6}\\)/[a-z]{1,10}s".prop_map(|s| s),
    ];
    let op = prop_oneof![
        Just(Operation::Create),
        Just(Operation::Update),
        Just(Operation::Delete),
        Just(Operation::Toggle)
    ];
    let auth = prop_oneof![
        Just(AuthLib::NextAuth),
        Just(AuthLib::Clerk),
        Just(AuthLib::Supabase),
        Just(AuthLib::None)
    ];
    let after = prop_oneof![
        Just(After::Revalidate),
        Just(After::Stay),
        "/[a-z]{1,10}".prop_map(After::Redirect)
    ];
    (
        segment,
        op,
        prop::collection::vec(field(), 1..8),
        auth,
        after,
        any::<(bool, bool, bool, bool)>(),
    )
        .prop_filter_map(
            "valid spec",
            |(segment, op, mut fields, auth, after, (form, optimistic, page, tailwind))| {
                let segment = Segment::parse(&segment).ok()?;
                match op {
                    Operation::Delete => fields.clear(),
                    Operation::Toggle => {
                        // The record's own fields, then the one boolean it flips.
                        fields.retain(|f| f.ty != FieldType::Boolean && f.name != "done");
                        fields.truncate(2);
                        fields.push(Field {
                            name: "done".into(),
                            ty: FieldType::Boolean,
                            required: true,
                            min: None,
                            max: None,
                            scale: None,
                        })
                    }
                    _ => {}
                }
                let mut seen = std::collections::HashSet::new();
                fields.retain(|f| seen.insert(f.name.clone()));
                let spec = ActionSpec {
                    name: ActionSpec::default_name(&segment, op),
                    segment,
                    op,
                    fields,
                    auth,
                    after,
                    form,
                    optimistic,
                    page,
                    ui: if tailwind { Ui::Tailwind } else { Ui::Plain },
                    store: None,
                };
                (spec.validate().is_ok()
                    && scaffold::generate::action::check_lengths(&spec).is_ok())
                .then_some(spec)
            },
        )
}

fn contents<'a>(plan: &'a Plan, suffix: &str) -> Option<&'a str> {
    plan.ops
        .iter()
        .find(|o| o.path.to_string_lossy().ends_with(suffix))
        .and_then(|o| match &o.change {
            Change::Write(c) | Change::Merge(c) => Some(c.as_str()),
            Change::Delete => None,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_code_parses_and_keeps_its_promises(spec in spec(), zod3 in any::<bool>()) {
        let fixture = if zod3 { Project::next().dep("zod", "^3.23.8").build() } else { Project::next().build() };
        let project = scaffold::project::Project::discover(fixture.path()).unwrap();
        let plan = scaffold::generate::action::plan(&spec, &project).unwrap();

        for op in &plan.ops {
            let Change::Write(text) = &op.change else { continue };
            if let Err(e) = scaffold::syntax::check(&op.path, text) {
                prop_assert!(false, "{} does not parse: {e}\n{text}", op.path.display());
            }
            let findings = scaffold::invariants::audit(&op.path, text);
            prop_assert!(findings.is_empty(), "{}: {findings:?}\n{text}", op.path.display());
        }
        let schema = contents(&plan, "schema.ts").unwrap();
        let actions = contents(&plan, "actions.ts").unwrap();
        prop_assert!(actions.starts_with("\"use server\";\n"));
        for f in &spec.fields {
            prop_assert!(schema.contains(&format!("  {}: z", f.name)), "{} missing from the schema", f.name);
            prop_assert!(schema.contains(&format!("\"{}\"", f.name)), "{} is not read from FormData", f.name);
            // The one component that posts: the form, or a toggle's button. A toggle
            // sends only its boolean; the record's other fields stay as they are.
            let sends = spec.toggled().is_none_or(|flag| flag.name == f.name);
            if (spec.form || spec.toggled().is_some() && spec.optimistic) && sends {
                let form = plan
                    .ops
                    .iter()
                    .find(|o| {
                        let path = o.path.to_string_lossy();
                        path.ends_with("-form.tsx") || path.ends_with("-toggle.tsx")
                    })
                    .unwrap();
                let Change::Write(form) = &form.change else { unreachable!() };
                prop_assert!(form.contains(&format!("name=\"{}\"", f.name)), "{} missing from the form", f.name);
            }
        }
        if spec.auth == AuthLib::None {
            prop_assert!(actions.contains("action-auth: public on purpose (--auth none)"));
        } else {
            let check = "if (!userId) {\n    return {\n      status: \"error\",\n      message: \"You must be signed in.\",";
            prop_assert!(actions.contains(check), "the session check is missing");
        }
        if spec.op.needs_id() {
            prop_assert!(actions.contains("IdSchema.safeParse("), "a client-supplied id is validated");
        }
        if let Some(i) = actions.find("redirect(\"") {
            let try_end = actions.rfind("} catch").unwrap_or(0);
            prop_assert!(i > try_end, "redirect() comes after every try/catch");
        }

        let again = scaffold::generate::action::plan(&spec, &project).unwrap();
        prop_assert_eq!(&plan.ops, &again.ops, "generation is deterministic");
    }

    #[test]
    fn segments_never_escape_or_panic(input in "\\PC{0,40}") {
        if let Ok(segment) = Segment::parse(&input) {
            let dir = segment.dir();
            prop_assert!(!dir.split('/').any(|p| p == ".." || p == "." || p.is_empty()), "{dir}");
            prop_assert!(!dir.starts_with('/') && !dir.contains('\\'));
        }
    }

    #[test]
    fn field_parsing_never_panics(input in "\\PC{0,60}") {
        let _ = input.parse::<Field>();
    }
}

fn route_spec() -> impl Strategy<Value = scaffold::spec::route::RouteSpec> {
    use scaffold::spec::route::{ApiAuth, Method, Provider, RouteKind, RouteSpec, StreamFormat};
    let provider = prop_oneof![
        Just(Provider::Stripe),
        Just(Provider::Github),
        Just(Provider::Slack),
        Just(Provider::StandardWebhooks)
    ];
    let events = prop::collection::btree_set("[a-z][a-z_]{0,8}(\\.[a-z][a-z_]{0,8}){0,2}", 1..4);
    let webhook = (provider, events).prop_map(|(provider, events)| RouteKind::Webhook {
        provider,
        events: events.into_iter().collect(),
    });
    let methods = prop::sample::subsequence(
        vec![
            Method::Get,
            Method::Post,
            Method::Put,
            Method::Patch,
            Method::Delete,
        ],
        1..5,
    );
    let origins = prop::collection::vec("https://[a-z]{1,10}\\.example(:[1-9][0-9]{2,3})?", 0..3);
    let api = (
        methods,
        any::<bool>(),
        origins,
        prop::collection::vec(field(), 1..6),
    )
        .prop_map(|(methods, bearer, cors, mut fields)| {
            let mut seen = std::collections::HashSet::new();
            fields.retain(|f| seen.insert(f.name.clone()));
            RouteKind::Api {
                methods,
                auth: if bearer {
                    ApiAuth::Bearer
                } else {
                    ApiAuth::None
                },
                cors,
                fields,
            }
        });
    let stream = (
        any::<bool>(),
        prop::collection::vec("[a-z][a-zA-Z]{0,10}", 0..4),
    )
        .prop_map(|(sse, mut columns)| {
            columns.insert(0, "id".into());
            columns.dedup();
            RouteKind::Stream {
                format: if sse {
                    StreamFormat::Sse
                } else {
                    StreamFormat::Csv
                },
                columns,
            }
        });
    let path = prop_oneof!["[a-z]{1,8}/[a-z]{1,10}s", "v1/[a-z]{1,10}s/\\[id\\]"];
    (path, prop_oneof![webhook, api, stream]).prop_filter_map("valid route", |(path, kind)| {
        let spec = RouteSpec {
            segment: Segment::parse_api(&path).ok()?,
            kind,
        };
        (spec.validate().is_ok() && scaffold::generate::route::check_lengths(&spec).is_ok())
            .then_some(spec)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_routes_parse_and_pass_the_audit(spec in route_spec(), zod3 in any::<bool>()) {
        let fixture = if zod3 { Project::next().dep("zod", "^3.23.8").build() } else { Project::next().build() };
        let project = scaffold::project::Project::discover(fixture.path()).unwrap();
        let plan = scaffold::generate::route::plan(&spec, &project).unwrap();
        for op in &plan.ops {
            let (Change::Write(text) | Change::Merge(text)) = &op.change else { continue };
            if let Err(e) = scaffold::syntax::check(&op.path, text) {
                prop_assert!(false, "{} does not parse: {e}\n{text}", op.path.display());
            }
            let findings = scaffold::invariants::audit(&op.path, text);
            prop_assert!(findings.is_empty(), "{}: {findings:?}\n{text}", op.path.display());
        }
        let route = contents(&plan, "route.ts").unwrap();
        prop_assert!(!route.contains("\"*\""), "never a wildcard");
        prop_assert_eq!(&plan.ops, &scaffold::generate::route::plan(&spec, &project).unwrap().ops);
    }
}
