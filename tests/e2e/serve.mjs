// A static file server for dist/ on 127.0.0.1 (ephemeral port), as a CDN would serve the
// bundle: correct MIME types (application/wasm for streaming compilation) and
// Access-Control-Allow-Origin: * (the extension frame has a null origin). With `proxy`, it
// also forwards `proxy.prefix` to `proxy.target` adding `proxy.headers`, as trunk's [[proxy]]
// with `request_headers` does for `scripts/preview.sh` (README: "Forwarding to a real backend").
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.png': 'image/png', '.json': 'application/json',
};

export async function serve(root, { proxy } = {}) {
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
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Access-Control-Allow-Origin': '*',
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
