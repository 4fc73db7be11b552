//! What names mean: which calls check a session, which modules hold data, which
//! identifiers hold secrets. Matched on identifiers and module specifiers the parser gives
//! us, never on source text. The lists come from the auth libraries' documented APIs and
//! from the shapes of public apps (next-auth/Auth.js, Clerk, Supabase, Lucia, iron-session,
//! next-safe-action, next-saas-starter).

/// Whether a called function checks who is signed in: `auth`, `getSession`,
/// `getServerSession`, `currentUser`, `getUser`, `requireUser`, `validateRequest`,
/// `verifySession`, `getCurrentUser`, `getKindeServerSession`, `supabase.auth.getUser` …
/// `dotted` is the callee as `a.b.c`.
pub fn is_auth_call(dotted: &str) -> bool {
    let last = dotted.rsplit('.').next().unwrap_or(dotted);
    if inverted_guard(last) {
        return false;
    }
    let root = dotted.split('.').next().unwrap_or("");
    // auth(), auth.protect() (Clerk); under `.auth.` only the session reads
    // (supabase.auth.getUser(), not supabase.auth.verifyOtp()).
    if root == "auth"
        || (dotted.contains(".auth.") && matches!(last, "getUser" | "getSession" | "getClaims"))
    {
        return true;
    }
    is_auth_name(last)
}

/// Guards that mean the opposite of a session check: `throwIfAuthenticated` (sign-up
/// pages for signed-out visitors), `requireGuest`.
fn inverted_guard(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        "ifauthenticated",
        "ifsignedin",
        "ifloggedin",
        "unauthenticated",
        "guest",
        "anonymous",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

fn is_auth_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "auth" | "validaterequest" | "getkindeserversession" | "getironsession"
    ) {
        return true;
    }
    let verbs = [
        "get", "require", "verify", "validate", "check", "ensure", "fetch", "read", "load",
        "assert", "with", "use", "current",
    ];
    let mut rest = lower.as_str();
    for verb in verbs {
        if let Some(r) = rest.strip_prefix(verb) {
            rest = r;
            break;
        }
    }
    for qualifier in [
        "current",
        "authenticated",
        "signedin",
        "loggedin",
        "server",
        "valid",
        "active",
    ] {
        if let Some(r) = rest.strip_prefix(qualifier) {
            rest = r;
            break;
        }
    }
    let Some(tail) = ["session", "user", "auth", "viewer", "me", "token"]
        .iter()
        .find_map(|noun| rest.strip_prefix(noun))
    else {
        return false;
    };
    // `getUser`, `getUserOrThrow`, `requireAuth`, `getSessionUser`; not `getUsers`,
    // `getUserPosts` or `updateUser` (data).
    matches!(
        tail,
        "" | "orthrow"
            | "orredirect"
            | "ornull"
            | "id"
            | "user"
            | "session"
            | "orfail"
            | "context"
            | "info"
            | "data"
            | "fromsession"
            | "fromcookie"
            | "fromrequest"
            | "withteam"
            | "orlogin"
    ) || lower == "me"
}

