import { test, expect } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll, ACCOUNTS, DEMO_PASSWORD } from './support';

// These start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test('a visitor is sent to sign in and comes back to the page they wanted', async ({ page }) => {
  await page.goto('/objects/AKN?year=2020');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expectHydrated(page);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel('E-postadress').fill(ACCOUNTS.reader);
  await page.getByLabel('Lösenord').fill('not the password');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord.');
  await expect(page.getByLabel('E-postadress')).toHaveValue(ACCOUNTS.reader);
  await expect(page.getByLabel('Lösenord')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/objects\/AKN\?year=2020$/);
  await expect(page.getByRole('link', { name: /Elin Forsberg/ })).toBeVisible();
});

test('signing out ends the session and says so', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(ACCOUNTS.reader);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectHydrated(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed_out$/);
  await expect(page.getByRole('status')).toHaveText('Du är utloggad.');
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('the sign-in form works before the wasm has loaded', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(ACCOUNTS.reader);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Portföljöversikt');
  await context.close();
});
