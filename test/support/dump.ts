import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * An independent reading of a MediaWiki dump for tests (regular expressions over the whole
 * text, nothing shared with the importer): what the import must reproduce.
 */
export interface ScannedRevision {
  id: number;
  parentId: number | null;
  timestamp: number;
  author: string;
  comment: string;
  minor: boolean;
  sha1: string;
  text: string;
}

export interface ScannedPage {
  title: string;
  ns: number;
  redirect: boolean;
  revisions: ScannedRevision[];
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function readXml(file: string): string {
  const raw = fs.readFileSync(file);
  return (raw[0] === 0x1f && raw[1] === 0x8b ? zlib.gunzipSync(raw) : raw).toString('utf8');
}

export function scanDump(xml: string): ScannedPage[] {
  const pages: ScannedPage[] = [];
  for (const m of xml.matchAll(/<page>([\s\S]*?)<\/page>/g)) {
    const body = m[1]!;
    const head = body.split('<revision>')[0]!;
    const revisions: ScannedRevision[] = [];
    for (const r of body.matchAll(/<revision>([\s\S]*?)<\/revision>/g)) {
      const rb = r[1]!;
      const get = (tag: string) => rb.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))?.[1];
      const contributor = rb.match(/<contributor>([\s\S]*?)<\/contributor>/)?.[1] ?? '';
      const author = contributor.match(/<username>([\s\S]*?)<\/username>/)?.[1] ?? contributor.match(/<ip>([\s\S]*?)<\/ip>/)?.[1] ?? '';
      revisions.push({
        id: Number(get('id')),
        parentId: get('parentid') ? Number(get('parentid')) : null,
        timestamp: Date.parse(get('timestamp')!),
        author: unescapeXml(author),
        comment: unescapeXml(get('comment') ?? ''),
        minor: /<minor\s*\/>/.test(rb),
        sha1: get('sha1') ?? '',
        text: unescapeXml(rb.match(/<text[^>]*>([\s\S]*?)<\/text>|<text[^>]*\/>/)?.[1] ?? ''),
      });
    }
    pages.push({ title: unescapeXml(head.match(/<title>([\s\S]*?)<\/title>/)![1]!), ns: Number(head.match(/<ns>(\d+)<\/ns>/)?.[1] ?? 0), redirect: /<redirect\b/.test(head), revisions });
  }
  return pages;
}
