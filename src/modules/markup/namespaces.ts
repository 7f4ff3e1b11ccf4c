import type { Namespace } from './types.ts';

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
    ] as const
  ).map(([id, name, aliases]) =>
    Object.freeze({ id, name, aliases: [...aliases], isTalk: id > 0 && id % 2 === 1, capitalize: true }),
  ),
);

export const NS_SPECIAL = -1;
export const NS_MAIN = 0;
export const NS_FILE = 6;
export const NS_CATEGORY = 14;

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
