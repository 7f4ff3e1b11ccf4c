import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/modules/accounts/index.ts';
import {
  chooseMode, modeRadio, openEditor, paste, postedText, rawText, replaceSource, seedPage, sourceContent, submitEdit, visualContent, watchProblems,
} from './editing.ts';
import { expectAccessible, focused, startSite, visit, type Site } from './support.ts';

let site: Site;
let author: User;

beforeAll(async () => {
  site = await startSite();
  author = await site.createUser('contributor', 'Claire Rédactrice');
});

afterAll(async () => {
  await site?.close();
});

async function signedInPage() {
  const page = await site.newPage();
  await site.signIn(page, author);
  return { page, problems: watchProblems(page) };
}

describe('visual editor', () => {
  it('creates a page with a heading, bold text and wiki links typed through the interface', async () => {
    const { page, problems } = await signedInPage();
    await openEditor(page, 'Essai visuel');
    await expect(modeRadio(page, 'visual').isChecked()).resolves.toBe(true);
    await expect(page.locator('#f-text').isHidden()).resolves.toBe(true);

    await visualContent(page).click();
    await page.getByRole('button', { name: 'Titre', exact: true }).click();
    await page.keyboard.type('Présentation');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Du texte ');
    await page.keyboard.press('ControlOrMeta+b');
    await page.keyboard.type('gras');
    await page.keyboard.press('ControlOrMeta+b');
    await page.keyboard.type(' et ');
    await page.getByRole('button', { name: 'Lien vers une page' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lien vers une page du wiki' });
    await dialog.getByLabel('Titre de la page').fill('Page cible');
    await dialog.getByLabel('Texte affiché (facultatif)').fill('un lien');
    await dialog.getByRole('button', { name: 'Insérer le lien' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);
    // Typing or pasting the wiki syntax works too.
    await page.keyboard.type('. Voir [[Accueil]]');
    await paste(page, ' et [[Aide:Modifier|l’aide]]');
    await page.keyboard.type(' pour la suite.');
    await page.locator('#f-summary').fill('Création en mode visuel');

    expect(await submitEdit(page)).toBe(200);
    expect(new URL(page.url()).searchParams.get('notice')).toBe('saved');
    const content = page.locator('#mw-content-text');
    await expect(content.locator('h2').textContent()).resolves.toContain('Présentation');
    await expect(content.locator('strong').textContent()).resolves.toBe('gras');
    await expect(content.locator('a', { hasText: 'un lien' }).getAttribute('class')).resolves.toBe('new');
    await expect(content.locator('a', { hasText: 'Accueil' }).getAttribute('href')).resolves.toBe('/wiki/Accueil');
    await expect(content.locator('a', { hasText: 'l’aide' }).count()).resolves.toBe(1);
    expect(JSON.stringify(await rawText(page, 'Essai visuel'))).toBe(JSON.stringify('## Présentation\n\nDu texte **gras** et [[Page cible|un lien]]. Voir [[Accueil]] et [[Aide:Modifier|l’aide]] pour la suite.'));
    expect(problems).toEqual([]);
  });
});

describe('keyboard', () => {
  it('reaches the mode switch, the toolbar (one stop, arrow keys inside) and the text, each with a visible focus', async () => {
    const { page, problems } = await signedInPage();
    await openEditor(page, 'Essai clavier');
    await modeRadio(page, 'visual').focus();
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'button', text: 'Titre', indicator: true });
    await page.keyboard.press('ArrowRight');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'button', text: 'Sous-titre', indicator: true });
    await page.keyboard.press('End');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Lien vers une page' });
    await page.keyboard.press('Tab');
    const editor = await page.evaluate(() => document.activeElement?.getAttribute('role'));
    expect(editor).toBe('textbox');
    await page.keyboard.type('Au clavier.');
    await page.keyboard.press('Shift+Tab');
    // Back in the toolbar, on the button used last.
    await expect(focused(page)).resolves.toMatchObject({ text: 'Lien vers une page' });
    // Clicking the field's label puts the cursor in the editor.
    await page.locator('#f-text-label').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.editor-visual') !== null)).toBe(true);
    await expect(postedText(page)).resolves.toBe('Au clavier.');
    expect(problems).toEqual([]);
  });

  it('leaves the plain text field working when the page loads without the island', async () => {
    const page = await site.newPage();
    await site.signIn(page, author);
    await page.route('**/assets/islands/**', (route) => route.abort());
    await visit(page, '/wiki/Sans_JS?action=edit');
    await expect(page.locator('#f-text').isVisible()).resolves.toBe(true);
    await page.locator('#f-text').fill('Écrit sans éditeur.');
    expect(await submitEdit(page)).toBe(200);
    expect(await rawText(page, 'Sans JS')).toBe('Écrit sans éditeur.');
  });
});

