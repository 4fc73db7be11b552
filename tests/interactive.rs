//! The interactive flow through a real pseudo-terminal: the prompts appear in order,
//! defaults work, and the answers produce the same files as the flags would.
#![cfg(unix)]

mod common;

use std::process::Command;
use std::time::Duration;

use common::Project;
use expectrl::{Eof, Expect, Regex, Session};

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";

/// `scaffold --cwd <project> new <what>` in a pseudo-terminal.
fn spawn(project: &Project, what: &str) -> expectrl::session::OsSession {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("scaffold"));
    cmd.arg("--cwd")
        .arg(project.path())
        .args(["new", what])
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(10)));
    session
}

#[test]
fn answering_the_prompts_writes_the_action() {
    let p = Project::next().dep("next-auth", "5.0.0-beta.29").build();
    let mut s = spawn(&p, "action");
    s.expect("Who calls this code?").unwrap();
    s.send(ENTER).unwrap(); // this Next.js app
    s.expect("Segment below app/").unwrap();
    s.send("posts").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Operation").unwrap();
    s.send(ENTER).unwrap(); // create
    s.expect("Action name").unwrap();
    s.send(ENTER).unwrap(); // createPost
    s.expect("Field (name:type[:modifiers])").unwrap();
    s.send("title:string:min=3").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Another field").unwrap();
    s.send("title:blob").unwrap(); // refused, asked again
    s.send(ENTER).unwrap();
    s.expect("unknown field type").unwrap();
    s.expect("Another field").unwrap();
    s.send("done:boolean").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Another field").unwrap();
    s.send(ENTER).unwrap(); // finish
    s.expect("check the session").unwrap();
    s.expect("next-auth (detected)").unwrap();
    s.send(ENTER).unwrap();
    s.expect("After a successful submit").unwrap();
    s.send(ENTER).unwrap(); // revalidate
    s.expect("Which components?").unwrap();
    s.send(ENTER).unwrap(); // form + optimistic
    s.expect("Write these files?").unwrap();
    s.send(ENTER).unwrap(); // yes
    s.expect("create  app/posts/actions.ts").unwrap();
    s.expect(Eof).unwrap();

    let schema = p.read("app/posts/schema.ts");
    assert!(schema.contains("title: z"), "{schema}");
    assert!(schema.contains("done: z.boolean()"), "{schema}");
    assert!(
        p.read("app/posts/actions.ts")
            .contains("import { auth } from \"@/auth\";")
    );
    // The optimistic list is part of the form component.
    assert!(
        p.read("app/posts/create-post-form.tsx")
            .contains("useOptimistic")
    );
    assert!(!p.path().join("app/posts/page.tsx").exists());
}

#[test]
fn the_summary_lists_every_file_and_declining_writes_nothing() {
    let p = Project::next().build();
    let before = p.snapshot();
    let mut s = spawn(&p, "action");
    s.expect("Who calls this code?").unwrap();
    s.send(ENTER).unwrap(); // this Next.js app
    s.expect("Segment below app/").unwrap();
    s.send("notes").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Operation").unwrap();
    s.send(ENTER).unwrap(); // create
    s.expect("Action name").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Field (name:type[:modifiers])").unwrap();
    s.expect("required (default)").unwrap();
    s.send("text:string").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Another field").unwrap();
    s.send(ENTER).unwrap();
    s.expect("check the session").unwrap();
    s.send(ENTER).unwrap();
    s.expect("After a successful submit").unwrap();
    s.expect("what the user sees once the action has succeeded")
        .unwrap();
    s.send(ENTER).unwrap();
    s.expect("Which components?").unwrap();
    s.send(ENTER).unwrap();
    s.expect("scaffold will write:").unwrap();
    for file in [
        // In the plan's order.
        "app/notes/actions.ts",
        "lib/form-state.ts",
        "app/notes/create-note-form.tsx",
        ".gitignore",
    ] {
        s.expect(file).unwrap();
    }
    s.expect("Write these files?").unwrap();
    s.send("n").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Nothing was written.").unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(p.snapshot(), before, "declining changes nothing on disk");
}

