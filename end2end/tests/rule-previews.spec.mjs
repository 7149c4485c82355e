// Previews before saving, on a server of its own (rules.spec saves changes): a level's
// default rule on the structure page and an indicator's own method in its editor, each
// showing the verdicts it would change, in every plan it reaches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated, importSodertaljeOctober } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('a level’s default rule and an indicator’s method are previewed before saving', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'admin@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await importSodertaljeOctober(page, server.base);

  // KF-mål judged by hand only: KF-mål 5, green from nämndmål 5, would turn grey.
  await page.goto(`${server.base}/admin/malstruktur`);
  await page.getByRole('heading', { level: 1, name: 'Målstruktur' }).waitFor();
  await hydrated(page);
  const level = page.locator('fieldset.level').filter({ has: page.locator('legend', { hasText: 'Nivå 2' }) });
  assert.equal(await level.getByRole('textbox', { name: 'Namn', exact: true }).inputValue(), 'KF-mål');
  await level.getByRole('combobox', { name: 'Bedömningsregel' }).selectOption('manual');
  await level.getByRole('button', { name: 'Förhandsgranska' }).click();
  const kf5 = level.locator('.rule-preview tr[data-code="kf5"]');
  await kf5.waitFor();
  assert.equal(await kf5.getAttribute('data-after'), 'grey');
  assert.match(await kf5.innerText(), /Mål och budget 2025/);
  assert.equal(await level.locator('.rule-preview tr[data-after="green"]').count(), 0, 'nothing turns green');

  // Budget adherence judged by hand only: the indicator leads, nämndmål 5 follows.
  await page.goto(`${server.base}/indikatorer/budgetfoljsamhet`);
  await page.getByRole('heading', { level: 1, name: 'Redigera indikator' }).waitFor();
  await hydrated(page);
  const method = page.locator('fieldset.method');
  await method.getByRole('combobox', { name: 'Bedömningsmetod' }).selectOption('manual');
  await method.getByRole('button', { name: 'Förhandsgranska' }).click();
  const rows = method.locator('.rule-preview tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.first().getAttribute('data-code'), 'budgetfoljsamhet');
  assert.equal(await rows.first().getAttribute('data-after'), 'grey');
  assert.ok(await method.locator('.rule-preview tr[data-code="5"]').count() === 1, 'nämndmål 5 is no longer green');
  assert.deepEqual(page.errors, []);
});
