// An admin adopts the draft plan by the council's decision (a date in the future is
// refused first), sees it frozen and the decision listed, then starts version 2 as a draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('adopt a plan, then start a new draft', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'admin@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2026–2028' }).click();
  await page.getByRole('heading', { level: 1, name: 'Verksamhetsplan 2026–2028' }).waitFor();
  await hydrated(page);
  const badge = page.locator('.plan-meta .badge');
  assert.equal(await badge.innerText(), 'Utkast (version 1)');
  await page.getByRole('link', { name: 'Lägg till mål', exact: true }).waitFor();

  const decisions = page.locator('details.decisions');
  await decisions.locator('summary').click();
  assert.match(await decisions.innerText(), /Planen har inte antagits än/);
  assert.equal(await page.getByLabel('Beslutande organ').inputValue(), 'Socialnämnden');
  await page.getByLabel('Sammanträdesdatum').fill('2999-01-01');
  await page.getByLabel('Paragraf').fill('§ 187');
  await page.getByRole('button', { name: 'Anta planen' }).click();
  const problem = page.getByRole('alert');
  await problem.waitFor();
  assert.match(await problem.innerText(), /^Sammanträdesdatum: 2999-01-01 har inte varit än/);

  await page.getByLabel('Sammanträdesdatum').fill('2025-11-19');
  await page.getByRole('button', { name: 'Anta planen' }).click();
  await page.locator('.plan-meta .badge', { hasText: 'Antagen (version 1)' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Lägg till mål', exact: true }).count(), 0, 'frozen');
  // The panel stays open across the reload, now listing the decision.
  assert.match(
    await page.locator('.decisions__list').innerText(),
    /Version 1 antogs av Socialnämnden 2025-11-19, § 187 \(admin@norrtalje\.example\)/,
  );

  await page.getByRole('button', { name: 'Starta nytt utkast (version 2)' }).click();
  await page.locator('.plan-meta .badge', { hasText: 'Utkast (version 2)' }).waitFor();
  await page.getByRole('link', { name: 'Lägg till mål', exact: true }).waitFor();
  // The refused date answered 422 on purpose; anything else in the console is a failure.
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
});
