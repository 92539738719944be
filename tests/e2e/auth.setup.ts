// Signs in once per demo account the specs use and keeps the cookies, so
// each spec starts signed in (as the reader unless it asks for another).
import { test as setup, expect } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD } from './support';

for (const [name, email] of Object.entries(ACCOUNTS)) {
  setup(`sign in as the demo ${name}`, async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.context().storageState({ path: `${__dirname}/.auth/${name}.json` });
  });
}
