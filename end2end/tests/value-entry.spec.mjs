// An editor enters an outcome with a comment in an indicator's sheet, sees it saved and
// in the plan, and an empty save says there was nothing to save.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('enter an outcome and a comment, then see it in the plan', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'editor@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2026–2028' }).click();
  const row = page.locator('tr[data-code="sjukfranvaro"]');
  assert.equal(await row.getByRole('link', { name: 'Redigera' }).count(), 0, 'editors do not edit indicators');
  await row.getByRole('link', { name: 'Ange utfall' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await hydrated(page);

  await page.getByRole('button', { name: 'Spara' }).click();
  await page.getByRole('status').filter({ hasText: 'Inget är ändrat' }).waitFor();

  await page.getByLabel('2026 Utfall', { exact: true }).fill('6,1');
  await page.getByLabel('2026 Kommentar', { exact: true }).fill('Preliminärt helårsutfall');
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
  const history = page.locator('section.history');
  await history.getByText('2026 Utfall').waitFor();
  assert.match(await history.innerText(), /editor@norrtalje\.example/);

  await page.getByRole('link', { name: 'Verksamhetsplan 2026–2028' }).click();
  const updated = page.locator('tr[data-code="sjukfranvaro"]');
  await updated.waitFor();
  assert.ok((await updated.locator('td.num').allInnerTexts()).includes('6,1\u00a0%'));
  assert.deepEqual(page.errors, []);
});
