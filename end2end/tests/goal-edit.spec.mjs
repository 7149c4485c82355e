// An admin adds an inriktningsmål under a målområde, finds it in the plan, moves it up,
// and deletes it after confirming; a goal with indicators cannot be deleted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('add, move and delete a goal', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'admin@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2026–2028' }).click();
  const planUrl = page.url();
  await page.locator('section#mal-1').getByRole('link', { name: 'Lägg till mål under' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
  await hydrated(page);
  assert.equal(await page.getByLabel('Nummer').inputValue(), '1.3');
  await page.getByLabel('Rubrik').fill('Digital välfärd för alla');
  await page.getByLabel('Beskrivning').fill('Invånarna ska kunna sköta sina ärenden digitalt.');
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.waitForURL(/\/mal\/1\.3$/);
  await page.getByRole('heading', { level: 1, name: 'Redigera mål' }).waitFor();
  await hydrated(page);

  // It is last under målområde 1; moving it up puts it before 1.2.
  await page.getByRole('button', { name: 'Flytta upp' }).click();
  await page.getByRole('status').filter({ hasText: 'Flyttat.' }).waitFor();
  await page.goto(planUrl);
  const underOne = await page.locator('section.goal--1 h3').allInnerTexts();
  const at = underOne.indexOf('1.3 Digital välfärd för alla');
  assert.ok(at > 0, underOne.join(' | '));
  assert.match(underOne[at + 1], /^1\.2 /);

  // Deleting asks first.
  await page.locator('section#mal-1\\.3').getByRole('link', { name: 'Redigera mål' }).click();
  await page.getByRole('heading', { level: 1, name: 'Redigera mål' }).waitFor();
  await hydrated(page);
  await page.getByRole('button', { name: 'Ta bort målet' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Ja, ta bort' }).click();
  await page.waitForURL(planUrl);
  await page.getByRole('heading', { level: 1, name: 'Verksamhetsplan 2026–2028' }).waitFor();
  assert.equal(await page.locator('section#mal-1\\.3').count(), 0);

  // A goal with indicators says what is in the way instead of offering deletion.
  await page.locator('section#mal-1\\.1').getByRole('link', { name: 'Redigera mål' }).click();
  await page.getByRole('heading', { level: 1, name: 'Redigera mål' }).waitFor();
  const deletion = page.locator('section.goal-delete');
  assert.match(await deletion.innerText(), /kan inte tas bort[\s\S]*Indikatorer: \d+/);
  assert.equal(await deletion.getByRole('button').count(), 0);
  assert.deepEqual(page.errors, []);
});
