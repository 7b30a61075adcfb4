// End to end, on the RELEASE bundle (`trunk build --release` → dist/): a merchant uses the
// customer list in the preview host's drawer: search, open, the status filter and the page
// size. Run: node --test tests/e2e/list.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';
import { releaseBundle, drawer, SHOTS } from './harness.mjs';

const LIST = '/?viewport=stripe.dashboard.customer.list';
const env = releaseBundle();


test('a merchant finds a customer by email and opens it', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url}${LIST}`);
  const d = drawer(page);
  const rows = d.locator('.customer-row');
  await rows.first().waitFor({ timeout: 15000 });
  // Pick someone from the second page, so the search has to find them.
  const firstName = await d.locator('.customer-row .link').first().innerText();
  await d.getByRole('button', { name: 'Next' }).click();
  await d.locator('.customer-row .link').first().filter({ hasNotText: firstName }).waitFor();
  // A Latin-script name: this machine's Chromium has no CJK font, which would make the
  // screenshot show boxes (the app renders such names as text; the font is missing).
  const candidates = await rows.filter({ has: d.locator('.secondary') }).evaluateAll((rs) =>
    rs.map((r) => [r.querySelector('.link').innerText.trim(), r.querySelector('.secondary').innerText.trim()]));
  const [name, email] = candidates.find(([n]) => /^[\p{Script=Latin}\s'.-]+$/u.test(n));
  assert.match(email, /@/);

  const box = d.getByLabel('Search customers');
  await box.fill(email);
  await box.press('Enter');
  await rows.nth(1).waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 1, 'exactly the customer with that email');
  assert.equal((await rows.locator('.link').innerText()).trim(), name);
  assert.match(await d.locator('.list-summary').innerText(), /^1 customer shown · \d+ active subscriptions · MRR /);
  assert.equal(await box.inputValue(), email, 'the box keeps the search');
  await page.screenshot({ path: `${SHOTS}customer-list-search.png` });

  await d.locator('.customer-row .link').click();
  await d.locator('.profile-head h2', { hasText: name }).waitFor();
  assert.match(page.url(), /viewport=stripe\.dashboard\.customer\.detail&object=cus_/);
  assert.deepEqual(problems, []);
});

test('an invalid query is explained next to the box', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url}${LIST}`);
  const d = drawer(page);
  await d.locator('.customer-row').first().waitFor({ timeout: 15000 });
  const box = d.getByLabel('Search customers');
  await box.fill("name:'unclosed");
  await d.getByRole('button', { name: 'Search', exact: true }).click();
  const error = d.locator('form[role=search] .field-error');
  await error.waitFor();
  assert.match(await error.innerText(), /character \d+/);
  assert.equal(await box.inputValue(), "name:'unclosed");
  assert.deepEqual(problems, []);
});

test('the status filter and the page size', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url}${LIST}`);
  const d = drawer(page);
  const rows = d.locator('.customer-row');
  await rows.first().waitFor({ timeout: 15000 });
  const firstPage = await d.locator('.customer-row .link').allInnerTexts();

  // Past due: customers whose subscription payment failed, each once.
  await d.getByLabel('Subscription status').selectOption('past_due');
  await d.locator('.customer-row .link').first().filter({ hasNotText: firstPage[0] }).waitFor();
  const pastDue = await d.locator('.customer-row .link').allInnerTexts();
  assert.ok(pastDue.length > 0 && pastDue.length <= 10, `${pastDue.length} past-due customers`);
  assert.equal(new Set(pastDue).size, pastDue.length, 'one row per customer');
  assert.match(await d.locator('.list-summary').innerText(), new RegExp(`^${pastDue.length} customers? shown`));
  await page.screenshot({ path: `${SHOTS}customer-list-filter.png` });

  // A search while filtering: the filter goes back to All customers, and says so.
  const box = d.getByLabel('Search customers');
  await box.fill(pastDue[0]);
  await box.press('Enter');
  await d.locator('.list-notice', { hasText: 'status filter is back to All customers' }).waitFor();
  assert.equal(await d.getByLabel('Subscription status').inputValue(), 'all');
  await box.fill('');
  await box.press('Enter');
  await rows.nth(9).waitFor();

  // 25 a page, then 50, and the pager still works.
  await d.getByLabel('Page size').selectOption('25');
  await rows.nth(24).waitFor();
  assert.equal(await rows.count(), 25);
  await d.getByLabel('Page size').selectOption('50');
  await rows.nth(49).waitFor();
  assert.equal(await rows.count(), 50);
  const fifty = await d.locator('.customer-row').evaluateAll((rs) => rs.map((r) => r.dataset.id));
  await d.getByRole('button', { name: 'Next' }).click();
  await d.locator(`.customer-row[data-id="${fifty[0]}"]`).waitFor({ state: 'detached' });
  const rest = await d.locator('.customer-row').evaluateAll((rs) => rs.map((r) => r.dataset.id));
  assert.ok(rest.length > 0 && rest.every((id) => !fifty.includes(id)), 'page 2 shows the others');
  assert.deepEqual(problems, []);
});
