// The follow-up dashboard: an editor imports October's outcomes, picks the month and sees
// nämndmål 5 turn green with its explanation and the indicator's chart, filters by colour,
// and gives KF-mål 6 (judged as a whole) a manual verdict that the tree shows; at delår it
// gives nämndmål 5 a verdict for the tertial, which holds until the next tertial ends. A
// plan whose values lie before its years opens on the latest month with values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated, importSodertaljeOctober } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });


test('follow up a month: verdicts, explanation, chart, filter and a manual verdict', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'editor@sodertalje.example');
  await page.waitForURL(`${server.base}/`);

  // October 2025: budget adherence within its band, two more on target, one short.
  await importSodertaljeOctober(page, server.base);

  await page.goto(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2025' }).click();
  await page.getByRole('link', { name: 'Uppföljning' }).click();
  await page.getByRole('heading', { level: 1, name: /Uppföljning av Verksamhetsplan 2025/ }).waitFor();
  await hydrated(page);

  // The default method is stated.
  await page.getByText('Så bedöms det som saknar egen regel').click();
  await page.getByText(/takt mot årsmålet/).first().waitFor();

  await page.getByLabel('Månad').fill('2025-10');
  await page.getByRole('button', { name: 'Visa' }).click();
  await page.waitForURL(/manad=2025-10/);
  const five = page.locator('li.verdict-item[data-code="5"]');
  await five.waitFor();
  assert.equal(await five.getAttribute('data-verdict'), 'green');
  await five.locator('summary').first().click();
  const why = await five.locator('p.explanation').first().innerText();
  assert.match(why, /3 av 5/);
  assert.match(why, /Nämndens budgetföljsamhet/);
  const budget = five.locator('li.verdict-indicator[data-code="budgetfoljsamhet"]');
  assert.equal(await budget.getAttribute('data-verdict'), 'green');
  await budget.locator('summary').click();
  await budget.locator('svg[role="img"]').waitFor();
  assert.equal(await budget.locator('circle.chart__dot').count(), 1, "October's outcome on the chart");

  // Level counts: one nämndmål green this month, none in September.
  const namndmal = page.locator('table.level-counts tr', { hasText: 'Nämndmål' });
  assert.match(await namndmal.locator('td[data-colour="green"]').innerText(), /^1 \(\+1\)$/);

  // Only green goals (with their ancestors).
  await page.getByLabel('Färg').selectOption('green');
  await page.getByRole('button', { name: 'Visa' }).click();
  await page.waitForURL(/farg=green/);
  await page.locator('li.verdict-item[data-code="5"]').waitFor();
  assert.equal(await page.locator('li.verdict-item[data-code="kf6"]').count(), 0);

  // A helhetsbedömning on KF-mål 6, which belongs to the municipality's Mål och budget.
  const councilPath = new URL(page.url()).pathname;
  await page.goto(`${server.base}/`);
  await page.getByRole('link', { name: 'Mål och budget 2025' }).click();
  await page.getByRole('link', { name: 'Uppföljning' }).click();
  await page.waitForURL(/uppfoljning/);
  await page.goto(`${server.base}${new URL(page.url()).pathname}?manad=2025-10`);
  await hydrated(page);
  const kf6 = page.locator('li.verdict-item[data-code="kf6"]');
  assert.equal(await kf6.getAttribute('data-verdict'), 'grey');
  await kf6.locator('summary').first().click();
  const form = kf6.locator('form.manual-verdict').first();
  await form.getByLabel('Manuell bedömning').selectOption('yellow');
  await form.getByLabel('Motivering').fill('Rekryteringen går långsammare än planerat');
  await form.getByRole('button', { name: 'Spara bedömning' }).click();
  await page.locator('li.verdict-item[data-code="kf6"][data-verdict="yellow"]').waitFor();
  const judged = page.locator('li.verdict-item[data-code="kf6"]');
  assert.match(await judged.locator('p.explanation').first().textContent(), /Rekryteringen går långsammare/);
  assert.match(await judged.textContent(), /Bedömd av Demo redigerare/);
  // KF-mål 1 is judged from the nämndmål contributing to it, listed side by side.
  const kf1 = page.locator('li.verdict-item[data-code="kf1"]');
  const contributions = kf1.locator('table.contributions tbody tr');
  assert.equal(await contributions.count(), 2);
  assert.match(await contributions.first().innerText(), /Socialnämnden\s+1\.1 Invånare har god tillgång till förebyggande insatser\s+direkt/);
  await page.goto(`${server.base}${councilPath}`);

  // At delår (August closes tertial 2), the verdict can be for the tertial.
  await page.goto(`${server.base}${new URL(page.url()).pathname}?manad=2025-08`);
  await hydrated(page);
  const goal5 = page.locator('li.verdict-item[data-code="5"]');
  await goal5.locator('summary').first().click();
  const delar = goal5.locator('form.manual-verdict').first();
  await delar.getByLabel('Gäller för').selectOption('2025-T2');
  await delar.getByLabel('Manuell bedömning').selectOption('red');
  await delar.getByLabel('Motivering').fill('Delårsbedömning: kostnaderna ökar');
  await delar.getByRole('button', { name: 'Spara bedömning' }).click();
  await page.locator('li.verdict-item[data-code="5"][data-verdict="red"]').waitFor();
  assert.match(await page.locator('li.verdict-item[data-code="5"]').textContent(), /\(2025-T2\)/);

  // The tertial's verdict holds until the next tertial ends (November), then the rule's.
  await page.goto(`${server.base}${new URL(page.url()).pathname}?manad=2025-11`);
  await page.locator('li.verdict-item[data-code="5"][data-verdict="red"]').waitFor();
  assert.match(await page.locator('li.verdict-item[data-code="5"]').textContent(), /\(2025-T2\)/);
  await page.goto(`${server.base}${new URL(page.url()).pathname}?manad=2025-12`);
  const december = page.locator('li.verdict-item[data-code="5"]');
  await december.waitFor();
  assert.doesNotMatch(await december.textContent(), /Delårsbedömning/);
  assert.deepEqual(page.errors, []);
});

