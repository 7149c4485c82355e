// Sign in, see the tenant home, use the hydrated user menu, sign out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('signed-out visitors land on the login page', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/`);
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await page.title(), 'Logga in – Målbild');
});

test('log in, see the tenant home, switch language in the menu, log out', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Norrtälje kommun', 'editor@norrtalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.getByRole('heading', { level: 1, name: 'Norrtälje kommun' }).waitFor();
  await page.getByRole('heading', { name: 'Socialnämnden' }).waitFor();
  for (const dept of ['Barn och unga', 'Vuxna', 'Förvaltningsledning']) {
    assert.equal(await page.getByRole('listitem').filter({ hasText: new RegExp(`^${dept}$`) }).count(), 1, dept);
  }

  // The user menu only opens once the WebAssembly bundle has hydrated the page.
  await page.reload();
  await hydrated(page);
  const menuButton = page.getByRole('button', { name: /Användarmeny/ });
  assert.equal(await menuButton.getAttribute('aria-expanded'), 'false');
  await menuButton.click();
  assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
  const panel = page.locator('#user-menu-panel');
  assert.ok(await panel.isVisible());
  assert.match(await panel.innerText(), /editor@norrtalje\.example/);
  assert.match(await panel.innerText(), /Redigerare/);
  assert.equal(await panel.getByRole('link', { name: 'Administrera användare' }).count(), 0, 'no admin link for editors');

  // Escape closes it, clicking opens it again.
  await page.keyboard.press('Escape');
  assert.ok(!(await panel.isVisible()));
  await menuButton.click();

  // Switching language re-renders in place, and is remembered by the server.
  await page.getByRole('button', { name: 'Language: English' }).click();
  await page.getByRole('heading', { name: 'Councils' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.reload();
  await page.getByRole('heading', { name: 'Departments' }).first().waitFor();
  await hydrated(page);
  await page.getByRole('button', { name: /User menu/ }).click();
  await page.getByRole('button', { name: 'Språk: svenska' }).click();
  await page.getByRole('heading', { name: 'Nämnder' }).waitFor();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.waitForURL(`${server.base}/login`);
  await page.goto(`${server.base}/`);
  assert.equal(new URL(page.url()).pathname, '/login', 'session is gone');
  assert.deepEqual(page.errors, []);
});

test('a wrong password shows one generic message', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/login`);
  await hydrated(page);
  await login(page, server.base, 'Södertälje kommun', 'admin@sodertalje.example', 'not the password');
  await page.getByRole('alert').filter({ hasText: 'Fel kommun, e-postadress eller lösenord.' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
});
