// The benchmark's customers: Stripe's sample customer (tests/fixtures/stripe-api-fixtures.json)
// with distinct ids, names, emails, dates and balances. tests/bench_{decode,render}.rs build
// the same ones in Rust (same rule), so every row reads the same data.
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../tests/fixtures/stripe-api-fixtures.json', import.meta.url);
const SAMPLE = JSON.parse(readFileSync(FIXTURES, 'utf8')).resources.customer;

/** Customer `i` (0-based), newest first: the full Stripe shape. */
export function customer(i) {
  return {
    ...SAMPLE,
    id: `cus_bench${String(i).padStart(5, '0')}`,
    name: `Customer ${i}`,
    email: `customer${i}@example.com`,
    created: 1700000000 - i * 3600,
    balance: i % 7 === 0 ? 500 : i % 11 === 0 ? -250 : 0,
    delinquent: i % 13 === 0,
  };
}

/** A `/v1/customers` list page in Stripe's shape. */
export function listPage(total, limit, startingAfter) {
  let start = 0;
  if (startingAfter) start = Number(startingAfter.replace('cus_bench', '')) + 1;
  const data = [];
  for (let i = start; i < Math.min(total, start + limit); i++) data.push(customer(i));
  return { object: 'list', data, has_more: start + limit < total, url: '/v1/customers' };
}

/** Fields the tables show, for the render rows (the full objects would only add transfer). */
export function slim(i) {
  const c = customer(i);
  return { id: c.id, name: c.name, email: c.email, created: c.created, balance: c.balance, delinquent: c.delinquent };
}
