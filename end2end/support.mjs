// Shared set-up for the end-to-end tests: the server (MALBILD_BIN, by default the release
// build) on a scratch SQLite database with the demo tenants, and Debian's Chromium driven by
// playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const PASSWORD = 'e2e-demo-password';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binary = process.env.MALBILD_BIN || join(root, 'target/release/malbild');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts `malbild serve` from the repository root, as production runs it. */
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'malbild-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite://${dir}/e2e.sqlite3?mode=rwc`,
    MALBILD_DEMO_PASSWORD: PASSWORD,
    MALBILD_ADDR: `127.0.0.1:${port}`,
    RUST_LOG: 'warn',
  };
  execFileSync(binary, ['seed', '--demo'], { cwd: root, env, stdio: 'ignore' });
  const child = spawn(binary, ['serve'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  let exited = null;
  child.once('exit', (code, signal) => { exited = signal || `exit code ${code}`; });
  const base = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 300 && !up && exited === null; i++) {
    try {
      up = (await fetch(`${base}/login`)).ok;
    } catch { /* not up yet */ }
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  if (!up) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(exited === null
      ? `malbild serve did not answer ${base}/login within 30 s`
      : `malbild serve ended before it answered (${exited})`);
  }
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh page; browser console errors fail the test that reads `errors`. */
export async function newPage(browser) {
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(err.message));
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  return page;
}

/** Signs in through the login form like a user would. */
export async function login(page, base, tenantName, email, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Kommun').selectOption({ label: tenantName });
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Waits until the WebAssembly bundle has hydrated the page. */
export async function hydrated(page) {
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 15000 });
}

/** Imports Södertälje's October 2025 outcomes of nämndmål 5's indicators through the import
 * page: budget adherence within its band, two more on target, one short. */
export async function importSodertaljeOctober(page, base) {
  await page.goto(`${base}/utfall/import`);
  await hydrated(page);
  const buffer = Buffer.from('indicator;period;value\n'
    + 'budgetfoljsamhet;2025-10;0,3\navtalstrohet;2025-10;81\n'
    + 'e-ansokningar-ekonomiskt-bistand;2025-10;31\nomvandlingsgrad-sociala-kontrakt;2025-10;40\n');
  await page.getByLabel('Fil').setInputFiles({ name: 'oktober.csv', mimeType: 'text/csv', buffer });
  await page.getByRole('button', { name: 'Importera' }).click();
  await page.locator('[data-import="done"]').waitFor();
}
