import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/modules/accounts/index.ts';
import {
  chooseMode, openEditor, postedText, rawText, replaceSource, seedPage, submitEdit, visualContent, watchProblems,
} from './editing.ts';
import { startSite, visit, type Site } from './support.ts';

let site: Site;
let alice: User;
let bruno: User;

beforeAll(async () => {
  site = await startSite();
  alice = await site.createUser('contributor', 'Alice');
  bruno = await site.createUser('contributor', 'Bruno');
});

afterAll(async () => {
  await site?.close();
});

async function pageFor(user: User): Promise<{ page: Page; problems: string[] }> {
  const page = await site.newPage();
  await site.signIn(page, user);
  return { page, problems: watchProblems(page) };
}

/** Clicks at the end of the visual editor's n-th paragraph and types there. */
async function typeInParagraph(page: Page, index: number, text: string): Promise<void> {
  await visualContent(page).locator('p').nth(index).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

const THREE = 'Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.';

describe('two people editing the same page', () => {
  it('merges edits to different paragraphs: the second save reports a merge and keeps both changes', async () => {
    await seedPage(site, alice, 'Fusion', THREE);
    const a = await pageFor(alice);
    const b = await pageFor(bruno);
    await openEditor(a.page, 'Fusion');
    await openEditor(b.page, 'Fusion');

    // Alice edits visually: only the paragraph she touched is rewritten.
    await typeInParagraph(a.page, 0, ' Ajout d’Alice.');
    expect(await submitEdit(a.page)).toBe(200);
    expect(new URL(a.page.url()).searchParams.get('notice')).toBe('saved');

    await chooseMode(b.page, 'source');
    await replaceSource(b.page, THREE.replace('Troisième paragraphe.', 'Troisième paragraphe, revu par Bruno.'));
    expect(await submitEdit(b.page)).toBe(200);
    expect(new URL(b.page.url()).searchParams.get('notice')).toBe('merged');
    await expect(b.page.locator('main .notice').textContent()).resolves.toContain('fusionnées');
    expect(await rawText(b.page, 'Fusion')).toBe('Premier paragraphe. Ajout d’Alice.\n\nDeuxième paragraphe.\n\nTroisième paragraphe, revu par Bruno.');
    expect([...a.problems, ...b.problems]).toEqual([]);
  });

  it('shows the conflict screen for overlapping edits, keeping the second person’s text', async () => {
    await seedPage(site, alice, 'Conflit', THREE);
    const a = await pageFor(alice);
    const b = await pageFor(bruno);
    await openEditor(a.page, 'Conflit');
    await openEditor(b.page, 'Conflit');

    await typeInParagraph(a.page, 1, ' Version d’Alice.');
    expect(await submitEdit(a.page)).toBe(200);
    await typeInParagraph(b.page, 1, ' Version de Bruno.');
    const mine = await postedText(b.page);
    expect(mine).toBe(THREE.replace('Deuxième paragraphe.', 'Deuxième paragraphe. Version de Bruno.'));

    expect(await submitEdit(b.page)).toBe(409);
    await expect(b.page.locator('#conflict-heading').textContent()).resolves.toBe('Conflit de modification');
    await expect(b.page.locator('#current-text').inputValue()).resolves.toContain('Version d’Alice.');
    // The editor is mounted again on the conflict screen, holding Bruno's text.
    await b.page.locator('.editor .editor-modes').waitFor();
    await expect(postedText(b.page)).resolves.toBe(mine);
    expect(await rawText(b.page, 'Conflit')).toContain('Version d’Alice.');
    expect(await rawText(b.page, 'Conflit')).not.toContain('Version de Bruno.');
    expect([...a.problems, ...b.problems]).toEqual([]);
  });
});

describe('links', () => {
  it('turns a red link blue once its page is created', async () => {
    await seedPage(site, alice, 'Page A', 'Voir [[Page B]] pour la suite.');
    const { page, problems } = await pageFor(alice);
    await visit(page, '/wiki/Page_A');
    const link = page.locator('#mw-content-text a', { hasText: 'Page B' });
    await expect(link.getAttribute('class')).resolves.toBe('new');
    await expect(link.getAttribute('href')).resolves.toBe('/wiki/Page_B?action=edit&redlink=1');

    await link.click();
    await page.locator('.editor .editor-modes').waitFor();
    await visualContent(page).click();
    await page.keyboard.type('La suite, enfin écrite.');
    expect(await submitEdit(page)).toBe(200);

    await visit(page, '/wiki/Page_A');
    await expect(link.getAttribute('class')).resolves.toBeNull();
    await expect(link.getAttribute('href')).resolves.toBe('/wiki/Page_B');
    expect(problems).toEqual([]);
  });
});
