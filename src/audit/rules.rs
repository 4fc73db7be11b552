//! The rules: id, default severity, and the one-sentence why and fix every finding carries.
//! The whys follow Next.js's data-security guide and the checked facts the generators obey.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// A short name, for SARIF and the rule list.
    pub title: &'static str,
    pub why: &'static str,
    pub fix: &'static str,
}

pub const ACTION_AUTH: Rule = Rule {
    id: "action-auth",
    severity: Severity::Error,
    title: "Server Action reaches data without a session check",
    why: "every Server Action is a public POST endpoint that anyone can call with any arguments, whatever page renders it; a check in the page, layout or proxy does not run for it",
    fix: "check the session at the top of the action (auth(), getUser(), …) and return or throw when there is no user, before any read or write",
};

pub const ACTION_USER_ID: Rule = Rule {
    id: "action-user-id-input",
    severity: Severity::Warning,
    title: "Server Action takes a user id from the client",
    why: "the client chooses every argument and form field, so an id from them can name any user",
    fix: "use the session's user id (session.user.id) to scope the query; if the action acts on another user on purpose (an admin action), check the caller's role and suppress this with a reason",
};

pub const ACTION_FORMDATA: Rule = Rule {
    id: "action-unvalidated-formdata",
    severity: Severity::Error,
    title: "FormData value used without validation",
    why: "a form field is whatever the request says: any string, a File, or missing; TypeScript's `as string` checks nothing at run time",
    fix: "parse the fields with a schema first (zod: `schema.safeParse(Object.fromEntries(formData))`) and use only the parsed data",
};

pub const ACTION_ARGUMENT: Rule = Rule {
    id: "action-unvalidated-argument",
    severity: Severity::Warning,
    title: "Server Action argument used without validation",
    why: "arguments arrive from the client serialized: their TypeScript types are not checked at run time, and bound arguments (`.bind(null, id)`) can be changed by the caller",
    fix: "validate each argument with a schema (`z.string().uuid().parse(id)`) before using it",
};

pub const REDIRECT_IN_TRY: Rule = Rule {
    id: "redirect-in-try",
    severity: Severity::Error,
    title: "redirect() inside try/catch",
    why: "redirect(), notFound(), forbidden() and unauthorized() work by throwing; a catch that does not rethrow swallows the navigation",
    fix: "call it after the try/catch, or rethrow with `unstable_rethrow(error)` first in the catch",
};

pub const USE_SERVER_EXPORTS: Rule = Rule {
    id: "use-server-exports",
    severity: Severity::Error,
    title: "'use server' file exports something other than an async function",
    why: "every export of a 'use server' file becomes a Server Action callable from the client; Next.js rejects other values at build or run time",
    fix: "move constants, schemas and helpers to another module (import 'server-only' in it) and export only async functions here",
};

pub const PROMISE_ALL_ACTIONS: Rule = Rule {
    id: "client-promise-all-actions",
    severity: Severity::Warning,
    title: "Server Actions called in Promise.all on the client",
    why: "the client runs Server Actions one at a time, so Promise.all does not parallelize them and each call re-renders the route; a failure leaves the others done",
    fix: "make one action that does the whole batch on the server (validated, in a transaction where it matters)",
};

pub const CLIENT_SECRET_ENV: Rule = Rule {
    id: "client-secret-env",
    severity: Severity::Error,
    title: "Secret environment variable read in client code",
    why: "this module is bundled for the browser: a non-NEXT_PUBLIC_ variable is undefined there, and the code that uses it ships to every visitor",
    fix: "read it in a server-only module (`import 'server-only'`) and reach it from the client through a Server Action or a Server Component prop",
};

pub const CLIENT_SERVER_MODULE: Rule = Rule {
    id: "client-server-module",
    severity: Severity::Error,
    title: "Server-only module reachable from client code",
    why: "a module imported from a 'use client' file is bundled for the browser, with its database or file-system code",
    fix: "add `import 'server-only'` to the module so the build fails on such imports, and give the client what it needs through a Server Action or props",
};

pub const SERVER_ONLY_MISSING: Rule = Rule {
    id: "server-only-missing",
    severity: Severity::Warning,
    title: "Server module without import 'server-only'",
    why: "it holds a database client or reads secrets, and nothing stops a client component from importing it later",
    fix: "add `import \"server-only\";` at the top: a client import then fails the build instead of shipping the module",
};

pub const ROUTE_CANDIDATE: Rule = Rule {
    id: "route-only-app-calls",
    severity: Severity::Note,
    title: "Route handler only the app calls",
    why: "same app → Server Action: an action gets the Origin check, progressive enhancement and typed calls, and its URL is not an API to maintain",
    fix: "move it with `scaffold migrate route-to-action`",
};

