import type { ContentModel } from '../../markup/index.ts';

/** MediaWiki's content format for each of our content models. */
export function contentFormat(model: ContentModel): string {
  return model === 'wikitext' ? 'text/x-wiki' : 'text/markdown';
}

/** Content as MediaWiki prints it: `content` (formatversion 2) or `*` (1), with model and format. */
export function contentFields(fv: 1 | 2, model: ContentModel, content: string): Record<string, unknown> {
  return { contentformat: contentFormat(model), contentmodel: model, [fv === 2 ? 'content' : '*']: content };
}

/** MediaWiki prints revision SHA-1 in hex; we store it in base 36 (rev_sha1). */
export function sha1Hex(base36: string): string {
  let n = 0n;
  for (const ch of base36) n = n * 36n + BigInt(parseInt(ch, 36));
  return n.toString(16).padStart(40, '0');
}
