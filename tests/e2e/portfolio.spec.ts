import { test, expect, type Page } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll } from './support';

// Each project works among one object's initiatives (the workers run at
// once): a move among what the filter shows leaves the other object's
// relative order alone.
const objectFor = (project: string) => (project === 'phone' ? 'FST' : 'EHR');
const url = (project: string) => `/portfolio/priorities?year=2021&object=${objectFor(project)}`;

async function names(page: Page): Promise<string[]> {
  return page.locator('[data-priority-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name') ?? ''));
}

test.describe('as the administrator, the portfolio across objects', () => {
  test.use({ storageState: `${__dirname}/.auth/admin.json` });
  test.describe.configure({ mode: 'serial' });

  test('the filter narrows the list and moves among what it shows are saved', async ({ page }, info) => {
    const object = objectFor(info.project.name);
    await page.goto('/portfolio/priorities?year=2021');
    await expectHydrated(page);
    await expectNoSidewaysScroll(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Portföljens prioriteringar 2021');
    const all = await names(page);
    expect(all.length).toBeGreaterThan(20);

    // The filter is a plain form: choose the object and show.
    await page.getByLabel('Objekt').selectOption(object);
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`object=${object}`));
    await expectHydrated(page);
    const before = await names(page);
    expect(before.length).toBeGreaterThan(2);
    expect(before.length).toBeLessThan(all.length);
    await expect(page.locator('.object-badge').first()).toHaveText(object);
    // (axe on the filtered list: the whole one takes it many seconds.)
    await expectAccessible(page);

    const last = before[before.length - 1];
    await page.getByRole('button', { name: `Flytta överst: ${last}` }).click();
    await expect.poll(() => names(page)).toEqual([last, ...before.slice(0, -1)]);
    await expect(page.locator('ol.priority-list')).toHaveAttribute('data-pending', '0');
    await page.reload();
    await expectHydrated(page);
    expect(await names(page)).toEqual([last, ...before.slice(0, -1)]);

    // Undo puts it back, for everyone.
    await page.getByRole('button', { name: 'Ångra senaste flytten' }).click();
    await expect.poll(() => names(page)).toEqual(before);
  });

  test('conflicts name what top initiatives of several objects share, with a way to raise them', async ({ page }) => {
    await page.goto('/portfolio/priorities?year=2021');
    await expectHydrated(page);
    const platform = page.locator('[data-collision="Integrationsplattform"]');
    await expect(platform).toBeVisible();
    await expect(platform).toContainText('(VSOA)');
    await expect(platform).toContainText('(SAM)');
    const raise = platform.getByRole('link', { name: 'Lyft som eskalering' });
    await expect(raise).toHaveAttribute('href', /\/escalations\/new\?year=2021&objects=[A-Z,]*EHR[A-Z,]*&initiatives=/);
    const row = page.locator('[data-priority-row]', { hasText: 'Treserva - e-tjänst för orosanmälan' });
    await expect(row.locator('[data-collides]')).toContainText('Integrationsplattform');
    // The IT side's hours draw the line.
    await expect(page.locator('[data-it-capacity]')).not.toHaveText('Ej angiven');
  });

  test('an initiative says which IT components it touches', async ({ page }, info) => {
    await page.goto(url(info.project.name));
    await expectHydrated(page);
    await page.locator('[data-priority-row] .priority-name').first().click();
    await expect(page.getByRole('heading', { name: 'Berörda it-komponenter' })).toBeVisible();
    await expectHydrated(page);
    const form = page.locator('form.components-form');
    const box = form.getByRole('checkbox').first();
    const was = await box.isChecked();
    await box.setChecked(!was);
    await form.getByRole('button', { name: 'Spara it-komponenter' }).click();
    await expect(form.getByText('Sparat.')).toBeVisible();
    await page.reload();
    await expect(page.locator('form.components-form').getByRole('checkbox').first()).toBeChecked({ checked: !was });
  });
});

test('a reader sees the portfolio order and no way to change it', async ({ page }) => {
  await page.goto('/portfolio/priorities?year=2021&object=AKN');
  await expectHydrated(page);
  await expect(page.getByText('Du kan se ordningen men inte ändra den.')).toBeVisible();
  await expect(page.locator('.drag-handle')).toHaveCount(0);
  await expect(page.locator('[data-priority-row]').first()).toBeVisible();
});
