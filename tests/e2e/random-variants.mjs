// Seeded random specs for scaffold, appended to the variant matrix by run.mjs
// (--random=N). Names run up to the length limits with random casing and
// digits, enums get up to nine values, routes mix every kind, provider,
// method set and CORS list: the layout rules meet shapes nobody wrote by hand.
// The same seed always gives the same variants, so a failure reproduces.

const STRIPE_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "customer.subscription.trial_will_end",
  "invoice.payment_action_required",
  "payment_intent.succeeded",
  "charge.refunded",
];

/** mulberry32: a tiny seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomVariants(count, seed = 7) {
  const random = rng(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  const lower = "abcdefghijklmnopqrstuvwxyz";
  const chars = `${lower}${lower.toUpperCase()}0123456789`;
  const ident = (n) =>
    pick([...lower]) + Array.from({ length: n - 1 }, () => pick([...chars])).join("");
  const word = (n) => Array.from({ length: n }, () => pick([...lower])).join("");
  const enumType = () => {
    const values = new Set();
    const k = int(1, 9);
    while (values.size < k) values.add(word(int(1, 14)));
    return `enum(${[...values].sort().join("|")})`;
  };
  const field = (reserved) => {
    const types = ["string", "text", "email", "url", "number", "integer", "boolean", "date", "enum"];
    let type = pick(types);
    if (type === "enum") type = enumType();
    let spec = `${ident(int(1, 20))}:${type}`;
    if (reserved.has(spec.split(":")[0])) return null;
    const bounded = ["string", "text", "number", "integer", "email", "url"].includes(type);
    if (random() < 0.4 && bounded) spec += ":optional";
    if (random() < 0.3 && bounded) spec += `:max=${int(1, 99999)}`;
    return spec;
  };
  const fields = (n, reserved) => {
    const names = new Set();
    const out = [];
    for (let i = 0; i < n; i += 1) {
      const f = field(reserved);
      if (!f || names.has(f.split(":")[0])) continue;
      names.add(f.split(":")[0]);
      out.push("--field", f);
    }
    return out;
  };

  const variants = [];
  for (let i = 0; i < count; i += 1) {
    const resource = ident(int(1, 16));
    const name = `random-${seed}-${i}`;
    if (i % 2 === 0) {
      const op = pick(["create", "update", "delete", "toggle"]);
      const item = op === "update" || op === "delete";
      const args = [
        "new", "action", `rnd/a${i}/${resource.toLowerCase()}s${item ? "/[id]/edit" : ""}`,
        "--resource", resource, "--name", ident(int(1, 30)), "--op", op,
        "--auth", pick(["next-auth", "clerk", "supabase", "none"]), "--page", "--yes",
      ];
      if (op === "create" || op === "update") args.push(...fields(int(1, 6), new Set(["id", "ownerId"])));
      if (op === "toggle") {
        // Fields beside the boolean are the record's own; one boolean only.
        const extra = fields(int(0, 2), new Set(["id", "ownerId"]));
        const kept = [];
        for (let k = 0; k < extra.length; k += 2) {
          if (!extra[k + 1].includes(":boolean")) kept.push(extra[k], extra[k + 1]);
        }
        const names = new Set(kept.filter((_, k) => k % 2 === 1).map((f) => f.split(":")[0]));
        let flag = ident(int(1, 20));
        while (names.has(flag)) flag = ident(int(1, 20));
        args.push(...kept, "--field", `${flag}:boolean`);
      }
      if (random() < 0.5) args.push("--ui", pick(["tailwind", "plain"]));
      if (random() < 0.3) args.push("--after", pick(["stay", `redirect=/${ident(int(1, 60))}`]));
      variants.push({ name, args });
      continue;
    }
    const route = resource.replace(/[A-Z]/g, "x").slice(0, 16);
    const kind = pick(["webhook", "api", "api", "stream"]);
    let args;
    if (kind === "webhook") {
      const provider = pick(["stripe", "github", "slack", "standard-webhooks"]);
      const events = new Set();
      const k = int(1, 4);
      while (events.size < k) {
        events.add(provider === "stripe" ? pick(STRIPE_EVENTS) : `${ident(int(1, 20))}${random() < 0.5 ? `.${ident(int(1, 25))}` : ""}`);
      }
      args = ["new", "route", `rnd/w${i}/${route}`, "--kind", "webhook", "--provider", provider, "--events", [...events].join(",")];
    } else if (kind === "api") {
      const item = random() < 0.5;
      const all = item ? ["GET", "PUT", "PATCH", "DELETE"] : ["GET", "POST"];
      const methods = all.filter(() => random() < 0.6);
      if (methods.length === 0) methods.push(pick(all));
      args = [
        "new", "route", `rnd/a${i}/${route}s${item ? `/[${ident(int(1, 20))}]` : ""}`,
        "--resource", route, "--kind", "api", "--methods", methods.join(","), "--auth", pick(["bearer", "none"]),
        ...fields(int(1, 6), new Set(["id"])),
      ];
      if (random() < 0.5) {
        const origins = Array.from({ length: int(1, 4) }, () => `https://${word(int(1, 25))}.example.com`);
        args.push("--cors", origins.join(","));
      }
    } else {
      const format = pick(["sse", "csv"]);
      args = ["new", "route", `rnd/s${i}/${route}s`, "--resource", route, "--kind", "stream", "--format", format];
      if (format === "csv") {
        const columns = new Set(Array.from({ length: int(0, 6) }, () => ident(int(1, 20))));
        for (const c of columns) args.push("--field", c);
      }
    }
    args.push("--yes");
    variants.push({ name, args });
  }
  return variants;
}
