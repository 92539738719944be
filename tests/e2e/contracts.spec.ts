import { test, expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, expectHydrated, expectNoSidewaysScroll, plain } from './support';

// The contract register: the timeline of the next 36 months, the phone's
// "what must I act on now?" list, the filters, and an object leader
// registering a contract, exercising an option and seeing the history.
const LEADER = 'naris.radetinac@linkoping.example';

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

function monthsAhead(months: number): string {
  const d = new Date();
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

test('the timeline shows 36 months with today, each contract\'s dates, grouped by object or supplier', async ({ page }, info) => {
  test.skip(info.project.name === 'phone', 'the phone has its own test below');
  await page.goto('/contracts?status=act_now');
  await expectHydrated(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Avtal' })).toBeVisible();
  const timeline = page.locator('[data-section="timeline"]');
  const rows = timeline.locator('.timeline-row');
  expect(await rows.count()).toBeGreaterThan(0);

  // Every row is a contract that must be acted on, with a today line and
  // its notice deadline marked at the date the list gives.
  const first = rows.first();
  const id = await first.getAttribute('data-contract');
  await expect(first.locator('.today-line')).toHaveCount(1);
  const deadline = await first.locator('[data-kind="deadline"]').first().getAttribute('data-date');
  const listed = page.locator(`.contract-table tr[data-contract="${id}"] [data-notice-deadline]`);
  await expect(listed).toHaveText(deadline ?? 'missing');
  // The mark sits where its date falls: after today's line, inside the track.
  const track = await first.locator('.timeline-track').boundingBox();
  const today = await first.locator('.today-line').boundingBox();
  const mark = await first.locator('[data-kind="deadline"]').first().boundingBox();
  expect(track && today && mark).toBeTruthy();
  expect(mark!.x).toBeGreaterThanOrEqual(today!.x - 10);
  expect(mark!.x).toBeLessThan(track!.x + track!.width);
  // The scale names the months ahead, 36 ticks.
  await expect(timeline.locator('.timeline-axis .tick')).toHaveCount(36);
  await expect(timeline.locator('.today-flag')).toHaveText('Idag');
  // Screen readers get the dates in words.
  await expect(first.locator('.timeline-track')).toHaveAttribute('aria-label', new RegExp(`senast uppsägning ${deadline}`));

  // Grouped by object, then by supplier after a click.
  const groups = () => timeline.locator('.timeline-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
  expect(await groups()).toContain('AKN');
  await timeline.getByRole('link', { name: 'per leverantör' }).click();
  await expect(page).toHaveURL(/group=supplier/);
  await expect(timeline.getByText('per leverantör', { exact: true })).toHaveAttribute('aria-current', 'true');
  expect(await groups()).not.toContain('AKN');
  await expectAccessible(page);
});

test('the filters narrow the list and the timeline, and links keep them', async ({ page }) => {
  await page.goto('/contracts');
  await expectHydrated(page);
  const count = async () => Number(await page.locator('[data-count]').getAttribute('data-count'));
  const all = await count();
  await page.getByLabel('Objekt', { exact: true }).selectOption('AKN');
  await page.getByLabel('Status').selectOption('ok');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/object=AKN/);
  await expect(page).toHaveURL(/status=ok/);
  // The list follows once the filtered data has come.
  await expect.poll(count).toBeLessThan(all);
  const filtered = await count();
  expect(filtered).toBeGreaterThan(0);
  const statuses = await page.locator('.contract-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
  expect(new Set(statuses)).toEqual(new Set(['ok']));
  await expect(page.locator('.timeline-group')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Exportera CSV' })).toHaveAttribute('href', /export\.csv\?object=AKN&status=ok/);
  await page.getByRole('link', { name: 'Rensa filter' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
  // At least as many as before: other tests add contracts meanwhile.
  await expect.poll(count).toBeGreaterThanOrEqual(all);
});

test('on a phone the page answers "what must I act on now?" first and never scrolls sideways', async ({ browser }) => {
  const page = await signedIn(browser, LEADER, { width: 360, height: 780 });
  await page.goto('/contracts');
  await expectHydrated(page);
  const act = page.locator('[data-section="act-now"]');
  await expect(act.getByRole('heading', { name: /Att agera på nu/ })).toBeInViewport();
  const cards = act.locator('.act-now-card');
  expect(await cards.count()).toBeGreaterThan(0);
  // Each card says what to do by when, and is one of the urgent statuses.
  const first = cards.first();
  await expect(first.locator('.act-now-date')).toHaveText(/(starta upphandling|senast uppsägning|slut): \d{4}-\d{2}-\d{2}/);
  const statuses = await cards.locator('[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  for (const status of statuses) expect(['act_now', 'notice_passed']).toContain(status);
  // The most urgent first.
  const dates = await cards.locator('.act-now-date strong').allTextContents();
  expect([...dates].sort()).toEqual(dates);
  await expectNoSidewaysScroll(page);
  // The timeline scrolls inside its own box.
  const scroller = page.locator('.timeline-scroll');
  const wide = await scroller.evaluate((e) => e.scrollWidth > e.clientWidth);
  expect(wide).toBe(true);
  // A card leads to the contract with its dates large.
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/\/contracts\/\d+$/);
  await expect(page.locator('[data-key-dates] dd')).toHaveCount(3);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test('an object leader registers a contract, exercises an option and sees the history', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const viewport = info.project.use.viewport ?? null;
  const reference = `AVT-E2E-${info.project.name}-${Date.now() % 100_000}`;
  const page = await signedIn(browser, LEADER, viewport);
  await page.goto('/contracts');
  await expectHydrated(page);
  await page.getByRole('link', { name: 'Nytt avtal' }).click();
  await expect(page).toHaveURL(/\/contracts\/new$/);
  await expectHydrated(page);

  // Bad input: messages next to their fields, in Swedish, nothing saved.
  await page.getByLabel('Avtalsnummer').fill(reference);
  await page.getByLabel('Startdatum').fill('2024-01-01');
  await page.getByLabel('Slutdatum enligt avtalet').fill('2023-12-31');
  await page.getByLabel('Uppsägningstid (månader)').fill('-2');
  await page.getByRole('button', { name: 'Spara avtalet' }).click();
  await expect(page.locator('[data-field="end"] .field-error')).toHaveText('Slutdatum kan inte vara före startdatum.');
  await expect(page.locator('[data-field="notice_months"] .field-error')).toHaveText('Ange ett helt antal månader, högst 120.');
  await expect(page.locator('[data-field="supplier"] .field-error')).toBeVisible();
  await expect(page).toHaveURL(/\/contracts\/new$/);
  await expectAccessible(page);

  const end = monthsAhead(30);
  await page.getByLabel('Slutdatum enligt avtalet').fill(end);
  await page.getByLabel('Uppsägningstid (månader)').fill('6');
  await page.getByLabel('Upphandlingstid (månader)').fill('12');
  await page.getByLabel('Antal förlängningsoptioner').fill('2');
  await page.getByLabel('Optionens längd (månader)').fill('12');
  await page.getByLabel('Årskostnad (kr)').fill('1 250 000');
  await page.getByLabel('Leverantör').selectOption({ index: 1 });
  await expect(page.getByLabel(/^AKN /)).toBeChecked();
  await page.getByRole('button', { name: 'Spara avtalet' }).click();
  await expect(page).toHaveURL(/\/contracts\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: reference })).toBeVisible();
  await expect(page.locator('[data-current-end]')).toHaveText(end);
  await expect(page.locator('[data-notice-deadline]')).toHaveText(monthsAhead(24));
  await expect(page.locator('[data-yearly-cost]')).toHaveText(/^1.250.000.kr$/);
  await expectHydrated(page);

  // Exercise an option: the end moves a year and the history says so.
  await page.getByLabel('Anteckning (valfri)').fill('Beslut i förvaltningsgruppen');
  await page.getByRole('button', { name: 'Nyttja en option (+12 månader)' }).click();
  await expect(page.locator('[data-current-end]')).toHaveText(monthsAhead(42));
  const event = page.locator('[data-event="option_exercised"]');
  await expect(event).toHaveCount(1);
  expect(plain(await event.textContent())).toContain(`slutdatum ${end} → ${monthsAhead(42)}`);
  await expect(event).toContainText('Beslut i förvaltningsgruppen');
  await expect(page.locator('[data-options]')).toHaveText('1 av 2 optioner om 12 månader nyttjade');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // It is in the register too.
  await page.getByRole('link', { name: 'Alla avtal' }).click();
  await expect(page.locator('.contract-table').getByRole('link', { name: reference })).toBeVisible();
});

test('a calendar feed is made, its address copied and subscribed to, and revoked', async ({ browser }, info) => {
  test.skip(info.project.name === 'phone', 'one person\'s feeds: once is enough');
  const page = await signedIn(browser, LEADER, { width: 1280, height: 800 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/contracts');
  await expectHydrated(page);
  // The leader owns AKN contracts: their reminders are listed in the app.
  await expect(page.locator('[data-section="my-reminders"] tbody tr').first()).toContainText('månader kvar');
  const feeds = page.locator('.calendar-feeds');
  await feeds.getByLabel('Avtal i flödet').selectOption('AKN');
  await feeds.getByRole('button', { name: 'Skapa kalenderflöde' }).click();
  await expect(feeds.getByText('Kopiera adressen nu. Den visas bara den här gången.')).toBeVisible();
  const address = feeds.getByLabel('Adress', { exact: true });
  const url = await address.inputValue();
  expect(url).toMatch(/^https?:\/\/.+\/calendar\/sbc_.+\.ics$/);
  await expect(feeds.getByLabel('Adress för prenumeration (webcal)')).toHaveValue(url.replace(/^https?:/, 'webcal:'));

  // The copy button works from the keyboard.
  await feeds.getByRole('button', { name: 'Kopiera' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(feeds.getByText(/Kopierad\.|kopiera med Ctrl\+C/)).toBeVisible();

  // A calendar program fetching it gets AKN's deadlines, without a session.
  const response = await page.request.fetch(url, { headers: { cookie: '' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const ics = await response.text();
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('SUMMARY:Senast uppsägning: ');
  expect(ics.split('BEGIN:VEVENT').length).toBeGreaterThan(2);

  // Revoking asks first; then the address is dead.
  const row = feeds.locator('tbody tr').first();
  await row.getByRole('button', { name: /Återkalla/ }).click();
  await feeds.getByRole('button', { name: 'Ja, återkalla' }).click();
  await expect(row).toContainText('Återkallat');
  const gone = await page.request.fetch(url);
  expect(gone.status()).toBe(404);
  await expectAccessible(page);
});