describe('source editor', () => {
  it('edits section 2 of a page: only that section changes', async () => {
    const before = '## Un\n\nPremier paragraphe.\n\n## Deux\n\nDeuxième paragraphe.\n\n## Trois\n\nTroisième paragraphe.\n';
    await seedPage(site, author, 'Sections', before);
    const { page, problems } = await signedInPage();
    const stored = await rawText(page, 'Sections');
    await openEditor(page, 'Sections', '&section=2');
    await chooseMode(page, 'source');
    await expect(sourceContent(page).textContent()).resolves.toContain('Deuxième paragraphe.');
    await replaceSource(page, '## Deux\n\nDeuxième paragraphe, **réécrit**.\n');
    expect(await submitEdit(page)).toBe(200);
    expect(await rawText(page, 'Sections')).toBe(stored.replace('Deuxième paragraphe.', 'Deuxième paragraphe, **réécrit**.'));
    expect(problems).toEqual([]);
  });
});

describe('wikitext pages', () => {
  it('edits a section of a wikitext page in the source editor only, and previews it as MediaWiki renders it', async () => {
    await seedPage(site, author, 'Page importée', "Intro.\n\n== Atelier ==\n\nTexte ''ancien''.\n\n== Suite ==\n\nFin.", 'wikitext');
    const { page, problems } = await signedInPage();
    expect(await visit(page, '/wiki/Page_import%C3%A9e?action=edit&section=1')).toBe(200);
    await sourceContent(page).waitFor();
    await expect(page.locator('.editor .editor-modes').count()).resolves.toBe(0);
    await expect(visualContent(page).isVisible()).resolves.toBe(false);
    await expect(page.locator('#editor-note').textContent()).resolves.toContain('wikitexte');
    await expect(sourceContent(page).textContent()).resolves.toContain("Texte ''ancien''.");
    await replaceSource(page, "== Atelier ==\n\nTexte '''nouveau'''.");
    expect(await submitEdit(page, 'preview')).toBe(200);
    await expect(page.locator('.preview b').textContent()).resolves.toBe('nouveau');
    await sourceContent(page).waitFor();
    expect(await submitEdit(page)).toBe(200);
    expect(await rawText(page, 'Page importée')).toBe("Intro.\n\n== Atelier ==\n\nTexte '''nouveau'''.\n\n== Suite ==\n\nFin.");
    await expect(page.locator('#mw-content-text .mw-parser-output b').textContent()).resolves.toBe('nouveau');
    expect(problems).toEqual([]);
  });

  it('highlights wikitext (templates, links, headings, bold, comments, tags) and saves the text byte for byte', async () => {
    const text = [
      '== Présentation ==',
      "Un '''atelier''' sur [[Accueil|la page d’accueil]] et {{Modèle:Bandeau|sujet=culture}}.<ref>Source</ref>",
      '<!-- note interne -->',
      '{{#if: oui | vrai | faux }}',
      '[[Catégorie:Ateliers]]',
    ].join('\n');
    await seedPage(site, author, 'Wikitexte coloré', text, 'wikitext');
    const { page, problems } = await signedInPage();
    const stored = await rawText(page, 'Wikitexte coloré');
    expect(await visit(page, '/wiki/Wikitexte_color%C3%A9?action=edit')).toBe(200);
    // The wikitext mode arrives as a chunk; the editor marks itself once it is in place.
    await page.locator('.editor-source .cm-editor[data-highlighting="wikitext"]').waitFor();
    const content = sourceContent(page);
    for (const token of ['template-name', 'link-pagename', 'section-header', 'apostrophes', 'strong', 'comment', 'exttag-name', 'parserfunction-name']) {
      await expect(content.locator(`[class*="cm-mw-${token}"]`).count(), token).resolves.toBeGreaterThan(0);
    }
    await expect(content.locator('[class*="cm-mw-template-name"]').first().textContent()).resolves.toContain('Modèle:Bandeau');
    // Accessibility as for Markdown: labelled, spell-checked, Tab leaves the editor.
    await expect(content.getAttribute('aria-labelledby')).resolves.toBe('f-text-label');
    await expect(content.getAttribute('spellcheck')).resolves.toBe('true');
    await expectAccessible(page, 'wikitext edit page with highlighting');
    await expect(postedText(page)).resolves.toBe(stored);
    await content.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n{{Pied}}');
    await page.keyboard.press('Tab');
    await expect(focused(page).then((f) => f?.tag)).resolves.not.toBe('div');
    await expect(content.locator('[class*="cm-mw-template-name"]').last().textContent()).resolves.toBe('Pied');
    await expect(postedText(page)).resolves.toBe(`${stored}\n{{Pied}}`);
    expect(await submitEdit(page)).toBe(200);
    expect(await rawText(page, 'Wikitexte coloré')).toBe(`${stored}\n{{Pied}}`);
    expect(problems).toEqual([]);
  });
});

