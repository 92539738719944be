import { test, expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible, expectHydrated, expectNoSidewaysScroll } from './support';

// What an object is made of, on an object of its own per run (the demo
// objects stay as the object plan has them).
test.describe('as the administrator, products and components', () => {
  test.use({ storageState: `${__dirname}/.auth/admin.json` });

  async function newObject(page: Page, project: string): Promise<string> {
    const code = `K${project === 'phone' ? 'P' : 'D'}${Date.now() % 10_000_000}`;
    const response = await page.request.post('/sf/objects/create', {
      form: { code, name: `Katalog ${code}`, category: 'support', description: '' },
    });
    expect(response.status()).toBe(200);
    return code;
  }

  // An add form stays open after adding, for the next one.
  async function openAdd(section: Locator, text: string) {
    const details = section.locator('details.catalog-add', { has: section.page().locator('summary', { hasText: text }) });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  }

  test('components and products are added, checked, ordered, edited in a conflict and removed', async ({ browser, page }, info) => {
    const code = await newObject(page, info.project.name);
    await page.goto(`/objects/${code}`);
    await page.getByRole('link', { name: 'Ändra produkter och komponenter' }).click();
    await expect(page).toHaveURL(new RegExp(`/objects/${code}/catalog$`));
    await expectHydrated(page);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // A business component and an IT component with a supplier.
    const business = page.locator('section', { has: page.getByRole('heading', { name: /^Verksamhetskomponenter/ }) });
    await openAdd(business, 'Ny verksamhetskomponent');
    const newComponent = business.locator('details.catalog-add form');
    await newComponent.getByLabel('Namn').fill('Handbok för handläggning');
    await newComponent.getByRole('button', { name: 'Ny verksamhetskomponent' }).click();
    await expect(business.locator('[data-item="Handbok för handläggning"]')).toBeVisible();

    const it = page.locator('section', { has: page.getByRole('heading', { name: /^IT-komponenter/ }) });
    const service = `Tjänst ${code}`;
    await openAdd(it, 'Ny IT-komponent');
    const newService = it.locator('details.catalog-add form');
    await newService.getByLabel('Namn').fill(service);
    await newService.getByLabel('Leverantör').selectOption({ index: 1 });
    await newService.getByRole('button', { name: 'Ny IT-komponent' }).click();
    await expect(it.locator(`[data-item="${service}"]`)).toBeVisible();

    // A product: its name is required, checked as typed; then two products.
    const products = page.locator('section', { has: page.getByRole('heading', { name: /^Objektprodukter/ }) });
    const add = async (name: string, tick: string[]) => {
      await openAdd(products, 'Ny objektprodukt');
      const form = products.locator('details.catalog-add form');
      await form.getByLabel('Namn').fill(name);
      for (const label of tick) await form.getByLabel(label).check();
      await form.getByRole('button', { name: 'Ny objektprodukt' }).click();
      await expect(products.locator(`[data-item="${name}"]`)).toBeVisible();
    };
    await openAdd(products, 'Ny objektprodukt');
    await products.locator('details.catalog-add form').getByRole('button', { name: 'Ny objektprodukt' }).click();
    await expect(products.locator('#product-new-name-error')).toHaveText('Obligatoriskt.');
    await add('Handläggning', ['Handbok för handläggning', service]);
    const first = products.locator('[data-item="Handläggning"]');
    await expect(first.locator('dd').first()).toHaveText('Handbok för handläggning');
    await expect(first.locator('dd').nth(1)).toHaveText(service);
    await add('Uppföljning', []);

    // Moving the second up makes it first.
    await products.getByRole('button', { name: 'Flytta upp: Uppföljning' }).click();
    await expect(products.locator('.catalog-list > li').first()).toHaveAttribute('data-item', 'Uppföljning');

    // Someone else renames "Handläggning" while this page edits it.
    const other = await browser.newPage({ storageState: `${__dirname}/.auth/admin.json` });
    await other.goto(`/objects/${code}/catalog`);
    await expectHydrated(other);
    const theirs = other.locator('[data-item="Handläggning"]');
    await theirs.locator('summary').click();
    await theirs.getByLabel('Namn').fill('Handläggning av ärenden');
    await theirs.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(other.locator('[data-item="Handläggning av ärenden"]')).toBeVisible();
    await other.close();

    await first.locator('summary').click();
    await first.getByLabel('Beskrivning').fill('Från denna sida');
    await first.getByRole('button', { name: 'Spara', exact: true }).click();
    const conflict = first.locator('[data-conflict-notice]');
    await expect(conflict).toBeVisible();
    await expect(conflict.locator('[data-conflict="name"]')).toContainText('Handläggning av ärenden');
    await expect(conflict.locator('[data-conflict="name"] th')).toHaveText('Namn');
    await conflict.getByRole('button', { name: 'Behåll mina värden' }).click();
    await first.getByRole('button', { name: 'Spara', exact: true }).click();
    // Saved and the page reloaded with it (a reload rebuilds the lists, and
    // would close a question opened before it).
    await expect(products.locator('[data-item="Handläggning"]')).toContainText('Från denna sida');

    // Removing the business component asks first, then takes it out of the product.
    const handbook = business.locator('[data-item="Handbok för handläggning"]');
    await handbook.getByRole('button', { name: 'Ta bort' }).click();
    await handbook.getByRole('button', { name: 'Ja, ta bort' }).click();
    await expect(handbook).toHaveCount(0);
    await expect(products.locator('[data-item="Handläggning"] dd').first()).toHaveText('–');
  });

  test('the supplier register refuses a name in use', async ({ page }) => {
    await page.goto('/suppliers');
    await expectHydrated(page);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    const taken = (await page.locator('tr[data-supplier]').first().getAttribute('data-supplier')) ?? '';
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Ny leverantör' }) });
    await form.getByLabel('Namn').fill(taken.toUpperCase());
    await form.getByRole('button', { name: 'Ny leverantör' }).click();
    await expect(form.locator('#supplier-new-name-error')).toHaveText('Namnet används redan.');
  });
});
