import { describe, expect, it } from 'vitest';
import { createConverter } from './index.ts';
import { parseFlags, parseRule, parseRules } from './rule.ts';

const zh = () => createConverter('zh')!;
const sr = () => createConverter('sr')!;

describe('-{ }- flags (ConverterRule::parseFlags)', () => {
  it('defaults to S and normalises flag sets', () => {
    expect([...parseFlags('text', zh()).flags]).toEqual(['S']);
    expect([...parseFlags('R;A|x', zh()).flags]).toEqual(['R']);
    expect([...parseFlags('T|x', zh()).flags]).toEqual(['T', 'H']);
    expect([...parseFlags('A|x', zh()).flags]).toEqual(['A', '+', 'S']);
    expect([...parseFlags('A;D|x', zh()).flags]).toEqual(['A', 'D', '+']);
    expect([...parseFlags('D;H|x', zh()).flags]).toEqual(['+', 'H', 'D']);
    expect([...parseFlags(' H  |x', zh()).flags]).toEqual(['+', 'H']);
  });

  it('reads variant filters, BCP 47 spellings too', () => {
    const r = parseFlags('zh-Hant-TW;zh-hans|text', zh());
    expect([...r.variantFlags]).toEqual(['zh-tw', 'zh-hans']);
    expect(r.rules).toBe('text');
  });
});

describe('-{ }- rules (ConverterRule::parseRules)', () => {
  it('splits two-way and one-way rules on semicolons before a variant', () => {
    const { bid, unid } = parseRules('zh-hans:<span style="color:red;">a</span>;zh-Hant-TW: b ;X=>zh-cn:Y;', zh());
    expect([...bid]).toEqual([['zh-hans', '<span style="color:red;">a</span>'], ['zh-tw', 'b']]);
    expect([...unid.get('zh-cn')!]).toEqual([['X', 'Y']]);
  });

  it('keeps semicolons of character references', () => {
    expect([...parseRules('zh-cn:a&amp;b;zh-tw:c', zh()).bid]).toEqual([['zh-cn', 'a&amp;b'], ['zh-tw', 'c']]);
  });

  it('drops every rule of a block that names no variant', () => {
    const { bid, unid } = parseRules('foo:b;zh-cn:a', zh());
    expect(bid.size + unid.size).toBe(0);
    // ';' before a non-variant does not separate rules.
    expect([...parseRules('zh-cn:a;foo:b', zh()).bid]).toEqual([['zh-cn', 'a;foo:b']]);
  });

  it('ignores empty two-way texts and empty one-way sources', () => {
    expect([...parseRules('zh-cn:;zh-tw:b', zh()).bid]).toEqual([['zh-tw', 'b']]);
    expect(parseRules('=>zh-cn:b', zh()).unid.size).toBe(0);
  });
});

describe('-{ }- display (ConverterRule::parse)', () => {
  it('shows the wanted variant, else a fallback', () => {
    expect(parseRule('zh-cn:xxx;zh-tw:yyy', 'zh-tw', zh()).display).toBe('yyy');
    expect(parseRule('zh-cn:xxx;zh-tw:yyy', 'zh-hant', zh()).display).toBe('yyy');
    expect(parseRule('zh:China;zh-tw:Taiwan', 'zh-hk', zh()).display).toBe('Taiwan');
  });

  it('shows the first text where manual conversion is disabled', () => {
    expect(parseRule('zh-cn:xxx;zh-tw:yyy', 'zh', zh()).display).toBe('xxx');
  });

  it('raw, hidden, removed, named and described rules', () => {
    expect(parseRule('R|a=&gt;b', 'zh-tw', zh()).display).toBe('a=&gt;b');
    const hidden = parseRule('H|zh-cn:A;zh-tw:B', 'zh-tw', zh());
    expect(hidden.display).toBe('');
    expect(hidden.action).toBe('add');
    expect(hidden.convTable.get('zh-tw')!.get('A')).toBe('B');
    expect(hidden.convTable.get('zh-cn')!.get('B')).toBe('A');
    // zh-hans is unidirectional: two-way rules give it nothing.
    expect(hidden.convTable.has('zh-hans')).toBe(false);
    expect(parseRule('-|zh-cn:A;zh-tw:B', 'zh-tw', zh()).action).toBe('remove');
    expect(parseRule('N|zh-cn', 'zh-tw', zh()).display).toBe('大陆');
    expect(parseRule('D|zh-cn:XA; zh-tw:YA', 'zh-tw', zh()).display).toBe('大陆：XA；臺灣：YA；');
    expect(parseRule('D|FOO=>zh-tw:BAR', 'zh-tw', zh()).display).toBe('FOO⇒臺灣：BAR；');
  });

  it('sets the title with the T flag', () => {
    const r = parseRule('T|zh:China;zh-tw:Taiwan', 'zh-tw', zh());
    expect(r.display).toBe('');
    expect(r.title).toBe('Taiwan');
  });

  it('converts filtered text to the listed variant', () => {
    expect(parseRule('sr-Cyrl;|filter', 'sr-ec', sr()).display).toBe('филтер');
    expect(parseRule('sr-Cyrl;|filter', 'sr-el', sr()).display).toBe('filter');
  });
});

describe('the converter over a page', () => {
  it('applies A and H rules to the text after them, strips blocks', () => {
    const c = zh();
    expect(c.convert('-{zh:China; zh-tw:Taiwan}-, not China. -{A|zh:China;zh-tw:Taiwan}- China -{China}-', 'zh-tw')).toBe('Taiwan, not China. Taiwan Taiwan China');
  });

  it('keeps an unclosed block and nests blocks', () => {
    expect(zh().convert('a -{zh-cn:x', 'zh-tw')).toBe('a -{zh-cn:x');
    expect(zh().convert('-{raw1 -{raw2}- -{R|raw3}-}-', 'zh-tw')).toBe('raw1 raw2 raw3');
  });

  it('converts title attributes with their own blocks, leaves other attributes alone', () => {
    expect(sr().convert('<span class="a-{b}-c" title="a-{b}-c">tekst</span>', 'sr-ec')).toBe('<span class="a-{b}-c" title="аbц">текст</span>');
  });
});

describe('robustness', () => {
  it('converts random markup without throwing, in linear time', () => {
    const pieces = ['-{', '}-', '<', '>', '<b title="', '"', '|', ';', ':', 'zh-cn', 'sr-el', '=>', 'a', 'H', 'A', 'T', '-', '&amp;', ' ', '\n', 'lj', 'ш'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let k = next() % 60; k > 0; k--) text += pieces[next() % pieces.length];
      for (const [c, v] of [[zh(), 'zh-tw'], [sr(), 'sr-ec'], [sr(), 'sr-el']] as const) expect(typeof c.convert(text, v)).toBe('string');
    }
    const long = `${'-{'.repeat(2000)}x${'<a b="c'.repeat(2000)}`;
    const started = Date.now();
    sr().convert(long, 'sr-ec');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
