import { test, expect, type Page } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll } from './support';

// Each project reorders an object of its own (the workers run at once).
const objectFor = (project: string) => (project === 'phone' ? 'FST' : 'EHR');
const url = (project: string) => `/objects/${objectFor(project)}/plans/2021/priorities`;

async function names(page: Page): Promise<string[]> {
  return page.locator('[data-priority-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name') ?? ''));
}

/** Once no move is on its way to the server (the list counts them). */
async function settled(page: Page) {
  await expect(page.locator('ol.priority-list')).toHaveAttribute('data-pending', '0');
}

test.describe('as the administrator, prioritisation', () => {
  test.use({ storageState: `${__dirname}/.auth/admin.json` });
  test.describe.configure({ mode: 'serial' });

  test('buttons move at once and are saved; the keyboard lifts, moves and drops', async ({ page }, info) => {
    await page.goto(url(info.project.name));
    await expectHydrated(page);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    const before = await names(page);
    expect(before.length).toBeGreaterThan(2);
    const last = before[before.length - 1];

    await page.getByRole('button', { name: `Flytta överst: ${last}` }).click();
    await expect.poll(() => names(page)).toEqual([last, ...before.slice(0, -1)]);
    await settled(page);
    await page.reload();
    await expectHydrated(page);
    expect(await names(page)).toEqual([last, ...before.slice(0, -1)]);

    await page.getByRole('button', { name: `Flytta ned: ${last}` }).click();
    await expect.poll(() => names(page)).toEqual([before[0], last, ...before.slice(1, -1)]);
    await settled(page);

    if (info.project.name === 'desktop') {
      // Space lifts, two arrows down, Space drops: announced, then saved.
      const handle = page.getByRole('button', { name: `Flytta: ${before[0]}` });
      await handle.focus();
      await page.keyboard.press('Space');
      await expect(handle).toHaveAttribute('aria-pressed', 'true');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('[role="status"][aria-live="assertive"]')).toHaveText('Plats 3 av ' + before.length);
      await page.keyboard.press('Space');
      const expected = [last, before[1], before[0], ...before.slice(2, -1)];
      await expect.poll(() => names(page)).toEqual(expected);
      await settled(page);
      await page.reload();
      expect(await names(page)).toEqual(expected);

      // Escape puts it back.
      await expectHydrated(page);
      const again = page.getByRole('button', { name: `Flytta: ${last}` });
      await again.focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await expect.poll(() => names(page)).toEqual(expected);
    }
  });

  test('dragging with the mouse, or by touch on a phone, drops where the indicator shows', async ({ page }, info) => {
    await page.goto(url(info.project.name));
    await expectHydrated(page);
    const before = await names(page);
    const from = page.locator(`[data-priority-row]`).nth(2).locator('.drag-handle');
    const onto = page.locator(`[data-priority-row]`).nth(0);
    // The three rows in view, away from the edges that scroll the page.
    await page.locator(`[data-priority-row]`).nth(1).evaluate((row) => row.scrollIntoView({ block: 'center' }));
    const start = await from.boundingBox();
    const target = await onto.boundingBox();
    if (!start || !target) throw new Error('rows are laid out');
    const x = start.x + start.width / 2;
    const y = start.y + start.height / 2;
    const endY = target.y + 4;
    if (info.project.name === 'phone') {
      // Touch through the DevTools protocol: Chromium turns it into pointer events.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let step = 1; step <= 8; step++) {
        const at = y + ((endY - y) * step) / 8;
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: at }] });
      }
      await expect(onto).toHaveClass(/drop-before/);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } else {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, endY, { steps: 8 });
      await expect(onto).toHaveClass(/drop-before/);
      await page.mouse.up();
    }
    const expected = [before[2], before[0], before[1], ...before.slice(3)];
    await expect.poll(() => names(page)).toEqual(expected);
    await settled(page);
    await page.reload();
    expect(await names(page)).toEqual(expected);
  });

  test('the capacity line falls where demand passes capacity and moves with the items', async ({ page }, info) => {
    await page.goto(url(info.project.name));
    await expectHydrated(page);
    await page.locator('summary', { hasText: 'Ändra kapaciteten' }).click();
    await page.getByLabel('Tillgängliga timmar IT').fill('1');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    const line = page.locator('.capacity-line');
    await expect(line).toHaveCount(1);
    const row = page.locator('[data-priority-row]', { has: line });
    const name = await row.getAttribute('data-name');
    await expect(page.locator('[data-capacity-note]')).toContainText('Tillgängliga timmar IT');
    // Everything from the line down is unfunded, and says so in text.
    const first = (await names(page)).indexOf(name ?? '');
    await expect(page.locator('[data-priority-row].unfunded')).toHaveCount((await names(page)).length - first);
    await expect(row.getByText('Ofinansierad')).toBeVisible();
    // Moved to the top, the item takes the line with it.
    if (first > 0) {
      await page.getByRole('button', { name: `Flytta överst: ${name}` }).click();
      await expect(page.locator('[data-priority-row]').first().locator('.capacity-line')).toBeVisible();
    }
    // No limit again, no line (the form may still be open from before).
    const details = page.locator('details.capacity-edit');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await page.getByLabel('Tillgängliga timmar IT').fill('');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(line).toHaveCount(0);
  });

  test('a second browser sees a move without reloading', async ({ browser, page }, info) => {
    await page.goto(url(info.project.name));
    await expectHydrated(page);
    const other = await browser.newPage({ storageState: `${__dirname}/.auth/admin.json` });
    await other.goto(url(info.project.name));
    await expectHydrated(other);
    const before = await names(page);
    const last = before[before.length - 1];
    await page.getByRole('button', { name: `Flytta överst: ${last}` }).click();
    await expect.poll(() => names(other), { timeout: 3000 }).toEqual([last, ...before.slice(0, -1)]);
    await other.close();
  });
});

test('a reader sees the order and no way to change it', async ({ page }) => {
  await page.goto('/objects/EHR/plans/2021/priorities');
  await expectHydrated(page);
  await expect(page.getByText('Du kan se ordningen men inte ändra den.')).toBeVisible();
  await expect(page.locator('.drag-handle')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Flytta överst/ })).toHaveCount(0);
});
