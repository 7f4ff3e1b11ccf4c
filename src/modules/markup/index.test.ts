import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectLinks, redirectTarget, render } from './index.ts';
import { testEnv, unsafeParts } from './testing.ts';

describe('collectLinks', () => {
  it('lists link targets once, in order, with the redirect target and Special: pages', () => {
    const src = '#REDIRECTION [[Accueil]]\n[[b]] [[Accueil]] [[:Catégorie:Outils]] [[Catégorie:Outils]] [[Spécial:Recherche]] [[#x]] [[B#y]] `[[C]]`';
    expect(collectLinks(src, 'markdown')).toEqual(['Accueil', 'B', 'Catégorie:Outils', 'Spécial:Recherche']);
    expect(render(src, 'markdown', testEnv()).links).toEqual(['Accueil', 'B', 'Catégorie:Outils']);
  });

  it('agrees with render', () => {
    const piece = fc.oneof(
      fc.constantFrom('[[', ']]', '|', '#', ':', 'Catégorie:', 'Spécial:', 'Fichier:', 'vignette', 'lien=', 'Accueil', 'x', ' ', '\n', '\n\n', '`', '```\n', '*', '<b>', '%41', '&amp;', '#REDIRECTION '),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const src = parts.join('');
        const r = render(src, 'markdown', testEnv());
        expect(r.links).toEqual(collectLinks(src, 'markdown').filter((k) => !k.startsWith('Spécial:')));
        expect(unsafeParts(r.html)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('redirectTarget', () => {
  it('reads the same syntax in both models', () => {
    expect(redirectTarget('#REDIRECTION [[Aide:Modifier]]', 'markdown')?.key).toBe('Aide:Modifier');
    expect(redirectTarget('#REDIRECT [[Aide:Modifier]]', 'wikitext')?.key).toBe('Aide:Modifier');
    expect(redirectTarget('Voir [[Aide:Modifier]]', 'markdown')).toBeUndefined();
  });
});

describe('render', () => {
  it('renders the wikitext model inside MediaWiki\'s mw-parser-output wrapper, links collected before expansion', () => {
    expect(render('Voir [[Accueil]].', 'wikitext', testEnv()).html).toContain('<div class="mw-parser-output">');
    expect(collectLinks('Voir [[Accueil]] et [[Catégorie:X]].', 'wikitext')).toContain('Accueil');
  });

  it('is deterministic and has no state between calls', () => {
    const src = '## A\n\n[[Accueil]] [^1] https://example.org <span id="x">y</span>\n\n[^1]: n\n\n## A';
    const first = render(src, 'markdown', testEnv());
    render('[^1] autre page\n\n[^1]: m\n\n## A', 'markdown', testEnv());
    expect(render(src, 'markdown', testEnv())).toEqual(first);
  });

  it('returns no templates for Markdown', () => {
    expect(render('{{Modèle}}', 'markdown', testEnv()).templates).toEqual([]);
  });
});

describe('unsafeParts (the test oracle)', () => {
  it.each([
    '<script>x</script>',
    '<a href="javascript:x">a</a>',
    '<a href=" java&#x09;script:x">a</a>',
    '<img src="data:image/png,xx">',
    '<p onclick="x">a</p>',
    '<div style="background:url(x)">a</div>',
    '<iframe></iframe>',
    'a < b <p',
  ])('flags %s', (bad) => {
    expect(unsafeParts(bad)).not.toEqual([]);
  });
});