/// Whether an action wrapper's name says it authenticates: next-safe-action's
/// `authActionClient`, `protectedAction`, next-saas-starter's `validatedActionWithUser`,
/// `withAuth(...)`.
pub fn wrapper_authenticates(name: &str) -> bool {
    if inverted_guard(name) {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    [
        "auth",
        "protected",
        "private",
        "withuser",
        "user",
        "session",
        "member",
        "admin",
        "owner",
        "team",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Action names that are public by nature: the sign-in, sign-up and password-reset forms,
/// a newsletter or waitlist. The name must start with the phrase (`signInAction`,
/// `resetPasswordAction`), so `getContacts` or `revokeOAuthConsent` are not public.
pub fn is_public_action(name: &str) -> bool {
    let words = camel_words(name);
    let starts = |phrase: &[&str]| {
        words.len() >= phrase.len() && words.iter().zip(phrase).all(|(w, p)| w == p)
    };
    const PHRASES: &[&[&str]] = &[
        &["sign", "in"],
        &["sign", "up"],
        &["sign", "out"],
        &["signin"],
        &["signup"],
        &["signout"],
        &["log", "in"],
        &["log", "out"],
        &["login"],
        &["logout"],
        &["register", "user"],
        &["register", "account"],
        &["forgot", "password"],
        &["reset", "password"],
        &["request", "password", "reset"],
        &["verify", "email"],
        &["verify", "otp"],
        &["send", "otp"],
        &["send", "magic", "link"],
        &["verify", "password"],
        &["subscribe"],
        &["join", "waitlist"],
        &["submit", "contact"],
        &["unlock"],
    ];
    // `register` alone, not `registerSsoProvider`.
    let bare_register = matches!(words.as_slice(), [w] | [w, _] if w == "register")
        && words.get(1).is_none_or(|w| w == "action");
    bare_register || PHRASES.iter().any(|p| starts(p))
}

/// `signInAction` → `sign`, `in`, `action`; `verifyOTP` → `verify`, `otp`.
fn camel_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let boundary = i > 0
            && c.is_ascii_uppercase()
            && (chars[i - 1].is_ascii_lowercase()
                || chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase()));
        if c == '_' || c == '-' {
            words.push(String::new());
            continue;
        }
        if boundary || words.is_empty() {
            words.push(String::new());
        }
        if let Some(last) = words.last_mut() {
            last.push(c.to_ascii_lowercase());
        }
    }
    words.retain(|w| !w.is_empty());
    words
}

/// Packages whose calls read or write stored data.
const DATA_PACKAGES: &[&str] = &[
    "@prisma/client",
    "drizzle-orm",
    "@vercel/postgres",
    "@vercel/kv",
    "@vercel/blob",
    "@neondatabase/serverless",
    "@planetscale/database",
    "@libsql/client",
    "@supabase/supabase-js",
    "@supabase/ssr",
    "@upstash/redis",
    "better-sqlite3",
    "firebase-admin",
    "ioredis",
    "kysely",
    "mongodb",
    "mongoose",
    "mysql2",
    "pg",
    "postgres",
    "redis",
];

/// Folder and file names of a project's data layer: `@/lib/db`, `./data`,
/// `@/server/queries`, `~/lib/db/queries`, `@/lib/dal`.
const DATA_SEGMENTS: &[&str] = &[
    "db",
    "database",
    "data",
    "dal",
    "prisma",
    "drizzle",
    "queries",
    "query",
    "repository",
    "repositories",
    "repo",
    "models",
    "model",
    "store",
    "supabase",
    "mutations",
    "kv",
    "redis",
];

/// Whether calls of what a module exports are data access.
pub fn is_data_module(specifier: &str) -> bool {
    if let Some(package) = package_name(specifier) {
        return DATA_PACKAGES.contains(&package)
            || package.starts_with("@prisma/")
            || specifier.contains("/generated/prisma")
            || specifier.contains("/generated/client");
    }
    specifier
        .split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .map(|s| s.split('.').next().unwrap_or(s))
        .any(|s| DATA_SEGMENTS.contains(&s.to_ascii_lowercase().as_str()))
}

/// Local names that are database handles whatever their import: `db.insert(...)`,
/// `prisma.post.create(...)`, ``sql`…` ``.
pub fn is_data_handle(root: &str) -> bool {
    matches!(
        root,
        "db" | "prisma"
            | "sql"
            | "supabase"
            | "knex"
            | "drizzle"
            | "redis"
            | "kv"
            | "tx"
            | "trx"
            | "database"
            | "client"
            | "pool"
            | "connection"
            | "mongo"
            | "collection"
    )
}

/// Calls that validate: `schema.parse(x)`, `safeParse`, `parseAsync`, valibot's
/// `v.parse(schema, x)`, yup's `validate`, io-ts's `decode`, a project's `parseForm(...)`.
pub fn is_validation_call(last: &str) -> bool {
    matches!(
        last,
        "parse"
            | "safeParse"
            | "parseAsync"
            | "safeParseAsync"
            | "validate"
            | "validateSync"
            | "validateAsync"
            | "decode"
    ) || last.starts_with("validate")
        || (last.starts_with("parse") && !matches!(last, "parseInt" | "parseFloat"))
        || last.ends_with("Schema")
}

