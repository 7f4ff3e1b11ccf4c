import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/core/i18n/index.ts';
import type { User } from '../../src/modules/accounts/index.ts';
import { chooseMode, openEditor, seedPage, submitEdit, title, visualContent, watchProblems } from './editing.ts';
import { expectAccessible, htmlLang, startSite, visit, type Site } from './support.ts';

let site: Site;
let admin: User;

const GUIDE = [
  '## Présentation',
  '',
  'Un guide avec **gras**, *italique*, [[Accueil]], [[Page manquante]] et une note[^1].',
  '',
  '| Outil | Usage |',
  '|---|---|',
  '| Wiki | Documenter |',
  '',
  '- [ ] à faire',
  '- [x] fait',
  '',
  '## Détails',
  '',
  'Suite du guide.',
  '',
  '[^1]: La note.',
  '',
  '[[Catégorie:Outils]]',
].join('\n');

beforeAll(async () => {
  site = await startSite();
  admin = await site.createUser('admin', 'Ada Admin');
  await seedPage(site, admin, 'Accueil', 'Bienvenue sur le wiki. Voir le [[Guide]].');
  await seedPage(site, admin, 'Guide', GUIDE);
  await seedPage(site, admin, 'Guide', `${GUIDE}\n\nUne phrase de plus.`);
  await seedPage(site, admin, 'Catégorie:Outils', 'Les outils de la communauté.');
});

afterAll(async () => {
  await site?.close();
});

async function adminPage(locale: Locale = 'fr-CA'): Promise<Page> {
  const page = await site.newPage({ locale });
  await site.signIn(page, admin);
  return page;
}

async function check(page: Page, path: string, status: number, label: string): Promise<void> {
  expect(await visit(page, path), `status of ${label}`).toBe(status);
  await expectAccessible(page, label);
}

describe('wiki pages are accessible (axe, WCAG 2.2 AA)', () => {
  it('reading pages, history, diff and the page actions', async () => {
    const page = await adminPage();
    const guide = await site.m.wiki.wiki.page(title('Guide'));
    await check(page, '/wiki/Guide', 200, 'page view');
    await check(page, '/wiki/Guide?action=history', 200, 'history');
    await check(page, `/wiki/Guide?diff=prev&oldid=${guide!.latestRevId}`, 200, 'diff');
    await check(page, '/wiki/Catégorie:Outils', 200, 'category page');
    await check(page, '/wiki/Page_manquante', 404, 'missing page');
    await check(page, '/wiki/Guide?action=move', 200, 'move form');
    await check(page, '/wiki/Guide?action=delete', 200, 'delete form');
    await check(page, '/wiki/Guide?action=protect', 200, 'protect form');
  });

  it('special pages', async () => {
    const page = await adminPage();
    const specials = [
      'Modifications_récentes', 'Toutes_les_pages', 'Pages_liées/Accueil', 'Catégories', 'Pages_demandées', 'Pages_orphelines',
      'Statistiques', `Contributions/${encodeURIComponent('Ada Admin')}`, 'Journal', 'Liste_de_suivi', 'Notifications',
      'Recherche', 'Recherche?q=guide', 'Recherche?q=aucunmotpareil', 'Téléverser', 'Liste_des_fichiers',
    ];
    for (const name of specials) await check(page, `/wiki/Spécial:${name}`, 200, `Spécial:${name}`);
  });

  for (const locale of ['fr-CA', 'en-CA'] as const) {
    it(`edit page with the editor mounted, in both modes, with its dialog and draft notice [${locale}]`, async () => {
      const page = await adminPage(locale);
      const problems = watchProblems(page);
      await openEditor(page, 'Accueil');
      expect(await htmlLang(page)).toBe(locale);
      await expectAccessible(page, `edit page, visual mode [${locale}]`);
      await chooseMode(page, 'source');
      await expectAccessible(page, `edit page, source mode [${locale}]`);

      // A page the visual mode cannot fully represent: the note and the Markdown blocks.
      await openEditor(page, 'Guide');
      await expectAccessible(page, `edit page with Markdown blocks, source mode [${locale}]`);
      await chooseMode(page, 'visual');
      await expect(visualContent(page).locator('pre.markdown-block').count()).resolves.toBeGreaterThan(0);
      await expectAccessible(page, `edit page with Markdown blocks, visual mode [${locale}]`);

      await page.locator('.editor-toolbar .tool-link').click();
      await page.locator('dialog.link-dialog').waitFor();
      await expectAccessible(page, `link dialog [${locale}]`);
      await page.keyboard.press('Escape');

      // A draft that differs from the page: the restore notice.
      await visualContent(page).locator('p').first().click();
      await page.keyboard.type(' Brouillon.');
      await expect.poll(() => page.locator('.editor-draft-status').textContent(), { timeout: 8000 }).not.toBe('');
      await page.reload();
      await page.locator('#draft-notice').waitFor();
      await expectAccessible(page, `edit page with a draft notice [${locale}]`);
      await page.locator('#draft-notice button.secondary').click();
      expect(problems).toEqual([]);
    });
  }

  it('edit page at 320 px: no sideways scrolling in either mode (WCAG 1.4.10)', async () => {
    const page = await site.newPage({ width: 320 });
    await site.signIn(page, admin);
    await openEditor(page, 'Guide');
    for (const mode of ['source', 'visual'] as const) {
      await chooseMode(page, mode);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, `${mode} mode at 320 px`).toBeLessThanOrEqual(clientWidth);
    }
  });

  it('edit conflict screen', async () => {
    await seedPage(site, admin, 'Conflit a11y', 'Une ligne.');
    const page = await adminPage();
    await openEditor(page, 'Conflit a11y');
    await seedPage(site, admin, 'Conflit a11y', 'Une ligne changée ailleurs.');
    await visualContent(page).locator('p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Et la mienne.');
    expect(await submitEdit(page)).toBe(409);
    await page.locator('.editor .editor-modes').waitFor();
    await expectAccessible(page, 'edit conflict');
  });
});
