import { test, expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, expectHydrated, expectNoSidewaysScroll } from './support';

// The escalation order: an object leader raises a question about two
// objects, the leaders and then an owner raise it a step, the steering
// group decides with a rationale. Each project raises a question of its
// own (the workers run at once on one demo database).
const LEADER = 'naris.radetinac@linkoping.example';
const OWNER = 'maria.ottosson@linkoping.example';
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

const currentStep = (page: Page) => page.locator('.escalation-steps li[aria-current="step"]');

test('a leader raises a question for two objects, it goes up the steps and the PSG decides', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const viewport = info.project.use.viewport ?? null;
  const title = `Utvecklartimmar i mars (${info.project.name} ${Date.now() % 100_000})`;

  // The leader finds the register in the menu and raises a question.
  const leader = await signedIn(browser, LEADER, viewport);
  await leader.goto('/escalations');
  await expectHydrated(leader);
  await expect(leader.getByRole('heading', { level: 1, name: 'Eskaleringar' })).toBeVisible();
  await expectAccessible(leader);
  await expectNoSidewaysScroll(leader);
  await leader.getByRole('link', { name: 'Lyft en fråga' }).click();
  await expect(leader).toHaveURL(/\/escalations\/new$/);
  await expectHydrated(leader);

  // Sent empty: the messages stand next to their fields, in Swedish.
  await leader.getByRole('button', { name: 'Lyft frågan' }).click();
  await expect(leader.locator('[data-field="title"] .field-error')).toHaveText('Obligatoriskt.');
  await expect(leader.locator('[data-field="objects"] .field-error')).toHaveText('Välj minst ett objekt.');
  await expect(leader.getByLabel('Fråga', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(leader);
  await expectNoSidewaysScroll(leader);

  await leader.getByLabel('Fråga', { exact: true }).fill(title);
  await leader.getByLabel('Beskrivning').fill('AKN och EHR behöver samma integrationsutvecklare.');
  await leader.getByLabel(/^AKN /).check();
  await leader.getByLabel(/^EHR /).check();
  await expect(leader.locator('[data-field="objects"] .field-error')).toHaveCount(0);
  // A date that has passed is refused as typed.
  await leader.getByLabel('Senast').fill(inDays(-2));
  await expect(leader.locator('[data-field="due_on"] .field-error')).toHaveText('Datumet har redan passerat.');
  await leader.getByLabel('Senast').fill(inDays(14));
  await leader.getByRole('button', { name: 'Lyft frågan' }).click();
  await expect(leader).toHaveURL(/\/escalations\/\d+$/);
  const url = leader.url();
  await expect(leader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(currentStep(leader)).toHaveAttribute('data-step', '1');
  await expect(leader.locator('[data-objects]')).toHaveText('AKN, EHR');
  await expect(leader.locator('[data-actors]')).toContainText('Naris Radetinac');
  await expectHydrated(leader);
  await expectAccessible(leader);
  await expectNoSidewaysScroll(leader);

  // Step 1 → 2: the leaders could not replan.
  await leader.getByLabel('Varför löste det sig inte?').fill('Ingen omplanering håller båda tidplanerna.');
  await leader.getByLabel('Nytt senaste datum').fill(inDays(21));
  await leader.getByRole('button', { name: 'Lyft till nästa steg' }).click();
  await expect(currentStep(leader)).toHaveAttribute('data-step', '2');
  await expect(leader.locator('[data-event]')).toHaveCount(2);
  // At step 2 the leader reads only.
  await expect(leader.locator('[data-read-only]')).toBeVisible();

  // Step 2 → 3: an owner raises it to the steering group.
  const owner = await signedIn(browser, OWNER, viewport);
  await owner.goto(url);
  await expectHydrated(owner);
  await expect(currentStep(owner)).toHaveAttribute('data-step', '2');
  await owner.getByLabel('Varför löste det sig inte?').fill('Objektägarna prioriterar olika.');
  await owner.getByLabel('Nytt senaste datum').fill(inDays(30));
  await owner.getByRole('button', { name: 'Lyft till nästa steg' }).click();
  await expect(currentStep(owner)).toHaveAttribute('data-step', '3');
  await expect(owner.locator('[data-action="decide"]')).toHaveCount(0);

  // The steering group finds it on top of the register and decides.
  const psg = await signedIn(browser, PSG, viewport);
  await psg.goto('/escalations');
  await expectHydrated(psg);
  const psgSection = psg.locator('[data-section="psg"]');
  await psgSection.getByRole('link', { name: title }).click();
  await expect(psg).toHaveURL(url);
  await expectHydrated(psg);
  await psg.getByLabel('Beslut', { exact: true }).fill('AKN:s e-arkiv går först; EHR flyttar uppgraderingen till maj.');
  await psg.getByRole('button', { name: 'Registrera beslutet' }).click();
  await expect(psg.locator('[data-field="rationale"] .field-error')).toHaveText('Obligatoriskt.');
  await psg.getByLabel('Motivering').fill('Arkivlagen kräver leverans i april.');
  await psg.getByRole('button', { name: 'Registrera beslutet' }).click();
  await expect(psg.locator('[data-decision]')).toBeVisible();
  await expect(psg.locator('[data-rationale]')).toHaveText('Arkivlagen kräver leverans i april.');
  await expect(psg.locator('.escalation-badges')).toContainText('Beslutad');
  await expect(psg.locator('[data-event]')).toHaveCount(4);
  await expectAccessible(psg);
  await expectNoSidewaysScroll(psg);

  // Closed questions show under "Alla" only.
  await psg.goto('/escalations');
  await expect(psg.getByRole('link', { name: title })).toHaveCount(0);
  await psg.goto('/escalations?show=all');
  await expect(psg.getByRole('link', { name: title })).toBeVisible();

  for (const page of [leader, owner, psg]) await page.context().close();
});
