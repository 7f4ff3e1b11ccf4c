import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/modules/accounts/index.ts';
import { openEditor, postedText, rawText, seedPage, submitEdit, visualContent, watchProblems } from './editing.ts';
import { startSite, visit, type Site } from './support.ts';

let site: Site;
let author: User;
const KEY = 'maillage:draft:Brouillon:all';

beforeAll(async () => {
  site = await startSite();
  author = await site.createUser('contributor', 'Denis Brouillon');
  await seedPage(site, author, 'Brouillon', 'Texte publié.');
});

afterAll(async () => {
  await site?.close();
});

const storedDraft = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

/** Types at the end of the visual editor, then waits until the draft is in the browser. */
async function typeAndWaitForDraft(page: Page, text: string): Promise<void> {
  await visualContent(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
  await expect.poll(async () => JSON.parse((await storedDraft(page)) ?? '{}').text, { timeout: 8000 }).toContain(text.trim());
  await expect(page.locator('.editor-draft-status').textContent()).resolves.toMatch(/Brouillon enregistré/);
}

describe('autosave', () => {
  it('offers the draft back after a reload, restores it, and forgets it once published', async () => {
    const page = await site.newPage();
    await site.signIn(page, author);
    const problems = watchProblems(page);
    await openEditor(page, 'Brouillon');
    await page.locator('#f-summary').fill('Ajout d’une phrase');
    await typeAndWaitForDraft(page, ' Phrase ajoutée.');
    const draft = JSON.parse((await storedDraft(page))!);
    expect(draft).toMatchObject({ text: 'Texte publié. Phrase ajoutée.', summary: 'Ajout d’une phrase' });
    expect(draft.base_rev).toMatch(/^\d+$/);
    expect(typeof draft.savedAt).toBe('number');

    await page.reload();
    await page.locator('.editor .editor-modes').waitFor();
    const notice = page.locator('#draft-notice');
    await expect(notice.textContent()).resolves.toContain('Un brouillon non publié');
    await expect(postedText(page)).resolves.toBe('Texte publié.');
    await notice.getByRole('button', { name: 'Restaurer le brouillon' }).click();
    await expect(notice.count()).resolves.toBe(0);
    await expect(postedText(page)).resolves.toBe('Texte publié. Phrase ajoutée.');
    await expect(page.locator('#f-summary').inputValue()).resolves.toBe('Ajout d’une phrase');
    // Focus goes back to the editor, not to the page's top.
    await expect(page.evaluate(() => document.activeElement?.closest('.editor') !== null)).resolves.toBe(true);

    expect(await submitEdit(page)).toBe(200);
    expect(await rawText(page, 'Brouillon')).toBe('Texte publié. Phrase ajoutée.');
    await expect.poll(() => storedDraft(page)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('drops the draft when asked to ignore it, keeps it on a mere "saved" link, and shows no notice for a draft equal to the page', async () => {
    const page = await site.newPage();
    await site.signIn(page, author);
    await openEditor(page, 'Brouillon');
    await typeAndWaitForDraft(page, ' Autre essai.');
    await page.reload();
    await page.locator('#draft-notice').getByRole('button', { name: 'Ignorer' }).click();
    await expect(page.locator('#draft-notice').count()).resolves.toBe(0);
    await expect(storedDraft(page)).resolves.toBeNull();
    await expect(postedText(page)).resolves.toBe('Texte publié. Phrase ajoutée.');

    // A link that merely says "saved" does not throw a draft away.
    await typeAndWaitForDraft(page, ' Encore un essai.');
    await visit(page, '/wiki/Brouillon?notice=saved');
    await page.waitForLoadState('networkidle');
    await expect(storedDraft(page)).resolves.not.toBeNull();

    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ text: 'Texte publié. Phrase ajoutée.', summary: '', base_rev: '1', savedAt: Date.now() })), KEY);
    await openEditor(page, 'Brouillon');
    await expect(page.locator('#draft-notice').count()).resolves.toBe(0);
  });
});
