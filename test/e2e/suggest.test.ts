import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/modules/accounts/index.ts';
import { openEditor, seedPage, title, watchProblems } from './editing.ts';
import { expectAccessible, loads, startSite, visit, type Site } from './support.ts';
import { titleUrl } from '../../src/modules/markup/index.ts';

let site: Site;
let admin: User;

beforeAll(async () => {
  site = await startSite();
  admin = await site.createUser('admin', 'Ada Admin');
  await seedPage(site, admin, 'Procédures d’accueil', 'Comment accueillir les nouvelles personnes.');
  await seedPage(site, admin, 'École des parents', 'Les ateliers du samedi.');
  await seedPage(site, admin, 'Guide', 'Un guide.');
});

afterAll(async () => {
  await site?.close();
});

const search = (page: Page) => page.locator('#search-q');
const listbox = (page: Page) => page.locator('header [role="listbox"]');
const options = (page: Page) => listbox(page).locator('[role="option"]');

/** Types into the header search box and waits for the suggestions to show `expected`. */
async function typeInSearch(page: Page, text: string, expected: string): Promise<void> {
  await search(page).click();
  await page.keyboard.type(text);
  await listbox(page).getByRole('option', { name: expected }).waitFor();
}

describe('title autocomplete (WAI-ARIA combobox)', () => {
  it('suggests titles in the header search box and opens the chosen page with ArrowDown + Enter', async () => {
    const page = await site.newPage();
    const problems = watchProblems(page);
    await visit(page, '/');
    const input = search(page);
    await expect(input.getAttribute('role')).resolves.toBe('combobox');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(input.getAttribute('aria-autocomplete')).resolves.toBe('list');
    const before = await page.locator('main').boundingBox();

    await typeInSearch(page, 'proc', 'Procédures d’accueil');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    const controls = await input.getAttribute('aria-controls');
    await expect(listbox(page).getAttribute('id')).resolves.toBe(controls);
    // The list floats over the page: nothing moves.
    expect(await page.locator('main').boundingBox()).toEqual(before);
    // The polite live region says how many suggestions there are.
    await expect.poll(() => page.locator('header [role="status"]').textContent()).toMatch(/suggestion/);

    await page.keyboard.press('ArrowDown');
    const first = options(page).first();
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(await first.getAttribute('id'));
    const index = await options(page).evaluateAll((els) => els.findIndex((e) => e.textContent === 'Procédures d’accueil'));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await loads(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(titleUrl(title('Procédures d’accueil')));
    expect(problems).toEqual([]);
  });

  it('Escape closes the list and keeps the text; Enter with nothing chosen still submits the search', async () => {
    const page = await site.newPage();
    await visit(page, '/');
    await typeInSearch(page, 'proc', 'Procédures d’accueil');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(listbox(page).isHidden()).resolves.toBe(true);
    await expect(search(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(search(page).getAttribute('aria-activedescendant')).resolves.toBeNull();
    await expect(search(page).inputValue()).resolves.toBe('proc');

    await loads(page, () => page.keyboard.press('Enter'));
    const url = new URL(page.url());
    expect(decodeURIComponent(url.pathname)).toBe('/wiki/Spécial:Recherche');
    expect(url.searchParams.get('q')).toBe('proc');
  });

  it('is accent and case insensitive, and a click chooses an option', async () => {
    const page = await site.newPage();
    await visit(page, '/');
    await typeInSearch(page, 'eco', 'École des parents');
    await loads(page, () => listbox(page).getByRole('option', { name: 'École des parents' }).click());
    expect(new URL(page.url()).pathname).toBe(titleUrl(title('École des parents')));
  });

  it('has no axe violations with the list open (WCAG 2.2 AA), in both languages', async () => {
    for (const locale of ['fr-CA', 'en-CA'] as const) {
      const page = await site.newPage({ locale });
      await visit(page, '/');
      await typeInSearch(page, 'proc', 'Procédures d’accueil');
      await page.keyboard.press('ArrowDown');
      await expectAccessible(page, `search box with suggestions open [${locale}]`);
    }
  });

  it('suggests titles in the editor link dialog; choosing one fills the field without navigating', async () => {
    const page = await site.newPage();
    await site.signIn(page, admin);
    const problems = watchProblems(page);
    await openEditor(page, 'Guide');
    const editUrl = page.url();
    await page.locator('.editor-toolbar .tool-link').click();
    const dialog = page.locator('dialog.link-dialog');
    await dialog.waitFor();
    const target = dialog.locator('#link-target');
    await target.fill('');
    await target.click();
    await page.keyboard.type('proc');
    const option = dialog.getByRole('option', { name: 'Procédures d’accueil' });
    await option.waitFor();
    await expect(target.getAttribute('aria-expanded')).resolves.toBe('true');
    await expectAccessible(page, 'link dialog with suggestions open');

    await option.click();
    await expect(target.inputValue()).resolves.toBe('Procédures d’accueil');
    await expect(dialog.getByRole('listbox').isHidden()).resolves.toBe(true);
    await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
    expect(page.url()).toBe(editUrl);

    // From the keyboard: ArrowDown + Enter fills the field, Escape closes the list, not the dialog.
    await target.fill('');
    await page.keyboard.type('eco');
    await dialog.getByRole('option', { name: 'École des parents' }).waitFor();
    await page.keyboard.press('Escape');
    await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    const index = await dialog.getByRole('option').evaluateAll((els) => els.findIndex((e) => e.textContent === 'École des parents'));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(target.inputValue()).resolves.toBe('École des parents');
    await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
    expect(page.url()).toBe(editUrl);
    expect(problems).toEqual([]);
  });
});
