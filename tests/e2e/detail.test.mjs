// End to end, on the RELEASE bundle (`trunk build --release` → dist/): a merchant on a
// customer's page (deep link `?viewport=stripe.dashboard.customer.detail&object=cus_…`) edits
// its metadata, sets up Amazon Pay and answers the redirect as the customer on the preview
// host, subscribes the customer to a price, sees the subscription and its invoice, cancels it;
// a view-only user sees the actions disabled with the reason. Screenshots:
// target/e2e/detail-*.png. Run: node --test tests/e2e/detail.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';
import { releaseBundle, drawer, SHOTS } from './harness.mjs';

const DETAIL = '?viewport=stripe.dashboard.customer.detail';
const env = releaseBundle();

const shot = (page, name) => page.screenshot({ path: `${SHOTS}detail-${name}.png` });
// Scrolls the drawer to `locator` and waits for the toasts to go, so the shot shows the content.
async function showing(page, locator) {
  await drawer(page).locator('.toast').first().waitFor({ state: 'detached', timeout: 15000 });
  await locator.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

// The ids of the customers on the list's first page, newest first.
async function customerIds() {
  const { page } = await openPage(env.browser, `${env.server.url}/?viewport=stripe.dashboard.customer.list`);
  const rows = drawer(page).locator('.customer-row');
  await rows.first().waitFor({ timeout: 15000 });
  const ids = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')));
  await page.close();
  return ids;
}

async function openCustomer(id, role = '') {
  const opened = await openPage(env.browser, `${env.server.url}/${DETAIL}&object=${id}${role && `&role=${role}`}`);
  await drawer(opened.page).locator('.profile-head h2').waitFor({ timeout: 15000 });
  return opened;
}

test('a merchant edits, sets up Amazon Pay, subscribes and cancels from the customer page', async () => {
  const [id] = await customerIds();
  const { page, problems } = await openCustomer(id);
  const d = drawer(page);
  await d.locator('.section-subscriptions h3').waitFor();
  await d.locator('.payment-method, .section-payment-methods .secondary').first().waitFor();
  await shot(page, 'profile');

  // Edit metadata.
  await d.getByRole('button', { name: 'Edit details' }).click();
  await d.getByRole('button', { name: 'Add metadata' }).click();
  const row = d.locator('.metadata-row').last();
  await row.locator('input').nth(0).fill('plan_owner');
  await row.locator('input').nth(1).fill('finance@example.com');
  await d.getByRole('button', { name: 'Save' }).click();
  await d.getByText('Customer updated').waitFor();
  assert.match(await d.locator('body').innerText(), /plan_owner[\s\S]*finance@example\.com/);

  // Set up Amazon Pay: the link for the customer, answered on the host page as the customer.
  const amazonBefore = await d.locator('.payment-method[data-type="amazon_pay"]').count();
  await d.getByRole('button', { name: 'Set up Amazon Pay' }).click();
  await d.getByLabel("Customer's IP address when they accepted").fill('203.0.113.7');
  await d.getByRole('button', { name: 'Create authorization link' }).click();
  const link = d.locator('.setup-status a.link');
  await link.waitFor();
  assert.match(await link.getAttribute('href'), /amazon_pay\/authorize\?setup_intent=seti_/);
  assert.match(await d.locator('.setup-status').innerText(), /Waiting for the customer to authorize/);
  await page.getByText('Waiting for the customer (demo)').waitFor();
  await shot(page, 'amazon-pay-link');
  await page.getByRole('button', { name: 'Authorize as the customer' }).click();
  await d.getByText('Amazon Pay is set up').waitFor({ timeout: 10000 });
  await d.getByText('Amazon Pay saved for future payments').waitFor();
  await shot(page, 'amazon-pay-done');
  await d.getByRole('button', { name: 'Done' }).click();
  await d.locator('.payment-method[data-type="amazon_pay"]').nth(amazonBefore).waitFor();

  // Subscribe to a price, paid with the new Amazon Pay method.
  await d.getByRole('button', { name: 'Subscribe to a price' }).click();
  const price = d.getByLabel('Price', { exact: true });
  await price.waitFor();
  const priceLabel = (await price.locator('option:checked').innerText()).trim();
  assert.match(priceLabel, /^.+ — .+ (\/|every) /, `a product and its amount per interval: ${priceLabel}`);
  await d.getByLabel('Payment method', { exact: true }).selectOption({ label: 'Amazon Pay' });
  await d.getByRole('button', { name: 'Subscribe', exact: true }).click();
  const created = d.locator('.subscribed');
  await created.waitFor();
  const subId = await created.getAttribute('data-id');
  const invoiceId = await d.locator('.first-invoice').getAttribute('data-id');
  assert.match(await d.locator('.first-invoice').innerText(), /^First invoice\s+\S+\s+— \S+\s+Paid$/);
  await shot(page, 'subscribed');
  await d.getByRole('button', { name: 'Done' }).click();

  // The subscription and its invoice are listed.
  const subRow = d.locator('tr', { has: d.locator(`.subscription[data-id="${subId}"]`) });
  await subRow.waitFor();
  assert.match(await subRow.innerText(), /Active/);
  await d.locator(`.invoice[data-id="${invoiceId}"]`).waitFor();
  await showing(page, d.locator('.section-subscriptions'));
  await shot(page, 'sections');

  // Cancel it, after the confirmation.
  await subRow.getByRole('button', { name: 'Cancel' }).click();
  await d.getByText('Cancel subscription?').waitFor();
  await shot(page, 'cancel-confirm');
  await d.getByRole('button', { name: 'Cancel subscription' }).click();
  await d.locator(`.subscription[data-id="${subId}"][data-ended="true"]`).waitFor();
  assert.match(await subRow.innerText(), /Canceled/);
  await d.getByText('Subscription canceled').waitFor();
  await showing(page, d.locator('.section-subscriptions'));
  await shot(page, 'canceled');
  assert.deepEqual(problems, []);
});

// Every customer of the host's customer picker, oldest first (those have billing history).
async function allCustomerIds() {
  const { page } = await openPage(env.browser, `${env.server.url}/${DETAIL}`);
  const picker = page.locator('.preview-bar select').nth(1);
  await picker.locator('option').nth(1).waitFor({ state: 'attached', timeout: 15000 });
  const ids = await picker.locator('option').evaluateAll((os) => os.map((o) => o.value));
  await page.close();
  return ids.reverse();
}

test('a view-only user sees the actions disabled, with the reason', async () => {
  for (const id of await allCustomerIds()) {
    const { page, problems } = await openCustomer(id, 'view_only');
    const d = drawer(page);
    await d.locator('.subscription, .section-subscriptions .secondary').first().waitFor();
    if (await d.locator('.subscription[data-ended="false"]').count() === 0) { await page.close(); continue; }
    for (const [name, permission] of [['Set up Amazon Pay', 'setup_intent_write'],
      ['Subscribe to a price', 'subscription_write'], ['Cancel', 'subscription_write']]) {
      const button = d.getByRole('button', { name, exact: true }).first();
      assert.ok(await button.isDisabled(), `${name} is disabled`);
      const why = await button.getAttribute('title');
      assert.ok(why.includes(permission) && why.includes('View only'), `${name}: ${why}`);
    }
    assert.match(await d.locator('.billing-actions + .action-refusal').first().innerText(), /needs setup_intent_write/);
    await shot(page, 'view-only');
    await showing(page, d.locator('.section-subscriptions'));
    await shot(page, 'view-only-cancel');
    assert.deepEqual(problems, []);
    return;
  }
  assert.fail('no customer on the first page has a live subscription');
});
