// End to end, on the RELEASE bundle: the settings page saves the app's settings in the Secret
// Store of the preview's demo account, and they survive the extension being re-opened (another
// viewport and back) and its frame being reloaded. The demo account lives in the host page, so
// a reload of the whole preview starts a fresh account. Run: node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';
import { releaseBundle, drawer, SHOTS } from './harness.mjs';

const ENDPOINT = 'https://sync.customer-sync.example/api/customers';
const env = releaseBundle();

const settingsUrl = (role) => `${env.server.url}/?viewport=app.settings&role=${role}`;

// The form's three controls, by their labels.
function fields(page) {
  const d = drawer(page);
  return {
    endpoint: d.getByLabel('Sync endpoint URL'),
    price: d.getByLabel('Default price for new subscriptions'),
    sync: d.getByRole('switch', { name: 'Sync customer on save' }),
    save: d.getByRole('button', { name: 'Save' }),
  };
}

async function expectSaved(page, price) {
  const f = fields(page);
  await f.endpoint.waitFor({ timeout: 15000 });
  await drawer(page).locator('.settings-form select option').nth(1).waitFor({ state: 'attached' });
  assert.equal(await f.endpoint.inputValue(), ENDPOINT);
  assert.equal(await f.price.inputValue(), price);
  assert.equal(await f.sync.getAttribute('aria-checked'), 'true');
}

test('saved settings survive re-opening the extension and reloading its frame', async () => {
  const { page, problems } = await openPage(env.browser, settingsUrl('admin'));
  const f = fields(page);
  await f.endpoint.waitFor({ timeout: 15000 });
  assert.equal(await f.endpoint.inputValue(), '', 'nothing saved yet: the defaults');
  await f.endpoint.fill(ENDPOINT);
  await f.sync.click();
  await f.price.selectOption({ index: 1 });
  const price = await f.price.inputValue();
  assert.match(price, /^price_/);
  await f.save.click();
  await drawer(page).locator('.settings-status', { hasText: 'Saved.' }).waitFor();
  await drawer(page).locator('.toast-success', { hasText: 'Settings saved' }).waitFor();
  await page.screenshot({ path: `${SHOTS}settings-saved.png` });

  // Another viewport, then back, through the toolbar: the view is mounted again and reads them.
  await page.locator('#viewport-select').selectOption('stripe.dashboard.customer.list');
  await drawer(page).locator('.customer-row').first().waitFor({ timeout: 15000 });
  await page.locator('#viewport-select').selectOption('app.settings');
  await expectSaved(page, price);

  // The extension's frame reloaded: a new extension realm, the same host and account.
  const reloaded = page.waitForEvent('framenavigated', (fr) => fr.url().includes('extension/'));
  await page.evaluate(() => {
    const frame = document.getElementById('extension-frame');
    frame.setAttribute('src', frame.getAttribute('src'));
  });
  await reloaded;
  await expectSaved(page, price);
  assert.deepEqual(problems, []);
});

test('an endpoint outside connect-src shows the guard\'s reason before saving', async () => {
  const { page, problems } = await openPage(env.browser, settingsUrl('developer'));
  const f = fields(page);
  await f.endpoint.waitFor({ timeout: 15000 });
  await f.endpoint.fill('https://evil.example/hook');
  const error = drawer(page).locator('.settings-form .field-error');
  await error.waitFor();
  assert.match(await error.innerText(), /no connect-src entry matches https:\/\/evil\.example/);
  assert.ok(await f.save.isDisabled(), 'Save is refused while the URL is');
  await f.endpoint.fill('https://sync.customer-sync.example/admin');
  await error.filter({ hasText: 'path /admin is outside' }).waitFor();
  await f.endpoint.fill(ENDPOINT);
  await error.waitFor({ state: 'detached' });
  assert.ok(await f.save.isEnabled());
  assert.deepEqual(problems, []);
});

test('a view-only user sees the settings disabled, with the permission named', async () => {
  const { page, problems } = await openPage(env.browser, settingsUrl('view_only'));
  const f = fields(page);
  await f.endpoint.waitFor({ timeout: 15000 });
  const why = await drawer(page).locator('.banner-caution').innerText();
  assert.match(why, /You can't change these settings/);
  assert.match(why, /secret_write/);
  assert.match(why, /View only/);
  for (const control of [f.endpoint, f.price, f.sync, f.save]) assert.ok(await control.isDisabled());
  await page.screenshot({ path: `${SHOTS}settings-view-only.png` });
  assert.deepEqual(problems, []);
});
