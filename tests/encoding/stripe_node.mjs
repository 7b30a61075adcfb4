// What the official `stripe` npm package (pinned in package.json) sends for given params.
//
// stdin: a JSON array of params objects. stdout: a JSON array, one entry per input:
//   {"post_body": "...", "post_path": "...", "get_path": "..."}
// where post_* come from `stripe.customers.update('cus_1', params)` (v1 POST: the form body)
// and get_path from `stripe.customers.list(params)` (v1 GET: the path with its query string).
//
// Real method calls, not a copy of the encoder: the library's own resource/request code runs
// and a capturing HttpClient records what it would put on the wire. That client never opens a
// socket (it answers every request with `{}` itself), and retries and telemetry are off.
// Run by tests/encoding_node.rs; by hand: echo '[{"a":[1]}]' | node tests/encoding/stripe_node.mjs

import net from 'node:net';
import Stripe from 'stripe';

// Belt and braces: any attempt to open a socket (TCP or TLS, which goes through net) fails loudly.
net.Socket.prototype.connect = function () {
  throw new Error('stripe_node.mjs must not touch the network');
};

class CapturingResponse extends Stripe.HttpClientResponse {
  constructor() {
    super(200, { 'content-type': 'application/json', 'request-id': 'req_capture' });
  }
  getRawResponse() {
    return {};
  }
  toJSON() {
    return Promise.resolve({});
  }
}

class CapturingHttpClient extends Stripe.HttpClient {
  constructor() {
    super();
    this.captured = [];
  }
  getClientName() {
    return 'capture';
  }
  makeRequest(host, port, path, method, headers, requestData) {
    this.captured.push({ host, path, method, headers, body: requestData });
    return Promise.resolve(new CapturingResponse());
  }
}

const http = new CapturingHttpClient();
const stripe = new Stripe('sk_test_capture_only', {
  httpClient: http,
  maxNetworkRetries: 0,
  telemetry: false,
});

async function capture(call) {
  const before = http.captured.length;
  await call();
  if (http.captured.length !== before + 1) {
    throw new Error(`expected one request, got ${http.captured.length - before}`);
  }
  return http.captured[before];
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const inputs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
if (!Array.isArray(inputs)) throw new Error('stdin must be a JSON array of params objects');

const out = [];
for (const params of inputs) {
  // The library copies params ({...params}) before encoding, but give each call its own copy.
  const post = await capture(() => stripe.customers.update('cus_1', structuredClone(params)));
  const get = await capture(() => stripe.customers.list(structuredClone(params)));
  if (post.method !== 'POST' || get.method !== 'GET' || get.body !== '') {
    throw new Error(`unexpected capture: ${JSON.stringify({ post, get })}`);
  }
  out.push({ post_body: post.body, post_path: post.path, get_path: get.path });
}
process.stdout.write(JSON.stringify(out));