describe('server preview', () => {
  it('previews what the visual editor holds, then comes back to the editor with the same text', async () => {
    const { page, problems } = await signedInPage();
    await openEditor(page, 'Aperçu');
    await visualContent(page).click();
    await page.keyboard.type('Texte ');
    await page.keyboard.press('ControlOrMeta+i');
    await page.keyboard.type('prévisualisé');
    expect(await submitEdit(page, 'preview')).toBe(200);
    await expect(page.locator('.preview .page-content em').textContent()).resolves.toBe('prévisualisé');
    await page.locator('.editor .editor-modes').waitFor();
    await expect(postedText(page)).resolves.toBe('Texte *prévisualisé*');
    await expect(page.locator('#draft-notice').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('switching modes', () => {
  const PAGE = [
    '# Fiche [[Accueil|d’accueil]]',
    '',
    'Voir [[Aide:Modifier]], [[Charte#Principes]] et [[Page|texte *riche*]].',
    '',
    'Une note[^1].',
    '',
    '| Outil | Lien |',
    '|---|---|',
    '| Wiki | [[Accueil\\|accueil]] |',
    '',
    '- [ ] à faire',
    '- [x] fait',
    '',
    '- simple',
    '- liste',
    '',
    '[^1]: Le texte de la note.',
    '',
    '[[Catégorie:Outils]]',
    '[[Catégorie:Guides|Fiche]]',
    '',
  ].join('\n');

  it('posts byte-identical text after switching back and forth without editing', async () => {
    await seedPage(site, author, 'Aller-retour', PAGE);
    const { page, problems } = await signedInPage();
    const stored = await rawText(page, 'Aller-retour');
    await openEditor(page, 'Aller-retour');
    await expect(postedText(page)).resolves.toBe(stored);
    // Tables, task lists and footnotes cannot be shown visually: source mode is the default.
    await expect(modeRadio(page, 'source').isChecked()).resolves.toBe(true);
    await expect(page.locator('#editor-note').isVisible()).resolves.toBe(true);
    for (let i = 0; i < 3; i++) {
      await chooseMode(page, 'visual');
      await expect(visualContent(page).locator('pre.markdown-block').count()).resolves.toBeGreaterThan(0);
      await expect(visualContent(page).locator('a.wiki-link').count()).resolves.toBeGreaterThan(2);
      await expect(postedText(page)).resolves.toBe(stored);
      await chooseMode(page, 'source');
      await expect(postedText(page)).resolves.toBe(stored);
    }
    await chooseMode(page, 'visual');
    expect(await submitEdit(page)).toBe(200);
    expect(new URL(page.url()).searchParams.get('notice')).toBe('unchanged');
    expect(problems).toEqual([]);
  });
});
