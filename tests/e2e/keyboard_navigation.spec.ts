import { test, expect } from '@playwright/test';
import { expectHydrated } from './support';

// Desktop only (see playwright.config.ts): phones have no Tab key.
test('the skip link takes keyboard users to the content', async ({ page }) => {
  await page.goto('/');
  await expectHydrated(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
