import { describe, expect, it } from 'vitest';
import { render } from './index.ts';
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
    expect(full.links).toEqual(expect.arrayContaining(['Accueil', 'Page_absente', 'Aide:Modifier', 'Depuis_le_modèle', 'Ancienne_page', 'Cellule', 'Par_fonction', 'Légende']));
    expect(full.links).not.toContain('Pas_un_lien');
    const words = (html: string) => html.replace(/<[^>]*>/g, ' ').match(/[\p{L}\p{N}]+/gu)!.join(' ');
    expect(words(index.html).replace(/ modifier/g, '')).toBe(words(full.html).replace(/ modifier/g, ''));
  });

  it('is not the HTML to show: no wrapper, no paragraphs, list items still as written', () => {
    const index = render(SOURCE, 'wikitext', env(), { forIndex: true });
    expect(index.html).not.toContain('mw-parser-output');
    expect(index.html).not.toContain('<p>');
    expect(index.html).toMatch(/^\* <a /m);
  });
});
