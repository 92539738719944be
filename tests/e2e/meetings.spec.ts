import { test, expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, expectHydrated, expectNoSidewaysScroll } from './support';

// Meeting mode: a steering group member creates a meeting (through a
// field error), finds the agenda built from the portfolio's state, records
// a decision, opens the protocol, and compares the meeting with a second
// one. Each project makes meetings of its own (the workers run at once on
// one demo database). At 360 px nothing scrolls sideways.
const PSG = 'cecilia.wahlstrom@linkoping.example';

async function signedIn(browser: Browser, email: string, viewport: { width: number; height: number } | null): Promise<Page> {
  const context = await browser.newContext({ storageState: undefined, viewport: viewport ?? undefined });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}

function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function createMeeting(page: Page, title: string, days: number): Promise<string> {
  await page.goto('/meetings/new');
  await expectHydrated(page);
  await page.getByLabel('Rubrik').fill(title);
  await page.getByLabel('Datum').fill(inDays(days));
  await page.getByRole('button', { name: 'Skapa mötet' }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return page.url();
}

test('a PSG member creates a meeting, records a decision, opens the protocol and compares two meetings', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const viewport = info.project.use.viewport ?? null;
  const tag = `${info.project.name} ${Date.now() % 100_000}`;
  const first = `PSG mars (${tag})`;
  const second = `PSG juni (${tag})`;

  // The meetings are in the menu, next to the dashboard.
  const psg = await signedIn(browser, PSG, viewport);
  await psg.goto('/meetings');
  await expectHydrated(psg);
  await expect(psg.getByRole('heading', { level: 1, name: 'Styrgruppsmöten' })).toBeVisible();
  await expect(psg.locator('.site-nav').getByRole('link', { name: 'Möten' })).toBeVisible();
  await expectAccessible(psg);
  await expectNoSidewaysScroll(psg);
  await psg.getByRole('link', { name: 'Nytt möte' }).click();
  await expect(psg).toHaveURL(/\/meetings\/new$/);
  await expectHydrated(psg);

  // Sent empty: the messages stand next to their fields, in Swedish.
  await psg.getByRole('button', { name: 'Skapa mötet' }).click();
  await expect(psg.locator('[data-field="title"] .field-error')).toHaveText('Obligatoriskt.');
  await expect(psg.locator('[data-field="held_on"] .field-error')).toHaveText('Obligatoriskt.');
  await expect(psg.getByLabel('Rubrik')).toHaveAttribute('aria-invalid', 'true');
  // The steering group's members are ticked from the start.
  await expect(psg.getByLabel('Cecilia Wahlström')).toBeChecked();
  await expectAccessible(psg);
  await expectNoSidewaysScroll(psg);

  const firstUrl = await createMeeting(psg, first, 10);
  await expectHydrated(psg);
  await expect(psg.locator('[data-attendees]')).toContainText('Cecilia Wahlström');
  // The agenda comes from the portfolio's state, each item linked to its source.
  await expect(psg.getByRole('heading', { level: 3, name: /Avtal att agera på/ })).toBeVisible();
  const contract = psg.locator('[data-kind="contract"] .agenda-item').first();
  await expect(contract.locator('.agenda-title a')).toHaveAttribute('href', /^\/contracts\/\d+$/);
  await expect(psg.locator('[data-kpi="budget"]')).toContainText('kr');
  await expectAccessible(psg);
  await expectNoSidewaysScroll(psg);

  // A decision: refused empty, then saved with who took it.
  const decision = `Förnya avtalet ett år och starta upphandlingen i höst (${tag}).`;
  await contract.getByRole('button', { name: 'Spara beslutet' }).click();
  await expect(contract.locator('[data-field="decision"] .field-error')).toHaveText('Obligatoriskt.');
  await contract.getByLabel('Beslut').fill(decision);
  await contract.getByRole('button', { name: 'Spara beslutet' }).click();
  const saved = psg.locator('[data-kind="contract"] .agenda-item.decided').first();
  await expect(saved.locator('.decided-by')).toContainText('Cecilia Wahlström');
  await expect(saved.getByLabel('Beslut')).toHaveValue(decision);

  // An item of the secretary's own.
  await psg.getByLabel('Fråga', { exact: true }).fill(`Budgetprocessen 2022 (${tag})`);
  await psg.getByRole('button', { name: 'Lägg till' }).click();
  await expect(psg.locator('[data-kind="other"] .agenda-item')).toHaveCount(1);

  // The protocol: date, attendees, the decision; prints without the chrome.
  await psg.getByRole('link', { name: 'Protokoll', exact: true }).click();
  await expect(psg).toHaveURL(/\/meetings\/\d+\/protocol$/);
  await expect(psg.getByRole('heading', { level: 1 })).toHaveText(first);
  await expect(psg.locator('[data-held-on]')).toHaveText(inDays(10));
  await expect(psg.locator('.protocol-items').getByText(decision)).toBeVisible();
  await expect(psg.getByRole('link', { name: 'Protokoll för diariet (.xlsx)' })).toBeVisible();
  await expectAccessible(psg);
  await expectNoSidewaysScroll(psg);
  await psg.emulateMedia({ media: 'print' });
  await expect(psg.locator('.site-header')).toBeHidden();
  await psg.emulateMedia({ media: 'screen' });

  // A second meeting, compared with the first from its page.
  await createMeeting(psg, second, 20);
  await expectHydrated(psg);
  await psg.getByLabel('Från möte').selectOption({ label: `${inDays(10)} – ${first}` });
  await psg.getByRole('button', { name: 'Jämför', exact: true }).click();
  await expect(psg).toHaveURL(/\/meetings\/compare\?/);
  await expect(psg.getByRole('heading', { level: 1, name: 'Jämför möten' })).toBeVisible();
  await expect(psg.locator('.compare-figures [data-figure="budget"] [data-change]')).toBeVisible();
  await expect(psg.locator('.compare-figures thead')).toContainText(first);
  await expect(psg.locator('.compare-figures thead')).toContainText(second);
  await expect(psg.locator('.compare-changes tbody tr').first()).toBeVisible();
  await expectAccessible(psg);
  await expectNoSidewaysScroll(psg);

  // Closing makes it read-only.
  await psg.goto(firstUrl);
  await expectHydrated(psg);
  await psg.getByRole('button', { name: 'Stäng mötet' }).click();
  await psg.locator('.confirm').getByRole('button', { name: 'Stäng mötet' }).click();
  await expect(psg.locator('[data-closed]')).toBeVisible();
  await expect(psg.getByRole('button', { name: 'Spara beslutet' })).toHaveCount(0);
  await expect(psg.locator('[data-state="closed"]')).toBeVisible();

  await psg.context().close();
});
