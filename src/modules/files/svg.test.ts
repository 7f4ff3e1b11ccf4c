import { describe, expect, it } from 'vitest';
import { looksLikeSvg, sanitizeSvg } from './svg.ts';

const svg = (body: string, head = '') => Buffer.from(`${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">${body}</svg>`);

function cleaned(bytes: Buffer): string {
  const r = sanitizeSvg(bytes);
  if (!r.ok) throw new Error('refused');
  return r.svg.toString('utf8');
}

describe('looksLikeSvg', () => {
  it('finds an <svg> root after the XML declaration, comments and a doctype', () => {
    expect(looksLikeSvg(svg('', '\uFEFF<?xml version="1.0"?>\n<!-- Inkscape -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n'))).toBe(true);
    expect(looksLikeSvg(Buffer.from('<html><svg></svg></html>'))).toBe(false);
    expect(looksLikeSvg(Buffer.from([0xff, 0xfe, 0x3c, 0x00]))).toBe(false);
  });
});

describe('sanitizeSvg', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['a script in another prefix', '<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>'],
    ['an event handler', '<rect width="5" height="5" onload="alert(1)"/>'],
    ['a javascript: link', '<a href="javascript:alert(1)"><text>x</text></a>'],
    ['an entity-encoded javascript: link', '<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>'],
    ['a foreignObject', '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'],
    ['an iframe', '<iframe src="https://example.com"/>'],
  ])('refuses %s', (_what, body) => {
    expect(sanitizeSvg(svg(body)).ok).toBe(false);
  });

  it('refuses entity declarations (billion laughs, external entities)', () => {
    expect(sanitizeSvg(Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>')).ok).toBe(false);
  });

  it('keeps shapes, gradients, local references and text', () => {
    const out = cleaned(svg('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/><text x="1" y="2">A &amp; B</text>'));
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(out).toContain('viewBox="0 0 10 10"');
    expect(out).toContain('<linearGradient id="g">');
    expect(out).toContain('fill="url(#g)"');
    expect(out).toContain('xlink:href="#g"');
    expect(out).toContain('A &amp; B');
  });

  it('drops external references, editor metadata and animations', () => {
    const out = cleaned(svg('<metadata><rdf:RDF xmlns:rdf="x">secret</rdf:RDF></metadata><use href="https://tracker.example/x.svg#a"/><rect fill="url(https://tracker.example/p.png)" width="1" height="1"/><animate attributeName="fill" to="red"/><style>@import url(https://x.example/a.css); .a { fill: url("https://x.example/i.png") } .b { fill: url(#g) }</style>'));
    expect(out).not.toContain('tracker.example');
    expect(out).not.toContain('x.example');
    expect(out).not.toContain('secret');
    expect(out).not.toContain('animate');
    expect(out).toContain('<style>');
    expect(out).toContain('url(#g)');
  });

  it('cannot be tricked into closing <style> with encoded markup', () => {
    const out = cleaned(svg('<style>&lt;/style&gt;&lt;image href=x /&gt;</style>'));
    expect(out).not.toMatch(/<\/style>\s*<image/);
    expect(out).toContain('&lt;/style&gt;');
  });
});
