//! Arbitrary field lists and segments through the whole action generator: whatever
//! validates must generate code that parses and passes the security audit.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use scaffold::project::{AuthLib, Project};
use scaffold::spec::{ActionSpec, After, Field, Operation, Segment, Ui};

fn project() -> &'static Project {
    static PROJECT: OnceLock<(tempfile::TempDir, Project)> = OnceLock::new();
    &PROJECT
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(
                dir.path().join("package.json"),
                r#"{"dependencies":{"next":"15.5.4","zod":"4.1.0"}}"#,
            )
            .unwrap();
            std::fs::write(
                dir.path().join("tsconfig.json"),
                r#"{"compilerOptions":{"paths":{"@/*":["./*"]}}}"#,
            )
            .unwrap();
            std::fs::create_dir(dir.path().join("app")).unwrap();
            let project = Project::discover(dir.path()).unwrap();
            (dir, project)
        })
        .1
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.lines();
    let Some(Ok(segment)) = lines.next().map(Segment::parse) else {
        return;
    };
    let fields: Vec<Field> = lines
        .by_ref()
        .take(8)
        .filter_map(|l| l.parse().ok())
        .collect();
    let ops = [
        Operation::Create,
        Operation::Update,
        Operation::Delete,
        Operation::Toggle,
    ];
    let auths = [
        AuthLib::NextAuth,
        AuthLib::Clerk,
        AuthLib::Supabase,
        AuthLib::None,
    ];
    let byte = data.first().copied().unwrap_or(0) as usize;
    let op = ops[byte % 4];
    let spec = ActionSpec {
        name: ActionSpec::default_name(&segment, op),
        segment,
        op,
        fields,
        auth: auths[(byte / 4) % 4],
        after: if byte & 16 == 0 {
            After::Revalidate
        } else {
            After::Stay
        },
        form: byte & 32 == 0,
        optimistic: byte & 64 == 0,
        page: byte & 128 == 0,
        ui: [Ui::Tailwind, Ui::Shadcn, Ui::Plain][data.get(1).copied().unwrap_or(0) as usize % 3],
        store: None,
    };
    if spec.validate().is_err() || scaffold::generate::action::check_lengths(&spec).is_err() {
        return;
    }
    let plan = scaffold::generate::action::plan(&spec, project()).expect("a valid spec generates");
    for op in &plan.ops {
        if let scaffold::plan::Change::Write(text) = &op.change {
            scaffold::syntax::check(&op.path, text)
                .unwrap_or_else(|e| panic!("{}: {e}\n{text}", op.path.display()));
            let findings = scaffold::invariants::audit(&op.path, text);
            assert!(findings.is_empty(), "{}: {findings:?}", op.path.display());
        }
    }
});
