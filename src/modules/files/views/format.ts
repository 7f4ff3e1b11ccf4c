import type { RequestContext } from '../../../core/http/context.ts';
import { formatNumber } from '../../../core/i18n/index.ts';

/** « 12,5 Ko », « 3 Mo », « 512 octets »: binary multiples, as MediaWiki shows sizes. */
export function formatSize(bytes: number, ctx: Pick<RequestContext, 't' | 'locale'>): string {
  const round = (n: number) => formatNumber(Math.round(n * 10) / 10, ctx.locale);
  if (bytes < 1024) return ctx.t('files.size.bytes', { n: formatNumber(bytes, ctx.locale) });
  if (bytes < 1024 * 1024) return ctx.t('files.size.kb', { n: round(bytes / 1024) });
  return ctx.t('files.size.mb', { n: round(bytes / (1024 * 1024)) });
}

/** Short type name for people: PNG, JPEG, SVG, PDF… */
export function typeName(mime: string): string {
  return ({ 'image/svg+xml': 'SVG', 'application/pdf': 'PDF' } as Record<string, string>)[mime] ?? mime.replace(/^image\//, '').toUpperCase();
}
