// Builds the baseline bundles with esbuild --minify (production React), into ../../bench-out/baseline/.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';

const out = new URL('../../bench-out/baseline/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const common = {
  bundle: true, minify: true, platform: 'browser', target: 'es2020', jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error', legalComments: 'none',
};
// The Stripe-docs extension bundle (size row): an IIFE assigned to __StripeExtExports, as Stripe's CLI builds it.
await build({ ...common, entryPoints: ['src/sdk.jsx'], outfile: `${out}sdk-extension.js`, format: 'iife', globalName: '__StripeExtExports' });
await build({ ...common, entryPoints: ['src/dom.jsx'], outfile: `${out}dom.js`, format: 'iife' });
await build({ ...common, entryPoints: ['src/sdk-sandbox.jsx'], outfile: `${out}sdk-sandbox.js`, format: 'iife' });
const page = (script) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Customers (React 18 baseline)</title>
<link rel="stylesheet" href="/extension.css"></head><body><div id="root"></div><script src="${script}"></script></body></html>\n`;
await writeFile(`${out}dom.html`, page('/dom.js'));
await writeFile(`${out}sdk-sandbox.html`, page('/sdk-sandbox.js'));
