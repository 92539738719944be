// Editing a plan in the browser: a new initiative with the tables following
// along, a validation error next to its field, and a conflict between two
// people saving the same initiative.
import { test, expect, Page } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll, plain } from './support';

test.use({ storageState: `${__dirname}/.auth/admin.json` });

/** Creates an initiative in AKN 2021 through its form; returns its page's path. */
async function createInitiative(page: Page, name: string): Promise<string> {
  await page.goto('/objects/AKN/plans/2021/new?activity=change_management');
  await expectHydrated(page);
  await page.getByLabel('Delmål', { exact: true }).fill(name);
  await page.getByLabel('Uppdragstyp').selectOption('develop');
  await page.getByLabel('Timmar, verksamhetsnära', { exact: true }).fill('10');
  // 10 h at AKN 2021's 680 kr/h.
  await expect(page.locator('[data-live="business"]')).toHaveText(/6\s800\skr/);
  await page.getByRole('button', { name: 'Skapa delmålet' }).click();
  await expect(page).toHaveURL(/\/initiatives\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  return new URL(page.url()).pathname;
}

test('a new initiative is edited with a validation error first, the tables following', async ({ page }, info) => {
  const name = `E2E redigering ${info.project.name} ${Date.now()}`;
  const path = await createInitiative(page, name);
  await expectHydrated(page);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  const totalBefore = plain(await page.locator('[data-table="budget"] [data-cell="total"]').textContent());
  const hours = page.getByLabel('Timmar, verksamhetsnära', { exact: true });
  await hours.fill('12,345');
  await expect(page.locator('#initiative-business_hours-error')).toHaveText('Högst två decimaler.');
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(hours).toBeFocused();
  await expect(page.getByText('Sparat')).toHaveCount(0);

  await hours.fill('12,34');
  await expect(page.locator('#initiative-business_hours-error')).toHaveCount(0);
  // 12,34 h × 680 kr/h = 8 391,20 kr, worked out while typing.
  await expect(page.locator('[data-live="business"]')).toHaveText(/8\s391/);
  const totalAfter = plain(await page.locator('[data-table="budget"] [data-cell="total"]').textContent());
  expect(totalAfter).not.toEqual(totalBefore);
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.locator('.form-saved')).toBeVisible();

  await page.goto(path);
  await expect(page.getByLabel('Timmar, verksamhetsnära', { exact: true })).toHaveValue('12,34');
  await expectAccessible(page);
});

test('the second of two people saving sees what changed and chooses', async ({ browser, page }, info) => {
  const name = `E2E konflikt ${info.project.name} ${Date.now()}`;
  const path = await createInitiative(page, name);
  const other = await browser.newContext({ storageState: `${__dirname}/.auth/admin.json` });
  const second = await other.newPage();
  await second.goto(path);
  await expectHydrated(second);
  await page.reload();
  await expectHydrated(page);

  // The first saves a new name.
  await page.getByLabel('Delmål', { exact: true }).fill(`${name} (först)`);
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.locator('.form-saved')).toBeVisible();

  // The second, still on the old version, changes IT hours and saves.
  await second.getByLabel('Timmar, IT-nära', { exact: true }).fill('5');
  await second.getByRole('button', { name: 'Spara', exact: true }).click();
  const notice = second.locator('[data-conflict-notice]');
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('heading')).toHaveText('Någon annan har sparat under tiden');
  const row = notice.locator('tr[data-conflict="name"]');
  await expect(row).toContainText(`${name} (först)`);
  await expect(second.locator('.form-saved')).toHaveCount(0);
  await expectAccessible(second);

  // Taking what is stored puts the first's name in the form; the second
  // types the hours again and saves on top of the new version.
  await notice.getByRole('button', { name: 'Använd det sparade' }).click();
  await expect(notice).toHaveCount(0);
  await expect(second.getByLabel('Delmål', { exact: true })).toHaveValue(`${name} (först)`);
  await second.getByLabel('Timmar, IT-nära', { exact: true }).fill('5');
  await second.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(second.locator('.form-saved')).toBeVisible();

  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} (först)`);
  await expect(page.getByLabel('Timmar, IT-nära', { exact: true })).toHaveValue('5');
  await other.close();
});

test('a status is reported with a comment and kept in the history', async ({ page }, info) => {
  const path = await createInitiative(page, `E2E status ${info.project.name} ${Date.now()}`);
  await expectHydrated(page);
  await page.getByLabel('Status', { exact: true }).selectOption('at_risk');
  await page.getByLabel('Kommentar').fill('Leverantören är försenad.');
  await page.getByRole('button', { name: 'Rapportera status' }).click();
  const history = page.locator('table.status-history');
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await expect(history).toContainText('Leverantören är försenad.');
  await expect(page.locator('.status-section [data-status]')).toHaveAttribute('data-status', 'at_risk');
  await expect(page.getByLabel('Kommentar')).toHaveValue('');
  await page.goto(path);
  await expect(page.locator('table.status-history tbody tr')).toHaveCount(1);
});

test('an initiative is deleted after a second question', async ({ page }, info) => {
  const path = await createInitiative(page, `E2E bort ${info.project.name} ${Date.now()}`);
  await expectHydrated(page);
  await page.getByRole('button', { name: 'Ta bort delmålet' }).click();
  const yes = page.getByRole('button', { name: 'Ja, ta bort' });
  await expect(yes).toBeFocused();
  await yes.click();
  await expect(page).toHaveURL(/\/objects\/AKN\?year=2021$/);
  const gone = await page.request.get(path);
  expect(gone.status()).toBe(404);
});

test('an outcome is recorded and the object report sets it against the plan', async ({ page }, info) => {
  const path = await createInitiative(page, `E2E utfall ${info.project.name} ${Date.now()}`);
  const id = path.split('/').pop();
  await expectHydrated(page);
  await page.getByLabel('Utfall timmar, verksamhetsnära').fill('12,5');
  await page.getByLabel('Utfall övriga kostnader, verksamhetsnära (kr)').fill('1 000');
  await page.getByRole('button', { name: 'Spara utfall' }).click();
  await expect(page.locator('.outcome .form-saved')).toBeVisible();

  await page.goto('/objects/AKN/plans/2021/report');
  await expectHydrated(page);
  const row = page.locator(`tr[data-report-row="${id}"]`);
  // Planned 10 h and actual 12,5 h + 1 000 kr at 680 kr/h: 6 800 kr against 9 500 kr.
  await expect(row.locator('td.num').nth(0)).toHaveText(/^6\s800\skr$/);
  await expect(row.locator('td.num').nth(1)).toHaveText(/^9\s500\skr$/);
  await expect(row.locator('td.num').nth(2)).toHaveText(/^\+2\s700\skr$/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});
