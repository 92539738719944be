import { test, expect } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll } from './support';

test.describe('as the administrator', () => {
  test.use({ storageState: `${__dirname}/.auth/admin.json` });

  test('a person is added with field errors first, then given a role', async ({ page }, info) => {
    const email = `ny.${info.project.name}.${Date.now()}@linkoping.example`;
    await page.goto('/admin/people');
    await expectHydrated(page);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Lägg till person' }) });
    await form.getByLabel('Namn').fill('Nora Ny');
    await form.getByLabel('E-postadress').fill('inte-en-adress');
    await form.getByRole('button', { name: 'Lägg till person' }).click();
    await expect(form.locator('#person-email-error')).toHaveText('Ange en giltig e-postadress.');
    await expect(form.getByLabel('E-postadress')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('E-postadress').fill(email);
    await form.getByRole('button', { name: 'Lägg till person' }).click();
    const row = page.locator(`tr[data-person="${email}"]`);
    await expect(row).toBeVisible();
    await row.locator('summary').click();
    await row.getByLabel('Roll', { exact: true }).selectOption('object_leader_it');
    await row.getByLabel('Objekt', { exact: true }).selectOption('AKN');
    await row.getByRole('button', { name: 'Ge roll' }).click();
    await expect(row.getByText('Objektledare IT – AKN')).toBeVisible();
  });

  test('the audit trail filters by object and exports CSV', async ({ page }) => {
    await page.goto('/audit');
    await expectHydrated(page);
    // The demo data's load, and any plan imports other specs made meanwhile.
    await expect(page.locator('tr[data-action="import"]').first()).toBeVisible();
    await page.getByLabel('Objekt', { exact: true }).selectOption('AKN');
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect(page).toHaveURL(/object=AKN/);
    await expect(page.locator('tr[data-action="import"]')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Exportera CSV' })).toHaveAttribute('href', /\/audit\.csv\?object=AKN/);
    await expectAccessible(page);
  });
});

test('a reader gets an API token shown once, and can revoke it', async ({ page }, info) => {
  await page.goto('/account');
  await expectHydrated(page);
  const name = `Power BI ${info.project.name} ${Date.now()}`;
  await page.getByLabel('Namn på nyckeln').fill(name);
  await page.getByRole('button', { name: 'Skapa nyckel' }).click();
  const secret = page.locator('[data-token]');
  await expect(secret).toHaveText(/^sbt_[A-Za-z0-9_-]{43}$/);
  const token = (await secret.textContent()) ?? '';
  const api = await page.request.get('/api/v1/objects', { headers: { authorization: `Bearer ${token}` } });
  expect(api.status()).toBe(200);
  await page.getByRole('button', { name: `Återkalla ${name}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) }).getByText('Återkallad')).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});

test('a reader sees no administration and is refused it', async ({ page }) => {
  await page.goto('/');
  await expectHydrated(page);
  await expect(page.getByRole('link', { name: 'Personer och roller' })).toHaveCount(0);
  const response = await page.goto('/admin/people');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Ingen behörighet' })).toBeVisible();
});

test.describe('as the administrator, objects', () => {
  test.use({ storageState: `${__dirname}/.auth/admin.json` });

  test('an object is added with a code error first, then edited', async ({ page }) => {
    const code = `E${Date.now() % 100_000_000}`;
    await page.goto('/');
    await page.getByRole('link', { name: 'Nytt objekt' }).click();
    await expect(page).toHaveURL(/\/new-object$/);
    await expectHydrated(page);
    await expectAccessible(page);
    await page.getByLabel('Kod').fill('ab');
    await page.getByLabel('Namn', { exact: true }).fill('Provobjekt');
    await page.getByLabel('Kategori').selectOption('support');
    await page.getByRole('button', { name: 'Skapa objektet' }).click();
    await expect(page.locator('#object-code-error')).toHaveText('Ange 2–10 versaler (A–Ö) eller siffror.');
    await page.getByLabel('Kod').fill(code);
    await page.getByRole('button', { name: 'Skapa objektet' }).click();
    await expect(page).toHaveURL(new RegExp(`/objects/${code}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Provobjekt (${code})`);

    await page.getByRole('link', { name: 'Ändra objektet' }).click();
    await expectHydrated(page);
    await page.getByLabel('Beskrivning').fill('Ett objekt från webbläsartestet.');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(page.locator('.form-saved')).toBeVisible();
    await page.goto(`/objects/${code}`);
    await expect(page.locator('.lead')).toHaveText('Ett objekt från webbläsartestet.');
  });
});
