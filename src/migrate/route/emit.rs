//! The output: the action module's items with the declarations they use, and what stays
//! in the route.

use super::*;

impl<'s, 'a> Cx<'s, 'a> {
    /// Builds the action module's parts and the route's remainder.
    pub(super) fn emit(
        &mut self,
        analysis: &mut Analysis,
        handlers: &[Handler<'a>],
        mutating: &[&Handler<'a>],
        edits: &[Edit],
        needs: Needs,
        sharing: &Sharing,
    ) -> Result<()> {
        let items = TopLevel::collect(self.program, self.semantic, self.text);
        // What other files import moves to a module of its own, with what it needs.
        let scoping = self.semantic.scoping();
        let mut shared_roots = Vec::new();
        for (name, at) in &sharing.names {
            let item = scoping
                .get_root_binding(name.as_str().into())
                .and_then(|s| items.owner.get(&s).map(|i| (s, *i)));
            match item {
                Some((symbol, i))
                    if items.items[i].exported
                        && matches!(items.items[i].kind, ItemKind::Declaration { .. }) =>
                {
                    shared_roots.push(symbol);
                }
                _ => analysis.reasons.push(Reason::new(
                    ReasonKind::Imported,
                    at.clone(),
                    format!(
                        "imports `{name}` from the route, which is not a declaration it exports"
                    ),
                )),
            }
        }
        if has_final_reason(&analysis.reasons) {
            return Ok(());
        }
        let shared_used = if shared_roots.is_empty() {
            BTreeSet::new()
        } else {
            items.closure(
                self.semantic,
                &[],
                &[],
                &[],
                &shared_roots,
                &BTreeSet::new(),
            )
        };
        let in_shared = |item: &Item| match &item.kind {
            ItemKind::Declaration { symbols, .. } => {
                symbols.iter().any(|s| shared_used.contains(s))
            }
            _ => false,
        };
        // Spans whose text the edits replace: references inside them are gone.
        // Spans whose text the edits replace: references inside them are gone, unless
        // the code there is moved rather than dropped.
        let mut replaced: Vec<Span> = Vec::new();
        let mut kept: Vec<Span> = Vec::new();
        for e in edits {
            match &e.with {
                Replace::Text(_) => replaced.push(e.span),
                Replace::Object { inner, .. } => {
                    replaced.push(Span::new(e.span.start, inner.start));
                    replaced.push(Span::new(inner.end, e.span.end));
                }
                Replace::Splice(pieces) => {
                    replaced.push(e.span);
                    kept.extend(pieces.iter().filter_map(|p| match p {
                        Piece::Source { span, .. } => Some(*span),
                        Piece::Text(_) => None,
                    }));
                }
            }
        }
        let moved: Vec<Span> = mutating.iter().map(|h| h.statement).collect();

        // The action module: the handlers plus what they use.
        let mut extra_roots: Vec<SymbolId> = Vec::new();
        let scoping = self.semantic.scoping();
        extra_roots.extend(
            needs
                .names
                .iter()
                .filter_map(|n| scoping.get_root_binding(n.as_str().into())),
        );
        // The shared module's declarations are imported, not copied: what they use is
        // theirs to import.
        let opaque: BTreeSet<SymbolId> = items
            .items
            .iter()
            .filter(|i| in_shared(i))
            .flat_map(|i| match &i.kind {
                ItemKind::Declaration { symbols, .. } => symbols.clone(),
                _ => Vec::new(),
            })
            .collect();
        let used = items.closure(
            self.semantic,
            &moved,
            &replaced,
            &kept,
            &extra_roots,
            &opaque,
        );
        let mut from_shared: Vec<String> = Vec::new();
        for item in items.items.iter().filter(|i| !moved.contains(&i.span)) {
            if in_shared(item) {
                // Imported from the shared module instead of copied.
                if let ItemKind::Declaration { symbols, .. } = &item.kind {
                    from_shared.extend(
                        symbols
                            .iter()
                            .filter(|s| used.contains(*s))
                            .map(|s| scoping.symbol_name(*s).to_string()),
                    );
                }
                continue;
            }
            self.module_item(
                item,
                &used,
                false,
                &mut analysis.imports,
                &mut analysis.declarations,
                &mut analysis.declared,
            );
        }
        if !from_shared.is_empty() {
            analysis.declared.extend(from_shared.iter().cloned());
            analysis.imports.push(ImportLine {
                clause: Some(format!("{{ {} }}", from_shared.join(", "))),
                specifier: format!("./{SHARED_MODULE}"),
                locals: from_shared.clone(),
                named: Some(from_shared),
                beside: true,
            });
        }
        if !shared_used.is_empty() {
            let mut module = SharedModule::default();
            let mut names = Vec::new();
            for item in &items.items {
                self.module_item(
                    item,
                    &shared_used,
                    true,
                    &mut module.imports,
                    &mut module.declarations,
                    &mut names,
                );
            }
            analysis.shared = Some(module);
        }
        let mut specs: Vec<(String, String)> = Vec::new(); // (as written, local)
        for (export, locals) in [("cookies", &needs.cookies), ("headers", &needs.headers)] {
            for local in locals {
                let text = if local == export {
                    export.to_string()
                } else {
                    format!("{export} as {local}")
                };
                specs.push((text, local.clone()));
            }
        }
        if needs.response_result {
            analysis.declarations.push(RESPONSE_RESULT.to_string());
            analysis.declared.push(RESPONSE_RESULT_NAME.to_string());
        }
        if !specs.is_empty() {
            let texts: Vec<String> = specs.iter().map(|(t, _)| t.clone()).collect();
            let locals: Vec<String> = specs.iter().map(|(_, l)| l.clone()).collect();
            analysis.imports.push(ImportLine {
                clause: Some(format!("{{ {} }}", texts.join(", "))),
                specifier: "next/headers".into(),
                locals: locals.clone(),
                named: Some(texts),
                beside: false,
            });
            analysis.declared.extend(locals);
        }
        for handler in mutating {
            let span = Span::new(
                ast::with_leading_comments(self.program, self.text, handler.statement.start),
                handler.statement.end,
            );
            let text = render(self.text, span, edits).map_err(|o| {
                anyhow::anyhow!(
                    "internal error: overlapping rewrites at {} and {}",
                    self.loc(o.0.start),
                    self.loc(o.1.start)
                )
            })?;
            analysis.functions.push(crate::migrate::edit::tidy(&text));
        }
        analysis
            .declared
            .extend(analysis.actions.iter().map(|a| a.name.clone()));

        // The route without the moved handlers, when something stays.
        // Only handlers that stay (GET) keep the route: its other exports are either
        // imported by no one (the scan found every importer) or moved to the shared module.
        let stays = handlers.len() > mutating.len();
        if stays {
            // State both sides use cannot be copied: the copies would drift apart.
            let staying = items.staying(moved_and(&moved, &opaque, &items));
            let route_used = items.closure(self.semantic, &staying, &[], &[], &[], &opaque);
            for item in &items.items {
                if let ItemKind::Declaration { symbols, .. } = &item.kind
                    && !in_shared(item)
                    && symbols.iter().any(|s| used.contains(s))
                    && symbols.iter().any(|s| route_used.contains(s))
                    && self.is_state(item.statement)
                {
                    let name = item.names.first().cloned().unwrap_or_default();
                    analysis.reasons.push(Reason::new(
                        ReasonKind::Unsupported,
                        self.loc(item.statement.start),
                        format!("module state `{name}` is used by the handlers that stay and by those that move; a copy in the actions module would drift apart, so move it to a module of its own first"),
                    ));
                }
            }
            if has_final_reason(&analysis.reasons) {
                return Ok(());
            }
            analysis.remainder = Some(self.remainder(&items, &moved, &opaque, sharing)?);
        } else {
            let dropped: Vec<&str> = items
                .items
                .iter()
                .filter(|i| i.config)
                .filter_map(|i| i.names.first().map(String::as_str))
                .collect();
            if !dropped.is_empty() {
                self.notes.push(format!(
                    "dropped the route segment config ({}): an action runs under the config of the page that calls it, so move what you need there",
                    dropped.join(", ")
                ));
            }
        }
        analysis.outcome_notes.append(&mut self.notes);
        Ok(())
    }

    /// Adds an import (the specifiers in `used`) or a declaration (when it declares
    /// something in `used`) to a module being built; `export` keeps or adds `export`.
    #[allow(clippy::too_many_arguments)]
    fn module_item(
        &self,
        item: &Item,
        used: &BTreeSet<SymbolId>,
        export: bool,
        imports: &mut Vec<ImportLine>,
        declarations: &mut Vec<String>,
        declared: &mut Vec<String>,
    ) {
        match &item.kind {
            ItemKind::Import {
                specifier,
                specs,
                type_only,
            } => {
                let kept: Vec<&Spec> = specs.iter().filter(|s| used.contains(&s.symbol)).collect();
                if specs.is_empty() && !export {
                    imports.push(ImportLine {
                        clause: None,
                        specifier: specifier.clone(),
                        locals: Vec::new(),
                        named: None,
                        beside: false,
                    });
                } else if !kept.is_empty() {
                    let named_only = !*type_only && kept.iter().all(|s| s.form == SpecForm::Named);
                    imports.push(ImportLine {
                        clause: Some(import_clause(&kept, *type_only)),
                        specifier: specifier.clone(),
                        locals: kept.iter().map(|s| s.local.clone()).collect(),
                        named: named_only.then(|| kept.iter().map(|s| s.text.clone()).collect()),
                        beside: false,
                    });
                    declared.extend(kept.iter().map(|s| s.local.clone()));
                }
            }
            ItemKind::Declaration { symbols, body } => {
                if symbols.iter().any(|s| used.contains(s)) {
                    // Its comments, then the declaration (with or without `export `).
                    let text = format!(
                        "{}{}{}",
                        &self.text[item.span.start as usize..item.statement.start as usize],
                        if export { "export " } else { "" },
                        ast::text(self.text, *body)
                    );
                    declarations.push(text);
                    declared.extend(
                        symbols
                            .iter()
                            .map(|s| self.semantic.scoping().symbol_name(*s).to_string()),
                    );
                }
            }
            ItemKind::Other => {}
        }
    }

    /// The route text minus the moved handlers and what only they used.
    /// `shared`: the declarations that moved to the shared module; the route imports from
    /// there what it still uses.
    fn remainder(
        &self,
        items: &TopLevel,
        moved: &[Span],
        shared: &BTreeSet<SymbolId>,
        sharing: &Sharing,
    ) -> Result<String> {
        let is_shared = |i: &Item| match &i.kind {
            ItemKind::Declaration { symbols, .. } => symbols.iter().any(|s| shared.contains(s)),
            _ => false,
        };
        let staying = items.staying(moved_and(moved, shared, items));
        let used = items.closure(self.semantic, &staying, &[], &[], &[], shared);
        let all: Vec<Span> = items.items.iter().map(|i| i.span).collect();
        let before = items.closure(self.semantic, &all, &[], &[], &[], &BTreeSet::new());
        let mut edits = Vec::new();
        for item in &items.items {
            let remove = moved.contains(&item.span)
                || is_shared(item)
                || match &item.kind {
                    ItemKind::Declaration { symbols, .. } => {
                        !item.exported
                            && symbols.iter().any(|s| before.contains(s))
                            && !symbols.iter().any(|s| used.contains(s))
                    }
                    _ => false,
                };
            if remove {
                edits.push(Edit::remove(ast::removal_span(self.text, item.span)));
                continue;
            }
            if let ItemKind::Import {
                specs,
                type_only,
                specifier,
            } = &item.kind
            {
                let kept: Vec<&Spec> = specs
                    .iter()
                    .filter(|s| used.contains(&s.symbol) || !before.contains(&s.symbol))
                    .collect();
                if kept.len() == specs.len() {
                    continue;
                }
                if kept.is_empty() {
                    edits.push(Edit::remove(ast::removal_span(self.text, item.span)));
                } else {
                    edits.push(Edit::text(
                        item.span,
                        format!(
                            "import {} from {};",
                            import_clause(&kept, *type_only),
                            ast::string_literal(specifier)
                        ),
                    ));
                }
            }
        }
        // Alias exports: drop the moved methods from `export { a as POST, b as GET }`.
        for stmt in &self.program.body {
            if let Statement::ExportNamedDeclaration(export) = stmt {
                let keep: Vec<&str> = export
                    .specifiers
                    .iter()
                    .filter(|s| {
                        let local = match &s.local {
                            ModuleExportName::IdentifierReference(r) => r.name.as_str(),
                            _ => "",
                        };
                        !(MUTATING.contains(&s.exported.name().as_str())
                            && items.items.iter().any(|i| {
                                moved.contains(&i.span) && i.names.iter().any(|n| n == local)
                            }))
                    })
                    .map(|s| self.src(s.span))
                    .collect();
                if keep.len() == export.specifiers.len() {
                    continue;
                }
                if keep.is_empty() {
                    edits.push(Edit::remove(ast::removal_span(self.text, export.span)));
                } else {
                    edits.push(Edit::text(
                        export.span,
                        format!("export {{ {} }};", keep.join(", ")),
                    ));
                }
            }
        }
        // What the route still uses of the moved declarations comes from their new module.
        let scoping = self.semantic.scoping();
        let needed: Vec<&str> = items
            .items
            .iter()
            .filter(|i| is_shared(i))
            .flat_map(|i| match &i.kind {
                ItemKind::Declaration { symbols, .. } => symbols.clone(),
                _ => Vec::new(),
            })
            .filter(|s| used.contains(s))
            .map(|s| scoping.symbol_name(s))
            .collect();
        if !needed.is_empty() {
            let line = format!(
                "import {{ {} }} from {};",
                needed.join(", "),
                ast::string_literal(&sharing.from_route)
            );
            let last_import = items
                .items
                .iter()
                .rev()
                .find(|i| matches!(i.kind, ItemKind::Import { .. }));
            edits.push(match last_import {
                Some(i) => Edit::insert(i.statement.end, format!("\n{line}")),
                None => Edit::insert(0, format!("{line}\n\n")),
            });
        }
        render(self.text, Span::new(0, self.text.len() as u32), &edits)
            .map(|t| crate::migrate::edit::tidy(&t))
            .map_err(|_| anyhow::anyhow!("internal error: overlapping removals in the route"))
    }
}

fn import_clause(specs: &[&Spec], type_only: bool) -> String {
    let default = specs.iter().find(|s| s.form == SpecForm::Default);
    let namespace = specs.iter().find(|s| s.form == SpecForm::Namespace);
    let named: Vec<&str> = specs
        .iter()
        .filter(|s| s.form == SpecForm::Named)
        .map(|s| s.text.as_str())
        .collect();
    let mut parts = Vec::new();
    if let Some(d) = default {
        parts.push(d.text.clone());
    }
    if let Some(n) = namespace {
        parts.push(n.text.clone());
    }
    if !named.is_empty() {
        parts.push(format!("{{ {} }}", named.join(", ")));
    }
    format!(
        "{}{}",
        if type_only { "type " } else { "" },
        parts.join(", ")
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SpecForm {
    Default,
    Namespace,
    Named,
}

#[derive(Debug, Clone)]
struct Spec {
    symbol: SymbolId,
    local: String,
    /// As written: `a as b`, `type T`, `* as z`.
    text: String,
    form: SpecForm,
}

#[derive(Debug, Clone)]
enum ItemKind {
    Import {
        specifier: String,
        specs: Vec<Spec>,
        type_only: bool,
    },
    /// A declaration; `body` is its text without `export`.
    Declaration {
        symbols: Vec<SymbolId>,
        body: Span,
    },
    Other,
}

/// One top-level statement.
#[derive(Debug, Clone)]
struct Item {
    /// With the comments above it.
    span: Span,
    /// The statement alone (`span` minus its comments).
    statement: Span,
    kind: ItemKind,
    exported: bool,
    /// Route segment config (`export const dynamic = …`).
    config: bool,
    names: Vec<String>,
}

pub(super) struct TopLevel {
    items: Vec<Item>,
    /// Root symbol → index of the declaring item.
    owner: HashMap<SymbolId, usize>,
}

/// The items that leave the route: the moved handlers and the declarations that went
/// to the shared module.
fn moved_and(moved: &[Span], shared: &BTreeSet<SymbolId>, items: &TopLevel) -> Vec<Span> {
    let mut out = moved.to_vec();
    out.extend(items.items.iter().filter_map(|i| match &i.kind {
        ItemKind::Declaration { symbols, .. } if symbols.iter().any(|s| shared.contains(s)) => {
            Some(i.span)
        }
        _ => None,
    }));
    out
}

impl TopLevel {
    /// The code that stays in the route once `gone` leaves: exports and top-level
    /// statements, from which what it still uses is reached.
    fn staying(&self, gone: Vec<Span>) -> Vec<Span> {
        self.items
            .iter()
            .filter(|i| !gone.contains(&i.span) && !matches!(i.kind, ItemKind::Import { .. }))
            .filter(|i| i.exported || matches!(i.kind, ItemKind::Other))
            .map(|i| i.span)
            .collect()
    }

    fn collect(program: &Program<'_>, semantic: &Semantic<'_>, text: &str) -> TopLevel {
        let scoping = semantic.scoping();
        let root = scoping.root_scope_id();
        let mut items = Vec::new();
        let mut owner = HashMap::new();
        for stmt in &program.body {
            let statement = stmt.span();
            let start = ast::with_leading_comments(program, text, statement.start);
            let mut exported = false;
            let mut body = statement;
            if let Statement::ExportDeclaration(e) = stmt {
                exported = true;
                body = e.declaration.span();
            }
            let symbols: Vec<SymbolId> = scoping
                .get_bindings(root)
                .iter()
                .map(|(_, s)| *s)
                .filter(|s| within(scoping.symbol_span(*s), statement))
                .collect();
            let names: Vec<String> = symbols
                .iter()
                .map(|s| scoping.symbol_name(*s).to_string())
                .collect();
            let config = exported && names.len() == 1 && CONFIG.contains(&names[0].as_str());
            let kind = match stmt {
                Statement::ImportDeclaration(import) => ItemKind::Import {
                    specifier: import.source.value.to_string(),
                    type_only: import.import_kind.is_type(),
                    specs: import
                        .specifiers
                        .iter()
                        .flatten()
                        .filter_map(|s| {
                            let (local, form) = match s {
                                ImportDeclarationSpecifier::ImportSpecifier(x) => {
                                    (&x.local, SpecForm::Named)
                                }
                                ImportDeclarationSpecifier::ImportDefaultSpecifier(x) => {
                                    (&x.local, SpecForm::Default)
                                }
                                ImportDeclarationSpecifier::ImportNamespaceSpecifier(x) => {
                                    (&x.local, SpecForm::Namespace)
                                }
                            };
                            Some(Spec {
                                symbol: local.symbol_id.get()?,
                                local: local.name.to_string(),
                                text: ast::text(text, s.span()).to_string(),
                                form,
                            })
                        })
                        .collect(),
                },
                _ if !symbols.is_empty() => ItemKind::Declaration {
                    symbols: symbols.clone(),
                    body,
                },
                _ => ItemKind::Other,
            };
            for s in &symbols {
                owner.insert(*s, items.len());
            }
            items.push(Item {
                span: Span::new(start, statement.end),
                statement,
                kind,
                exported,
                config,
                names,
            });
        }
        TopLevel { items, owner }
    }

    /// Root symbols reachable from code in `roots` (minus `replaced` spans), following
    /// top-level declarations.
    fn closure(
        &self,
        semantic: &Semantic<'_>,
        roots: &[Span],
        replaced: &[Span],
        kept: &[Span],
        extra: &[SymbolId],
        opaque: &BTreeSet<SymbolId>,
    ) -> BTreeSet<SymbolId> {
        let scoping = semantic.scoping();
        let nodes = semantic.nodes();
        let mut used: BTreeSet<SymbolId> = extra.iter().copied().collect();
        let mut queue: Vec<Span> = roots.to_vec();
        let mut seen_items: HashSet<usize> = HashSet::new();
        for s in extra {
            if let Some(i) = self.owner.get(s)
                && !opaque.contains(s)
                && seen_items.insert(*i)
            {
                queue.push(self.items[*i].statement);
            }
        }
        while let Some(range) = queue.pop() {
            for (symbol, &item) in &self.owner {
                let referenced = scoping.get_resolved_references(*symbol).any(|r| {
                    let at = nodes.kind(r.node_id()).span();
                    // Gone when a replaced span holds it, unless it is in code that span
                    // moves (a kept span inside it).
                    within(at, range)
                        && !replaced.iter().any(|r| {
                            within(at, *r) && !kept.iter().any(|k| within(at, *k) && within(*k, *r))
                        })
                });
                if referenced {
                    used.insert(*symbol);
                    // An opaque declaration is used, but what it uses is not followed.
                    if !opaque.contains(symbol) && seen_items.insert(item) {
                        queue.push(self.items[item].statement);
                    }
                }
            }
        }
        used
    }
}
