//! axios callers: `axios.post(url, body)` becomes `axiosResponse(await createPost(body))`.
//!
//! axios throws for every status outside 2xx, and real callers rely on it: a `catch` or
//! react-query's `onError` branches on `err.response?.status`. The generated
//! `lib/axios-response.ts` keeps that contract: it hands back `{ data, status }` for a
//! success and throws axios' own `AxiosError`, with the status and the error body in
//! `response`, for anything else. `axios.isAxiosError(err)`, `err instanceof AxiosError`
//! and `err.response?.data` work as before.

use std::path::{Path, PathBuf};

use oxc_ast::AstKind;
use oxc_ast::ast::{
    BindingPattern, CallExpression, Expression, ImportDeclarationSpecifier, ObjectPropertyKind,
    Program, PropertyKey, Statement,
};
use oxc_span::{GetSpan, Span};
use oxc_syntax::node::NodeId;

use super::{Arg, Manual, Rewriter, layout_args, unsent_header};
use crate::migrate::ast::{self, arg, string_value, up};
use crate::migrate::edit::Edit;
use crate::migrate::route::{ActionSig, Body};
use crate::migrate::url::Match;
use crate::project::Project;

/// What the helper is called where nothing else has the name.
pub const HELPER: &str = "axiosResponse";

/// The helper module, beside the project's other library code.
pub fn helper_path(project: &Project) -> PathBuf {
    project.src_dir.join("lib/axios-response.ts")
}

/// The helper module's text. It imports only from axios, so it runs on the client and the
/// server alike.
pub const HELPER_SOURCE: &str = r#"import { AxiosError, AxiosHeaders, type AxiosResponse } from "axios";

// What a Server Action migrated from a route handler answers.
type ActionResult =
  | { readonly ok: true; readonly status: number; readonly data: unknown }
  | { readonly ok: false; readonly status: number; readonly error: unknown };

// axios' own default for a response body it parsed: untyped.
type Untyped = ReturnType<typeof JSON.parse>;

/**
 * A Server Action's result the way axios answered the route it replaced: `{ data, status }`
 * for a success; otherwise an `AxiosError` is thrown whose `response` holds the status and
 * the error body, so `catch` blocks and react-query's `onError` see what they saw before.
 * `data` is as untyped as axios made it unless the call names its type.
 */
export function axiosResponse<T = Untyped>(
  result: ActionResult | undefined,
): { data: T; status: number } {
  if (result?.ok) {
    return { data: result.data as T, status: result.status };
  }
  // A handler that returned nothing was answered with a 500 by Next.js.
  const status = result?.status ?? 500;
  const config = { headers: new AxiosHeaders() };
  const response: AxiosResponse = {
    data: result?.error,
    status,
    statusText: "",
    headers: {},
    config,
  };
  throw new AxiosError(
    `Request failed with status code ${status}`,
    status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
    config,
    undefined,
    response,
  );
}
"#;

/// `import axios from "axios"` in a caller file.
pub(super) struct AxiosImport {
    pub local: String,
    /// The whole declaration, and the default specifier's range up to what follows it
    /// (`axios, ` in `import axios, { AxiosError } from "axios"`).
    pub declaration: Span,
    pub specifier: Span,
    pub only: bool,
}

/// The default imports of axios in a file.
pub(super) fn imports(program: &Program<'_>, text: &str) -> Vec<AxiosImport> {
    let mut out = Vec::new();
    for stmt in &program.body {
        let Statement::ImportDeclaration(decl) = stmt else {
            continue;
        };
        if decl.source.value != "axios" || decl.import_kind.is_type() {
            continue;
        }
        let Some(specifiers) = &decl.specifiers else {
            continue;
        };
        for (i, spec) in specifiers.iter().enumerate() {
            let ImportDeclarationSpecifier::ImportDefaultSpecifier(default) = spec else {
                continue;
            };
            // The default specifier comes first; it goes with the comma after it.
            let end = specifiers.get(i + 1).map_or(default.span.end, |next| {
                let between = &text[default.span.end as usize..next.span().start as usize];
                let brace = between.find(['{', '*']).unwrap_or(between.len());
                default.span.end + brace as u32
            });
            out.push(AxiosImport {
                local: default.local.name.to_string(),
                declaration: decl.span,
                specifier: Span::new(default.span.start, end),
                only: specifiers.len() == 1,
            });
        }
    }
    out
}

