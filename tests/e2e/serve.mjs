// A static file server for dist/ on 127.0.0.1 (ephemeral port), as a CDN would serve the
// bundle: correct MIME types (application/wasm for streaming compilation) and
// Access-Control-Allow-Origin: * (the extension frame has a null origin). With `proxy`, it
// also forwards `proxy.prefix` to `proxy.target` adding `proxy.headers`, as trunk's [[proxy]]
// with `request_headers` does for `scripts/preview.sh` (README: "Forwarding to a real backend").
// With `compress`, .wasm/.js/.html/.css go out brotli- or gzip-encoded when the browser accepts
// it, as a CDN serves them (the benchmark's cold start; both sides alike).
import { createServer } from 'node:http';
import { gzipSync, brotliCompressSync, constants as Z } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.png': 'image/png', '.json': 'application/json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json']);

// The encoding a CDN would pick for `accept` (brotli first), and the body in it (cached).
function encode(file, body, accept, cache) {
  const want = String(accept ?? '');
  const enc = /\bbr\b/.test(want) ? 'br' : /\bgzip\b/.test(want) ? 'gzip' : null;
  if (!enc || !COMPRESSIBLE.has(extname(file))) return { body };
  const key = `${enc}:${file}`;
  if (!cache.has(key)) {
    cache.set(key, enc === 'br'
      ? brotliCompressSync(body, { params: { [Z.BROTLI_PARAM_QUALITY]: 11, [Z.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 9 }));
  }
  return { body: cache.get(key), encoding: enc };
}

export async function serve(root, { proxy, compress = false } = {}) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    if (proxy && req.url.startsWith(proxy.prefix)) {
      await forward(proxy, req, res);
      return;
    }
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      const raw = await readFile(file);
      const { body, encoding } = compress ? encode(file, raw, req.headers['accept-encoding'], cache) : { body: raw };
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Access-Control-Allow-Origin': '*',
        ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

async function forward(proxy, req, res) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const headers = { ...req.headers, ...proxy.headers };
  delete headers.host;
  delete headers['content-length'];
  try {
    const answer = await fetch(proxy.target + req.url.slice(proxy.prefix.length), {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await answer.arrayBuffer());
    const passed = {};
    for (const [k, v] of answer.headers) {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) passed[k] = v;
    }
    res.writeHead(answer.status, passed).end(body);
  } catch (e) {
    res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`proxy: ${e}`);
  }
}
