#!/usr/bin/env node
// Writes a synthetic Next.js 15 project for bench/migrate.sh:
//   node bench/synth.mjs <N> <DIR>
// N counts every .ts/.tsx/.js outside node_modules and .next. Deterministic: each file's
// content comes from a PRNG seeded with its index, so the same N gives the same bytes and
// the first files of a 10k tree are those of a 1k tree (the sizes differ only in count).
import fs from "node:fs";
import path from "node:path";

const [n, dir] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(n) || n < 50 || !dir) {
  console.error("usage: node bench/synth.mjs <N >= 50> <DIR>");
  process.exit(2);
}
if (fs.existsSync(dir) && fs.readdirSync(dir).length) {
  console.error(`synth: ${dir} is not empty`);
  process.exit(2);
}

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rnd = mulberry32(1);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const cap = (s) => s[0].toUpperCase() + s.slice(1);
// Log-normal file sizes: median 2.5 KB, ~4% above 10 KB, capped at 30 KB.
function targetSize() {
  const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return Math.min(30000, Math.max(300, Math.round(2500 * Math.exp(0.75 * z))));
}

const nouns = ["invoice", "account", "team", "member", "project", "comment", "draft", "tag", "report",
  "session", "order", "product", "review", "plan", "feature", "message", "thread", "upload", "channel",
  "profile", "setting", "billing", "metric", "event", "category", "author", "media", "widget"];
const adjs = ["recent", "pinned", "shared", "archived", "active", "pending", "public", "featured", "sorted", "paged"];
const sections = ["blog", "docs", "pricing", "about", "changelog", "customers", "careers", "legal", "guides", "help"];
const apis = ["users", "comments", "teams", "invoices", "uploads", "search", "billing/portal", "auth/session",
  "webhooks/stripe", "feed", "tags", "notifications"];
const classes = ["flex items-center gap-2", "rounded-lg border p-4", "text-sm text-muted-foreground",
  "grid grid-cols-2 gap-4", "space-y-3", "font-semibold tracking-tight", "hidden md:block"];
const postsWords = ["Recent posts", "No posts yet", "Posts per page", "Pinned posts", "Draft posts", "Search posts"];

// Each block is one top-level declaration; `id` keeps names unique within a file.
// "posts" shows up in labels, keys, hrefs and comments; /api/ URLs point at other routes.
function block(kind, id) {
  const noun = pick(nouns), N = cap(noun) + cap(pick(adjs)) + id, api = pick(apis), w = pick(postsWords);
  const blocks = {
    types: () => `export interface ${N}Props {
  id: string;
  title: string;
  status: "draft" | "published" | "archived";
  createdAt: Date;
  tags?: readonly string[];
  onSelect?: (id: string) => void;
}

export type ${N}Key = keyof ${N}Props;
`,
    consts: () => `// ${w} come from the feed, not /api/${api}; keep this list in sync with the sidebar.
const ${noun.toUpperCase()}_${id}_ENDPOINT = "/api/${api}";
export const ${N}Labels: Record<string, string> = {
  posts: "${w}",
  ${noun}: "${cap(noun)}",
  empty: "Nothing to show for ${noun} ${id}",
  endpoint: ${noun.toUpperCase()}_${id}_ENDPOINT,
};
`,
    helper: () => `export function format${N}(value: number, locale = "en-US"): string {
  if (!Number.isFinite(value)) return "—";
  const rounded = Math.round(value * ${int(10, 1000)}) / ${int(10, 1000)};
  return new Intl.NumberFormat(locale, { maximumFractionDigits: ${int(0, 3)} }).format(rounded);
}

export function slugify${N}(input: string): string {
  return input
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "")
    .slice(0, ${int(20, 80)});
}
`,
    loader: () => `export async function load${N}(id: string, signal?: AbortSignal): Promise<${N}Item[]> {
  const res = await fetch(\`/api/${api}/\${encodeURIComponent(id)}?limit=${int(5, 100)}\`, {
    signal,
    cache: "no-store",
  });
  if (!res.ok) {
    throw new Error(\`Could not load ${noun} \${id} (posts view): \${res.status}\`);
  }
  return (await res.json()) as ${N}Item[];
}

type ${N}Item = { id: string; ${noun}Id: string; score: number };
`,
    schema: () => `export const ${N}Schema = z.object({
  title: z.string().min(1).max(${int(60, 240)}),
  ${noun}Id: z.string().uuid(),
  visibility: z.enum(["public", "private", "team"]).default("public"),
  posts: z.array(z.string()).max(${int(5, 50)}).optional(),
});
export type ${N}Input = z.infer<typeof ${N}Schema>;
`,
    reducer: () => `type ${N}Action =
  | { type: "add"; id: string }
  | { type: "remove"; id: string }
  | { type: "reset" };

export function ${noun}${id}Reducer(state: string[], action: ${N}Action): string[] {
  switch (action.type) {
    case "add":
      return state.includes(action.id) ? state : [...state, action.id];
    case "remove":
      return state.filter((x) => x !== action.id);
    case "reset":
      return [];
    default:
      return state;
  }
}
`,
    hook: () => `export function use${N}(initial: number, key = "posts:${noun}") {
  const [value, setValue] = useState(initial);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    fetch("/api/${api}", { signal: controller.signal })
      .then((r) => r.json())
      .then((data: { count: number }) => setValue(data.count))
      .catch(() => undefined)
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [key]);
  return { value, loading, setValue } as const;
}
`,
    component: () => `export function ${N}List({ title, items, onSelect }: { title: string; items: { id: string; title: string; status: string }[]; onSelect?: (id: string) => void }) {
  const [open, setOpen] = useState(${rnd() < 0.5});
  const visible = useMemo(() => items.filter((item) => item.status !== "archived"), [items]);
  return (
    <section className="${pick(classes)}">
      <header className="${pick(classes)}">
        <h2>{title}</h2>
        <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? "Hide" : "Show"} ${noun}
        </button>
      </header>
      {open && visible.length === 0 ? <p className="${pick(classes)}">${w}</p> : null}
      <ul>
        {visible.map((item) => (
          <li key={item.id} onClick={() => onSelect?.(item.id)}>
            <Link href={\`/${pick(sections)}/posts/\${item.id}\`}>{item.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
`,
  };
  return blocks[kind]();
}

