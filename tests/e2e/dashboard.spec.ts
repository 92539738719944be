// The steering group's dashboard in a real browser: server HTML without the
// wasm bundle, every figure a link to the rows behind it (whose total is the
// figure), charts with a text label, a legend and a table, keyboard-only
// drilling, no sideways scroll at 360 px, a print layout without chrome, and
// the client-side route when reached from a hydrated page.
import { test, expect } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll, plain } from './support';

test('the dashboard loads without wasm and every figure drills down to rows that sum to it', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (/\.(wasm|js)$/.test(new URL(request.url()).pathname)) wasm.push(request.url());
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/dashboard?year=2020');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Portföljstyrning 2020');
  await page.waitForLoadState('load');
  expect(wasm, 'the dashboard needs no script').toEqual([]);

  const akn = page.locator('table.dashboard-objects tr[data-object="AKN"]');
  expect(plain(await akn.locator('[data-col="budget"]').textContent())).toBe('18 988 100 kr');
  expect(plain(await akn.locator('[data-col="fte"]').textContent())).toBe('9,49');

  // Each split's bar says what it shows, and its table holds the figures.
  const split = page.locator('[data-split="type"]');
  await expect(split.locator('svg[role="img"]')).toHaveAttribute('aria-label', /Vidmakthållande/);
  await expect(split.locator('.legend li')).toHaveCount(4);
  const maintain = split.locator('tbody tr').first().locator('td a').first();
  const figure = plain(await maintain.textContent());
  await maintain.click();
  await expect(page).toHaveURL(/\/dashboard\/rows\?year=2020&type=maintain$/);
  await expect(page.locator('[data-total="budget"]')).toHaveText(figure.replace(/ /g, '\u00a0'));
  await expect(page.locator('.drill-chips')).toContainText('Uppdragstyp');
  const rows = await page.locator('table.drill-rows tbody tr').count();
  expect(rows).toBeGreaterThan(0);

  // Narrow it to AKN from a row, then widen it again by its chip.
  await page.locator('table.drill-rows tbody tr[data-initiative]').first().locator('td').first().getByRole('link').click();
  await expect(page).toHaveURL(/object=/);
  expect(await page.locator('table.drill-rows tbody tr').count()).toBeLessThanOrEqual(rows);
  await page.getByRole('link', { name: /Ta bort urvalet Objekt/ }).click();
  await expect(page).not.toHaveURL(/object=/);
  await expectAccessible(page);
  expect(violations).toEqual([]);
});

test('the dashboard works by keyboard alone', async ({ page, isMobile }) => {
  test.skip(isMobile, 'phones have no Tab key');
  await page.goto('/dashboard?year=2020');
  const budget = page.locator('[data-kpi="budget"] a');
  await budget.focus();
  await expect(budget).toBeFocused();
  const figure = plain(await budget.textContent());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/dashboard\/rows\?year=2020$/);
  expect(plain(await page.locator('[data-total="budget"]').textContent())).toBe(figure);
  // The chart tables open from the keyboard.
  await page.goto('/dashboard?year=2020');
  const summary = page.locator('details.chart-table summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('details.chart-table').first()).toHaveAttribute('open', '');
  await expect(page.locator('details.chart-table table').first()).toBeVisible();
});

test('at phone width nothing scrolls sideways and print drops the chrome', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/dashboard?year=2021');
  await expect(page.locator('[data-kpi="budget"]')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.year-picker')).toBeHidden();
  await expect(page.locator('table.dashboard-objects')).toBeVisible();
});

test('reached from a hydrated page the dashboard renders in the browser', async ({ page }) => {
  await page.goto('/?year=2020');
  await expectHydrated(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Styrgrupp' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.locator('[data-kpi="budget"]')).toBeVisible();
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});
