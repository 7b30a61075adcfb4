// What every end-to-end test file shares: the RELEASE bundle in dist/ served on 127.0.0.1 (an
// ephemeral port) and one Chromium for the file, started before its tests and stopped after.
import { before, after } from 'node:test';
import { readFile, mkdir } from 'node:fs/promises';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

export const DIST = new URL('../../dist/', import.meta.url).pathname;
export const SHOTS = new URL('../../target/e2e/', import.meta.url).pathname;

/** The extension's document inside the preview host's drawer. */
export const drawer = (page) => page.frameLocator('#extension-frame');

/** Registers the file's before/after hooks; `env.server` and `env.browser` are set once the
 *  tests run. `options` go to `serve` (e.g. a forwarding proxy). */
export function releaseBundle(options) {
  const env = {};
  before(async () => {
    await readFile(`${DIST}extension/index.html`).catch(() => {
      throw new Error('dist/extension/index.html is missing: run `trunk build --release` first');
    });
    await mkdir(SHOTS, { recursive: true });
    env.server = await serve(DIST, options);
    env.browser = await launch();
  });
  after(async () => { await env.browser?.close(); env.server?.close(); });
  return env;
}
