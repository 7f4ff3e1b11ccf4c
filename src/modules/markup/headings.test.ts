import { describe, expect, it } from 'vitest';
import { Anchors, fragmentHref, headingAnchor, headingClose, headingOpen, renderToc } from './headings.ts';
import { testEnv } from './testing.ts';
import type { Heading } from './types.ts';

describe('anchors', () => {
  it.each([
    ['Procédure', 'Procédure'],
    ['Mise en  œuvre ', 'Mise_en_œuvre'],
    ['a_b', 'a_b'],
    ['_ref', 'ref'],
    ['Pourquoi\u00A0?', 'Pourquoi_?'],
    ['<script> & "x"', '<script>_&_"x"'],
  ])('%j → %j', (text, anchor) => {
    expect(headingAnchor(text)).toBe(anchor);
  });

  it('suffixes duplicates _2, _3 (ASCII case-insensitively) and skips taken ids', () => {
    const a = new Anchors(['Jalons']);
    expect(['Intro', 'intro', 'Intro', 'Intro_2', 'Jalons', 'toc', 'Été', 'été', ''].map((t) => a.claim(t))).toEqual([
      'Intro', 'intro_2', 'Intro_3', 'Intro_2_2', 'Jalons_2', 'toc_2', 'Été', 'été', 'section',
    ]);
  });

  it('escapes fragments for links as MediaWiki (HTML5 mode)', () => {
    expect(fragmentHref('section with spaces')).toBe('#section_with_spaces');
    expect(fragmentHref('_ref')).toBe('#_ref');
    expect(fragmentHref('100%25 sûr')).toBe('#100%2525_sûr');
  });
});

describe('heading markup', () => {
  const env = testEnv();

  it('puts the edit link beside the heading, named after it', () => {
    const html = headingOpen(2, 'Procédure', 1) + 'Procédure' + headingClose({ level: 2, text: 'Procédure', section: 1 }, env);
    expect(html).toBe(
      '<div class="mw-heading mw-heading2"><h2 id="Procédure">Procédure</h2>' +
        '<span class="mw-editsection"><span class="mw-editsection-bracket" aria-hidden="true">[</span>' +
        '<a href="/wiki/Bac_%C3%A0_sable?action=edit&amp;section=1">modifier<span class="visually-hidden"> Procédure</span></a>' +
        '<span class="mw-editsection-bracket" aria-hidden="true">]</span></span></div>\n',
    );
  });

  it('has no edit link when sections are not editable, and no wrapper for non-section headings', () => {
    expect(headingClose({ level: 3, text: 'x', section: 2 }, testEnv({ editSections: false }))).toBe('</h3></div>\n');
    expect(headingOpen(2, 'x', undefined) + headingClose({ level: 2, text: 'x', section: undefined }, env)).toBe('<h2 id="x"></h2>\n');
  });

  it('escapes anchors and heading text', () => {
    expect(headingOpen(2, '"><x', 1)).toBe('<div class="mw-heading mw-heading2"><h2 id="&quot;&gt;&lt;x">');
    expect(headingClose({ level: 2, text: '<b>', section: 1 }, env)).toContain('<span class="visually-hidden"> &lt;b&gt;</span>');
  });
});

describe('table of contents', () => {
  const h = (level: number, text: string, section: number): Heading => ({ level, text, anchor: headingAnchor(text), section });

  it('is empty below four headings', () => {
    expect(renderToc([h(2, 'A', 1), h(2, 'B', 2), h(2, 'C', 3)], 'Sommaire')).toBe('');
  });

  it('nests and numbers as MediaWiki', () => {
    const toc = renderToc([h(2, 'A', 1), h(3, 'A1', 2), h(4, 'A1a', 3), h(2, 'B', 4), h(4, 'B1', 5), h(3, 'B2', 6), h(2, 'C & D', 7)], 'Sommaire');
    expect(toc).toBe(
      '<nav id="toc" class="toc" aria-labelledby="mw-toc-heading"><h2 id="mw-toc-heading" class="toctitle">Sommaire</h2>\n' +
        '<ul>\n' +
        '<li class="toclevel-1 tocsection-1"><a href="#A"><span class="tocnumber">1</span> <span class="toctext">A</span></a><ul>\n' +
        '<li class="toclevel-2 tocsection-2"><a href="#A1"><span class="tocnumber">1.1</span> <span class="toctext">A1</span></a><ul>\n' +
        '<li class="toclevel-3 tocsection-3"><a href="#A1a"><span class="tocnumber">1.1.1</span> <span class="toctext">A1a</span></a></li>\n' +
        '</ul>\n</li>\n</ul>\n</li>\n' +
        '<li class="toclevel-1 tocsection-4"><a href="#B"><span class="tocnumber">2</span> <span class="toctext">B</span></a><ul>\n' +
        '<li class="toclevel-2 tocsection-5"><a href="#B1"><span class="tocnumber">2.1</span> <span class="toctext">B1</span></a></li>\n' +
        '<li class="toclevel-2 tocsection-6"><a href="#B2"><span class="tocnumber">2.2</span> <span class="toctext">B2</span></a></li>\n' +
        '</ul>\n</li>\n' +
        '<li class="toclevel-1 tocsection-7"><a href="#C_&amp;_D"><span class="tocnumber">3</span> <span class="toctext">C &amp; D</span></a></li>\n' +
        '</ul>\n</nav>\n',
    );
  });

  it('keeps the first heading level as the top even when a later one is higher', () => {
    const toc = renderToc([h(3, 'a', 1), h(3, 'b', 2), h(2, 'c', 3), h(3, 'd', 4)], 'T');
    expect(toc.match(/tocnumber">[^<]*/g)).toEqual(['tocnumber">1', 'tocnumber">2', 'tocnumber">3', 'tocnumber">3.1']);
    expect(toc.match(/<ul>/g)).toHaveLength(2);
    expect(toc.match(/<\/ul>/g)).toHaveLength(2);
  });
});
