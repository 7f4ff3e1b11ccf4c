/** MediaWiki's tracking categories (Parser::addTrackingCategory), named in the content language. */
import type { ParseState } from './context.ts';

const NAMES: Record<string, { en: string; fr: string }> = {
  'broken-file-category': { en: 'Pages with broken file links', fr: 'Pages avec des liens de fichiers brisés' },
  'magiclink-tracking-isbn': { en: 'Pages using ISBN magic links', fr: 'Pages utilisant des liens magiques ISBN' },
  'magiclink-tracking-rfc': { en: 'Pages using RFC magic links', fr: 'Pages utilisant des liens magiques RFC' },
  'magiclink-tracking-pmid': { en: 'Pages using PMID magic links', fr: 'Pages utilisant des liens magiques PMID' },
  'cite-tracking-category-cite-error': { en: 'Pages with reference errors', fr: 'Pages avec des erreurs de référence' },
  'double-px-category': { en: 'Pages with image sizes containing extra px', fr: 'Pages avec des tailles d’image contenant un px en trop' },
};

export type TrackingCategory = keyof typeof NAMES;

export function addTrackingCategory(state: ParseState, key: TrackingCategory): void {
  const names = NAMES[key]!;
  const name = state.ctx.site.language === 'en' ? names.en : names.fr;
  if (!state.categories.some((c) => c.name === name)) state.categories.push({ name, sortKey: '' });
}
