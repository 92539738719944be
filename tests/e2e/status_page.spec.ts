// The phone's status page in a real browser at 360×740: server HTML with no
// script requested, nothing scrolling sideways, every link and button a
// tap target of 44 px and reachable by keyboard, and "Markera som läst"
// working with JavaScript turned off. Each project signs in as its own AKN
// person, so the two projects' baselines never meet.
import { test, expect, Page, TestInfo, request } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, expectAccessible, expectNoSidewaysScroll, plain } from './support';

const PEOPLE: Record<string, string> = {
  desktop: 'naris.radetinac@linkoping.example',
  phone: 'urban.nilsson@linkoping.example',
};

test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

async function signIn(page: Page, info: TestInfo) {
  const email = PEOPLE[info.project.name] ?? PEOPLE.desktop;
  const response = await page.request.post('/auth/sign-in', {
    form: { email, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
}

test('the status page loads without wasm at 360 px, fits, and its targets are large', async ({ page }, info) => {
  await signIn(page, info);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (/\.(wasm|js)$/.test(new URL(r.url()).pathname)) scripts.push(r.url());
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/status');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Läget');
  await expect(page.getByRole('heading', { level: 2, name: 'Mina objekt' })).toBeVisible();
  const akn = page.locator('.status-card[data-object="AKN"]');
  await expect(akn).toBeVisible();
  expect(plain(await akn.locator('[data-figure="budget"]').textContent())).toMatch(/^[\d ]+ kr$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Portföljen' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Sedan du tittade senast' })).toBeVisible();
  await page.waitForLoadState('load');
  expect(scripts, 'the status page needs no script').toEqual([]);
  await expectNoSidewaysScroll(page);

  // Every link and button in the page is a tap target of at least 44 px.
  const small = await page.locator('main a, main button').evaluateAll((elements) =>
    elements
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 40), height: e.getBoundingClientRect().height }))
      .filter((e) => e.height < 43.5),
  );
  expect(small).toEqual([]);
  await expectAccessible(page);
  expect(violations).toEqual([]);

  // The AKN card leads to the object.
  await akn.getByRole('link', { name: /AKN/ }).first().click();
  await expect(page).toHaveURL(/\/objects\/AKN\?year=\d{4}$/);
});

test('every link and button on the status page is reachable by keyboard', async ({ page, isMobile }, info) => {
  test.skip(isMobile, 'phones have no Tab key');
  await signIn(page, info);
  await page.goto('/status');
  await expect(page.locator('.status-card[data-object="AKN"]')).toBeVisible();
  const total = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll<HTMLElement>('a[href], button'));
    const shown = all.filter((e) => e.offsetParent !== null);
    shown.forEach((e, i) => e.setAttribute('data-kb', String(i)));
    return shown.length;
  });
  const reached = new Set<string>();
  for (let i = 0; i < total + 5; i++) {
    await page.keyboard.press('Tab');
    const index = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
    if (index !== null) reached.add(index);
  }
  expect(reached.size).toBe(total);
  // The button itself answers the keyboard.
  const button = page.getByRole('button', { name: 'Markera som läst' });
  await button.focus();
  await expect(button).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a change by someone else shows until "Markera som läst" is pressed', async ({ page, baseURL }, info) => {
    await signIn(page, info);
    await page.goto('/status');
    // Start from a clean slate.
    await page.getByRole('button', { name: 'Markera som läst' }).click();
    await expect(page).toHaveURL(/\/status\??$/);
    await expect(page.locator('.status-none')).toHaveText('Inga ändringar sedan dess.');

    // The administrator reports a status on one of AKN's initiatives.
    const admin = await request.newContext({ baseURL });
    const signIn2 = await admin.post('/auth/sign-in', {
      form: { email: ACCOUNTS.admin, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(signIn2.status()).toBe(303);
    const rows = await (await admin.post('/sf/dashboard/rows', { form: { query: 'year=2021&object=AKN' } })).json();
    const row = rows.rows[info.project.name === 'phone' ? 1 : 0];
    const reported = await admin.post('/sf/plan/report_status', {
      form: { id: String(row.id), status: 'delayed', date: '2021-06-01', comment: '' },
    });
    expect(reported.status()).toBe(200);
    await admin.dispose();

    await page.reload();
    const line = page.locator('.change-list li').filter({ hasText: row.name });
    await expect(line).toContainText(`Alva Lind satte status försenad på insatsen ${row.name} i AKN`);
    await expect(line.locator('time')).toContainText('i dag');
    await expectNoSidewaysScroll(page);

    await page.getByRole('button', { name: 'Markera som läst' }).click();
    await expect(page).toHaveURL(/\/status\??$/);
    await expect(page.locator('.change-list li').filter({ hasText: row.name })).toHaveCount(0);
    await expect(page.locator('.status-none')).toHaveText('Inga ändringar sedan dess.');
  });
});
