// Importing a plan in the browser: a workbook the app exported previews as
// "no change" and applies; a broken CSV is refused with its cell named.
// UKF 2021 is left to this spec (the edit specs work on AKN), and applying
// an unchanged workbook changes nothing, so desktop and phone can run it at
// once.
import { test, expect } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll } from './support';

test.use({ storageState: `${__dirname}/.auth/admin.json` });

test('a workbook the app exported imports back as no change', async ({ page }) => {
  await page.goto('/objects/UKF?year=2021');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exportera till Excel' }).first().click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe('UKF-2021.xlsx');

  await page.getByRole('link', { name: 'Importera från Excel' }).click();
  await expect(page).toHaveURL(/\/objects\/UKF\/plans\/2021\/import$/);
  await expectHydrated(page);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles(file);
  // Once hydrated, the file goes by XMLHttpRequest, which reports progress.
  const upload = page.waitForRequest((r) => r.url().endsWith('/import/upload') && r.resourceType() === 'xhr');
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await upload;
  await expect(page).toHaveURL(/\/import\/imp_/);
  await expect(page.locator('[data-nothing]')).toHaveText('Filen ändrar ingenting i planen.');
  await expectHydrated(page);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Genomför importen' }).click();
  await expect(page).toHaveURL(/\/objects\/UKF\?year=2021$/);
});

test('a broken CSV is refused with the cell that is wrong', async ({ page }) => {
  const csv = await (await page.request.get('/objects/UKF/plans/2021/export.csv')).text();
  const lines = csv.split('\r\n');
  const header = lines.findIndex((l) => l.includes('Verksamhet timmar'));
  const column = lines[header].split(';').indexOf('Verksamhet timmar');
  const cells = lines[header + 1].split(';');
  cells[column] = '-5';
  lines[header + 1] = cells.join(';');

  await page.goto('/objects/UKF/plans/2021/import');
  await expectHydrated(page);
  await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles({
    name: 'UKF-2021.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')),
  });
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  const errors = page.locator('[data-import-errors]');
  await expect(errors).toBeVisible();
  const row = errors.locator('tbody tr').first();
  await expect(row).toHaveAttribute('data-code', 'negative');
  await expect(row).toContainText('Får inte vara negativt.');
  await expect(row).toContainText(`${header + 2}`);
  await expect(page.getByRole('button', { name: 'Genomför importen' })).toHaveCount(0);
  await expectAccessible(page);
});
