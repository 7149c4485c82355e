// An editor imports a quarter of the ledger: the file's columns are mapped (one header the
// product does not recognise is chosen by hand), the import shows what it wrote, and the
// council's monthly follow-up shows the outcome against 001's budget with the forecasts side
// by side; a forecast is saved with a comment and listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

function quarter() {
  let text = 'Bokföringsperiod;Verksamhetsnamn;Konto;Belopp\n';
  for (const month of ['01', '02', '03']) {
    text += `2025-${month};Ekonomiskt bistånd;4710;6 000 000\n`;
    text += `2025-${month};Flyktingmottagande;3020;-200 000\n`;
  }
  return { name: 'huvudbok 2025.csv', mimeType: 'text/csv', buffer: Buffer.from(text) };
}

test('map a ledger file, import it and follow the year up month by month', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'editor@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.goto(`${server.base}/ekonomi/socialnamnden`);
  await page.getByRole('link', { name: 'Månadsuppföljning från huvudboken' }).click();
  await page.getByTestId('no-ledger').waitFor();
  await page.getByRole('link', { name: 'Importera huvudbok' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importera huvudbok' }).waitFor();
  await hydrated(page);

  await page.getByLabel('Fil').setInputFiles(quarter());
  await page.getByRole('button', { name: 'Välj kolumner' }).click();
  const mapping = page.getByTestId('ledger-mapping');
  await mapping.waitFor();
  const preview = page.getByTestId('ledger-preview');
  assert.deepEqual(await preview.locator('th').allInnerTexts(), ['Bokföringsperiod', 'Verksamhetsnamn', 'Konto', 'Belopp']);
  assert.equal(await preview.locator('tbody tr').count(), 5);
  // Suggested from the headers, except the unit's, which no known header names.
  assert.equal(await page.getByLabel('Period (månad)').inputValue(), 'Bokföringsperiod');
  assert.equal(await page.getByLabel('Belopp').inputValue(), 'Belopp');
  assert.equal(await page.getByLabel('Avdelning eller verksamhet').inputValue(), '');

  // Importing without the unit's column is refused, naming the field.
  await mapping.getByRole('button', { name: 'Importera' }).click();
  const failed = page.locator('[data-import="failed"]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /rad 1 › kolumn unit/);

  await page.getByLabel('Avdelning eller verksamhet').selectOption('Verksamhetsnamn');
  await mapping.getByRole('button', { name: 'Importera' }).click();
  const done = page.locator('[data-import="done"]');
  await done.waitFor();
  assert.match(await done.innerText(), /Importen är klar: huvudbok 2025\.csv \(6 rader\)/);
  const written = await done.locator('tbody tr').allInnerTexts();
  assert.equal(written.length, 3);
  assert.match(written[0], /Socialnämnden\s+2025-01\s+200\s000\skr\s+-6\s000\s000\skr\s+-5\s800\s000\skr/);

  await done.getByRole('link', { name: 'Socialnämnden' }).first().click();
  await page.getByTestId('through').waitFor();
  assert.equal(await page.getByTestId('through').innerText(), '2025-03');
  const aid = page.locator('[data-testid="year-to-date"] tr[data-unit="Ekonomiskt bistånd"]');
  const cells = await aid.locator('td').allInnerTexts();
  // Budget 2025 of 001 (-71 994 tkr), booked -18 000, a quarter of the budget -17 999 (rounded).
  assert.equal(cells[0], '-71\u00a0994\u00a0tkr');
  assert.equal(cells[1], '-18\u00a0000\u00a0tkr');
  assert.match(await aid.locator('td[data-method="run_rate"]').innerText(), /-72\u00a0000\u00a0tkr/);
  assert.ok(await page.locator('svg').count() > 0, 'the chart is drawn');
  // Wide tables scroll in their own box: the page fits a phone.
  await page.setViewportSize({ width: 390, height: 900 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  await page.setViewportSize({ width: 1400, height: 900 });
  await hydrated(page);

  await page.getByLabel('Enhet').selectOption({ label: 'Ekonomiskt bistånd' });
  await page.getByLabel('Metod').selectOption('run_rate');
  await page.getByLabel('Kommentar').fill('Fler hushåll med försörjningsstöd');
  await page.getByRole('button', { name: 'Spara prognos' }).click();
  const saved = page.getByTestId('saved-forecast');
  await saved.first().waitFor();
  assert.match(await saved.first().innerText(), /Ekonomiskt bistånd: -72\s000\stkr \(samma takt resten av året, per månad 03\) – editor@norrtalje\.example/);
  assert.match(await saved.first().innerText(), /Fler hushåll med försörjningsstöd/);
  assert.match(await aid.locator('td[data-method="manual"]').innerText(), /-72\u00a0000\u00a0tkr/);
  assert.deepEqual(page.errors, []);
});

test('viewers see the follow-up but get no import page and no forecast form', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'viewer@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.goto(`${server.base}/ekonomi/huvudbok`);
  await page.getByRole('alert').filter({ hasText: 'Du har inte behörighet till den här sidan.' }).waitFor();
  await page.goto(`${server.base}/ekonomi/socialnamnden/manader?ar=2025`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByTestId('forecast-form').count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Importera huvudbok' }).count(), 0);
});