/// The edit that drops an axios import nothing uses any more.
pub(super) fn drop_import(import: &AxiosImport, text: &str) -> Edit {
    if import.only {
        Edit::remove(ast::removal_span(text, import.declaration))
    } else {
        Edit::text(import.specifier, "")
    }
}

/// The request method of `axios.post(…)` and where its body and options are.
pub(super) fn method(name: &str) -> Option<(&'static str, Option<usize>, usize)> {
    Some(match name {
        "get" => ("GET", None, 1),
        "delete" => ("DELETE", None, 1),
        "head" => ("HEAD", None, 1),
        "options" => ("OPTIONS", None, 1),
        "post" => ("POST", Some(1), 2),
        "put" => ("PUT", Some(1), 2),
        "patch" => ("PATCH", Some(1), 2),
        _ => return None,
    })
}

impl<'a> Rewriter<'_, '_, 'a> {
    /// `axios.<method>(url[, body][, options])`, awaited or not, as a call of the action
    /// whose result goes through the helper.
    pub(super) fn rewrite_axios(
        &self,
        call: &CallExpression<'a>,
        call_id: NodeId,
        m: &Match,
        sig: &ActionSig,
        local: &str,
        helper: &str,
    ) -> Result<Vec<Edit>, Manual> {
        let name = match call.callee.without_parentheses() {
            Expression::StaticMemberExpression(member) => member.property.name.as_str(),
            _ => "",
        };
        let Some((_, body_at, options_at)) = method(name) else {
            return Err((format!("calls `axios.{name}`"), None));
        };
        if call.arguments.iter().any(|a| a.is_spread()) {
            return Err(("spreads its arguments".into(), None));
        }
        if let Some(options) = arg(&call.arguments, options_at) {
            self.check_options(options)?;
        }
        let body = body_at.and_then(|i| arg(&call.arguments, i));
        let body_arg = match (sig.body, body) {
            (Some(_), None) => {
                return Err(("sends no body, but the handler reads one".into(), None));
            }
            (Some(Body::Json), Some(b)) if string_value(b).is_some() => {
                return Err((
                    "sends a string, which axios does not send as JSON, but the handler reads JSON"
                        .into(),
                    None,
                ));
            }
            (Some(_), Some(b)) => Some(self.arg(b)),
            (None, _) => None,
        };
        let args = self.action_args(m, sig, body_arg)?;
        // `axios.post<Post>(…)` named the body's type; the helper keeps it.
        let typed = match &call.type_arguments {
            Some(t) => format!("{helper}{}", self.src(t.span)),
            None => helper.to_string(),
        };
        let helper = typed.as_str();
        let flat = args
            .iter()
            .map(|a| a.flat.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let manual = |why: String| Err((why, Some(format!("{helper}(await {local}({flat}))"))));

        let (parent_id, parent) = up(self.semantic, call_id);
        let AstKind::AwaitExpression(awaited) = parent else {
            // A promise handed on (`mutationFn: (p) => axios.post(url, p)`): the same
            // promise, resolving or rejecting as axios' did.
            let suffix = format!(".then({helper})");
            let (lead, rest) = self.around(call.span);
            let indent = crate::migrate::edit::indentation_at(self.text, call.span.start);
            let laid = layout_args(local, &args, lead, rest + suffix.len(), &indent);
            return Ok(vec![Edit::text(call.span, format!("{laid}{suffix}"))]);
        };
        if let Err(why) = self.response_uses(parent_id) {
            return manual(why);
        }
        let (lead, rest) = self.around(awaited.span);
        let indent = crate::migrate::edit::indentation_at(self.text, awaited.span.start);
        let prefix = format!("{helper}(await ");
        let inline = layout_args(local, &args, lead + prefix.len(), rest + 1, &indent);
        let replacement = if inline.contains('\n') {
            self.broken(local, &args, helper, &indent)
        } else {
            format!("{prefix}{inline})")
        };
        Ok(vec![Edit::text(awaited.span, replacement)])
    }

    /// `helper(\n  await f(args),\n)`: prettier breaks the outer call first, since an
    /// awaited call is not an argument it hugs.
    fn broken(&self, local: &str, args: &[Arg], helper: &str, indent: &str) -> String {
        let unit = crate::migrate::edit::step(indent);
        let inner = format!("{indent}{unit}");
        let call = layout_args(local, args, inner.len() + "await ".len(), 1, &inner);
        format!("{helper}(\n{inner}await {call},\n{indent})")
    }

    /// Options an action call can do without: only `Content-Type` / `Accept` headers.
    fn check_options(&self, options: &Expression<'a>) -> Result<(), Manual> {
        let unsupported = Err((
            format!(
                "passes axios options (`{}`), which an action call cannot take",
                self.src(options.span())
            ),
            None,
        ));
        let Expression::ObjectExpression(options) = options.without_parentheses() else {
            return unsupported;
        };
        for prop in &options.properties {
            let ObjectPropertyKind::ObjectProperty(p) = prop else {
                return unsupported;
            };
            let Expression::ObjectExpression(headers) = p.value.without_parentheses() else {
                return unsupported;
            };
            if p.key.static_name().as_deref() != Some("headers") || unsent_header(headers).is_some()
            {
                return unsupported;
            }
        }
        Ok(())
    }

    /// What the caller does with axios' response, when it keeps it: only `data` and
    /// `status` exist on the helper's answer.
    fn response_uses(&self, awaited: NodeId) -> Result<(), String> {
        let (_, AstKind::VariableDeclarator(d)) = up(self.semantic, awaited) else {
            return Ok(());
        };
        let known = |key: &str| matches!(key, "data" | "status");
        match &d.id {
            BindingPattern::ObjectPattern(pattern) => {
                if pattern.rest.is_some() {
                    return Err("keeps the rest of axios' response (`...rest`)".into());
                }
                for p in &pattern.properties {
                    let key = match &p.key {
                        PropertyKey::StaticIdentifier(k) => k.name.to_string(),
                        key => key.static_name().map(|k| k.to_string()).unwrap_or_default(),
                    };
                    if !known(&key) {
                        return Err(format!(
                            "reads `{key}` from axios' response, which an action result does not have"
                        ));
                    }
                }
                Ok(())
            }
            BindingPattern::BindingIdentifier(id) => {
                let Some(symbol) = id.symbol_id.get() else {
                    return Err("the response variable is not resolvable".into());
                };
                let scoping = self.semantic.scoping();
                for reference in scoping.get_resolved_references(symbol) {
                    let member = match up(self.semantic, reference.node_id()).1 {
                        AstKind::StaticMemberExpression(m) => m.property.name.to_string(),
                        _ => String::new(),
                    };
                    if !known(&member) {
                        let at = self.semantic.nodes().kind(reference.node_id()).span();
                        let line = crate::migrate::location(Path::new(""), self.text, at.start);
                        return Err(format!(
                            "uses the response `{}` at {} other than through `.data` or `.status`",
                            id.name,
                            line.trim_start_matches(':')
                        ));
                    }
                }
                Ok(())
            }
            _ => Err("destructures axios' response in a way the tool does not follow".into()),
        }
    }
}

/// Whether an existing module already exports the helper (written by an earlier migration,
/// or by hand with the same name), so it is reused rather than overwritten.
pub fn exports_helper(path: &Path, text: &str) -> bool {
    let allocator = oxc_allocator::Allocator::default();
    let Ok(parsed) = ast::parse(&allocator, path, text) else {
        return false;
    };
    parsed.program.body.iter().any(|stmt| match stmt {
        Statement::ExportDeclaration(export) => match &export.declaration {
            oxc_ast::ast::Declaration::FunctionDeclaration(f) => {
                f.id.as_ref().is_some_and(|id| id.name == HELPER)
            }
            _ => false,
        },
        Statement::ExportNamedDeclaration(export) => export
            .specifiers
            .iter()
            .any(|s| s.exported.name() == HELPER),
        _ => false,
    })
}
