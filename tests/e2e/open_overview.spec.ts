import { test, expect } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll, plain } from './support';

test('the overview lists every object by category with AKN 2020 totals', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/?year=2020');
  expect(response?.status()).toBe(200);
  await expectHydrated(page);
  await expect(page).toHaveTitle(/Portföljöversikt/);
  for (const heading of ['Kärnobjekt', 'Stödobjekt', 'Objekt för tekniska förutsättningar']) {
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }
  const akn = page.locator('tr[data-object="AKN"]');
  expect(plain(await akn.locator('[data-col="budget"]').textContent())).toBe('18 988 100 kr');
  expect(plain(await akn.locator('[data-col="hours"]').textContent())).toBe('16 172,00');
  expect(plain(await akn.locator('[data-col="fte"]').textContent())).toBe('9,49');
  // The seven demo objects (other specs may add their own meanwhile).
  for (const code of ['AKN', 'VSOA', 'UKF', 'SAM', 'KOP', 'EHR', 'FST']) {
    await expect(page.locator(`tr[data-object="${code}"]`)).toHaveCount(1);
  }
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  expect(violations, 'the content security policy blocks nothing of ours').toEqual([]);
});

test('the year picker changes the year without a full reload after hydration', async ({ page }) => {
  await page.goto('/?year=2020');
  await expectHydrated(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByRole('navigation', { name: 'Välj planår' }).getByRole('link', { name: '2021' }).click();
  await expect(page).toHaveURL(/year=2021/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2021');
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  const budget = plain(await page.locator('tr[data-object="AKN"] [data-col="budget"]').textContent());
  expect(budget).not.toBe('18 988 100 kr');
});
