import { namespaceByName, titleFromStored, type ContentModel, type Title } from '../../markup/index.ts';
import type { Contributor, SiteInfo } from './reader.ts';

/**
 * From a dump's names to ours. Namespace numbers are MediaWiki's on both sides: a title's
 * prefix in the dump's language (Catégorie:, Category:, Kategorie:) is dropped and the page goes
 * to our namespace with the same number. A namespace we do not have (MediaWiki:, Module:, a
 * wiki's own) keeps its prefix as part of a title in the main namespace. Numbers from 100 up are
 * each wiki's own choice (a dump's 100 may be "Portail" where ours is "Organisation"): those
 * map only when the names agree.
 */
export function mapTitle(raw: string, ns: number | undefined, site: SiteInfo | undefined): Title | undefined {
  const text = raw.trim();
  let number = ns;
  let rest = text;
  if (number === undefined) {
    // Dumps before 0.6 have no <ns>: the prefix says it.
    number = 0;
    const colon = text.indexOf(':');
    if (colon > 0 && site) {
      const prefix = text.slice(0, colon).replace(/_/g, ' ').toLowerCase();
      for (const [key, name] of site.namespaces) if (name && name.toLowerCase() === prefix) number = key;
    }
  }
  const name = site?.namespaces.get(number);
  if (number >= 100 && namespaceByName(name ?? '')?.id !== number) return titleFromStored(0, text.replace(/ /g, '_'));
  if (number !== 0 && name && text.slice(0, name.length + 1).toLowerCase() === `${name.toLowerCase()}:`) rest = text.slice(name.length + 1);
  else if (number !== 0) {
    const colon = text.indexOf(':');
    if (colon > 0) rest = text.slice(colon + 1);
  }
  const mapped = titleFromStored(number, rest.trim().replace(/ /g, '_'));
  if (mapped) return mapped;
  return number === 0 ? undefined : titleFromStored(0, text.replace(/ /g, '_'));
}

/** Content models: wikitext (MediaWiki's own) unless the dump says markdown (our exports). */
export function mapModel(model: string | undefined): ContentModel {
  return model === 'markdown' ? 'markdown' : 'wikitext';
}

/** MediaWiki's name for a hidden or missing author. */
export const UNKNOWN_AUTHOR = 'Unknown user';

export function authorName(c: Contributor): string {
  return c.username?.trim() || c.ip?.trim() || UNKNOWN_AUTHOR;
}

/** ISO 8601 (MediaWiki's 2024-01-31T12:00:00Z) to epoch milliseconds; undefined when unreadable. */
export function parseTimestamp(ts: string): number | undefined {
  const ms = Date.parse(ts.trim());
  return Number.isFinite(ms) ? ms : undefined;
}

/** The key of the source wiki in transfer_revisions: its database name, else its name or URL. */
export function sourceKey(site: SiteInfo | undefined, fallback: string): string {
  return (site?.dbname || site?.base || site?.sitename || fallback).slice(0, 200);
}
