// The customer list as Stripe's docs write a UI extension: React 18, the SDK's remote
// components, and the `stripe` client over the SDK's HTTP client (calls go through the
// Dashboard). Bundled with esbuild --minify as Stripe's CLI does (an IIFE assigned to
// __StripeExtExports); this bundle is the size baseline (row 1).
import { useEffect, useState } from 'react';
import Stripe from 'stripe';
import { createHttpClient, STRIPE_API_KEY } from '@stripe/ui-extension-sdk/http_client';
import {
  Badge, Button, ContextView, Inline, Link, Spinner, Table, TableBody, TableCell, TableHead,
  TableHeaderCell, TableRow,
} from '@stripe/ui-extension-sdk/ui';

const stripe = new Stripe(STRIPE_API_KEY, { httpClient: createHttpClient(), apiVersion: '2023-10-16' });
const PAGE_SIZE = 10;

const status = (c) => (c.delinquent ? ['Delinquent', 'urgent'] : c.balance > 0 ? ['Balance due', 'warning']
  : c.balance < 0 ? ['Credit', 'info'] : ['Good standing', 'positive']);
const date = (s) => new Date(s * 1000).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

export const CustomerListView = () => {
  const [cursor, setCursor] = useState({});
  const [page, setPage] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    stripe.customers.list({ limit: PAGE_SIZE, ...cursor }).then(setPage, setError);
  }, [cursor]);
  const first = page?.data[0]?.id;
  const last = page?.data[page.data.length - 1]?.id;
  return (
    <ContextView title="Customers" description="Newest first, from this account.">
      {error ? <Inline>Couldn't load customers: {error.message}</Inline>
        : !page ? <Spinner />
          : (
            <>
              <Table>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>Customer</TableHeaderCell>
                    <TableHeaderCell>Created</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {page.data.map((c) => {
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
              <Button disabled={!cursor.starting_after && !cursor.ending_before} onPress={() => setCursor({ ending_before: first })}>Previous</Button>
              <Button disabled={!page.has_more} onPress={() => setCursor({ starting_after: last })}>Next</Button>
            </>
          )}
    </ContextView>
  );
};

export default { id: 'com.example.customer-sync', ui_extension: { views: [{ viewport: 'stripe.dashboard.customer.list', component: 'CustomerListView' }] } };
