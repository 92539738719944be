import { test, expect } from '@playwright/test';
import { expectHydrated, ACCOUNTS, DEMO_PASSWORD } from './support';

test.use({ storageState: { cookies: [], origins: [] } });

// Desktop only (see playwright.config.ts): phones have no Tab key.
test('signing in takes only the keyboard', async ({ page }) => {
  await page.goto('/sign-in');
  await expectHydrated(page);
  await page.getByLabel('E-postadress').focus();
  await page.keyboard.type(ACCOUNTS.reader);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Lösenord')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);
});
