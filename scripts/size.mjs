// Prints the first-load transfer size of a page: its HTML and the CSS, JS
// and wasm it loads, raw, gzip -9 and brotli -q 11, plus what the server
// actually sends with Accept-Encoding: br.
// Usage: [COOKIE=name=value] node scripts/size.mjs [base-url] [path]
// (COOKIE: a signed-in session, for pages that need one)
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const path = process.argv[3] ?? '/';
const session = process.env.COOKIE ? { cookie: process.env.COOKIE } : {};

async function body(url, encoding) {
  const headers = { ...session, ...(encoding ? { 'accept-encoding': encoding } : {}) };
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

// fetch() decodes compressed bodies, so measure the wire size with a raw request.
async function wireSize(url) {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers: { ...session, 'accept-encoding': 'br' } }, (res) => {
      let size = 0;
      res.on('data', (chunk) => (size += chunk.length));
      res.on('end', () => resolve({ size, encoding: res.headers['content-encoding'] ?? 'identity' }));
    }).on('error', reject).end();
  });
}

const html = await body(base + path);
const text = html.toString('utf8');
const assets = [...text.matchAll(/(?:href|src)="(\/pkg\/[^"]+)"/g)].map((m) => m[1]);
const files = [[path + ' (HTML)', base + path, html]];
for (const asset of [...new Set(assets)]) files.push([asset, base + asset, await body(base + asset)]);

const row = (cols) => cols.map((c, i) => (i ? String(c).padStart(11) : String(c).padEnd(34))).join('');
console.log(row(['file', 'raw', 'gzip -9', 'brotli 11', 'sent (br)']));
const total = [0, 0, 0, 0];
for (const [name, url, data] of files) {
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const sent = await wireSize(url);
  [data.length, gz, br, sent.size].forEach((v, i) => (total[i] += v));
  console.log(row([name, data.length, gz, br, `${sent.size} ${sent.encoding === 'br' ? '' : '(' + sent.encoding + ')'}`]));
}
console.log(row(['total', ...total]));