/// Field and parameter names that carry a user's identity.
pub fn is_owner_id(name: &str) -> bool {
    let lower: String = name
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "userid" | "ownerid" | "authorid" | "creatorid" | "createdby" | "createdbyid" | "uid"
    )
}

/// Packages that only make sense on the server: database drivers, secret-key SDKs and
/// Node built-ins.
pub fn is_server_package(specifier: &str) -> bool {
    // The Prisma 7 `prisma-client` generator's output (`@/generated/prisma/client`).
    if specifier.starts_with("node:") || is_generated_prisma_client(specifier) {
        return true;
    }
    let Some(package) = package_name(specifier) else {
        return false;
    };
    const BUILTINS: &[&str] = &[
        "fs",
        "child_process",
        "net",
        "tls",
        "dgram",
        "cluster",
        "worker_threads",
        "os",
        "http2",
        "v8",
        "vm",
    ];
    // Not @prisma/client: its browser build holds the enums client code may import; the
    // `new PrismaClient()` is what marks a server module (see checks).
    const SERVER: &[&str] = &[
        "@vercel/postgres",
        "@vercel/kv",
        "@neondatabase/serverless",
        "@planetscale/database",
        "@libsql/client",
        "@upstash/redis",
        "better-sqlite3",
        "firebase-admin",
        "ioredis",
        "mongodb",
        "mongoose",
        "mysql2",
        "nodemailer",
        "pg",
        "postgres",
        "redis",
        "stripe",
        "server-only",
    ];
    if BUILTINS.contains(&package) || SERVER.contains(&package) || package.starts_with("@aws-sdk/")
    {
        return package != "server-only";
    }
    // drizzle-orm's drivers (`drizzle-orm/node-postgres`), not its schema builders.
    if let Some(sub) = specifier.strip_prefix("drizzle-orm/") {
        return !sub.ends_with("-core") && !sub.contains("zod") && sub != "sql";
    }
    false
}

/// The Prisma 7 `prisma-client` generator's client entry (`@/generated/prisma/client`, or
/// the folder itself); its `enums` and `browser` entries are safe in the browser.
fn is_generated_prisma_client(specifier: &str) -> bool {
    specifier.ends_with("generated/prisma") || specifier.ends_with("generated/prisma/client")
}

/// `@scope/name` or `name` for a package specifier; `None` for relative and aliased paths
/// (`./x`, `@/x`, `~/x`, `#x`).
pub fn package_name(specifier: &str) -> Option<&str> {
    if specifier.starts_with('.')
        || specifier.starts_with('/')
        || specifier.starts_with("@/")
        || specifier.starts_with('~')
        || specifier.starts_with('#')
    {
        return None;
    }
    let mut parts = specifier.splitn(3, '/');
    let first = parts.next()?;
    if first.starts_with('@') {
        let second = parts.next()?;
        Some(&specifier[..first.len() + 1 + second.len()])
    } else {
        Some(first)
    }
}

/// Environment variables that are not secrets: Next.js inlines `NEXT_PUBLIC_*`, and these
/// are set by Node, Next.js or the platform.
pub fn is_public_env(name: &str) -> bool {
    // Lower-case names are next.config `env` entries, which Next.js inlines everywhere.
    name.starts_with("NEXT_PUBLIC_")
        || name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        || matches!(
            name,
            "NODE_ENV" | "NEXT_RUNTIME" | "VERCEL_ENV" | "VERCEL_URL" | "CI" | "TZ" | "PORT"
        )
}

/// Whether an environment variable's name says it holds a credential (the others in client
/// code are bugs, not leaks: they are undefined in the browser).
pub fn is_credential_env(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    [
        "SECRET",
        "KEY",
        "TOKEN",
        "PASSWORD",
        "PRIVATE",
        "DATABASE",
        "DSN",
        "CREDENTIAL",
        "AUTH",
        "POSTGRES",
        "MYSQL",
        "MONGO",
        "REDIS",
    ]
    .iter()
    .any(|w| upper.contains(w))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    Signature,
    Token,
}

