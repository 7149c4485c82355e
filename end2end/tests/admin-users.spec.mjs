// Admins reach the user list from the menu; other roles are refused by the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, hydrated } from '../support.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('admin opens the user list from the menu', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'admin@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await hydrated(page);
  await page.getByRole('button', { name: /Användarmeny/ }).click();
  await page.getByRole('link', { name: 'Administrera användare' }).click();
  await page.waitForURL(`${server.base}/admin/users`);
  await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
  const rows = page.locator('table.data tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  const text = await page.locator('table.data').innerText();
  for (const email of ['admin@sodertalje.example', 'editor@sodertalje.example', 'viewer@sodertalje.example']) {
    assert.match(text, new RegExp(email.replace('.', '\\.')));
  }
  assert.match(text, /Administratör/);
  assert.match(text, /\d{4}-\d{2}-\d{2}/, 'Swedish (ISO) dates');

  // Adding a user: a short password is refused by the server, then the user is listed.
  await hydrated(page);
  await page.getByLabel('E-postadress').fill('controller@sodertalje.example');
  await page.getByLabel('Namn').fill('Cecilia Controller');
  await page.getByLabel('Roll').selectOption('editor');
  const password = page.getByLabel('Första lösenord (minst 12 tecken)');
  await password.evaluate((input) => input.removeAttribute('minlength'));
  await password.fill('kort');
  await page.getByRole('button', { name: 'Lägg till användare' }).click();
  assert.equal(await page.getByRole('alert').innerText(), 'Lösenord: måste vara minst 12 tecken (är 4)');
  // The server said what was wrong as a code: the message follows the page's language.
  await page.getByRole('button', { name: /Användarmeny/ }).click();
  await page.getByRole('button', { name: 'Language: English' }).click();
  await page.getByRole('alert').filter({ hasText: 'Password: must be at least 12 characters (is 4)' }).waitFor();
  await page.getByRole('button', { name: 'Språk: svenska' }).click(); // the menu stays open
  await page.getByRole('alert').filter({ hasText: 'Lösenord: måste vara minst 12 tecken (är 4)' }).waitFor();
  await password.fill('ett-långt-lösenord');
  await page.getByRole('button', { name: 'Lägg till användare' }).click();
  await page.getByRole('status').filter({ hasText: 'Användaren är tillagd.' }).waitFor();
  assert.equal(await rows.count(), 4);
  assert.match(await page.locator('table.data').innerText(), /controller@sodertalje\.example\s+Cecilia Controller\s+Redigerare/);
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
});

test('a viewer who types the admin address is refused', async () => {
  const page = await newPage(browser);
  await login(page, server.base, 'Södertälje kommun', 'viewer@sodertalje.example');
  await page.waitForURL(`${server.base}/`);
  await page.goto(`${server.base}/admin/users`);
  await page.getByRole('alert').filter({ hasText: 'Du har inte behörighet' }).waitFor();
  assert.equal(await page.locator('table.data').count(), 0);
});
