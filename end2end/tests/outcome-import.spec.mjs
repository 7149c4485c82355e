// An editor imports outcomes from a CSV file: a file with mistakes is refused with every
// problem listed by row and column, the corrected file is imported with progress shown,
// and the plan shows the new figure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const csv = (text) => ({ name: 'utfall.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

test('import a CSV of outcomes, first with errors, then corrected', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'editor@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await hydrated(page);
  await page.getByRole('button', { name: /Användarmeny/ }).click();
  await page.getByRole('link', { name: 'Importera utfall' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importera utfall' }).waitFor();
  await hydrated(page);

  // Two mistakes: both are listed, and nothing is saved.
  await page.getByLabel('Fil').setInputFiles(csv(
    'indicator;period;value\nsjukfranvaro;2026;7,1\nsjukfranvaro;2026-14;7\nsjukfranvar;2026;7\n'));
  await page.getByRole('button', { name: 'Importera' }).click();
  const failed = page.locator('[data-import="failed"]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /Filen importerades inte och ingenting har sparats/);
  const problems = await failed.locator('tbody tr td:first-child').allInnerTexts();
  assert.deepEqual(problems, ['rad 3 › kolumn period', 'rad 4 › kolumn indicator']);
  assert.match(await failed.innerText(), /”2026-14” finns inte: ett år har två halvår, tre tertial och tolv månader/);
  // The problems are codes: they follow the page's language.
  await page.getByRole('button', { name: /Användarmeny/ }).click();
  await page.getByRole('button', { name: 'Language: English' }).click();
  await failed.locator('td', { hasText: 'row 4 › column indicator' }).waitFor();
  assert.match(await failed.innerText(), /"sjukfranvar" is not an indicator code of this municipality/);
  await page.getByRole('button', { name: 'Språk: svenska' }).click();
  await failed.locator('td', { hasText: 'rad 4 › kolumn indicator' }).waitFor();
  await page.keyboard.press('Escape');

  // Corrected: imported, with the count of what was written.
  await page.getByLabel('Fil').setInputFiles(csv('indicator;period;value\nsjukfranvaro;2026;7,1\n'));
  await page.getByRole('button', { name: 'Importera' }).click();
  const done = page.locator('[data-import="done"]');
  await done.waitFor();
  assert.match(await done.innerText(), /Importen är klar: utfall\.csv/);
  assert.match(await done.innerText(), /Rader: 1 \(nya: 1, ändrade: 0, oförändrade: 0\)/);

  // The plan shows the new outcome in its own column.
  await page.goto(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2026–2028' }).click();
  const row = page.locator('tr[data-code="sjukfranvaro"]');
  await row.waitFor();
  assert.ok((await row.locator('td.num').allInnerTexts()).includes('7,1\u00a0%'));
  assert.deepEqual(page.errors, []);
});

test('viewers do not get the import page', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'viewer@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.goto(`${server.base}/utfall/import`);
  await page.getByRole('alert').filter({ hasText: 'Du har inte behörighet till den här sidan.' }).waitFor();
  assert.equal(await page.getByLabel('Fil').count(), 0);
});
