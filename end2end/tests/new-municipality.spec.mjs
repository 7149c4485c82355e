// A new municipality set up from the UI alone: the platform admin adds it with its first
// admin; that admin signs in, defines a goal level, adds a council with a department,
// writes the vision, starts a plan, adds a goal and an indicator on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const ADMIN_PASSWORD = 'sigtuna-admin-lösenord';

async function openMenuLink(page, name) {
  await page.getByRole('button', { name: /Användarmeny/ }).click();
  await page.getByRole('link', { name }).click();
}

test('set up a new municipality from the admin pages', async () => {
  const platform = await newPage(browser);
  await login(platform, server.base, 'Norrtälje kommun', 'platform@malbild.example');
  await platform.waitForURL(`${server.base}/`);
  await hydrated(platform);
  await openMenuLink(platform, 'Kommuner');
  await platform.getByRole('heading', { level: 1, name: 'Kommuner' }).waitFor();
  await hydrated(platform);
  await platform.getByLabel('Kommunens namn').fill('Sigtuna kommun');
  await platform.getByLabel('E-postadress').fill('admin@sigtuna.example');
  await platform.getByLabel('Namn', { exact: true }).fill('Siri Admin');
  await platform.getByLabel('Första lösenord (minst 12 tecken)').fill(ADMIN_PASSWORD);
  await platform.getByRole('button', { name: 'Lägg till kommun' }).click();
  await platform.getByRole('status').filter({ hasText: 'Sigtuna kommun' }).waitFor();
  assert.match(await platform.locator('ul.municipalities').innerText(), /Sigtuna kommun\s+sigtuna/);
  assert.deepEqual(platform.errors, []);

  // The municipality's own admin takes it from here.
  const page = await newPage(browser);
  await login(page, server.base, 'Sigtuna kommun', 'admin@sigtuna.example', ADMIN_PASSWORD);
  await page.waitForURL(`${server.base}/`);
  await hydrated(page);

  await openMenuLink(page, 'Målstruktur');
  await page.getByRole('heading', { level: 1, name: 'Målstruktur' }).waitFor();
  await hydrated(page);
  await page.getByRole('button', { name: 'Lägg till nivå' }).click();
  const level = page.locator('fieldset.level').first();
  await level.getByLabel('Namn', { exact: true }).fill('Målområde');
  await level.getByLabel('Namn i plural').fill('Målområden');
  await level.getByLabel('Numrering').selectOption('sequence');
  await level.getByLabel('Indikatorer').check();
  await page.getByRole('button', { name: 'Spara målstrukturen' }).click();
  await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();

  await openMenuLink(page, 'Organisation');
  await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
  await hydrated(page);
  await page.getByLabel('Vision', { exact: true }).fill('Sigtuna – Sveriges mest attraktiva kommun.');
  await page.getByRole('button', { name: 'Spara vision och värdegrund' }).click();
  await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();

  const newCouncil = page.locator('form.council-card').last();
  await newCouncil.getByLabel('Nämndens namn').fill('Socialnämnden');
  await newCouncil.getByRole('button', { name: 'Lägg till avdelning' }).click();
  await newCouncil.getByLabel('Avdelning 1').fill('Individ- och familjeomsorg');
  await newCouncil.getByRole('button', { name: 'Lägg till nämnd' }).click();
  const council = page.locator('form.council-card', { has: page.getByRole('heading', { name: 'Socialnämnden' }) });
  await council.waitFor();
  assert.equal(await council.getByLabel('Kortnamn i adresser').inputValue(), 'socialnamnden');
  assert.equal(await council.getByLabel('Avdelning 1').inputValue(), 'Individ- och familjeomsorg');

  // A plan with the wrong years is refused by field; then created, it opens.
  await page.locator('section[aria-labelledby=new-plan-heading] select').selectOption({ label: 'Socialnämnden' });
  await page.getByLabel('Planens namn').fill('Verksamhetsplan 2027–2029');
  await page.getByLabel('Första år').fill('2029');
  await page.getByLabel('Sista år').fill('2027');
  await page.getByRole('button', { name: 'Skapa planen' }).click();
  assert.match(await page.getByRole('alert').innerText(), /Sista år: sista året \(2027\) ligger före första året \(2029\)/);
  await page.getByLabel('Första år').fill('2027');
  await page.getByLabel('Sista år').fill('2029');
  await page.getByRole('button', { name: 'Skapa planen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Verksamhetsplan 2027–2029' }).waitFor();
  const planUrl = page.url();

  await page.getByRole('link', { name: 'Lägg till mål' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
  await hydrated(page);
  await page.getByLabel('Rubrik').fill('Trygghet för alla');
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.waitForURL(/\/mal\/1$/);
  await page.goto(planUrl);
  await page.locator('section#mal-1').getByRole('link', { name: 'Ny indikator' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ny indikator' }).waitFor();
  await hydrated(page);
  await page.getByLabel('Kod').fill('sn-trygghet');
  await page.getByLabel('Namn').fill('Andel invånare som känner sig trygga');
  await page.getByLabel('Enhet').fill('%');
  await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
  await page.waitForURL(/\/indikatorer\/sn-trygghet$/);
  await page.getByRole('heading', { level: 1, name: 'Redigera indikator' }).waitFor();
  await page.goto(planUrl);
  assert.match(await page.locator('section#mal-1').innerText(), /Andel invånare som känner sig trygga/);
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
});
