import { describe, expect, it } from 'vitest';
import { render, type RenderFile } from './index.ts';
import { testEnv } from './testing.ts';

const SOURCE = [
  "'''Atelier''' de [[Accueil|l'accueil]] et [[Page absente]]s. {{Encadré|texte=[[Aide:Modifier]]}}",
  '<nowiki>[[Pas un lien]]</nowiki> <!-- [[Commentaire]] -->',
  '== Étapes ==',
  '* [[Maillage:Charte]] <ref>Voir [[Ancienne page]] et https://example.org/a</ref>',
  '{| class="wikitable"',
  '| [[Cellule]] || {{#if:x|[[Par fonction]]}}',
  '|}',
  '[[Catégorie:Outils|Atelier]] [[Fichier:Absent.png|vignette|[[Légende]]]]',
  '<references />',
].join('\n');

describe('render for indexing (RenderOptions.forIndex)', () => {
  const env = () => testEnv({ pages: new Map([['Modèle:Encadré', '<div>{{{texte}}} [[Depuis le modèle]]</div>']]) } as never);

  it('gives the same links, categories, templates and external links as a full render, and the same words', () => {
    const full = render(SOURCE, 'wikitext', env());
    const index = render(SOURCE, 'wikitext', env(), { forIndex: true });
    for (const k of ['links', 'categories', 'templates', 'externalLinks', 'unresolved'] as const) expect(index[k], k).toEqual(full[k]);
    expect(full.unresolved).toEqual(['Fichier:Absent.png']);
    expect(full.links).toEqual(expect.arrayContaining(['Accueil', 'Page_absente', 'Aide:Modifier', 'Depuis_le_modèle', 'Ancienne_page', 'Cellule', 'Par_fonction', 'Légende']));
    expect(full.links).not.toContain('Pas_un_lien');
    const words = (html: string) => html.replace(/<[^>]*>/g, ' ').match(/[\p{L}\p{N}]+/gu)!.join(' ');
    expect(words(index.html).replace(/ modifier/g, '')).toBe(words(full.html).replace(/ modifier/g, ''));
  });

  it('gives the same links and categories as a full render with the same files', () => {
    const photo: RenderFile = { url: '/f/1/Photo.png', thumbUrl: () => '/t/220/Photo.png', width: 800, height: 600, mime: 'image/png' };
    const source = '[[Fichier:Photo.png|vignette|lien=Accueil|Une [[Légende]]]] [[Fichier:Absent.png]] <gallery>\nFichier:Photo.png|[[Galerie]]\n</gallery> [[Catégorie:Images]]';
    const withFiles = { ...env(), files: new Map([['Fichier:Photo.png', photo]]) } as never;
    const full = render(source, 'wikitext', withFiles);
    const index = render(source, 'wikitext', withFiles, { forIndex: true });
    expect(full.html).toContain('/t/220/Photo.png');
    for (const k of ['links', 'categories', 'templates', 'externalLinks'] as const) expect(index[k], k).toEqual(full[k]);
    expect(full.links).toEqual(expect.arrayContaining(['Accueil', 'Légende', 'Galerie']));
  });

  it('with noFiles (no uploaded file on the wiki), asks for no file: each is missing', () => {
    const source = '[[Fichier:Absent.png|vignette|[[Légende]]]] {{Encadré|texte=x}}';
    const asked = render(source, 'wikitext', env());
    const known = render(source, 'wikitext', { ...env(), noFiles: true } as never);
    expect(asked.unresolved).toEqual(['Fichier:Absent.png']);
    expect(known.unresolved).toEqual([]);
    expect(known.html).toBe(asked.html);
    expect(known.categories).toEqual(asked.categories);
  });

  it('is not the HTML to show: no wrapper, no paragraphs, list items still as written', () => {
    const index = render(SOURCE, 'wikitext', env(), { forIndex: true });
    expect(index.html).not.toContain('mw-parser-output');
    expect(index.html).not.toContain('<p>');
    expect(index.html).toMatch(/^\* <a /m);
  });
});
