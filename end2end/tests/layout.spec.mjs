// No page scrolls sideways on a 390 px phone or a 1400 px screen (WCAG 2.1 AA, 1.4.10
// Reflow): wide tables scroll inside their own box, never the page. Every route is visited
// with the demo's data, signed in as the platform admin (who may open every page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

/** How many pixels the page is wider than the window. */
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The first link on the page whose address matches, as a path (if there is one). */
async function firstLink(page, pattern) {
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  return hrefs.find((href) => pattern.test(href));
}

async function everyPath(page, tenant) {
  const plans = await (await page.request.get(`${server.base}/api/v1/tenants/${tenant}/plans`)).json();
  const paths = ['/', '/admin/users', '/admin/malstruktur', '/admin/organisation', '/plattform', '/utfall/import',
    '/finns-inte', '/ekonomi/socialnamnden', '/ekonomi/huvudbok', '/ekonomi/socialnamnden/manader',
    '/ekonomi/socialnamnden/scenario'];
  for (const plan of plans) {
    const base = `/planer/${plan.id}`;
    paths.push(base, `${base}/uppfoljning`, `${base}/nytt-mal`, `${base}/nytt-uppdrag`);
    await page.goto(`${server.base}${base}`);
    await page.locator('h1').waitFor();
    const goal = await firstLink(page, /\/planer\/[^/]+\/mal\//);
    const indicator = await firstLink(page, /^\/indikatorer\/[^/]+$/);
    const assignment = await firstLink(page, /\/planer\/[^/]+\/uppdrag\//);
    paths.push(...[goal, indicator, indicator && `${indicator}/utfall`, assignment].filter(Boolean));
    // The goal's sheet of outcomes, as its editors see it.
    if (goal) paths.push(`${base}/utfall?mal=${encodeURIComponent(goal.split('/').pop())}`);
  }
  // Every kind of page was reached through some plan (Södertälje's plan has no uppdrag).
  for (const kind of [/\/mal\//, /^\/indikatorer\/[^/]+$/, /\/utfall$/]) {
    assert.ok(paths.some((path) => kind.test(path)), `a page matching ${kind}`);
  }
  return paths;
}

for (const [tenant, tenantName] of [['norrtalje', 'Norrtälje kommun'], ['sodertalje', 'Södertälje kommun']]) {
  test(`no page of ${tenantName} overflows at 390 or 1400 px`, async () => {
    const page = await newPage(browser);
    await login(page, server.base, tenantName, 'platform@malbild.example');
    await page.waitForURL(`${server.base}/`);
    const paths = await everyPath(page, tenant);
    const wide = [];
    for (const width of [390, 1400]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        await page.goto(`${server.base}${path}`);
        const extra = await overflow(page);
        if (extra > 0) wide.push(`${path} at ${width} px: ${extra} px too wide`);
      }
    }
    assert.deepEqual(wide, [], `pages wider than the window:\n${wide.join('\n')}`);
  });
}

test('the login page fits a phone', async () => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${server.base}/login`);
  assert.equal(await overflow(page), 0);
});
