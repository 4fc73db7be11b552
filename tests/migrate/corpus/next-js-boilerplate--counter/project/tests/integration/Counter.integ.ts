import { expect, test } from '@playwright/test';

test.describe('Counter', () => {
  test.describe('Basic database operations', () => {
    test('rejects a non-numeric increment', async ({ page }) => {
      const counter = await page.request.put('/api/counter', {
        data: { increment: 'abc' },
      });

      expect(counter.status()).toBe(422);
    });

    test('increments an isolated counter', async ({ page }) => {
      const e2eRandomId = Math.floor(Math.random() * 1_000_000);

      let counter = await page.request.put('/api/counter', {
        data: { increment: 1 },
        headers: { 'x-e2e-random-id': e2eRandomId.toString() },
      });
      let counterJson = await counter.json();

      expect(counter.status()).toBe(200);
      expect(counterJson.count).toEqual(1);

      counter = await page.request.put('/api/counter', {
        data: { increment: 2 },
        headers: { 'x-e2e-random-id': e2eRandomId.toString() },
      });
      counterJson = await counter.json();

      expect(counterJson.count).toEqual(3);
    });
  });
});
