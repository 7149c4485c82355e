// A council's economy page: reached from the start page, the seeds' tables as published
// with Swedish numbers in the tenant's unit, the figures that do not add up named and
// marked, the action plan, and a monthly chart beside its table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('a viewer opens Norrtälje’s economy and sees what does not add up', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'viewer@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await hydrated(page);
  await page.getByRole('region', { name: 'Socialnämnden' }).getByRole('link', { name: 'Ekonomi' }).click();
  await page.waitForURL(/\/ekonomi\/socialnamnden$/);
  await page.getByRole('heading', { level: 1, name: 'Ekonomi – Socialnämnden' }).waitFor();

  const driftbudget = page.getByRole('region', { name: 'Driftbudget, tkr' });
  const netto = driftbudget.getByRole('row', { name: /^Netto/ });
  assert.match(await netto.innerText(), /-401\s630/, '001: Netto Budget 2026');
  const misprint = netto.locator('td[data-finding="true"]');
  assert.equal(await misprint.count(), 1, 'only Utfall 2024 is marked');
  assert.match(await misprint.innerText(), /-415\s390/);

  const checks = page.getByTestId('economy-checks');
  const item = checks.locator('li[data-check="income_and_costs"]');
  assert.match(await item.innerText(), /Netto › Utfall 2024: intäkter plus kostnader ger -357\s046\stkr, tryckt står -415\s390\stkr/);
  assert.ok(await checks.locator('li[data-check="changes_against_net"]').count() >= 1);

  const plan = page.locator('section[data-plan="ekonomi-i-balans-2024"]');
  const first = plan.getByRole('row', { name: /Minskade kostnader för inhyrda medarbetare/ });
  assert.match(await first.innerText(), /13\s500\stkr[\s\S]*4\s480\stkr[\s\S]*9\s020\stkr/);
  assert.match(await plan.locator('tfoot').innerText(), /4\s760\stkr/, 'expected this year, as 003 sums it');
  assert.deepEqual(page.errors, []);
});

test('Södertälje’s economy is in mnkr with utbetalt bistånd charted beside its table', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'viewer@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.goto(`${server.base}/ekonomi/socialnamnden`);
  await page.getByRole('heading', { level: 1, name: 'Ekonomi – Socialnämnden' }).waitFor();
  assert.match(await page.getByText(/^Belopp i mnkr/).innerText(), /mnkr/);
  assert.match(await page.getByTestId('economy-checks').innerText(), /Alla summor och skillnader stämmer/);
  const internbudget = page.getByRole('region', { name: 'Internbudget' });
  assert.match(await internbudget.getByRole('row', { name: /^Nämnden totalt/ }).innerText(), /845\s+856\s+11/);
  const bistand = page.getByRole('region', { name: 'Tabell 1. Utbetalt bistånd' });
  await bistand.getByRole('img', { name: /Utfall 2024 \/ Budget 2024/ }).waitFor();
  assert.match(await bistand.getByRole('row', { name: /^Budget 2024/ }).innerText(), /11,7/);
  assert.deepEqual(page.errors, []);
});

test('a scenario changes a volume and a price of 001 and shows the cost effect', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'viewer@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.goto(`${server.base}/ekonomi/socialnamnden`);
  await page.getByRole('link', { name: 'Scenario: ändra volymer och à-priser' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scenario: volymer × à-priser – Socialnämnden 2026' }).waitFor();
  await hydrated(page);
  const table = page.getByTestId('scenario');
  assert.equal(await page.getByTestId('scenario-effect').innerText(), '0\u00a0tkr');
  assert.equal(await page.getByLabel('Volym Institutionsplaceringar barn & unga').inputValue(), '8 632');

  await page.getByLabel('Volym Institutionsplaceringar barn & unga').fill('8 000');
  await page.getByLabel('À-pris Familjehem barn & unga, egen regi').fill('900');
  await page.getByRole('button', { name: 'Beräkna' }).click();
  // (8 000 − 8 632) × 6 062 kr and (900 − 840) × 21 904 kr: −3 831 and +1 314 tkr.
  await page.getByTestId('scenario-effect').filter({ hasText: '-2\u00a0517\u00a0tkr' }).waitFor();
  assert.equal(await table.locator('td[data-effect="0"]').innerText(), '-3\u00a0831\u00a0tkr');
  assert.equal(await table.locator('td[data-effect="1"]').innerText(), '1\u00a0314\u00a0tkr');
  assert.deepEqual(page.errors, []);

  // A negative volume is refused (the browser logs the 422), saying which field and why.
  await page.getByLabel('Volym Institutionsplaceringar barn & unga').fill('-1');
  await page.getByRole('button', { name: 'Beräkna' }).click();
  await page.getByRole('alert').filter({ hasText: /Volym: måste vara minst 0/ }).waitFor();
});
