// HTTP behaviour of the generated route handlers (scaffold new route), against
// the built app: signatures signed with each provider's documented scheme,
// bearer tokens, CORS preflight, SSE frames and disconnect, CSV escaping.
//
// The secrets are the fake test values in tests/e2e/app/.env.production.

import assert from "node:assert/strict";
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync, renameSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { baseUrl } from "../lib/browser.mjs";

// Loaded only when the Stripe variant runs: the SDK's test-header helper signs payloads.
const requireFromApp = createRequire(new URL("../app/package.json", import.meta.url));

const SECRETS = {
  stripe: "whsec_e2e_stripe_signing_secret",
  github: "It's a Secret to Everybody",
  slack: "8f742231b10e8888abcd99yyyzzz85a5",
  standard: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  apiKey: "e2e-widgets-key-0123456789",
};
const ALLOWED_ORIGIN = "http://allowed.test";

// run.mjs passes the generated variants as a JSON array (all of them unless --only).
const variants = new Set(JSON.parse(process.env.E2E_VARIANTS ?? "[]"));
const skip = (name) => (variants.size > 0 && !variants.has(name) ? `variant ${name} not generated` : false);

const url = (p) => `${baseUrl()}${p}`;
const now = () => Math.floor(Date.now() / 1000);
const hmac = (key, text, encoding = "hex") => createHmac("sha256", key).update(text).digest(encoding);