pub const WEBHOOK_PARSE: Rule = Rule {
    id: "webhook-parse-before-verify",
    severity: Severity::Error,
    title: "Webhook body parsed before its signature is verified",
    why: "the signature covers the raw bytes: parsing first acts on unverified input, and re-serialized JSON no longer matches the signature",
    fix: "read `await request.text()` (bounded), verify the signature over it with a timing-safe compare, then JSON.parse",
};

pub const WEBHOOK_UNVERIFIED: Rule = Rule {
    id: "webhook-unverified",
    severity: Severity::Error,
    title: "Webhook route without signature verification",
    why: "a webhook URL is public: without verifying the provider's signature, anyone can send forged events",
    fix: "verify the signature over the raw body (stripe.webhooks.constructEvent, svix's Webhook.verify, or an HMAC with timingSafeEqual) and reject old timestamps",
};

pub const SECRET_COMPARE: Rule = Rule {
    id: "secret-compare",
    severity: Severity::Warning,
    title: "Secret compared with ===",
    why: "`===` stops at the first differing byte, so response times leak how much of a guessed signature or token is right",
    fix: "compare digests of equal length with crypto.timingSafeEqual (after checking the lengths)",
};

pub const CORS_REFLECT: Rule = Rule {
    id: "cors-reflect-origin",
    severity: Severity::Error,
    title: "CORS reflects any Origin",
    why: "echoing the request's Origin lets every website read the responses, with the user's cookies when credentials are allowed",
    fix: "compare the Origin with an allowlist and send Access-Control-Allow-Origin only for origins on it (with `Vary: Origin`)",
};

pub const CORS_WILDCARD_CREDENTIALS: Rule = Rule {
    id: "cors-wildcard-credentials",
    severity: Severity::Error,
    title: "CORS `*` with credentials",
    why: "browsers refuse `*` with credentials, and the usual 'fix' of reflecting the Origin opens the API to every site",
    fix: "name the allowed origins, or drop Access-Control-Allow-Credentials for a public API",
};

pub const VULNERABLE_VERSION: Rule = Rule {
    id: "vulnerable-version",
    severity: Severity::Error,
    title: "Installed version has a known advisory",
    why: "the advisory is fixed only by upgrading; application code cannot work around it",
    fix: "upgrade to a patched version",
};

pub const PROXY_ONLY_AUTH: Rule = Rule {
    id: "proxy-only-auth",
    severity: Severity::Error,
    title: "Proxy (middleware) is the only authorization of Server Actions",
    why: "the proxy is an optimistic check: its matcher rarely covers every action POST and CVE-2025-29927 let requests skip it; Next.js's guide says to check inside each action",
    fix: "check the session inside each Server Action listed; keep the proxy for redirects",
};

pub const PARSE_ERROR: Rule = Rule {
    id: "parse-error",
    severity: Severity::Warning,
    title: "File does not parse",
    why: "the audit cannot check a file it cannot read",
    fix: "fix the syntax error (next build reports it too)",
};

pub const IGNORE_WITHOUT_REASON: Rule = Rule {
    id: "ignore-without-reason",
    severity: Severity::Warning,
    title: "scaffold-audit-ignore without a reason",
    why: "a suppression without a reason cannot be reviewed later",
    fix: "write it as `// scaffold-audit-ignore <rule>: <why this is safe>`",
};

/// Every rule, in the order the documentation lists them.
pub const RULES: &[Rule] = &[
    ACTION_AUTH,
    ACTION_USER_ID,
    ACTION_FORMDATA,
    ACTION_ARGUMENT,
    REDIRECT_IN_TRY,
    USE_SERVER_EXPORTS,
    PROMISE_ALL_ACTIONS,
    CLIENT_SECRET_ENV,
    CLIENT_SERVER_MODULE,
    SERVER_ONLY_MISSING,
    ROUTE_CANDIDATE,
    WEBHOOK_PARSE,
    WEBHOOK_UNVERIFIED,
    SECRET_COMPARE,
    CORS_REFLECT,
    CORS_WILDCARD_CREDENTIALS,
    VULNERABLE_VERSION,
    PROXY_ONLY_AUTH,
    PARSE_ERROR,
    IGNORE_WITHOUT_REASON,
];

impl Rule {
    /// A finding of this rule at `file:line:col`.
    pub fn at(self, file: &str, (line, column): (usize, usize), message: String) -> super::Finding {
        super::Finding {
            rule: self.id,
            severity: self.severity,
            file: file.to_string(),
            line,
            column,
            message,
            why: self.why,
            fix: self.fix.to_string(),
            scope: Vec::new(),
        }
    }
}

pub fn by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
