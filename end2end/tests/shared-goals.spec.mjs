// A municipality built entirely in the UI whose council goals contribute to the
// municipality's own goals (KF-mål): levels with lettered criteria, a municipal council and
// its "Mål och budget", a council plan whose top goal sits on the second level, one goal
// contributing directly to one KF-mål and indirectly to another, half-year verdicts on the
// criteria, and the KF-mål's follow-up showing the council's goal and its verdict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const PASSWORD = 'vasby-admin-lösenord';

async function openMenuLink(page, name) {
  await page.getByRole('button', { name: /Användarmeny/ }).click();
  await page.getByRole('link', { name }).click();
}

async function addLevel(page, name, plural, numbering) {
  await page.getByRole('button', { name: 'Lägg till nivå' }).click();
  const level = page.locator('fieldset.level').last();
  await level.getByLabel('Namn', { exact: true }).fill(name);
  await level.getByLabel('Namn i plural').fill(plural);
  await level.getByLabel('Numrering').selectOption(numbering);
}

async function createPlan(page, council, name, kind) {
  await openMenuLink(page, 'Organisation');
  await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
  await hydrated(page);
  await page.locator('section[aria-labelledby=new-plan-heading] select').selectOption({ label: council });
  await page.getByLabel('Planens namn').fill(name);
  await page.getByRole('combobox', { name: 'Plantyp' }).fill(kind);
  await page.getByLabel('Första år').fill('2026');
  await page.getByLabel('Sista år').fill('2026');
  await page.getByRole('button', { name: 'Skapa planen' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  assert.match(await page.locator('p.plan-meta').innerText(), new RegExp(`${kind} · 2026`));
  return page.url();
}

/** Adds a goal from `from` (the plan page or a goal's link); returns its number. */
async function addGoal(page, link, title, level) {
  await link.click();
  await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
  await hydrated(page);
  if (level) {
    await page.getByRole('combobox', { name: 'Nivå' }).selectOption({ label: level });
    await page.waitForURL(/niva=/);
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
    await hydrated(page);
  }
  const number = await page.getByLabel('Nummer').inputValue();
  await page.getByLabel('Rubrik').fill(title);
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await page.waitForURL(/\/mal\/[^/]+$/);
  return number;
}

test('council goals contribute directly and indirectly to KF goals, all set up in the UI', async () => {
  const platform = await newPage(browser);
  await login(platform, server.base, 'Norrtälje kommun', 'platform@malbild.example');
  await platform.waitForURL(`${server.base}/`);
  await hydrated(platform);
  await openMenuLink(platform, 'Kommuner');
  await hydrated(platform);
  await platform.getByLabel('Kommunens namn').fill('Upplands Väsby kommun');
  await platform.getByLabel('E-postadress').fill('admin@vasby.example');
  await platform.getByLabel('Namn', { exact: true }).fill('Vera Admin');
  await platform.getByLabel('Första lösenord (minst 12 tecken)').fill(PASSWORD);
  await platform.getByRole('button', { name: 'Lägg till kommun' }).click();
  await platform.getByRole('status').filter({ hasText: 'Upplands Väsby kommun' }).waitFor();

  const page = await newPage(browser);
  await login(page, server.base, 'Upplands Väsby kommun', 'admin@vasby.example', PASSWORD);
  await page.waitForURL(`${server.base}/`);
  await hydrated(page);

  // Levels: KF-mål, nämndmål, and criteria lettered after their goal's number (1A, 1B).
  await openMenuLink(page, 'Målstruktur');
  await hydrated(page);
  await addLevel(page, 'KF-mål', 'KF-mål', 'sequence');
  await addLevel(page, 'Nämndmål', 'Nämndmål', 'sequence');
  await addLevel(page, 'Kriterium', 'Kriterier', 'number_letter');
  await page.getByRole('button', { name: 'Spara målstrukturen' }).click();
  await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();

  // Kommunfullmäktige holds the municipality's goals; Socialnämnden its own.
  await openMenuLink(page, 'Organisation');
  await hydrated(page);
  for (const [name, municipal] of [['Kommunfullmäktige', true], ['Socialnämnden', false]]) {
    const card = page.locator('form.council-card').last();
    await card.getByLabel('Nämndens namn').fill(name);
    if (municipal) await card.getByRole('checkbox', { name: /Kommunens egna mål/ }).check();
    await card.getByRole('button', { name: 'Lägg till nämnd' }).click();
    await page.locator('form.council-card', { has: page.getByRole('heading', { name }) }).waitFor();
  }

  const kfPlan = await createPlan(page, 'Kommunfullmäktige', 'Mål och budget 2026', 'Mål och budget');
  const addTop = () => page.getByRole('link', { name: 'Lägg till mål', exact: true });
  assert.equal(await addGoal(page, addTop(), 'Trygg uppväxt'), '1');
  await page.goto(kfPlan);
  assert.equal(await addGoal(page, addTop(), 'Fler i arbete'), '2');

  const snPlan = await createPlan(page, 'Socialnämnden', 'Verksamhetsplan 2026', 'Verksamhetsplan');
  // The council's top goal sits on the second level.
  assert.equal(await addGoal(page, addTop(), 'Fler unga klarar skolan', 'Nämndmål'), '1');
  await page.goto(snPlan);
  const underOne = () => page.locator('section[data-code="1"]').getByRole('link', { name: 'Lägg till mål under' });
  assert.equal(await addGoal(page, underOne(), 'Fler elever har fullständiga betyg'), '1A');
  await page.goto(snPlan);
  assert.equal(await addGoal(page, underOne(), 'Färre elever är frånvarande'), '1B');

  // Nämndmål 1 contributes directly to KF-mål 1 and indirectly to KF-mål 2.
  await page.goto(snPlan);
  await page.locator('section[data-code="1"]').getByRole('link', { name: 'Redigera mål' }).click();
  const links = page.locator('section.goal-links');
  await links.waitFor();
  await hydrated(page);
  assert.match(await links.innerText(), /Mål och budget 2026/);
  await links.getByRole('button', { name: 'Lägg till bidrag' }).click();
  await links.getByRole('button', { name: 'Lägg till bidrag' }).click();
  await links.getByRole('combobox', { name: 'Mål 2' }).selectOption({ label: '2 Fler i arbete' });
  await links.getByRole('combobox', { name: 'Bidrar' }).nth(1).selectOption('indirect');
  await links.getByRole('button', { name: 'Spara bidragen' }).click();
  await links.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();

  // Half-year verdicts on both criteria make nämndmål 1 green.
  await page.goto(snPlan);
  await page.getByRole('link', { name: 'Uppföljning' }).click();
  await page.waitForURL(/uppfoljning/);
  await hydrated(page);
  for (const code of ['1A', '1B']) {
    const item = page.locator(`li.verdict-item[data-code="${code}"]`);
    await item.locator('summary').first().click();
    const form = item.locator('form.manual-verdict').first();
    await form.getByLabel('Gäller för').selectOption('2026-H2');
    await form.getByLabel('Manuell bedömning').selectOption('green');
    await form.getByLabel('Motivering').fill('Andra halvåret: målet nås');
    await form.getByRole('button', { name: 'Spara bedömning' }).click();
    await page.locator(`li.verdict-item[data-code="${code}"][data-verdict="green"]`).waitFor();
  }
  await page.locator('li.verdict-item[data-code="1"][data-verdict="green"]').waitFor();

  // The KF-mål's follow-up shows the council's goal beside each, counted only where direct.
  await page.goto(kfPlan);
  await page.getByRole('link', { name: 'Uppföljning' }).click();
  await page.waitForURL(/uppfoljning/);
  const kf1 = page.locator('li.verdict-item[data-code="1"]');
  assert.equal(await kf1.getAttribute('data-verdict'), 'green');
  assert.match(await kf1.locator('table.contributions').innerText(), /Socialnämnden\s+1 Fler unga klarar skolan\s+direkt\s+Grön/);
  const kf2 = page.locator('li.verdict-item[data-code="2"]');
  assert.equal(await kf2.getAttribute('data-verdict'), 'grey', 'an indirect contribution is not counted');
  assert.match(await kf2.locator('table.contributions').innerText(), /indirekt \(räknas inte\)\s+Grön/);
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
});
