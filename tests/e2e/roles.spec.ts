import { test, expect } from '@playwright/test';
import { expectHydrated, DEMO_PASSWORD } from './support';

test.use({ storageState: { cookies: [], origins: [] } });

// Every demo account (app/src/demo/mod.rs), the role it holds and the
// menu entries it must see; everything else must be absent.
const ROLES = [
  { email: 'alva.lind@linkoping.example', role: 'Administratör – hela portföljen', people: true, audit: true },
  { email: 'cecilia.wahlstrom@linkoping.example', role: 'Ledamot i portföljstyrgruppen – hela portföljen', people: false, audit: true },
  { email: 'maria.ottosson@linkoping.example', role: 'Objektägare verksamhet – AKN', people: false, audit: false },
  { email: 'krister.siggesjo@linkoping.example', role: 'Objektägare IT – AKN', people: false, audit: false },
  { email: 'urban.nilsson@linkoping.example', role: 'Objektledare verksamhet – AKN', people: false, audit: false },
  { email: 'naris.radetinac@linkoping.example', role: 'Objektledare IT – AKN', people: false, audit: false },
  { email: 'andres.adelman@linkoping.example', role: 'Objektspecialist verksamhet – AKN', people: false, audit: false },
  { email: 'jonas.wiman@linkoping.example', role: 'Objektspecialist IT – AKN', people: false, audit: false },
  { email: 'elin.forsberg@linkoping.example', role: 'Läsare – hela portföljen', people: false, audit: false },
];

for (const account of ROLES) {
  test(`${account.role}: the menu offers what the role may do, and signing out ends it`, async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-postadress').fill(account.email);
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expectHydrated(page);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(nav.getByRole('link', { name: 'Portföljöversikt' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Personer och roller' })).toHaveCount(account.people ? 1 : 0);
    await expect(nav.getByRole('link', { name: 'Ändringslogg' })).toHaveCount(account.audit ? 1 : 0);

    const audit = await page.request.get('/audit');
    expect(audit.status()).toBe(account.audit ? 200 : 403);

    await page.goto('/account');
    await expect(page.getByRole('region', { name: 'Mina roller' }).getByRole('listitem')).toHaveText([account.role]);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed_out$/);
    const after = await page.request.get('/account', { maxRedirects: 0 });
    expect(after.status()).toBe(303);
  });
}
