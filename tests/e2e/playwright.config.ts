// End-to-end tests in Debian's Chromium (browser downloads fail here).
// The server is the binary `cargo test` built (STYRBORD_BIN overrides),
// started on its own port with a fresh data directory and demo data.
import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const port = Number(process.env.E2E_PORT ?? 3107);
const dataDir = mkdtempSync(join(tmpdir(), 'styrbord-e2e-'));
const binary = process.env.STYRBORD_BIN ?? join(root, 'target/debug/styrbord');

const chromium = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    trace: 'off',
  },
  projects: [
    // Signs in the demo accounts once; every other project starts as the reader.
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'desktop',
      dependencies: ['setup'],
      use: { viewport: { width: 1280, height: 800 }, storageState: join(__dirname, '.auth/reader.json') },
    },
    {
      name: 'phone',
      dependencies: ['setup'],
      // Phones have no Tab key: keyboard specs run at desktop size only.
      testIgnore: /keyboard_/,
      use: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
             userAgent: devices['Pixel 7'].userAgent, storageState: join(__dirname, '.auth/reader.json') },
    },
  ],
  webServer: {
    command: `"${binary}" --port ${port} --data-dir "${dataDir}" --site-root "${join(root, 'target/site')}"`,
    url: `http://127.0.0.1:${port}/health`,
    // Every spec signs in from 127.0.0.1: more than the 30 attempts per
    // address a real server allows in 15 minutes. The per-account limit
    // stays as it is (the integration tests cover both).
    env: { STYRBORD_SIGN_IN_LIMIT_IP: '1000' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
