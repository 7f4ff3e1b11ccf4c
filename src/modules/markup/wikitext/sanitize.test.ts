import { describe, expect, it } from 'vitest';
import { render } from '../index.ts';
import { testEnv, unsafeParts, XSS_VECTORS } from '../testing.ts';

/** MediaWiki replaces a dangerous style by this comment, which is inert. */
const INSECURE_STYLE = / style="\/\* insecure input \*\/"/g;

describe('wikitext: XSS vectors', () => {
  it.each(XSS_VECTORS)('in a wikitext page: %s', (vector) => {
    const r = render(`Texte\n\n${vector}\n\nSuite [[Accueil]] ''fin''`, 'wikitext', testEnv());
    expect(unsafeParts(r.html.replace(INSECURE_STYLE, ''))).toEqual([]);
    expect(r.html).not.toMatch(/<script|<iframe|<svg|<style|<object|<embed|<form|<meta|<base|<link|<math|<textarea/i);
  });

  it.each(XSS_VECTORS)('in wikitext link, table and image syntax: %s', (vector) => {
    const source = `[[Accueil|${vector}]] [http://example.org ${vector}]\n{| class="${vector}"\n| style="${vector}" | ${vector}\n|}\n[[Fichier:X.png|${vector}]]`;
    const r = render(source, 'wikitext', testEnv());
    expect(unsafeParts(r.html.replace(INSECURE_STYLE, ''))).toEqual([]);
  });

  it('refuses positioning that could cover the interface (stricter than MediaWiki)', () => {
    const r = render('<div style="position: fixed; top: 0">x</div>', 'wikitext', testEnv());
    expect(r.html).toContain('style="/* insecure input */"');
  });

  it('refuses javascript: in external links and image links', () => {
    const r = render('[javascript:alert(1) x] [[Fichier:X.png|link=javascript:alert(1)]]', 'wikitext', testEnv());
    expect(r.html).not.toMatch(/href="javascript/i);
  });
});
