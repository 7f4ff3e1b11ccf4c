import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render } from '../../modules/markup/index.ts';
import { testEnv } from '../../modules/markup/testing.ts';
import { armorFrenchSpaces } from '../../modules/markup/typography.ts';
import { escapeMarkdownText } from './escape.ts';
import { markdownKit } from './kit.ts';

const decode = (html: string): string =>
  html.replace(/&#160;/g, '\u00a0').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The text the server shows for one Markdown paragraph, or undefined if it is not plain text. */
function serverText(markdown: string): string | undefined {
  const html = render(markdown, 'markdown', testEnv()).html;
  const m = /^<p>([^<]*)<\/p>\n$/.exec(html);
  return m ? decode(m[1]!) : undefined;
}

describe('escapeMarkdownText', () => {
  it.each([
    ['a & b < c > d', 'a & b < c > d'],
    ['mot_clé et 5 * 3', 'mot_clé et 5 * 3'],
    ['*gras* et _souligné_', '\\*gras\\* et \\_souligné\\_'],
    ['[[Page]] et [^1] et [x](y)', '\\[[Page]] et \\[^1] et \\[x](y)'],
    ['[crochets] simples', '[crochets] simples'],
    ['&amp; et &#233;', '&amp;amp; et &amp;#233;'],
    ['<b>pas du HTML</b>', '&lt;b>pas du HTML&lt;/b>'],
    ['~5 km', '~5 km'],
    ['`code` et ~~barré~~ et ~5 km', '\\`code\\` et \\~\\~barré\\~\\~ et \\~5 km'],
    ['C:\\dossier et \\*', 'C:\\dossier et \\\\\\*'],
    ['# pas un titre', '\\# pas un titre'],
    ['1. pas une liste', '1\\. pas une liste'],
    ['- pas une liste\n> pas une citation', '\\- pas une liste\n\\> pas une citation'],
    ['#REDIRECTION', '#REDIRECTION'],
  ])('%s', (text, expected) => {
    expect(escapeMarkdownText(text)).toBe(expected);
  });

  it('leaves a line start alone when the text does not begin a line', () => {
    expect(escapeMarkdownText('> suite', { atLineStart: false })).toBe('> suite');
    expect(escapeMarkdownText('a]b', { inLink: true })).toBe('a\\]b');
  });

  it('gives back the same text through the server renderer', () => {
    const alphabet = fc.constantFrom('a', 'é', 'Z', '1', ' ', '*', '_', '[', ']', '(', ')', '`', '~', '&', '#', ';', '<', '>', '\\', '-', '+', '=', '.', '|', '^', '/');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 24 }), (chars) => {
        const text = chars.join('').replace(/ {2,}/g, ' ').trim();
        fc.pre(text !== '' && !/^[-+*]$|^\d+[.)]?$|^[=-]+$|^#+$/.test(text));
        expect(serverText(escapeMarkdownText(text)), JSON.stringify(text)).toBe(armorFrenchSpaces(text));
      }),
      { numRuns: 500 },
    );
  });

  // Its reader (marked + TipTap) also reads `a) b` as a lettered list; toVisual rejects those.
  it('gives back the same text through the visual editor', () => {
    const { manager } = markdownKit();
    const alphabet = fc.constantFrom('a', 'é', ' ', '*', '_', '[', ']', '(', '`', '~', '&', '<', '>', '\\', '#', '!');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 20 }), (chars) => {
        const text = chars.join('').replace(/ {2,}/g, ' ').trim();
        fc.pre(text !== '');
        const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
        const back = manager.parse(manager.serialize(doc));
        expect(back.content?.[0]?.content, JSON.stringify(text)).toEqual([{ type: 'text', text }]);
      }),
      { numRuns: 300 },
    );
  });
});
