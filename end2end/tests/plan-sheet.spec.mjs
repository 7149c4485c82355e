// An editor enters a goal's outcomes as in a spreadsheet: the goal's indicators and months
// in one table with each target beside them, Enter moves down a row, a block pasted from
// Excel fills the cells from where it lands, each changed cell is saved on its own, and the
// plan page shows the latest outcome.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

/** Pastes `text` into `cell` as a browser does when Excel's clipboard holds a block. */
async function paste(cell, text) {
  await cell.focus();
  await cell.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

test('enter a goal’s outcomes in one sheet: type, move with Enter, paste a block from Excel', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'editor@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2025' }).click();
  const planUrl = page.url();
  await page.locator('section[data-code="5"]').getByRole('link', { name: 'Ange utfall för målet' }).click();
  await page.getByRole('heading', { level: 1, name: /Ange utfall: 5 Rätt insats/ }).waitFor();
  await hydrated(page);
  const budgetRow = page.locator('tr[data-code="budgetfoljsamhet"][data-period="2025-01"]');
  assert.match(await budgetRow.locator('.sheet__target').innerText(), /± 0,5/);

  const cell = (name, period, column) => page.getByRole('textbox', { name: `${name}, ${period}, ${column}`, exact: true });
  const budget = cell('Nämndens budgetföljsamhet (%)', '2025-10', 'Utfall');
  await budget.fill('0,3');
  await budget.press('Enter');
  await page.locator('#' + await budget.getAttribute('id') + '.sheet__cell--saved').waitFor();
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
    'Nämndens budgetföljsamhet (%), 2025-11, Utfall',
    'Enter moves one row down'
  );

  // Two rows of three columns from Excel: total, women, men.
  await paste(cell('Avtalstrohet (%)', '2025-10', 'Utfall'), '81\t80\t82\r\n83\t82\t84\r\n');
  for (const [period, column] of [['2025-10', 'Utfall'], ['2025-10', 'Utfall män'], ['2025-11', 'Utfall kvinnor']]) {
    const id = await cell('Avtalstrohet (%)', period, column).getAttribute('id');
    await page.locator(`#${id}.sheet__cell--saved`).waitFor();
  }
  // A typo is refused for its cell alone, and says why.
  const typo = cell('Avtalstrohet (%)', '2025-12', 'Utfall');
  await typo.fill('åttio');
  await typo.press('Enter');
  await page.getByRole('alert').filter({ hasText: '”åttio” är inget tal' }).waitFor();
  assert.equal(await typo.getAttribute('aria-invalid'), 'true');

  // What was saved is there after a reload, and the plan page shows the latest outcome.
  await page.reload();
  await hydrated(page);
  assert.equal(await cell('Avtalstrohet (%)', '2025-10', 'Utfall män').inputValue(), '82');
  assert.equal(await cell('Avtalstrohet (%)', '2025-11', 'Utfall').inputValue(), '83');
  assert.equal(await cell('Avtalstrohet (%)', '2025-12', 'Utfall').inputValue(), '', 'the typo was not saved');
  await page.goto(planUrl);
  assert.match(await page.locator('tr[data-code="avtalstrohet"] td.latest').innerText(), /83(,0)?\s*%\s*\(2025-11\)/);
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
});
