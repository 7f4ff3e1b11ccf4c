import { describe, expect, it } from 'vitest';
import { sourceOf, type PPNodes } from './nodes.ts';
import { buildTree } from './tree.ts';

const page = (text: string): PPNodes => buildTree(text, { forInclusion: false, extensionTags: ['nowiki', 'pre', 'ref'] });
const include = (text: string): PPNodes => buildTree(text, { forInclusion: true, extensionTags: ['nowiki', 'pre', 'ref'] });

/** A compact picture of a tree: templates as T(title|parts), arguments as A(…), headings as H2(…). */
function show(nodes: PPNodes): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return n;
      switch (n.type) {
        case 'template':
        case 'tplarg':
          return `${n.type === 'template' ? 'T' : 'A'}(${show(n.title)}${n.parts.map((p) => '|' + (p.index ? show(p.value) : `${show(p.name)}=${show(p.value)}`)).join('')})`;
        case 'comment':
          return `C[${n.text}]`;
        case 'ignore':
          return `I[${n.text}]`;
        case 'ext':
          return `E<${n.name}${n.attr}>${n.inner ?? '/'}`;
        case 'h':
          return `H${n.level}${n.root ? '' : '?'}(${show(n.children)})`;
        case 'equals':
          return '=';
      }
    })
    .join('');
}

describe('preprocessor tree', () => {
  it.each([
    ['{{a|b|c=d}}', 'T(a|b|c=d)'],
    ['{{{x|défaut}}}', 'A(x|défaut)'],
    ['{{{{{1}}}}}', 'T(A(1))'],
    ['{{{{a}}}}', '{A(a)}'],
    ['{{a|[[b|c]]|d}}', 'T(a|[[b|c]]|d)'],
    ['{{a|b=c=d}}', 'T(a|b=c=d)'],
    ['{{a}', '{{a}'],
    ['}}{{', '}}{{'],
    ['[[a|{{b}}]]', '[[a|T(b)]]'],
    ['{{a|{{b}}|{{{c}}}}}', 'T(a|T(b)|A(c))'],
  ])('groups braces in %j', (text, expected) => {
    expect(show(page(text))).toBe(expected);
  });

  it('lets the rightmost opening win and leaves unmatched braces as text', () => {
    expect(show(page('{{[[Foo|bar}}]]'))).toBe('{{[[Foo|bar}}]]');
    expect(show(page('{{1x|[[Foo}}|bar]]|bat}}'))).toBe('T(1x|[[Foo}}|bar]]|bat)');
    expect(show(page('{{{{{{x}}}}}}'))).toBe('A(A(x))');
  });

  it('marks headings at the top of the tree only', () => {
    expect(show(page('== A ==\ntext\n=B=\n'))).toBe('H2(== A ==)\ntext\nH1(=B=)\n');
    expect(show(page('{{x|\n== A ==\n}}'))).toBe('T(x|\nH2?(== A ==)\n)');
    expect(show(page('==A== <!-- c -->\n'))).toBe('H2(==A== C[<!-- c -->])\n');
    expect(show(page('=\n'))).toBe('=\n');
  });

  it('eats comment-only lines with their spaces and line break', () => {
    expect(show(page('a\n  <!-- x --> <!-- y -->\nb'))).toBe('a\nC[  <!-- x --> ]C[<!-- y -->\n]b');
    expect(show(page('a <!-- x --> b'))).toBe('a C[<!-- x -->] b');
    expect(show(page('a<!-- unclosed'))).toBe('aC[<!-- unclosed]');
  });

  it('keeps extension tag content unparsed', () => {
    expect(show(page('<nowiki>{{a}}</nowiki><ref name="x"/>'))).toBe('E<nowiki>{{a}}E<ref name="x">/');
    expect(show(page('<pre>x'))).toBe('<pre>x');
    expect(show(page('<span>{{a}}</span>'))).toBe('<span>T(a)</span>');
  });

  it('applies page and inclusion modes to includeonly, noinclude and onlyinclude', () => {
    expect(show(page('a<includeonly>b</includeonly><noinclude>c</noinclude>'))).toBe('aI[<includeonly>b</includeonly>]I[<noinclude>]cI[</noinclude>]');
    expect(show(include('a<includeonly>b</includeonly><noinclude>c</noinclude>'))).toBe('aI[<includeonly>]bI[</includeonly>]I[<noinclude>c</noinclude>]');
    expect(show(include('x<onlyinclude>y</onlyinclude>z'))).toBe('I[x<onlyinclude>]yI[</onlyinclude>z]');
    expect(show(include('a<noinclude>b'))).toBe('aI[<noinclude>b]');
  });

  it('rebuilds the source text', () => {
    for (const text of ['{{a|b=c|{{{d|e}}}}}', '<ref name=x>y</ref>', '== h ==\n<!-- c -->', '{{x|[[y|z]]}}']) {
      expect(sourceOf(page(text))).toBe(text);
    }
  });
});
