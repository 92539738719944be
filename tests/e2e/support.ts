// Shared steps: wait for hydration, run axe, check the page fits the width.
import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The app sets data-hydrated on <html> from an effect: only wasm does that. */
export async function expectHydrated(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/** No serious or critical accessibility violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** The page itself never scrolls sideways; wide tables scroll inside their region. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Text with Swedish no-break spaces made plain. */
export function plain(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ').trim();
}

// The demo accounts (app/src/demo/mod.rs) the specs sign in as.
export const DEMO_PASSWORD = 'styrbord-demo';
export const ACCOUNTS = {
  reader: 'elin.forsberg@linkoping.example',
  admin: 'alva.lind@linkoping.example',
} as const;