// Fills a file with blocks of the kinds its role allows until it reaches its target size.
function body(head, kinds, size) {
  let out = head, id = 0;
  while (out.length < size) out += "\n" + block(pick(kinds), id++);
  return out;
}
const tsKinds = ["types", "consts", "helper", "loader", "schema", "reducer"];
const tsxKinds = [...tsKinds, "component", "component", "hook"];
const reactHead = (client) => `${client ? '"use client";\n\n' : ""}import { useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { z } from "zod";
`;

// One generated file: [relative path, content]. Roles follow a typical app's mix.
function generated(i) {
  rnd = mulberry32(0x9e3779b1 ^ (i * 2654435761));
  const r = rnd(), size = targetSize(), a = pick(nouns), b = pick(adjs), seg = pick(nouns);
  if (r < 0.2) {
    const page = `${body(`import type { Metadata } from "next";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { z } from "zod";

export const metadata: Metadata = { title: "${cap(a)} — ${pick(postsWords)}" };
`, tsKinds, size - 600)}
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <main className="${pick(classes)}">
      <h1>{slug}</h1>
      <Link href="/${pick(sections)}/posts">${pick(postsWords)}</Link>
    </main>
  );
}
`;
    const group = rnd() < 0.5 ? "(marketing)" : "(dashboard)";
    return [`app/${group}/${pick(sections)}/${seg}/${a}-${b}-${i}/page.tsx`, page];
  }
  if (r < 0.35) return [`app/(dashboard)/${seg}/_components/${a}-${b}-${i}.tsx`, body(reactHead(true), tsxKinds, size)];
  if (r < 0.65) return [`components/${rnd() < 0.5 ? "ui" : seg}/${a}/${cap(a)}${cap(b)}${i}.tsx`, body(reactHead(rnd() < 0.6), tsxKinds, size)];
  if (r < 0.87) return [`lib/${seg}/${a}-${b}-${i}.ts`, body(`import { z } from "zod";\n`, tsKinds, size)];
  if (r < 0.99) return [`hooks/${seg}/use-${a}-${b}-${i}.ts`, body(`import { useEffect, useState } from "react";\nimport { z } from "zod";\n`,
    ["hook", "hook", "helper", "loader", "reducer"], size)];
  // A few plain-JS modules (no TS syntax), as in most apps' scripts/ folders.
  return [`scripts/${seg}/${a}-${b}-${i}.js`, `// Build helper (plain JS): posts export for ${a}.\n` +
    Array.from({ length: int(2, 8) }, (_, k) => `export function ${a}${k}(items) {\n  return items.filter((x) => x.kind !== "posts").map((x) => ({ ...x, url: \`/api/${pick(apis)}/\${x.id}\` }));\n}\n`).join("\n")];
}

