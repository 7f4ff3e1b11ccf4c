import type { Namespace } from './types.ts';
import { languageData } from './wikitext/languages.ts';

/** Maillage's namespaces: MediaWiki numbers, French canonical names, English and gendered aliases. */
export const NAMESPACES: readonly Namespace[] = Object.freeze(
  (
    [
      [-1, 'Spécial', ['Special']],
      [0, '', []],
      [1, 'Discussion', ['Talk']],
      [2, 'Utilisateur', ['User', 'Utilisatrice']],
      [3, 'Discussion utilisateur', ['User talk', 'Discussion utilisatrice']],
      [4, 'Maillage', ['Project']],
      [5, 'Discussion Maillage', ['Project talk']],
      [6, 'Fichier', ['File', 'Image']],
      [7, 'Discussion fichier', ['File talk']],
      [10, 'Modèle', ['Template']],
      [11, 'Discussion modèle', ['Template talk']],
      [12, 'Aide', ['Help']],
      [13, 'Discussion aide', ['Help talk']],
      [14, 'Catégorie', ['Category']],
      [15, 'Discussion catégorie', ['Category talk']],
      // The network's entities (src/modules/network): custom namespaces, MediaWiki style (even id ≥ 100, talk = id + 1).
      [100, 'Organisation', ['Organization']],
      [101, 'Discussion organisation', ['Organization talk']],
      [102, 'Chantier', ['Workgroup']],
      [103, 'Discussion chantier', ['Workgroup talk']],
      [104, 'Personne', ['Person']],
      [105, 'Discussion personne', ['Person talk']],
      [106, 'Projet', []],
      [107, 'Discussion projet', []],
      [108, 'Rencontre', ['Meeting']],
      [109, 'Discussion rencontre', ['Meeting talk']],
      [110, 'Apprentissage', ['Learning']],
      [111, 'Discussion apprentissage', ['Learning talk']],
    ] as const
  ).map(([id, name, aliases]) =>
    Object.freeze({ id, name, aliases: [...aliases], isTalk: id > 0 && id % 2 === 1, capitalize: true }),
  ),
);

export const NS_SPECIAL = -1;
export const NS_MAIN = 0;
export const NS_FILE = 6;
export const NS_TEMPLATE = 10;
export const NS_CATEGORY = 14;

/** MediaWiki's English canonical names (content language 'en', as in MediaWiki's parser tests). */
export const NAMESPACES_EN: readonly Namespace[] = Object.freeze(
  (
    [
      [-2, 'Media', []],
      [-1, 'Special', []],
      [0, '', []],
      [1, 'Talk', []],
      [2, 'User', []],
      [3, 'User talk', []],
      [4, 'Project', []],
      [5, 'Project talk', []],
      [6, 'File', ['Image']],
      [7, 'File talk', ['Image talk']],
      [8, 'MediaWiki', []],
      [9, 'MediaWiki talk', []],
      [10, 'Template', []],
      [11, 'Template talk', []],
      [12, 'Help', []],
      [13, 'Help talk', []],
      [14, 'Category', []],
      [15, 'Category talk', []],
    ] as const
  ).map(([id, name, aliases]) =>
    Object.freeze({ id, name, aliases: [...aliases], isTalk: id > 0 && id % 2 === 1, capitalize: true }),
  ),
);

/** A set of namespaces with its lookups by number and by name. */
export interface NamespaceTable {
  list: readonly Namespace[];
  byId(id: number): Namespace | undefined;
  byName(name: string): Namespace | undefined;
}

export function namespaceTable(list: readonly Namespace[]): NamespaceTable {
  const ids = new Map(list.map((ns) => [ns.id, ns]));
  const names = new Map<string, Namespace>();
  for (const ns of list) {
    if (ns.id === NS_MAIN) continue;
    for (const n of [ns.name, ...ns.aliases]) names.set(nameKey(n), ns);
  }
  return { list, byId: (id) => ids.get(id), byName: (name) => names.get(nameKey(name)) };
}

const TABLES = new Map<string, NamespaceTable>();

/**
 * The namespace names of a content language: English for 'en', MediaWiki's for the languages of
 * wikitext/languages.ts (English names kept as aliases), Maillage's French ones otherwise.
 */
export function namespacesFor(language = 'fr'): NamespaceTable {
  const data = language === 'en' || language === 'fr' ? undefined : languageData(language);
  const key = language === 'en' ? 'en' : data ? language : 'fr';
  let t = TABLES.get(key);
  if (!t) {
    t = namespaceTable(key === 'en' ? NAMESPACES_EN : data ? localNamespaces(data.namespaces ?? {}, data.aliases ?? {}) : NAMESPACES);
    TABLES.set(key, t);
  }
  return t;
}

/** MediaWiki's English namespaces renamed and given aliases ('$1' in a name stands for 'Project'). */
function localNamespaces(names: Readonly<Record<number, string>>, aliases: Readonly<Record<number, readonly string[]>>): Namespace[] {
  return NAMESPACES_EN.map((ns) => {
    const name = names[ns.id]?.replace('$1', 'Project') ?? ns.name;
    const all = [...(name === ns.name ? [] : [ns.name]), ...ns.aliases, ...(aliases[ns.id] ?? [])];
    return Object.freeze({ ...ns, name, aliases: all });
  });
}

const BY_ID = new Map(NAMESPACES.map((ns) => [ns.id, ns]));

/** Namespace names compared as MediaWiki does: case-insensitive, '_' = space, accents significant. */
function nameKey(name: string): string {
  return name.replace(/[_\s]+/g, ' ').trim().toLowerCase();
}

const BY_NAME = new Map<string, Namespace>();
for (const ns of NAMESPACES) {
  if (ns.id === NS_MAIN) continue;
  for (const n of [ns.name, ...ns.aliases]) BY_NAME.set(nameKey(n), ns);
}

export function namespaceById(id: number): Namespace | undefined {
  return BY_ID.get(id);
}

/** The namespace called `name` (canonical name or alias), or undefined. The main namespace has no name. */
export function namespaceByName(name: string): Namespace | undefined {
  return BY_NAME.get(nameKey(name));
}
