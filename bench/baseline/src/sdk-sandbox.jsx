// Sandbox-side cost of the SDK build: the same table of remote components rendered by
// @remote-ui/react into a remote root whose channel only counts messages (in Stripe's
// Dashboard the channel posts them to the host, which renders the real DOM).
import { createRemoteRoot } from '@remote-ui/core';
import { createRoot } from '@remote-ui/react';
import {
  Badge, Link, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow,
} from '@stripe/ui-extension-sdk/ui';

const status = (c) => (c.delinquent ? ['Delinquent', 'urgent'] : c.balance > 0 ? ['Balance due', 'warning']
  : c.balance < 0 ? ['Credit', 'info'] : ['Good standing', 'positive']);
const date = (s) => new Date(s * 1000).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

const View = ({ rows }) => (
  <Table>
    <TableHead><TableRow><TableHeaderCell>Customer</TableHeaderCell><TableHeaderCell>Created</TableHeaderCell><TableHeaderCell>Status</TableHeaderCell></TableRow></TableHead>
    <TableBody>
      {rows.map((c) => {
        const [label, type] = status(c);
        return (
          <TableRow key={c.id}>
            <TableCell><Link href={{ name: 'customer', params: { id: c.id } }}>{c.name || c.email || c.id}</Link></TableCell>
            <TableCell>{date(c.created)}</TableCell>
            <TableCell><Badge type={type}>{label}</Badge></TableCell>
          </TableRow>
        );
      })}
    </TableBody>
  </Table>
);

window.benchSandbox = async (customers) => {
  let messages = 0;
  const remote = createRemoteRoot(() => { messages += 1; });
  const root = createRoot(remote);
  const t0 = performance.now();
  root.render(<View rows={customers} />); // legacy root: synchronous
  await remote.mount();
  const ms = performance.now() - t0;
  root.unmount();
  return { ms, messages };
};
