// The yearly cycle in the browser: approve a plan (locked), reopen it, and
// make next year's plan with the initiatives that continue. Desktop and
// phone work on different objects, as each makes a 2022 plan.
import { test, expect } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll } from './support';

test.use({ storageState: `${__dirname}/.auth/admin.json` });

test('a plan is approved, reopened, and continued into next year', async ({ page }, info) => {
  const code = info.project.name === 'phone' ? 'KOP' : 'SAM';
  await page.goto(`/objects/${code}?year=2021`);
  await expectHydrated(page);
  const cycle = page.locator('[data-cycle]');
  await cycle.getByRole('button', { name: 'Godkänn planen' }).click();
  await expect(cycle.getByRole('button', { name: 'Öppna planen igen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nytt delmål', exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await expectHydrated(page);
  await cycle.getByRole('button', { name: 'Öppna planen igen' }).click();
  await expect(cycle.getByRole('button', { name: 'Godkänn planen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nytt delmål', exact: true })).toBeVisible();

  const goals = await page.locator('tbody.goal').count();
  await cycle.getByRole('link', { name: 'Skapa nästa års plan' }).click();
  await expect(page).toHaveURL(new RegExp(`/objects/${code}/plans/2021/next-year$`));
  await expectHydrated(page);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  const boxes = page.locator('input[name="keep"]');
  await boxes.first().uncheck();
  const kept = await page.locator('input[name="keep"]:checked').count();
  expect(kept).toBeLessThan(goals);
  await page.getByRole('button', { name: 'Skapa planen 2022' }).click();
  await expect(page).toHaveURL(new RegExp(`/objects/${code}\\?year=2022$`));
  await expect(page.locator('tbody.goal')).toHaveCount(kept);
  await expect(page.locator('[data-cycle]').getByRole('link', { name: 'Skapa nästa års plan' })).toBeVisible();
});
