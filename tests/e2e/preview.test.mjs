// End to end, on the RELEASE bundle (`trunk build --release` → dist/): the preview host loads
// the production extension in its sandboxed drawer, and the extension lists the demo account's
// customers through the bridge. Run: node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { openPage } from './browser.mjs';
import { releaseBundle, drawer, DIST, SHOTS } from './harness.mjs';

const env = releaseBundle();


test('the customer list renders demo customers in the drawer', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url}/?viewport=stripe.dashboard.customer.list`);
  const rows = drawer(page).locator('.customer-row');
  await rows.first().waitFor({ timeout: 15000 });
  assert.equal(await rows.count(), 10);
  const names = await drawer(page).locator('.customer-row .link').allInnerTexts();
  assert.ok(names.every((n) => n.trim().length > 0), `every row names a customer: ${names}`);
  assert.equal(new Set(names).size, 10, 'ten different customers');
  const badges = await drawer(page).locator('.customer-row .badge').allInnerTexts();
  assert.equal(badges.length, 10);
  await page.screenshot({ path: `${SHOTS}customer-list.png` });
  // Next / Previous pages.
  await drawer(page).getByRole('button', { name: 'Next' }).click();
  await drawer(page).locator('.customer-row .link').first().filter({ hasNotText: names[0] }).waitFor();
  const page2 = await drawer(page).locator('.customer-row .link').allInnerTexts();
  assert.ok(page2.every((n) => !names.includes(n)), 'page 2 shows other customers');
  await drawer(page).getByRole('button', { name: 'Previous' }).click();
  await drawer(page).locator('.customer-row .link').first().filter({ hasText: names[0] }).waitFor();
  assert.deepEqual(problems, []);
});

test('opening a customer switches the drawer to its detail view and deep link', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url}/?viewport=stripe.dashboard.customer.list`);
  const first = drawer(page).locator('.customer-row .link').first();
  await first.waitFor({ timeout: 15000 });
  const name = (await first.innerText()).trim();
  await first.click();
  await drawer(page).locator('.profile-head h2', { hasText: name }).waitFor();
  assert.match(page.url(), /viewport=stripe\.dashboard\.customer\.detail&object=cus_/);
  assert.match(await page.locator('.dash-page h1').innerText(), /^Customer cus_/);
  await page.screenshot({ path: `${SHOTS}customer-detail.png` });
  // The deep link reopens the same state.
  const again = await openPage(env.browser, page.url());
  await drawer(again.page).locator('.profile-head h2', { hasText: name }).waitFor({ timeout: 15000 });
  assert.deepEqual([...problems, ...again.problems], []);
});

test('live mode is marked and shows the empty live account', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url}/?viewport=stripe.dashboard.customer.list`);
  await drawer(page).locator('.customer-row').first().waitFor({ timeout: 15000 });
  await page.locator('#live-toggle').check();
  await drawer(page).getByText('No customers yet').waitFor();
  assert.match(await page.locator('.mode-strip').innerText(), /LIVE MODE/);
  assert.match(page.url(), /mode=live/);
  assert.deepEqual(problems, []);
});

test('settings show the manifest permissions and connect-src to the signed-in user', async () => {
  const manifest = JSON.parse(await readFile(new URL('../../stripe-app.json', import.meta.url)));
  const { page, problems } = await openPage(env.browser, `${env.server.url}/?viewport=app.settings&role=view_only`);
  const chips = drawer(page).locator('.chip');
  await chips.first().waitFor({ timeout: 15000 });
  assert.deepEqual(await chips.allInnerTexts(), manifest.permissions.map((p) => p.permission));
  const text = await drawer(page).locator('body').innerText();
  for (const url of manifest.ui_extension.content_security_policy['connect-src']) assert.ok(text.includes(url));
  assert.match(text, /Ana Souza/);
  assert.match(text, /View only/);
  await page.screenshot({ path: `${SHOTS}settings.png` });
  assert.deepEqual(problems, []);
});

test('a view-only user sees Edit disabled with the reason; an admin can open the editor', async () => {
  const url = (role) => `${env.server.url}/?viewport=stripe.dashboard.customer.detail&role=${role}`;
  const viewer = await openPage(env.browser, url('view_only'));
  const edit = drawer(viewer.page).getByRole('button', { name: 'Edit details' });
  await edit.waitFor({ timeout: 15000 });
  assert.ok(await edit.isDisabled());
  const why = await drawer(viewer.page).locator('.refusal').innerText();
  assert.match(why, /customer_write/);
  assert.match(why, /View only/);
  await viewer.page.screenshot({ path: `${SHOTS}view-only.png` });
  const admin = await openPage(env.browser, url('admin'));
  await drawer(admin.page).getByRole('button', { name: 'Edit details' }).click();
  await drawer(admin.page).getByRole('dialog', { name: 'Edit details' }).waitFor();
  assert.deepEqual([...viewer.problems, ...admin.problems], []);
});

test('the production extension opened without a host says so', async () => {
  const { page } = await openPage(env.browser, `${env.server.url}/extension/index.html`);
  await page.getByText('No Dashboard host answered').waitFor({ timeout: 15000 });
});

test('the production bundle carries no host and no demo data', async () => {
  const { page } = await openPage(env.browser, `${env.server.url}/?viewport=stripe.dashboard.customer.list`);
  await drawer(page).locator('.customer-row').first().waitFor({ timeout: 15000 });
  const names = await drawer(page).locator('.customer-row .link').allInnerTexts();
  const wasm = async (dir) => {
    const file = (await readdir(dir)).find((f) => f.endsWith('.wasm'));
    return (await readFile(`${dir}${file}`)).toString('latin1');
  };
  const host = await wasm(DIST), extension = await wasm(`${DIST}extension/`);
  // Seed names are built from word lists, so look for their longer words.
  // Only personal names (a nameless customer shows its email, whose words can be generic).
  const words = [...new Set(names.filter((n) => !n.includes('@'))
    .flatMap((n) => n.split(/[^\p{L}']+/u))
    .filter((w) => w.length >= 5 && /^[A-Z][a-z]+$/.test(w)))];
  assert.ok(words.length >= 3, `enough distinctive words to check: ${words}`);
  for (const word of words) {
    assert.ok(host.includes(word), `the preview host embeds the demo word ${word}`);
    assert.ok(!extension.includes(word), `the production extension must not embed ${word}`);
  }
  assert.ok(host.includes('Rocket Rides'));
  // No url or regex crate in the bundle (Leptos depends on both, LTO must drop them; the CSP
  // guard uses the browser's URL parser). Their own error messages would give them away.
  for (const telltale of ['relative URL without a base', 'invalid IPv6 address', 'regex parse error']) {
    assert.ok(!extension.includes(telltale), `the url/regex crate is in the production bundle ("${telltale}")`);
  }
  assert.ok(!extension.includes('Rocket Rides'), 'no demo account name in the production bundle');
});
