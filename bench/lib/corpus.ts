import fs from 'node:fs';
import zlib from 'node:zlib';

export interface CorpusPage {
  namespace: number;
  title: string;
  text: string;
}

/** Latest revision of each page of a MediaWiki XML dump (.xml or .xml.gz), read crudely with regexes. */
export function readCorpus(file: string): CorpusPage[] {
  const raw = fs.readFileSync(file);
  const xml = (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
  const pages: CorpusPage[] = [];
  for (const m of xml.matchAll(/<page>([\s\S]*?)<\/page>/g)) {
    const body = m[1] ?? '';
    const title = body.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
    const ns = Number(body.match(/<ns>(-?\d+)<\/ns>/)?.[1] ?? 0);
    const texts = [...body.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)];
    const text = texts.at(-1)?.[1] ?? '';
    pages.push({ namespace: ns, title: unescapeXml(title), text: unescapeXml(text) });
  }
  return pages;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#039;|&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Turns the corpus' wikitext into our Markdown dialect, keeping what both share: headings,
 * bold/italic, lists, [[links]] and categories; templates, refs and tables are dropped.
 */
export function wikitextToMarkdown(text: string): string {
  let t = text;
  for (let i = 0; i < 5 && /\{\{[^{}]*\}\}/.test(t); i++) t = t.replace(/\{\{[^{}]*\}\}/g, '');
  t = t
    .replace(/<ref[^>]*\/>|<ref[^>]*>[\s\S]*?<\/ref>/g, '')
    .replace(/<references\s*\/>/g, '')
    .replace(/^\{\|[\s\S]*?^\|\}/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^(={2,6})\s*(.*?)\s*\1\s*$/gm, (_m, eq: string, h: string) => `${'#'.repeat(eq.length)} ${h}`)
    .replace(/'''(.+?)'''/g, '**$1**')
    .replace(/''(.+?)''/g, '*$1*')
    .replace(/^\*+\s*/gm, '- ')
    .replace(/^#(?!#|\s*REDIRECT)\s*/gim, '1. ')
    .replace(/\[(https?:\/\/[^\s\]]+)\s+([^\]]+)\]/g, '[$2]($1)')
    .replace(/__[A-Z]+__/g, '');
  return t.replace(/\n{3,}/g, '\n\n').trim();
}