/// Headers that carry webhook signatures or credentials.
pub fn secret_header(name: &str) -> Option<SecretKind> {
    let lower = name.to_ascii_lowercase();
    if lower.contains("signature") || lower == "x-hub-signature-256" {
        return Some(SecretKind::Signature);
    }
    if matches!(
        lower.as_str(),
        "authorization" | "x-api-key" | "api-key" | "x-webhook-secret" | "x-cron-secret"
    ) || lower.contains("token")
        || lower.contains("secret")
    {
        return Some(SecretKind::Token);
    }
    None
}

/// Calls that verify a webhook signature: Stripe's `constructEvent`, svix's and Standard
/// Webhooks' `verify`, an HMAC, `timingSafeEqual`, a project's `verifySignature(...)`.
pub fn is_verify_call(last: &str) -> bool {
    let lower = last.to_ascii_lowercase();
    lower.contains("verify")
        || matches!(
            lower.as_str(),
            "constructevent" | "constructeventasync" | "timingsafeequal" | "createhmac" | "unwrap"
        )
        || (lower.contains("signature")
            && (lower.starts_with("is")
                || lower.starts_with("check")
                || lower.starts_with("validate")))
        || lower.starts_with("validatewebhook")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_calls() {
        for yes in [
            "auth",
            "getSession",
            "getServerSession",
            "currentUser",
            "getUser",
            "getCurrentUser",
            "requireUser",
            "validateRequest",
            "verifySession",
            "supabase.auth.getUser",
            "auth.protect",
            "getUserOrThrow",
            "requireAuth",
            "getKindeServerSession",
        ] {
            assert!(is_auth_call(yes), "{yes}");
        }
        for no in [
            "getUsers",
            "getUserPosts",
            "updateUser",
            "createPost",
            "db.select",
            "authorize",
        ] {
            assert!(!is_auth_call(no), "{no}");
        }
    }

    #[test]
    fn public_actions_by_leading_phrase() {
        for yes in [
            "signIn",
            "signUpAction",
            "login",
            "resetPasswordAction",
            "verifyOTP",
            "subscribe",
            "joinWaitlist",
        ] {
            assert!(is_public_action(yes), "{yes}");
        }
        for no in [
            "getContactsAction",
            "revokeOAuthConsentAction",
            "registerSSOProviderAction2",
            "updatePassword",
            "deleteAccount",
        ] {
            assert!(!is_public_action(no), "{no}");
        }
        assert!(!is_auth_call("throwIfAuthenticated"));
        assert!(!is_auth_call("supabase.auth.verifyOtp"));
        assert!(!wrapper_authenticates("throwIfAuthenticated"));
    }

    #[test]
    fn data_modules() {
        for yes in [
            "@/lib/db",
            "./data",
            "@/server/queries",
            "~/lib/db/queries",
            "@prisma/client",
            "drizzle-orm",
            "../generated/prisma/client",
            "@/lib/dal",
        ] {
            assert!(is_data_module(yes), "{yes}");
        }
        for no in ["@/lib/utils", "./schema", "next/cache", "zod", "@/auth"] {
            assert!(!is_data_module(no), "{no}");
        }
    }

    #[test]
    fn server_packages() {
        for yes in [
            "fs",
            "node:fs",
            "fs/promises",
            "pg",
            "drizzle-orm/node-postgres",
            "@aws-sdk/client-s3",
            "stripe",
            "@/generated/prisma/client",
        ] {
            assert!(is_server_package(yes), "{yes}");
        }
        for no in [
            "drizzle-orm/pg-core",
            "react",
            "@stripe/stripe-js",
            "server-only",
            "./db",
            "path",
            "@prisma/client",
            "@/generated/prisma/enums",
            "@/generated/prisma/browser",
        ] {
            assert!(!is_server_package(no), "{no}");
        }
    }

    #[test]
    fn credential_env_names() {
        assert!(is_credential_env("CRON_SECRET"));
        assert!(is_credential_env("DATABASE_URL"));
        assert!(!is_credential_env("PLAYWRIGHT"));
        assert!(!is_credential_env("VERCEL_URL"));
    }
}