// The three real callers of POST /api/posts, each with other code around the fetch.
const caller = (name) => `"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";

export function ${name}({ onCreated }: { onCreated?: (id: string) => void }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const res = await fetch("/api/posts", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title, body }),
    });
    if (!res.ok) {
      setError(res.status === 422 ? "Check the title and body." : "Could not save the post.");
      return;
    }
    const post = await res.json();
    onCreated?.(post.id);
    router.push(\`/posts/\${post.id}\`);
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-3">
      <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      <textarea name="body" value={body} onChange={(e) => setBody(e.target.value)} required />
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit">Publish</button>
    </form>
  );
}
`;

const fixed = {
  "package.json": JSON.stringify({
    name: "synthetic-app", version: "0.1.0", private: true,
    scripts: { dev: "next dev", build: "next build", start: "next start" },
    dependencies: { next: "15.5.29", react: "19.3.1", "react-dom": "19.3.1", zod: "4.6.7" },
    devDependencies: { typescript: "5.9.3", "@types/react": "19.3.0", "@types/node": "20.19.43" },
  }, null, 2) + "\n",
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      target: "ES2017", lib: ["dom", "dom.iterable", "esnext"], allowJs: true, skipLibCheck: true,
      strict: true, noEmit: true, esModuleInterop: true, module: "esnext", moduleResolution: "bundler",
      resolveJsonModule: true, isolatedModules: true, jsx: "preserve", incremental: true,
      plugins: [{ name: "next" }], paths: { "@/*": ["./*"] },
    },
    include: ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
    exclude: ["node_modules"],
  }, null, 2) + "\n",
  // Bare names: both git and jscodeshift's --ignore-config read these as "at any depth".
  ".gitignore": "node_modules\n.next\n*.tsbuildinfo\n",
  "app/api/posts/route.ts": `import { NextResponse } from "next/server";
import { z, ZodError } from "zod";
import { auth } from "@/auth";
import { db } from "@/lib/db";

const CreatePost = z.object({
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(10_000),
});

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user?.id) {
    return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  }
  try {
    const body = CreatePost.parse(await req.json());
    const post = await db.post.create({ ...body, authorId: session.user.id });
    return NextResponse.json(post, { status: 201 });
  } catch (error) {
    if (error instanceof ZodError) {
      return NextResponse.json({ error: "Invalid input", issues: error.issues }, { status: 422 });
    }
    throw error;
  }
}
`,
  "auth.ts": `import "server-only";

import { cookies } from "next/headers";

export type Session = { user?: { id?: string; name?: string | null } };

export async function auth(): Promise<Session | null> {
  const id = (await cookies()).get("session")?.value;
  return id ? { user: { id, name: id } } : null;
}
`,
  "lib/db.ts": `import "server-only";

export type Post = { id: string; title: string; body: string; authorId: string; createdAt: string };

const posts = new Map<string, Post>();

export const db = {
  post: {
    async create(data: Omit<Post, "id" | "createdAt">): Promise<Post> {
      const post = { ...data, id: crypto.randomUUID(), createdAt: new Date().toISOString() };
      posts.set(post.id, post);
      return post;
    },
    async findMany(): Promise<Post[]> {
      return [...posts.values()];
    },
  },
};
`,
  "app/layout.tsx": `import type { ReactNode } from "react";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "components/posts/new-post-form.tsx": caller("NewPostForm"),
  "app/(dashboard)/dashboard/posts/new/_components/post-editor.tsx": caller("PostEditor"),
  "components/ui/dialogs/quick-post-dialog.tsx": caller("QuickPostDialog"),
};
const sources = Object.keys(fixed).filter((p) => /\.(ts|tsx|js)$/.test(p)).length;

const write = (rel, text) => {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
for (const [rel, text] of Object.entries(fixed)) write(rel, text);
for (let i = 0; i < n - sources; i++) write(...generated(i));

// Ignored folders, full of fetch("/api/posts") callers: a walker that does not honour
// .gitignore reports extra callers (and does a lot more work).
rnd = mulberry32(7);
for (let i = 0; i < 200; i++) {
  const fn = Array.from({ length: int(20, 200) }, (_, k) =>
    `function f${k}(a,b){return fetch("/api/posts",{method:"POST",body:JSON.stringify({a,b})}).then(r=>r.json())}`).join(";");
  write(`node_modules/${pick(nouns)}-kit-${i}/dist/index.js`, `"use strict";${fn};module.exports={f0};\n`);
}
for (let i = 0; i < 20; i++) {
  write(`.next/static/chunks/app/page-${i}.js`, `(self.webpackChunk=self.webpackChunk||[]).push([[${i}],{${i}:function(){fetch("/api/posts",{method:"POST"})}}]);\n`);
}
write(".next/BUILD_ID", "synthetic\n");
