// Form helpers for the node:test files that drive generated forms in
// Chromium (tests/e2e/browser/actions.test.mjs, tests/e2e/data/*.test.mjs).

import assert from "node:assert/strict";

/** A form control by its label's exact text ("Published" ≠ "Published on"). */
export function field(scope, label) {
  return scope.getByLabel(label, { exact: true });
}

/**
 * Fills controls by label: `true`/`false` sets a checkbox, a string fills an
 * input or textarea or picks the <select> option with that value.
 */
export async function fillForm(form, values) {
  for (const [label, value] of Object.entries(values)) {
    const control = field(form, label);
    if (typeof value === "boolean") {
      await control.setChecked(value);
    } else if ((await control.evaluate((el) => el.tagName)) === "SELECT") {
      await control.selectOption(value);
    } else {
      await control.fill(value);
    }
  }
}

/** What the controls labelled like `values`' keys hold, in the same shape. */
export async function readForm(form, values) {
  const shown = {};
  for (const [label, value] of Object.entries(values)) {
    const control = field(form, label);
    shown[label] =
      typeof value === "boolean"
        ? await control.isChecked()
        : await control.inputValue();
  }
  return shown;
}

/** Asserts `scope` shows exactly one element of `role` ("alert" or "status") with `text`. */
export async function assertMessage(scope, role, text) {
  assert.deepEqual(await scope.getByRole(role).allTextContents(), [text]);
}

/**
 * Points a form's record id at another record, as a user can by editing the
 * page: the generated forms send the id in a hidden field.
 */
export async function tamperId(form, id) {
  await form.locator('input[type="hidden"][name="id"]').evaluate((el, v) => {
    el.value = v;
  }, id);
}
