// Browse a council's plan: from the tenant home to the goal tree, a goal's texts, its
// indicator table and chart, and the filter that works once the page has hydrated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('browse Norrtälje\'s plan tree and filter it', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'viewer@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2026–2028' }).click();
  await page.getByRole('heading', { level: 1, name: 'Verksamhetsplan 2026–2028' }).waitFor();

  // The tree: 7 målområden as level-2 headings, inriktningsmål below them.
  assert.equal(await page.locator('section.goal--0').count(), 7);
  assert.equal(await page.locator('section.goal--1').count(), 19);
  const balance = page.locator('section#mal-1\\.1');
  await balance.getByRole('heading', { name: '1.1 En ekonomi i balans' }).waitFor();

  // A goal's text opens on click (native details, no script needed).
  const work = balance.locator('details', { hasText: 'Nämndens arbete inom inriktningsmålet' });
  await work.locator('summary').click();
  assert.match(await work.innerText(), /omställningen mot en mer förebyggande socialtjänst/);

  // The indicator table as in the plan, in Swedish number format, with a chart.
  const row = balance.locator('tr[data-code="budgetfoljsamhet"]');
  const cells = await row.locator('td.num').allInnerTexts();
  assert.deepEqual(cells.slice(0, 3), ['6,2\u00a0%', '-4,1\u00a0%', '1,0\u00a0%']);
  const headers = await balance.locator('table.indicators thead th').allInnerTexts();
  assert.deepEqual(headers.slice(1, 4), ['Utfall 2023', 'Utfall 2024', 'Prognos 2025']);
  assert.equal(await row.locator('svg polyline.chart__outcome').count(), 1);

  // Filtering needs the WebAssembly bundle: type, and only matching goals stay.
  await hydrated(page);
  await page.getByLabel('Filtrera mål och indikatorer').fill('sjukfrånvaro');
  await page.locator('section#mal-7\\.1').waitFor({ state: 'hidden' });
  assert.ok(await page.locator('section#mal-1\\.2').isVisible(), 'the goal with the sick-leave indicator');
  assert.ok(await page.locator('section#mal-1').isVisible(), 'and its målområde');
  assert.ok(!(await page.locator('section#mal-1\\.1').isVisible()));
  await page.getByLabel('Filtrera mål och indikatorer').fill('finns inte någonstans');
  await page.getByRole('status').filter({ hasText: 'Inga mål eller indikatorer matchar.' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('Södertälje\'s plan has its own levels and baseline column', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'viewer@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2025' }).click();
  const goal = page.locator('section#mal-1\\.1');
  await goal.locator('.goal__level', { hasText: 'Nämndmål' }).waitFor();
  const headers = await goal.locator('table.indicators thead th').allInnerTexts();
  assert.deepEqual(headers.slice(1, 5), ['Ingående värde', 'Mål 2025', 'Mål 2026', 'Mål 2027']);
  const row = goal.locator('tr[data-code="forsorjningstagare-arbete-studier"]');
  assert.deepEqual((await row.locator('td.num').allInnerTexts()).slice(0, 3), ['23 (Genomsnitt jan–okt 2024)', '20\u00a0%', 'Öka']);
});
