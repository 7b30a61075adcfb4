// The preview host forwarding to a real Stripe-compatible backend instead of the demo account:
// localstripe (tests/localstripe/serve.py, on 127.0.0.1, stopped by PID) behind a proxy that
// adds the key, as trunk's [[proxy]] from Trunk.local.toml does. Release bundle, Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import { serve } from './serve.mjs';
import { launch, openPage } from './browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const SERVE_PY = new URL('../localstripe/serve.py', import.meta.url).pathname;
const KEY = 'Bearer sk_test_localstripe';
let backend, api, proxied, plain, browser;
const created = [];

async function startLocalstripe() {
  const python = process.env.LOCALSTRIPE_PYTHON;
  if (!python) throw new Error('LOCALSTRIPE_PYTHON is unset: run scripts/test.sh, or `source scripts/setup.sh` first');
  // stdin stays open: serve.py exits when it closes, so it can't outlive this process.
  const child = spawn(python, [SERVE_PY, '0'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const first = await new Promise((ok, fail) => {
    createInterface({ input: child.stdout }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`localstripe exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${Number(first)}/` };
}

const call = async (method, path, form) => {
  const res = await fetch(api + path, {
    method,
    headers: { Authorization: KEY, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return res.json();
};

before(async () => {
  await readFile(`${DIST}extension/index.html`).catch(() => {
    throw new Error('dist/extension/index.html is missing: run `trunk build --release` first');
  });
  backend = await startLocalstripe();
  api = backend.url.replace(/\/$/, '');
  for (const [name, email] of [['Ada Forwarded', 'ada@fwd.example'], ['Brook Forwarded', 'brook@fwd.example']]) {
    created.push(await call('POST', '/v1/customers', { name, email }));
  }
  proxied = await serve(DIST, { proxy: { prefix: '/__stripe/', target: backend.url, headers: { authorization: KEY } } });
  plain = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  proxied?.close();
  plain?.close();
  if (backend) {
    // Closing stdin ends serve.py cleanly; the PID is the fallback.
    const exited = new Promise((ok) => backend.child.once('exit', ok));
    backend.child.stdin.end();
    const timer = setTimeout(() => process.kill(backend.child.pid), 3000);
    await exited;
    clearTimeout(timer);
  }
});

const drawer = (page) => page.frameLocator('#extension-frame');

test('with backend=forward the list shows the backend\'s customers, not the demo account\'s', async () => {
  const { page, problems } = await openPage(browser, `${proxied.url}/?viewport=stripe.dashboard.customer.list&backend=forward`);
  const names = drawer(page).locator('.customer-row .link');
  await names.first().waitFor({ timeout: 15000 });
  assert.deepEqual((await names.allInnerTexts()).map((n) => n.trim()).sort(), ['Ada Forwarded', 'Brook Forwarded']);
  assert.equal(await page.locator('#backend-select').inputValue(), 'forward');
  assert.deepEqual(problems, []);
});

test('an edit saved in the drawer reaches the backend', async () => {
  const target = created[0];
  const { page, problems } = await openPage(browser,
    `${proxied.url}/?viewport=stripe.dashboard.customer.detail&object=${target.id}&backend=forward`);
  await drawer(page).getByRole('button', { name: 'Edit details' }).click({ timeout: 15000 });
  const dialog = drawer(page).getByRole('dialog', { name: 'Edit details' });
  await dialog.getByLabel('Description').fill('Forwarded through the preview');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  const stored = await call('GET', `/v1/customers/${target.id}`);
  assert.equal(stored.description, 'Forwarded through the preview');
  // localstripe lags the API: it refuses some of the detail page's section queries (e.g. the
  // payment intents' customer filter, or prices: 400/404), which the sections show as their own
  // errors.
  // Those are the browser's network log lines, not page errors.
  await drawer(page).getByText(/Unexpected customer/).first().waitFor();
  const network4xx = /^console: Failed to load resource: the server responded with a status of 4\d\d /;
  assert.deepEqual(problems.filter((p) => !network4xx.test(p)), []);
});

test('live mode is never forwarded, and says why', async () => {
  const { page } = await openPage(browser, `${proxied.url}/?viewport=stripe.dashboard.customer.list&backend=forward&mode=live`);
  await drawer(page).getByText(/does not forward live-mode calls/).waitFor({ timeout: 15000 });
});

test('forwarding without a proxy on the server names the fix', async () => {
  const { page } = await openPage(browser, `${plain.url}/?viewport=stripe.dashboard.customer.list&backend=forward`);
  await drawer(page).getByText(/Trunk\.local\.toml/).waitFor({ timeout: 15000 });
});
