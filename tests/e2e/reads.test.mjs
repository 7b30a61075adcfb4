// How the extension reads, seen from the backend. The bootstrap in extension.html starts the
// view's first API call while the wasm downloads (src/bridge/prefetch.rs): on a desktop-like
// throttled network, the list's first page and the detail's customer each reach the backend
// once, before the extension's wasm has started, and the view shows them. Switching back to a
// view reads from the cache of recent reads (src/api/cache.rs), until a write clears it.
// Release bundle, the preview host forwarding to a local Stripe-shaped endpoint (the
// benchmark's customers). Run: node --test tests/e2e/reads.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { serve } from './serve.mjs';
import { launch, problemsOf } from './browser.mjs';
import { DIST, drawer } from './harness.mjs';
import { listPage, customer } from '../../bench/customers.mjs';

const seen = []; // { method, url, at } as the backend received them
let backend, site, browser;

before(async () => {
  backend = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, at: Date.now() });
    const url = new URL(req.url, 'http://x');
    const json = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': 'req_e2e' });
      res.end(JSON.stringify(body));
    };
    const one = url.pathname.match(/^\/v1\/customers\/(cus_bench(\d+))$/);
    if (req.method === 'POST' && one) json(200, customer(Number(one[2]))); // an edit, echoed
    else if (req.method !== 'GET') json(405, { error: { type: 'invalid_request_error', message: 'test backend: reads and customer edits only' } });
    else if (url.pathname === '/v1/customers') json(200, listPage(30, Number(url.searchParams.get('limit') ?? 10), url.searchParams.get('starting_after')));
    else if (one) json(200, customer(Number(one[2])));
    // The detail's billing sections and the list's summary: empty lists.
    else json(200, { object: 'list', data: [], has_more: false, url: url.pathname });
  });
  await new Promise((ok) => backend.listen(0, '127.0.0.1', ok));
  const target = `http://127.0.0.1:${backend.address().port}/`;
  site = await serve(DIST, { proxy: { prefix: '/__stripe/', target, headers: { authorization: 'Bearer sk_test_e2e' } } });
  browser = await launch(['--disable-features=IsolateSandboxedIframes']);
});
after(async () => { await browser?.close(); site?.close(); backend?.close(); });

// Opens `path` on a 40 ms RTT, 10 Mbit/s network (Lighthouse's desktop preset), noting when
// the extension's wasm has started (trunk's TrunkApplicationStarted, after `main`).
async function coldOpen(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => addEventListener('TrunkApplicationStarted', () => { window.__started = Date.now(); }));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 1310720, uploadThroughput: 1310720 });
  const problems = problemsOf(page);
  seen.length = 0;
  await page.goto(`${site.url}${path}&backend=forward`);
  return { context, page, problems, started: () => drawer(page).locator('body').evaluate(() => window.__started) };
}

test('the list\'s first page is fetched once, before the extension\'s wasm has started', async () => {
  const { context, page, problems, started } = await coldOpen('/?viewport=stripe.dashboard.customer.list');
  const rows = drawer(page).locator('.customer-row');
  await rows.nth(9).waitFor({ timeout: 30000 });
  assert.equal(await rows.count(), 10);
  assert.equal((await rows.first().locator('.link').innerText()).trim(), 'Customer 0');
  const first = seen.filter((r) => r.url === '/v1/customers?limit=10');
  assert.equal(first.length, 1, `the first page is asked once, not again by the view: ${JSON.stringify(seen)}`);
  const t = await started();
  assert.ok(t, 'the extension started');
  assert.ok(first[0].at < t, `the first page reached the backend ${first[0].at - t} ms relative to the wasm's start`);
  // Paging on is a fresh call, not the prefetched answer.
  await drawer(page).getByRole('button', { name: 'Next' }).click();
  await drawer(page).getByText('Customer 10', { exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the detail\'s customer is fetched once, before the wasm has started, and shown', async () => {
  const { context, page, problems, started } = await coldOpen('/?viewport=stripe.dashboard.customer.detail&object=cus_bench00003');
  await drawer(page).locator('.profile-head h2', { hasText: 'Customer 3' }).waitFor({ timeout: 30000 });
  // The profile takes the prefetched answer; the billing sections start once it is shown
  // (the payment methods section reads the customer again, for its default method).
  const sections = seen.findIndex((r) => r.url.startsWith('/v1/subscriptions'));
  assert.ok(sections > 0, JSON.stringify(seen));
  const asked = seen.slice(0, sections).filter((r) => r.url === '/v1/customers/cus_bench00003');
  assert.equal(asked.length, 1, `the profile's customer is asked once: ${JSON.stringify(seen)}`);
  assert.ok(asked[0].at < await started(), 'asked before the wasm started');
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching back to a view reads from the cache until a write clears it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = problemsOf(page);
  seen.length = 0;
  await page.goto(`${site.url}/?viewport=stripe.dashboard.customer.detail&object=cus_bench00003&backend=forward`);
  const d = drawer(page);
  await d.getByRole('button', { name: 'Edit details' }).waitFor({ timeout: 30000 });
  await page.selectOption('#viewport-select', 'stripe.dashboard.customer.list');
  await d.locator('.customer-row').nth(9).waitFor();
  const pageReads = () => seen.filter((r) => r.url === '/v1/customers?limit=10').length;
  assert.equal(pageReads(), 1);

  await page.selectOption('#viewport-select', 'stripe.dashboard.customer.detail');
  await d.getByRole('button', { name: 'Edit details' }).waitFor();
  await page.selectOption('#viewport-select', 'stripe.dashboard.customer.list');
  await d.locator('.customer-row').nth(9).waitFor();
  assert.equal(pageReads(), 1, 'back on the list: its page came from the cache');

  await page.selectOption('#viewport-select', 'stripe.dashboard.customer.detail');
  await d.getByRole('button', { name: 'Edit details' }).click();
  const dialog = d.getByRole('dialog', { name: 'Edit details' });
  await dialog.getByLabel('Description').fill('Changed in the drawer');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.ok(seen.some((r) => r.method === 'POST' && r.url === '/v1/customers/cus_bench00003'));
  await page.selectOption('#viewport-select', 'stripe.dashboard.customer.list');
  await d.locator('.customer-row').nth(9).waitFor();
  assert.equal(pageReads(), 2, 'after the edit the list asks the backend again');
  assert.deepEqual(problems, []);
  await context.close();
});
