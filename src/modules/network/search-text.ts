import type { Executor } from '../../core/events.ts';
import { translate, type MessageKey } from '../../core/i18n/index.ts';
import { splitPage } from './fields.ts';
import { REGIONS } from './regions.ts';
import { NS_CHANTIER, NS_ORGANISATION, NAMESPACE_NAMES } from './types.ts';

const REGION_NAMES = new Map<string, string>(REGIONS);
/** Fields whose value is a code: indexed by their labels in both languages instead. */
const LABELLED: Readonly<Record<number, Record<string, string>>> = {
  [NS_ORGANISATION]: { kind: 'network.org.kind' },
  [NS_CHANTIER]: { kind: 'network.chantier.kind' },
};
/** Values that are addresses or identifiers, not words anyone searches for. */
const SKIPPED = new Set(['website', 'wikidata', 'url', 'start', 'end', 'online']);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).filter(([k]) => k !== 'status').flatMap(([, v]) => strings(v));
  return [];
}

/**
 * The words of an entity page's fields, for the full-text index: the markup renders the front
 * matter as nothing, so without this an organisation's region or a chantier's type could not be
 * found. Codes become their labels (French and English), regions their names.
 */
export function fieldsSearchText(namespace: number, source: string): string {
  if (!NAMESPACE_NAMES[namespace]) return '';
  const { fields } = splitPage(source);
  const labelled = LABELLED[namespace] ?? {};
  const words: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (SKIPPED.has(name)) continue;
    const prefix = labelled[name];
    if (prefix && typeof value === 'string') {
      const key = `${prefix}.${value}`;
      for (const locale of ['fr-CA', 'en-CA'] as const) words.push(translate(locale, key as MessageKey));
    } else if (name === 'region' && typeof value === 'string') {
      words.push(REGION_NAMES.get(value) ?? '');
    } else {
      words.push(...strings(value));
    }
  }
  return words.filter((w) => w !== '' && !w.startsWith('network.')).join('\n');
}

/** The fields' words of a page's latest revision (for the search module's feed). */
export async function pageFieldsText(db: Executor, page: { namespace: number; latestRevId: number | null }): Promise<string> {
  if (!NAMESPACE_NAMES[page.namespace] || page.latestRevId === null) return '';
  const rev = await db.selectFrom('revisions').select('content').where('id', '=', page.latestRevId).executeTakeFirst();
  return rev ? fieldsSearchText(page.namespace, rev.content) : '';
}