async function post(p, body, headers) {
  return fetch(url(p), { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

async function expectError(response, status, code) {
  assert.equal(response.status, status);
  const json = await response.json();
  assert.equal(json.error?.code, code, JSON.stringify(json));
  assert.equal(typeof json.error?.message, "string");
}

describe("GitHub webhook", { skip: skip("route-webhook-github") }, () => {
  const sign = (body) => `sha256=${hmac(SECRETS.github, body)}`;
  const headers = (body) => ({
    "x-hub-signature-256": sign(body),
    "x-github-event": "push",
    "x-github-delivery": randomUUID(),
  });

  test("the test signer matches GitHub's documented vector", () => {
    assert.equal(sign("Hello, World!"), "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  });

  test("a valid signature is accepted", async () => {
    const body = JSON.stringify({ ref: "refs/heads/main" });
    const response = await post("/api/webhooks/github", body, headers(body));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { received: true });
  });

  test("the signature is checked over the raw body, before parsing", async () => {
    // GitHub's own test payload is not JSON: a verified signature gets as far as
    // the JSON parse (400 invalid_json), a wrong one would be 401.
    const response = await post("/api/webhooks/github", "Hello, World!", headers("Hello, World!"));
    await expectError(response, 400, "invalid_json");
  });

  test("a forged signature is refused", async () => {
    const body = JSON.stringify({ ref: "refs/heads/main" });
    const forged = { ...headers(body), "x-hub-signature-256": sign(`${body} `) };
    await expectError(await post("/api/webhooks/github", body, forged), 401, "invalid_signature");
    // Same length, different bytes, and a truncated signature.
    const flipped = { ...headers(body), "x-hub-signature-256": sign(body).replace(/.$/, (c) => (c === "0" ? "1" : "0")) };
    await expectError(await post("/api/webhooks/github", body, flipped), 401, "invalid_signature");
    const short = { ...headers(body), "x-hub-signature-256": sign(body).slice(0, 20) };
    await expectError(await post("/api/webhooks/github", body, short), 401, "invalid_signature");
  });

  test("a missing signature is refused", async () => {
    const body = "{}";
    const { "x-hub-signature-256": _, ...rest } = headers(body);
    await expectError(await post("/api/webhooks/github", body, rest), 400, "missing_signature");
  });

  test("a body that is not JSON is refused with 415", async () => {
    const body = "payload=%7B%7D";
    const response = await post("/api/webhooks/github", body, {
      ...headers(body),
      "content-type": "application/x-www-form-urlencoded",
    });
    await expectError(response, 415, "unsupported_media_type");
  });
});

describe("Slack webhook", { skip: skip("route-webhook-slack") }, () => {
  const signed = (body, timestamp = now()) => ({
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${hmac(SECRETS.slack, `v0:${timestamp}:${body}`)}`,
  });

  test("url_verification echoes the challenge", async () => {
    const body = JSON.stringify({ type: "url_verification", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    const response = await post("/api/webhooks/slack", body, signed(body));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  test("a signed event is acknowledged", async () => {
    const body = JSON.stringify({ type: "event_callback", event_id: "Ev1", event: { type: "app_mention", text: "hi" } });
    const response = await post("/api/webhooks/slack", body, signed(body));
    assert.equal(response.status, 200);
  });

  test("a signed slash command (form data) is answered", async () => {
    const body = "command=%2Fdeploy&text=now&user_id=U1";
    const response = await post("/api/webhooks/slack", body, {
      ...signed(body),
      "content-type": "application/x-www-form-urlencoded",
    });
    assert.equal(response.status, 200);
    assert.match((await response.json()).text, /\/deploy/);
  });

  test("forged, missing and stale signatures are refused", async () => {
    const body = JSON.stringify({ type: "event_callback", event_id: "Ev2", event: { type: "app_mention" } });
    const forged = { ...signed(body), "x-slack-signature": `v0=${hmac("wrong", `v0:${now()}:${body}`)}` };
    await expectError(await post("/api/webhooks/slack", body, forged), 401, "invalid_signature");
    await expectError(await post("/api/webhooks/slack", body, {}), 400, "missing_signature");
    // Correctly signed, but 10 minutes old: a replay.
    await expectError(await post("/api/webhooks/slack", body, signed(body, now() - 600)), 401, "stale_timestamp");
  });
});

describe("Standard Webhooks", { skip: skip("route-webhook-standard") }, () => {
  const key = Buffer.from(SECRETS.standard.replace(/^whsec_/, ""), "base64");
  const signed = (body, { id = `msg_${randomUUID()}`, timestamp = now(), extra = [] } = {}) => ({
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": [...extra, `v1,${hmac(key, `${id}.${timestamp}.${body}`, "base64")}`].join(" "),
  });
  const body = JSON.stringify({ type: "user.created", data: { id: "user_1" } });

  test("a valid signature is accepted, also among several", async () => {
    assert.equal((await post("/api/webhooks/clerk", body, signed(body))).status, 200);
    const several = signed(body, { extra: ["v1,bm90IGl0", "v2,ignored"] });
    assert.equal((await post("/api/webhooks/clerk", body, several)).status, 200);
  });

  test("forged, missing and stale signatures are refused", async () => {
    const forged = { ...signed(body), "webhook-signature": `v1,${hmac("wrong", body, "base64")}` };
    await expectError(await post("/api/webhooks/clerk", body, forged), 401, "invalid_signature");
    const tampered = signed(body);
    await expectError(await post("/api/webhooks/clerk", body.replace("user_1", "user_2"), tampered), 401, "invalid_signature");
    await expectError(await post("/api/webhooks/clerk", body, {}), 400, "missing_signature");
    await expectError(await post("/api/webhooks/clerk", body, signed(body, { timestamp: now() - 600 })), 401, "stale_timestamp");
  });
});

describe("Stripe webhook", { skip: skip("route-webhook-stripe") }, () => {
  let stripe;
  const event = (type) =>
    JSON.stringify({ id: `evt_${randomUUID()}`, object: "event", type, data: { object: { id: "cs_test_1" } } });
  const signed = (payload, timestamp) => {
    stripe ??= new (requireFromApp("stripe"))("sk_test_e2e_not_a_real_key");
    return {
      "stripe-signature": stripe.webhooks.generateTestHeaderString({ payload, secret: SECRETS.stripe, timestamp }),
    };
  };

  test("a valid signature is accepted, for handled and other events", async () => {
    for (const type of ["checkout.session.completed", "invoice.paid"]) {
      const payload = event(type);
      const response = await post("/api/webhooks/stripe", payload, signed(payload));
      assert.equal(response.status, 200, type);
      assert.deepEqual(await response.json(), { received: true });
    }
  });

  test("forged, missing and stale signatures are refused", async () => {
    const payload = event("checkout.session.completed");
    signed(payload);
    const other = stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong" });
    await expectError(await post("/api/webhooks/stripe", payload, { "stripe-signature": other }), 401, "invalid_signature");
    // Re-serialized JSON is not the signed text.
    const reserialized = JSON.stringify(JSON.parse(payload), null, 2);
    await expectError(await post("/api/webhooks/stripe", reserialized, signed(payload)), 401, "invalid_signature");
    await expectError(await post("/api/webhooks/stripe", payload, {}), 400, "missing_signature");
    await expectError(await post("/api/webhooks/stripe", payload, signed(payload, now() - 600)), 401, "invalid_signature");
  });
});

describe("JSON API with bearer auth and CORS", { skip: skip("route-api") || skip("route-api-item") }, () => {
  const auth = { authorization: `Bearer ${SECRETS.apiKey}` };
  const send = (method, p, body, headers = {}) =>
    fetch(url(p), {
      method,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json", ...auth, ...headers },
    });

  test("no or a wrong bearer token is refused", async () => {
    await expectError(await fetch(url("/api/v1/widgets")), 401, "unauthorized");
    await expectError(await send("GET", "/api/v1/widgets", undefined, { authorization: "Bearer nope" }), 401, "unauthorized");
    await expectError(await send("GET", "/api/v1/widgets", undefined, { authorization: SECRETS.apiKey }), 401, "unauthorized");
  });

  test("create, read, update and delete a record", async () => {
    const created = await send("POST", "/api/v1/widgets", { name: "Gear", price: 12.5 });
    assert.equal(created.status, 201);
    const { data } = await created.json();
    assert.equal(data.name, "Gear");
    assert.match(data.id, /^[0-9a-f-]{36}$/);

    const listed = await (await send("GET", "/api/v1/widgets?limit=100")).json();
    assert.ok(listed.data.some((w) => w.id === data.id));

    const item = `/api/v1/widgets/${data.id}`;
    assert.equal((await (await send("GET", item)).json()).data.price, 12.5);
    const patched = await send("PATCH", item, { price: 20 });
    assert.equal(patched.status, 200);
    assert.deepEqual((await patched.json()).data, { ...data, price: 20 });
    await expectError(await send("PUT", item, { price: 1 }), 422, "invalid");

    const removed = await send("DELETE", item);
    assert.equal(removed.status, 204);
    await expectError(await send("GET", item), 404, "not_found");
    await expectError(await send("DELETE", item), 404, "not_found");
  });

  test("invalid input gets 400, 413, 415 or 422 with details", async () => {
    const invalid = await send("POST", "/api/v1/widgets", { name: "", price: -1, status: "gone" });
    assert.equal(invalid.status, 422);
    const { error } = await invalid.json();
    assert.deepEqual(Object.keys(error.details).sort(), ["name", "price", "status"]);
    await expectError(await send("POST", "/api/v1/widgets", "{not json"), 400, "invalid_json");
    await expectError(await send("POST", "/api/v1/widgets", "name=x", { "content-type": "text/plain" }), 415, "unsupported_media_type");
    await expectError(await send("POST", "/api/v1/widgets", { name: "x".repeat(200 * 1024), price: 1 }), 413, "too_large");
    await expectError(await send("GET", "/api/v1/widgets?limit=0"), 422, "invalid");
  });

  test("a method the route does not export is 405", async () => {
    const response = await send("PUT", "/api/v1/widgets", { name: "x", price: 1 });
    assert.equal(response.status, 405);
  });

  test("preflight from an allowed origin is answered, from others not", async () => {
    const allowed = await fetch(url("/api/v1/widgets"), {
      method: "OPTIONS",
      headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get("access-control-allow-origin"), ALLOWED_ORIGIN);
    assert.match(allowed.headers.get("access-control-allow-methods"), /POST/);
    assert.match(allowed.headers.get("access-control-allow-headers"), /Authorization/);
    assert.match(allowed.headers.get("vary"), /Origin/);
    assert.equal(allowed.headers.get("access-control-allow-credentials"), null);

    const other = await fetch(url("/api/v1/widgets"), { method: "OPTIONS", headers: { origin: "http://evil.test" } });
    assert.equal(other.status, 204);
    assert.equal(other.headers.get("access-control-allow-origin"), null);
    assert.match(other.headers.get("vary"), /Origin/);
  });

  test("CORS headers are on errors too, and never *", async () => {
    const denied = await fetch(url("/api/v1/widgets"), { headers: { origin: ALLOWED_ORIGIN } });
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get("access-control-allow-origin"), ALLOWED_ORIGIN);
    const ok = await send("GET", "/api/v1/widgets", undefined, { origin: "http://evil.test" });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get("access-control-allow-origin"), null);
  });
});

describe("public JSON API (--auth none)", { skip: skip("route-api-public") }, () => {
  test("anyone can create without a token", async () => {
    const response = await post("/api/public/notes", JSON.stringify({ text: "hello" }), {});
    assert.equal(response.status, 201);
    assert.equal((await response.json()).data.text, "hello");
  });
});

describe("server-sent events", { skip: skip("route-sse") }, () => {
  test("frames arrive with the right headers, and the stream stops on disconnect", async () => {
    const controller = new AbortController();
    const response = await fetch(url("/api/events"), { signal: controller.signal });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type"), /^text\/event-stream/);
    assert.equal(response.headers.get("cache-control"), "no-cache, no-transform");
    assert.equal(response.headers.get("x-accel-buffering"), "no");

    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const deadline = Date.now() + 10_000;
    while ((text.match(/\n\n/g) ?? []).length < 2 && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const frames = text.split("\n\n").filter(Boolean);
    assert.ok(frames.length >= 2, text);
    assert.match(frames[0], /^event: event\ndata: \{"count":1,"at":"[^"]+"\}$/);
    assert.match(frames[1], /^event: event\ndata: \{"count":2,/);

    controller.abort();
    const log = process.env.E2E_SERVER_LOG;
    let closed = false;
    for (let i = 0; i < 50 && !closed; i += 1) {
      await sleep(100);
      closed = readFileSync(log, "utf8").includes("/api/events: client disconnected, stream closed");
    }
    assert.ok(closed, "the server logs the cleanup after the client disconnects");
  });
});

describe("CSV export", { skip: skip("route-csv") }, () => {
  test("rows are streamed with every text cell quoted and formulas neutralised", async () => {
    const dir = path.join(process.env.E2E_APP_DIR, ".data");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "reports.json");
    const rows = [
      { id: "1", title: "plain", total: 3 },
      { id: "2", title: 'say "hi", twice', total: 4 },
      { id: "3", title: "line\nbreak", total: null },
      { id: "4", title: "=SUM(A1:A2)", total: -5 },
      { id: "5", title: "+1", total: "@x" },
      // A reader whose list separator is ";" must not split this cell.
      { id: "6", title: "see notes;=cmd|' /C calc'!A0", total: 0 },
      // OWASP's leading characters (and full-width forms), each neutralised.
      ...["-2+3", "\t=1", "\r=1", "\n=1", "＝1+1", "＠SUM(1)"].map((title, i) => ({
        id: `o${i}`,
        title,
        total: true,
      })),
    ];
    writeFileSync(`${file}.tmp`, JSON.stringify(rows));
    renameSync(`${file}.tmp`, file);

    const response = await fetch(url("/api/exports/reports"));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "text/csv; charset=utf-8");
    assert.equal(response.headers.get("content-disposition"), 'attachment; filename="reports.csv"');
    assert.equal(
      await response.text(),
      [
        '"id","title","total"',
        '"1","plain",3',
        '"2","say ""hi"", twice",4',
        '"3","line\nbreak",',
        '"4","\'=SUM(A1:A2)",-5',
        '"5","\'+1","\'@x"',
        '"6","see notes;=cmd|\' /C calc\'!A0",0',
        '"o0","\'-2+3",true',
        '"o1","\'\t=1",true',
        '"o2","\'\r=1",true',
        '"o3","\'\n=1",true',
        '"o4","\'＝1+1",true',
        '"o5","\'＠SUM(1)",true',
        "",
      ].join("\r\n"),
    );
  });
});
