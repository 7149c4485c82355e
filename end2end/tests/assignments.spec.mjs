// An editor follows up an uppdrag of the 2024 plan (status, forecast, a dated comment) and
// sees the comment first in its list and as the latest on the plan; an admin adds a
// nämndinitiativ under an inriktningsmål and finds it in the plan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('follow up an uppdrag with a dated comment', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'editor@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2024', exact: true }).click();
  const planUrl = page.url();
  await page.getByRole('link', { name: 'Ta fram en plan för arbetet med mottagande' }).click();
  await page.getByRole('heading', { level: 1, name: 'Uppdrag eller initiativ' }).waitFor();
  await hydrated(page);
  assert.equal(await page.getByLabel('Status').inputValue(), 'paborjad');
  assert.equal(await page.getByLabel('Prognos').inputValue(), 'avvikelse');
  await page.getByLabel('Status').selectOption({ label: 'Slutförd' });
  await page.getByLabel('Prognos').selectOption({ label: 'Enligt plan' });
  await page.getByLabel('Kommentarens datum').fill('2024-10-31');
  await page.getByLabel('Ny kommentar').fill('Slutrapporterat i nämnden 24 oktober.');
  await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
  await page.locator('ol.comments li').first().filter({ hasText: 'Slutrapporterat i nämnden 24 oktober.' }).waitFor();
  const comments = await page.locator('ol.comments li').allInnerTexts();
  assert.equal(comments.length, 2);
  assert.match(comments[0], /^2024-10-31 Slutrapporterat i nämnden 24 oktober\./);
  assert.match(comments[1], /^2024-07-31 Avses att slutrapporteras/);
  // The definition is the admins' to change.
  assert.equal(await page.getByRole('button', { name: 'Spara', exact: true }).count(), 0);

  await page.goto(planUrl);
  const row = page.locator('tr', { hasText: 'Ta fram en plan för arbetet med mottagande' });
  assert.match(await row.innerText(), /Slutförd\s+Enligt plan/);
  assert.match(await row.innerText(), /Senaste kommentar \(2024-10-31\): Slutrapporterat i nämnden 24 oktober\./);
  assert.deepEqual(page.errors, []);
});

test('an admin adds a nämndinitiativ under an inriktningsmål', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'admin@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2026–2028' }).click();
  const planUrl = page.url();
  await page.locator('section#mal-4\\.1').getByRole('link', { name: 'Lägg till uppdrag eller initiativ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nytt uppdrag eller initiativ' }).waitFor();
  await hydrated(page);
  await page.getByLabel('Typ').selectOption({ label: 'Nämndinitiativ' });
  await page.getByLabel('Rubrik').fill('Kartlägga behovet av familjehem.');
  await page.getByLabel('Ansvarig avdelning').selectOption('Barn och unga');
  await page.getByLabel('Slutdatum').fill('2026-12-31');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await page.waitForURL(/\/uppdrag\/[0-9a-f-]+$/);
  await page.getByRole('heading', { level: 2, name: 'Uppföljning' }).waitFor();

  await page.goto(planUrl);
  const row = page.locator('section#mal-4\\.1 tr', { hasText: 'Kartlägga behovet av familjehem.' });
  assert.match(await row.innerText(), /Nämndinitiativ[\s\S]*Barn och unga[\s\S]*2026-12-31/);
  assert.deepEqual(page.errors, []);
});