#[test]
fn an_outside_caller_gets_the_route_command() {
    let p = Project::next().build();
    let before = p.snapshot();
    let mut s = spawn(&p, "action");
    s.expect("Who calls this code?").unwrap();
    s.send(DOWN).unwrap(); // a webhook provider
    s.send(ENTER).unwrap();
    s.expect(Regex("signs the raw request body")).unwrap();
    s.expect("scaffold new route webhooks/stripe --kind webhook")
        .unwrap();
    s.expect("Answer the route's questions now?").unwrap();
    s.send("n").unwrap();
    s.send(ENTER).unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(before, p.snapshot());
}

#[test]
fn an_outside_caller_can_go_straight_on_to_the_route() {
    let p = Project::next().build();
    let mut s = spawn(&p, "action");
    s.expect("Who calls this code?").unwrap();
    s.send(DOWN).unwrap(); // a webhook provider
    s.send(ENTER).unwrap();
    s.expect("Answer the route's questions now?").unwrap();
    s.send(ENTER).unwrap(); // yes
    s.expect("Path below app/api/").unwrap();
    s.send("webhooks/slack").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Webhook provider").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap(); // Slack
    s.send(ENTER).unwrap();
    s.expect("Events to handle").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Write these files?").unwrap();
    s.send(ENTER).unwrap(); // yes
    s.expect("create  app/api/webhooks/slack/route.ts").unwrap();
    s.expect(Eof).unwrap();
    assert!(
        p.read("app/api/webhooks/slack/route.ts")
            .contains("url_verification")
    );
}

#[test]
fn escape_cancels_without_writing() {
    let p = Project::next().build();
    let before = p.snapshot();
    let mut s = spawn(&p, "action");
    s.expect("Who calls this code?").unwrap();
    s.send("\x1b").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(before, p.snapshot());
}

#[test]
fn the_route_prompts_write_a_webhook() {
    let p = Project::next().build();
    let mut s = spawn(&p, "route");
    s.expect("Who calls this code?").unwrap();
    s.send(ENTER).unwrap(); // the default: a webhook provider
    s.expect("Path below app/api/").unwrap();
    s.send("hooks/../..").unwrap(); // refused, asked again
    s.send(ENTER).unwrap();
    s.expect("must stay inside").unwrap();
    s.expect("Path below app/api/").unwrap();
    s.send("webhooks/github").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Webhook provider").unwrap();
    s.send(DOWN).unwrap(); // GitHub
    s.send(ENTER).unwrap();
    s.expect("Events to handle").unwrap();
    s.send(ENTER).unwrap(); // push,pull_request
    s.expect("Write these files?").unwrap();
    s.send(ENTER).unwrap(); // yes
    s.expect("create  app/api/webhooks/github/route.ts")
        .unwrap();
    s.expect(Eof).unwrap();
    let route = p.read("app/api/webhooks/github/route.ts");
    assert!(
        route.contains("case \"push\":") && route.contains("case \"pull_request\":"),
        "{route}"
    );
    assert!(p.read(".env.example").contains("GITHUB_WEBHOOK_SECRET="));
}

#[test]
fn the_route_prompts_write_a_json_api() {
    let p = Project::next().build();
    let mut s = spawn(&p, "route");
    s.expect("Who calls this code?").unwrap();
    s.send(DOWN).unwrap(); // a mobile app, partner or other client
    s.send(ENTER).unwrap();
    s.expect("Path below app/api/").unwrap();
    s.send("v1/items").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Methods").unwrap();
    s.send(ENTER).unwrap(); // GET, POST
    s.expect("Authentication").unwrap();
    s.send(ENTER).unwrap(); // bearer
    s.expect("Browser origins allowed").unwrap();
    s.send("*").unwrap(); // refused, asked again
    s.send(ENTER).unwrap();
    s.expect("never written").unwrap();
    s.expect("Browser origins allowed").unwrap();
    s.send(ENTER).unwrap(); // none
    s.expect("Field (name:type[:modifiers])").unwrap();
    s.send("name:string:max=80").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Another field").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Write these files?").unwrap();
    s.send(ENTER).unwrap(); // yes
    s.expect("create  app/api/v1/items/route.ts").unwrap();
    s.expect(Eof).unwrap();
    let route = p.read("app/api/v1/items/route.ts");
    assert!(
        route.contains("export async function POST(")
            && route.contains("name: z.string().trim().min(1).max(80),"),
        "{route}"
    );
    assert!(!route.contains("OPTIONS"), "no CORS without origins");
    assert!(p.read(".env.example").contains("ITEMS_API_KEY="));
}
