// Debian's Chromium driven by playwright-core (no browser download), with the flags this
// machine needs (root: --no-sandbox; closed network: no background traffic).
import { chromium } from 'playwright-core';

// `extraArgs`: e.g. --disable-features=IsolateSandboxedIframes, to keep the sandboxed
// extension frame in the page's process, so one CDP session throttles both.
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync',
      // Nothing leaves the machine: every host name resolves to nothing (the page is on an IP).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', ...extraArgs],
  });
}

// Every uncaught error and console error of `page`, in the host and its frames, as it comes.
export function problemsOf(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return problems;
}

// A page that records every uncaught error and console error (see `problemsOf`).
export async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = problemsOf(page);
  await page.goto(url);
  return { page, problems };
}
