// The same customer table as a React 18 DOM app (react-dom), for the cold-start and render
// rows: the SDK renders remotely in Stripe's Dashboard, so its DOM cost can't be measured here.
// Data comes through the `stripe` client over its fetch-based HTTP client, from the page's own
// origin (the bench server forwards /v1/ to the same local endpoint as our host's /__stripe/).
import { memo, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import Stripe from 'stripe';

const status = (c) => (c.delinquent ? ['Delinquent', 'critical'] : c.balance > 0 ? ['Balance due', 'warning']
  : c.balance < 0 ? ['Credit', 'info'] : ['Good standing', 'positive']);
const date = (s) => new Date(s * 1000).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

const Row = memo(({ c, label }) => {
  const [text, tone] = status(c);
  return (
    <tr className="customer-row" data-id={c.id}>
      <td><button type="button" className="link">{label ?? (c.name || c.email || c.id)}</button>
        {c.email && <div className="secondary">{c.email}</div>}</td>
      <td className="nowrap">{date(c.created)}</td>
      <td><span className={`badge badge-${tone}`}>{text}</span></td>
    </tr>
  );
});

export const CustomerTable = ({ rows }) => (
  <table className="table">
    <thead><tr><th scope="col">Customer</th><th scope="col">Created</th><th scope="col">Status</th></tr></thead>
    <tbody>{rows.map((r) => <Row key={r.c.id} c={r.c} label={r.label} />)}</tbody>
  </table>
);

const App = ({ limit }) => {
  const [rows, setRows] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    const stripe = new Stripe('sk_test_bench', {
      httpClient: Stripe.createFetchHttpClient(), protocol: location.protocol.slice(0, -1),
      host: location.hostname, port: location.port, maxNetworkRetries: 0, telemetry: false,
    });
    stripe.customers.list({ limit }).then((p) => setRows(p.data.map((c) => ({ c }))), setError);
  }, []);
  return (
    <section className="context-view">
      <h1>Customers</h1><p className="secondary">Newest first, from this account.</p>
      {error ? <p role="alert">Couldn't load customers: {error.message}</p>
        : rows ? <CustomerTable rows={rows} /> : <p>Loading customers…</p>}
    </section>
  );
};

const params = new URLSearchParams(location.search);
if (params.has('app')) {
  createRoot(document.getElementById('root')).render(<App limit={Number(params.get('limit') ?? 10)} />);
}

// Render benchmark hooks (driven by bench/run.mjs): synchronous renders with flushSync, so the
// script time is the render's, then the next frame.
let root;
let rows = [];
window.benchRender = (customers) => {
  root?.unmount();
  const el = document.getElementById('root');
  el.textContent = '';
  root = createRoot(el);
  rows = customers.map((c) => ({ c }));
  const t0 = performance.now();
  flushSync(() => root.render(<CustomerTable rows={rows} />));
  return performance.now() - t0;
};
window.benchUpdate = (suffix) => {
  rows = rows.map((r, i) => (i % 10 === 0 ? { c: r.c, label: `${r.c.name} ${suffix}` } : r));
  const t0 = performance.now();
  flushSync(() => root.render(<CustomerTable rows={rows} />));
  return performance.now() - t0;
};
window.benchClear = () => { root?.unmount(); root = null; rows = []; };
