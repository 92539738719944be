// Writes brotli (quality 11) and gzip (level 9) copies beside each asset in
// a directory, for the server to send precompressed instead of compressing
// on every request at a lower quality.
// Usage: node scripts/compress.mjs target/site/pkg
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2];
for (const name of readdirSync(dir)) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const data = readFileSync(join(dir, name));
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(join(dir, name + '.br'), br);
  writeFileSync(join(dir, name + '.gz'), gzipSync(data, { level: 9 }));
  console.log(`${name}: ${data.length} raw, ${br.length} brotli`);
}
