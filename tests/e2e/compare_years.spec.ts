// Two plan years side by side, from the object page, at desktop and phone size.
import { test, expect } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll, plain } from './support';

test('an object plan is compared with the year before', async ({ page }) => {
  await page.goto('/objects/AKN?year=2021');
  await expectHydrated(page);
  await page.getByRole('link', { name: 'Jämför år' }).click();
  await expect(page).toHaveURL(/\/objects\/AKN\/compare$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jämför år 2020 – 2021');
  const total = page.locator('[data-total="budget"] td').first();
  expect(plain(await total.textContent())).toBe('18 988 100 kr');
  await expect(page.locator('[data-compare="initiatives"] tbody tr')).not.toHaveCount(0);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // The year pickers are a plain GET form.
  await page.getByLabel('Från år').selectOption('2021');
  await page.getByRole('button', { name: 'Jämför' }).click();
  await expect(page).toHaveURL(/from=2021&to=2021/);
  await expect(page.locator('[data-total="budget"] td').last()).toHaveText(/^0\s?kr$/);
});
