// How the generated pages look in the app's own styling (Tailwind in the
// create-next-app 16 app, the CSS module elsewhere): every control and button
// must be visible, text readable, and errors announced. A screenshot of each
// page, with its errors shown, goes to target/e2e/screenshots/.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import { launchBrowser, newPage, waitForHydration } from "../lib/browser.mjs";
import { eventually } from "../lib/eventually.mjs";
import { rowsOf, seedRows } from "../lib/store.mjs";

const APP = process.env.E2E_NEXT_MAJOR === "16" ? "next16" : "next15";
const SHOTS = path.join(
  process.env.E2E_TMP_DIR ?? "target/e2e/tmp",
  "..",
  "screenshots",
);
const generated = new Set(JSON.parse(process.env.E2E_VARIANTS ?? "[]"));
const needs = (variant) => !generated.has(variant) && `not generated: ${variant}`;

let browser;
before(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

/**
 * Measures every control, button and message on the page in the browser:
 * the colours the user sees, resolved against the backgrounds behind them.
 */
function measure(page) {
  return page.evaluate(() => {
    // Any CSS colour (Tailwind v4 computes to oklch) as sRGB bytes and alpha,
    // by painting one pixel with it.
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    const rgba = (css) => {
      ctx.clearRect(0, 0, 1, 1);
      // A colour the canvas cannot read leaves this sentinel: fail loudly
      // rather than measure black.
      ctx.fillStyle = "#010203";
      ctx.fillStyle = css;
      if (ctx.fillStyle === "#010203" && !/^#010203$/i.test(css)) {
        throw new Error(`cannot read the colour ${css}`);
      }
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    // The page's canvas: Chromium paints #121212 under a dark color-scheme.
    const dark =
      getComputedStyle(document.documentElement).colorScheme.includes("dark") &&
      matchMedia("(prefers-color-scheme: dark)").matches;
    const canvasColor = dark ? [18, 18, 18] : [255, 255, 255];
    // The colour behind an element: the first opaque background up the tree,
    // with translucent ones blended over it.
    const backdrop = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let base = canvasColor;
      if (layers.length && layers[layers.length - 1][3] >= 1) {
        base = layers.pop().slice(0, 3);
      }
      for (const [r, g, b, a] of layers.reverse()) {
        base = [r * a + base[0] * (1 - a), g * a + base[1] * (1 - a), b * a + base[2] * (1 - a)];
      }
      return base;
    };
    // A translucent colour as it shows over `under`; element opacity too.
    const shown = (css, under, el) => {
      const [r, g, b, a0] = rgba(css);
      let a = a0;
      for (let e = el; e; e = e.parentElement) a *= Number(getComputedStyle(e).opacity);
      return [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)];
    };
    const luminance = ([r, g, b]) => {
      const f = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const contrast = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const describe = (el) =>
      `${el.tagName.toLowerCase()}${el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : ""} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30)}"`;

    function measureControl(el) {
      const s = getComputedStyle(el);
      const behind = backdrop(el.parentElement);
      const fill = backdrop(el);
      const border = shown(s.borderBottomColor, behind, el);
      return {
        what: describe(el),
        // The project's own components (shadcn/ui's, marked data-slot) keep
        // their look; what scaffold styles is held to the thresholds.
        own: el.hasAttribute("data-slot"),
        // A boundary the eye can find: a border, or a fill unlike the page.
        boundary: Math.max(
          parseFloat(s.borderBottomWidth) > 0 ? contrast(border, behind) : 1,
          contrast(fill, behind),
        ),
        text: contrast(shown(s.color, fill, el), fill),
        height: el.getBoundingClientRect().height,
      };
    }
    const controls = [
      ...document.querySelectorAll(
        "main input:not([type=hidden]):not([type=checkbox]), main textarea, main select",
      ),
    ].map(measureControl);
    const buttons = [...document.querySelectorAll("main button")].map(measureControl);
    const texts = [
      ...document.querySelectorAll("main label, main [role=alert], main [role=status], main [aria-live], main h1"),
    ]
      .filter((el) => el.textContent.trim() !== "")
      .map((el) => ({
        what: describe(el),
        text: contrast(shown(getComputedStyle(el).color, backdrop(el), el), backdrop(el)),
        alert: el.getAttribute("role") === "alert",
        color: getComputedStyle(el).color,
        bodyColor: getComputedStyle(document.body).color,
      }));
    return { controls, buttons, texts };
  });
}

/** WCAG 2.2: 3:1 for what identifies a control (1.4.11), 4.5:1 for text. */
function assertLooksRight(found, { errorsShown }) {
  assert.ok(found.buttons.length > 0, "the page has a button");
  for (const c of [...found.controls, ...found.buttons].filter((c) => !c.own)) {
    assert.ok(c.boundary >= 3, `${c.what}: its edge has contrast ${c.boundary.toFixed(2)}, under 3:1`);
    assert.ok(c.text >= 4.5, `${c.what}: its text has contrast ${c.text.toFixed(2)}, under 4.5:1`);
    assert.ok(c.height >= 24, `${c.what}: ${c.height}px high, under 24px (WCAG 2.5.8)`);
  }
  for (const t of found.texts) {
    assert.ok(t.text >= 4.5, `${t.what}: contrast ${t.text.toFixed(2)}, under 4.5:1`);
  }
  if (errorsShown) {
    const alerts = found.texts.filter((t) => t.alert);
    assert.ok(alerts.length > 0, "an error is announced with role=alert");
    for (const a of alerts) {
      assert.notEqual(a.color, a.bodyColor, `${a.what}: coloured unlike body text`);
    }
  }
}

/**
 * Checks the page in the light and the dark colour scheme, with a screenshot
 * of each (`name`, `name-dark`). Returns the light measurements.
 */
async function looksRight(page, name, { errorsShown }) {
  const light = await measure(page);
  assertLooksRight(light, { errorsShown });
  await shoot(page, name);
  await page.emulateMedia({ colorScheme: "dark" });
  try {
    assertLooksRight(await measure(page), { errorsShown });
    await shoot(page, `${name}-dark`);
  } finally {
    await page.emulateMedia({ colorScheme: "light" });
  }
  return light;
}

async function shoot(page, name) {
  await page.screenshot({
    path: path.join(SHOTS, `${APP}-${name}.png`),
    fullPage: true,
  });
}

describe("how the generated pages look", () => {
  test("create: the form and its errors", { skip: needs("create-all-fields") }, async (t) => {
    const user = `u-${randomUUID()}`;
    await seedRows("posts", [
      { ownerId: user, title: "A first post", email: "a@example.com", price: 1, published: true, status: "draft" },
    ]);
    const { context, page, errors } = await newPage(browser, { user });
    t.after(() => context.close());
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto("/e2e/create/posts");
    await waitForHydration(page);
    await looksRight(page, "create", { errorsShown: false });

    const form = page.locator("main > form");
    await form.evaluate((el) => {
      el.noValidate = true;
    });
    await form.getByRole("button", { name: "Create post" }).click();
    await eventually(async () =>
      assert.equal(await form.getByRole("alert").count(), 1),
    );
    await looksRight(page, "create-errors", { errorsShown: true });
    assert.deepEqual(errors, []);
  });

  test("update", { skip: needs("update") }, async (t) => {
    const user = `u-${randomUUID()}`;
    const [post] = await seedRows("posts", [
      { ownerId: user, title: "Draft", published: false },
    ]);
    const { context, page } = await newPage(browser, { user });
    t.after(() => context.close());
    await page.setViewportSize({ width: 900, height: 600 });
    await page.goto(`/e2e/update/posts/${post.id}/edit`);
    await waitForHydration(page);
    await looksRight(page, "update", { errorsShown: false });
  });

  test("toggle", { skip: needs("toggle-optimistic") }, async (t) => {
    const user = `u-${randomUUID()}`;
    await seedRows("todos", [
      { ownerId: user, title: "Water the plants", done: false },
      { ownerId: user, title: "Answer the letters", done: true },
    ]);
    const { context, page } = await newPage(browser, { user });
    t.after(() => context.close());
    await page.setViewportSize({ width: 900, height: 400 });
    await page.goto("/e2e/toggle/todos");
    await waitForHydration(page);
    const found = await looksRight(page, "toggle", { errorsShown: false });
    assert.equal(found.buttons.length, 2);
  });

  // The create-next-app 16 app has components/ui/{button,input,label,textarea}
  // in shadcn/ui's shapes; the Next 15 app has none (and no Tailwind), where
  // the form falls back to Tailwind classes that nothing styles.
  test(
    "shadcn/ui: its components where the project has them, native checkbox and select",
    {
      skip:
        needs("create-shadcn") ||
        (APP !== "next16" && "the Next 15 app has no Tailwind or shadcn/ui"),
    },
    async (t) => {
      const user = `u-${randomUUID()}`;
      const { context, page, errors } = await newPage(browser, { user });
      t.after(() => context.close());
      await page.setViewportSize({ width: 900, height: 700 });
      await page.goto("/e2e/shadcn/ideas");
      await waitForHydration(page);
      const form = page.locator("main > form");
      const slot = (label) =>
        form.getByLabel(label, { exact: true }).getAttribute("data-slot");
      assert.equal(await slot("Title"), "input");
      assert.equal(await slot("Details"), "textarea");
      assert.equal(await slot("Urgent"), null, "a native checkbox");
      assert.equal(await slot("Kind"), null, "a native select");
      assert.equal(
        await form.getByRole("button", { name: "Create idea" }).getAttribute("data-slot"),
        "button",
      );
      await looksRight(page, "shadcn", { errorsShown: false });

      await form.evaluate((el) => {
        el.noValidate = true;
      });
      await form.getByRole("button", { name: "Create idea" }).click();
      await eventually(async () =>
        assert.equal(await form.getByRole("alert").count(), 1),
      );
      await looksRight(page, "shadcn-errors", { errorsShown: true });

      await form.getByLabel("Title", { exact: true }).fill("Plant a tree");
      await form.getByLabel("Urgent", { exact: true }).check();
      await form.getByLabel("Kind", { exact: true }).selectOption("task");
      await form.getByRole("button", { name: "Create idea" }).click();
      await eventually(async () =>
        assert.deepEqual(
          (await rowsOf("ideas", user)).map(({ title, urgent, kind }) => ({
            title,
            urgent,
            kind,
          })),
          [{ title: "Plant a tree", urgent: true, kind: "task" }],
        ),
      );
      assert.deepEqual(errors, []);
    },
  );
});
