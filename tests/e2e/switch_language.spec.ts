import { test, expect } from '@playwright/test';
import { expectAccessible, expectHydrated, plain } from './support';

test('English is one click away and numbers stay Swedish', async ({ page }) => {
  await page.goto('/objects/AKN?year=2020');
  await expectHydrated(page);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/objects\/AKN\?year=2020$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Full-time equivalents' }).or(page.getByText('Full-time equivalents').first())).toBeVisible();
  expect(plain(await page.locator('table[data-table="budget"] [data-cell="total"]').textContent())).toBe('18 988 100 SEK');
  await expectHydrated(page);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});
