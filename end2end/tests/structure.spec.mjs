// An admin adds a text section to Södertälje's nämndmål level, then tries to remove a
// section the plan's goals have text in and is told which goals, with nothing saved; then
// lets the level's uppdrag count in the goals' verdicts, which needs the level to carry them;
// adds a level named in several words. Levels move down but the last; checkboxes sit on
// their labels' lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('edit the goal structure', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'admin@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await hydrated(page);
  await page.getByRole('button', { name: /Användarmeny/ }).click();
  await page.getByRole('link', { name: 'Målstruktur' }).click();
  await page.waitForURL(`${server.base}/admin/malstruktur`);
  await page.getByRole('heading', { level: 1, name: 'Målstruktur' }).waitFor();
  await hydrated(page);
  const levels = page.locator('fieldset.level');
  assert.equal(await levels.count(), 4);
  // Each level can move down but the last; a checkbox sits on its label's line.
  const down = page.getByRole('button', { name: 'Flytta ner', exact: true });
  assert.equal(await down.count(), 4);
  assert.deepEqual(await down.evaluateAll((bs) => bs.map((b) => b.disabled)), [false, false, false, true]);
  const box = await levels.nth(0).getByLabel('Indikatorer', { exact: true }).boundingBox();
  const label = await levels.nth(0).locator('label.check', { hasText: 'Indikatorer' }).boundingBox();
  assert.ok(box.y >= label.y && box.y + box.height <= label.y + label.height + 1, 'on the same line');
  assert.ok(box.x + box.width <= label.x + 40, 'at the start of its label');
  const names = [];
  for (let i = 0; i < 4; i += 1) names.push(await levels.nth(i).getByLabel('Namn', { exact: true }).inputValue());
  assert.deepEqual(names, ['Målområde', 'KF-mål', 'Nämndens inriktning', 'Nämndmål']);
  // Each level says in words how its goals are judged when they have no rule of their own.
  assert.match(await levels.nth(3).locator('.level-rule').innerText(), /minst 75 % av underlagen gröna/);

  const last = levels.nth(3);
  const sections = last.getByLabel('Textavsnitt (ett per rad)');
  const original = await sections.inputValue();
  await sections.fill(`${original}\nUppföljning`);
  await page.getByRole('button', { name: 'Spara målstrukturen' }).click();
  await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
  await page.locator('.history__list li', { hasText: 'Uppföljning' }).first().waitFor();

  // Removing every section of a level whose goals have texts is refused, naming the goal.
  await sections.fill('');
  await page.getByRole('button', { name: 'Spara målstrukturen' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /mål ”[^”]+” › Textavsnitt: ”[^”]+” är inget textavsnitt på nivån Nämndmål/);
  await page.reload();
  await hydrated(page);
  assert.equal(await page.locator('fieldset.level').nth(3).getByLabel('Textavsnitt (ett per rad)').inputValue(), `${original}\nUppföljning`);

  const namndmal = page.locator('fieldset.level').nth(3);
  const counts = namndmal.getByLabel(/status och prognos räknas in/);
  await counts.check();
  await page.getByRole('button', { name: 'Spara målstrukturen' }).click();
  await page.getByRole('alert').filter({ hasText: /Uppdrag räknas in i bedömningen: uppdrag kan bara räknas in i bedömningen på en nivå där målen kan ha uppdrag/ }).waitFor();
  await namndmal.getByLabel('Uppdrag och initiativ', { exact: true }).check();
  await page.getByRole('button', { name: 'Spara målstrukturen' }).click();
  await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
  await page.reload();
  await hydrated(page);
  assert.ok(await page.locator('fieldset.level').nth(3).getByLabel(/status och prognos räknas in/).isChecked());

  // A level named in several words gets a key the structure accepts.
  await page.getByRole('button', { name: 'Lägg till nivå' }).click();
  const added = page.locator('fieldset.level').nth(4);
  await added.getByLabel('Namn', { exact: true }).fill('Nämndens åtaganden');
  await added.getByLabel('Namn i plural').fill('Nämndens åtaganden');
  await page.getByRole('button', { name: 'Spara målstrukturen' }).click();
  await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
  await page.reload();
  await hydrated(page);
  assert.equal(await page.locator('fieldset.level').nth(4).getByLabel('Namn', { exact: true }).inputValue(), 'Nämndens åtaganden');
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
});