test('the page opens on the latest month with values and offers every month with values', async () => {
  // Norrtälje's plan runs 2026–2028; its values (monthly sick leave, forecasts) are from
  // 2023–2025, and today is later.
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'viewer@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2026–2028' }).click();
  await page.getByRole('link', { name: 'Uppföljning' }).click();
  await page.waitForURL(/uppfoljning/);
  const month = page.locator('input[name=manad]');
  await month.waitFor();
  assert.equal(await month.inputValue(), '2025-12');
  assert.equal(await month.getAttribute('min'), '2023-01');
  assert.equal(await month.getAttribute('max'), '2028-12');
  const colours = await page.locator('li.verdict-item, li.verdict-indicator').evaluateAll((items) => items.map((i) => i.dataset.verdict));
  assert.ok(colours.some((c) => c !== 'grey'), `not only grey: ${colours}`);
  assert.deepEqual(page.errors, []);
});

test('explanations and month names follow the language the reader chose', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'viewer@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('link', { name: 'Verksamhetsplan 2025' }).click();
  await page.getByRole('link', { name: 'Uppföljning' }).click();
  await page.waitForURL(/uppfoljning/);
  await page.goto(`${page.url().split('?')[0]}?manad=2025-10`);
  await hydrated(page);
  const explanation = page.locator('li.verdict-item[data-code="5"] p.explanation').first();
  await page.getByRole('heading', { name: /oktober 2025/ }).waitFor();
  assert.match(await explanation.textContent(), /^Regel: minst 3 av 5/);

  await page.getByRole('button', { name: /Användarmeny/ }).click();
  await page.getByRole('button', { name: 'Language: English' }).click();
  await page.getByRole('heading', { name: /October 2025/ }).waitFor();
  const english = await explanation.textContent();
  assert.match(english, /^Rule: at least 3 of 5 indicators green, of which Nämndens budgetföljsamhet \(%\) must be green/);
  assert.match(english, /3 of 5 green – at least 3 required → Green/);
  assert.doesNotMatch(english, /gröna|krävs|Regel/, 'no Swedish left in the English explanation');

  // A fresh page in English is explained in English from the server's first render.
  await page.reload();
  await page.getByRole('heading', { name: /October 2025/ }).waitFor();
  assert.match(await explanation.textContent(), /^Rule: /);
  await page.getByRole('button', { name: /User menu/ }).click();
  await page.getByRole('button', { name: 'Språk: svenska' }).click();
  await page.getByRole('heading', { name: /oktober 2025/ }).waitFor();
  assert.match(await explanation.textContent(), /^Regel: /);
  assert.deepEqual(page.errors, []);
});
