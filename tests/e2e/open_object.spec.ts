import { test, expect } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll, plain } from './support';

test('the AKN 2020 page reproduces section 4.3 of the object plan', async ({ page }) => {
  const response = await page.goto('/objects/AKN?year=2020');
  expect(response?.status()).toBe(200);
  await expectHydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration, kommunikation och näringsliv (AKN)');
  const budget = page.locator('table[data-table="budget"]');
  const cell = async (table: typeof budget, key: string) => plain(await table.locator(`[data-cell="${key}"]`).textContent());
  expect(await cell(budget, 'user_support.business.maintain')).toBe('2 761 590 kr');
  expect(await cell(budget, 'operations.it.maintain')).toBe('6 132 640 kr');
  expect(await cell(budget, 'total')).toBe('18 988 100 kr');
  const fte = page.locator('table[data-table="fte"]');
  expect(await cell(fte, 'governance.business.maintain')).toBe('0,77');
  expect(await cell(fte, 'total.business.develop')).toBe('2,87');
  expect(await cell(fte, 'total')).toBe('9,49');
  await expect(page.locator('tr[data-product]')).toHaveCount(13);
  await expect(page.getByRole('cell', { name: 'Flexeurope AB' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test('an object is reached from the overview by its link', async ({ page }) => {
  await page.goto('/?year=2020');
  await expectHydrated(page);
  await page.locator('tr[data-object="AKN"]').getByRole('link').click();
  await expect(page).toHaveURL(/\/objects\/AKN\?year=2020$/);
  await expect(page.locator('table[data-table="budget"] [data-cell="total"]')).toContainText('18');
});

test('an unknown object shows a not-found page with status 404', async ({ page }) => {
  const response = await page.goto('/objects/NOPE');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Sidan finns inte' })).toBeVisible();
});
