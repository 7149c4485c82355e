// How verdicts are reached, edited by an admin in the UI: a nämndmål's rule previewed and
// saved, and the municipality's method for indicators.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated, importSodertaljeOctober } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function openPlan(page) {
  await page.goto(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2025' }).click();
  await page.locator('section[data-code="5"]').waitFor();
}

/// Nämndmål 5's verdict on the follow-up page (the latest month with values).
async function verdictOfFive(page) {
  await openPlan(page);
  await page.getByRole('link', { name: 'Uppföljning' }).click();
  await page.waitForURL(/uppfoljning/);
  const item = page.locator('li.verdict-item[data-code="5"]');
  await item.waitFor();
  return item.getAttribute('data-verdict');
}

test('an admin changes nämndmål 5’s rule, previews it and sees its verdict change', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'admin@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await importSodertaljeOctober(page, server.base);
  const before = await verdictOfFive(page);
  assert.equal(before, 'green', '004’s rule: 3 of 5 green, budget adherence among them');

  await openPlan(page);
  await page.locator('section[data-code="5"]').getByRole('link', { name: 'Redigera mål' }).click();
  await page.getByRole('heading', { level: 2, name: 'Bedömningsregel' }).waitFor();
  await hydrated(page);
  const rule = page.locator('section.goal-rule');
  assert.match(await rule.getByTestId('rule-now').innerText(), /minst 3/);
  const kind = rule.getByRole('combobox', { name: 'Bedömningsregel' });
  assert.equal(await kind.inputValue(), 'count_green');
  assert.ok(await rule.getByRole('checkbox', { name: 'Nämndens budgetföljsamhet (%)' }).isChecked(), '004: budgetföljsamhet must be green');

  // Only an overall verdict: the preview shows nämndmål 5 turning grey before anything is saved.
  await kind.selectOption('manual');
  await rule.getByRole('button', { name: 'Förhandsgranska' }).click();
  const previewed = rule.locator('.rule-preview tr[data-code="5"]');
  await previewed.waitFor();
  assert.equal(await previewed.getAttribute('data-after'), 'grey');
  assert.equal(await verdictOfFive(page), before, 'a preview changes nothing');

  await openPlan(page);
  await page.locator('section[data-code="5"]').getByRole('link', { name: 'Redigera mål' }).click();
  await page.getByRole('heading', { level: 2, name: 'Bedömningsregel' }).waitFor();
  await hydrated(page);
  await rule.getByRole('combobox', { name: 'Bedömningsregel' }).selectOption('manual');
  await rule.getByRole('button', { name: 'Spara regeln' }).click();
  await rule.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
  assert.match(await rule.getByTestId('rule-now').innerText(), /helhetsbedömning/);
  assert.equal(await verdictOfFive(page), 'grey');

  // A bad number is refused by field, and nothing changes.
  await openPlan(page);
  await page.locator('section[data-code="5"]').getByRole('link', { name: 'Redigera mål' }).click();
  await hydrated(page);
  await rule.getByRole('combobox', { name: 'Bedömningsregel' }).selectOption('count_green');
  await rule.getByRole('textbox', { name: 'Minst gröna' }).fill('2,5');
  await rule.getByRole('button', { name: 'Spara regeln' }).click();
  await rule.getByRole('alert').filter({ hasText: '”2,5” är inget heltal' }).waitFor();
  assert.equal(await verdictOfFive(page), 'grey');
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
});

test('the municipality’s method is changed on the structure page with a preview', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'admin@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.goto(`${server.base}/admin/malstruktur`);
  await page.getByRole('heading', { level: 1, name: 'Målstruktur' }).waitFor();
  await hydrated(page);
  const card = page.locator('section[aria-labelledby=method-heading]');
  assert.match(await card.getByTestId('method-now').innerText(), /takt mot årsmålet/);
  await card.getByRole('combobox', { name: 'Bedömningsmetod' }).selectOption('manual');
  await card.getByRole('button', { name: 'Förhandsgranska' }).click();
  const rows = card.locator('.rule-preview tbody tr');
  await rows.first().waitFor();
  assert.ok(await rows.count() > 1, 'manual verdicts only turn assessed indicators grey');
  assert.equal(await card.locator('.rule-preview tr[data-after="green"]').count(), 0, 'nothing turns green');
  await card.getByRole('button', { name: 'Spara' }).click();
  await card.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
  assert.match(await card.getByTestId("method-now").innerText(), /bedöms manuellt/);
  assert.deepEqual(page.errors, []);
});
