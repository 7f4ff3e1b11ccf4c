import { describe, expect, it } from 'vitest';
import { render } from './index.ts';
import { sanitizeStyle } from './css.ts';
import { escapeDanglingTag, markRaw, sanitize, sanitizeRendered } from './sanitize.ts';
import { testEnv, unsafeParts, XSS_VECTORS as VECTORS } from './testing.ts';

describe('sanitize: XSS vectors', () => {
  it.each(VECTORS)('%s', (vector) => {
    const { html } = sanitize(vector);
    expect(unsafeParts(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<iframe|<svg|<style|<object|<embed|<form|<meta|<base|<link|<math|<textarea/i);
  });

  it.each(VECTORS)('in a Markdown page: %s', (vector) => {
    const r = render(`Texte\n\n${vector}\n\nSuite [[Accueil]] *fin*`, 'markdown', testEnv());
    expect(unsafeParts(r.html)).toEqual([]);
  });

  it('shows refused tags as text, as MediaWiki does', () => {
    expect(sanitize('<script>alert(1)</script>').html).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sanitize('<b onclick="x()">gras</b>').html).toBe('<b>gras</b>');
  });

  it('keeps safe links and marks external ones', () => {
    const r = sanitize('<a href="https://example.org/a?b=1&amp;c=2" rel="me" class="x">a</a> <a href="/wiki/Accueil" rel="me">b</a> <a href="//cdn.example/">c</a> <a href="#x">d</a>');
    expect(r.html).toBe(
      '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener" class="x external">a</a> <a href="/wiki/Accueil">b</a> ' +
        '<a href="//cdn.example/" rel="nofollow noopener" class="external">c</a> <a href="#x">d</a>',
    );
    expect(r.externalLinks).toEqual(['https://example.org/a?b=1&c=2', '//cdn.example/']);
  });

  it('drops javascript: and data: URLs but keeps the element', () => {
    expect(sanitize('<a href="javascript:alert(1)">x</a>').html).toBe('<a>x</a>');
    expect(sanitize('<img src="data:image/png;base64,AAAA" alt="y">').html).toBe('<img alt="y" />');
  });

  it('keeps only disabled checkboxes', () => {
    expect(sanitize('<input type="checkbox" checked onclick="x()"><input type="text" value="x"><input type="password">').html).toBe(
      '<input type="checkbox" disabled checked />',
    );
  });

  it('normalises ids and drops those of the page shell', () => {
    expect(sanitize('<span id="jalon 1">a</span><span id="toc">b</span><span id="mw-toc-heading">c</span>').html).toBe(
      '<span id="jalon_1">a</span><span>b</span><span>c</span>',
    );
  });

  it('keeps global attributes, aria-* and data-* but not data-mw*', () => {
    expect(sanitize('<span class="a" lang="en" dir="rtl" role="note" aria-label="x" data-ok="1" data-mw="{}" data-parsoid="{}">t</span>').html).toBe(
      '<span class="a" lang="en" dir="rtl" role="note" aria-label="x" data-ok="1">t</span>',
    );
    expect(sanitize('<bdo dir="sideways">t</bdo>').html).toBe('<bdo>t</bdo>');
  });

  it('closes unclosed tags', () => {
    expect(sanitize('<b><i>x').html).toBe('<b><i>x</i></b>');
  });

  it('puts generated markup back only where it stands as text', () => {
    const generated = '<p class="gen">ok</p>';
    expect(sanitizeRendered(`${generated}${markRaw('<div title="x">')}${generated}${markRaw('</div>')}`).html).toBe(
      '<p class="gen">ok</p><div title="x"><p class="gen">ok</p></div>',
    );
    // A broken tag in author HTML is shown as text; what follows is kept.
    expect(sanitizeRendered(`${markRaw('<div title="')}${generated}${markRaw('<!-- x')}${generated}`).html).toBe(
      '&lt;div title="<p class="gen">ok</p>&lt;!-- x<p class="gen">ok</p>',
    );
  });

  it.each([
    ['<div title="x">', '<div title="x">'],
    ['<div title="a>b" class=\'c\'>', '<div title="a>b" class=\'c\'>'],
    ['<div title="', '&lt;div title="'],
    ['a <b', 'a &lt;b'],
    ['<!-- done --> <i', '<!-- done --> &lt;i'],
    ['<!-- open', '&lt;!-- open'],
    ['1 < 2', '1 < 2'],
  ])('escapeDanglingTag(%j)', (input, expected) => {
    expect(escapeDanglingTag(input)).toBe(expected);
  });

  it('refuses marker characters in sources', () => {
    const r = render('<span title="\uE0000\uE001">a</span>\uE000 0\uE001 \uE002<script>\uE003', 'markdown', testEnv());
    expect(r.html).not.toMatch(/[\uE000-\uE003]/);
    expect(unsafeParts(r.html)).toEqual([]);
  });
});

describe('sanitize: Markdown URLs', () => {
  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '![x](javascript:alert(1))',
    '![x](data:image/png;base64,AAAA)',
    '<javascript:alert(1)>',
    '[x][r]\n\n[r]: javascript:alert(1)',
    '[x](vbscript:msgbox)',
    '[x](java\tscript:alert(1))',
  ])('%s', (source) => {
    const { html } = render(source, 'markdown', testEnv());
    expect(unsafeParts(html)).toEqual([]);
    expect(html).not.toMatch(/href="(?!\/|#|https?:)/);
  });
});

describe('sanitizeStyle', () => {
  it.each([
    ['color: red; text-align: center', 'color:red;text-align:center'],
    ['COLOR: #fff; background-color: rgb(0, 0, 0)', 'color:#fff;background-color:rgb(0, 0, 0)'],
    ['position: fixed; top: 0; color: blue', 'color:blue'],
    ['margin-top: -500px; margin-left: 1em', 'margin-left:1em'],
    ['display: none', 'display:none'],
    ['display: -webkit-box', undefined],
    ['background: url(x)', undefined],
    ['color: red; background-image: url("x")', undefined],
    ['width: expression(alert(1))', undefined],
    ['\\77idth: 10px', undefined],
    ['color: red /* x */', undefined],
    ['color: var(--x)', undefined],
    ['width: calc(100% - 1px)', undefined],
    ['font-family: "Comic Sans"', undefined],
    ['border: 1px solid #ccc; padding: 0 1em', 'border:1px solid #ccc;padding:0 1em'],
  ])('%s', (style, expected) => {
    expect(sanitizeStyle(style)).toBe(expected);
  });
});
