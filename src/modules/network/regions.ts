/** Québec's 17 administrative regions: official codes and names. */
export const REGIONS = [
  ['01', 'Bas-Saint-Laurent'],
  ['02', 'Saguenay–Lac-Saint-Jean'],
  ['03', 'Capitale-Nationale'],
  ['04', 'Mauricie'],
  ['05', 'Estrie'],
  ['06', 'Montréal'],
  ['07', 'Outaouais'],
  ['08', 'Abitibi-Témiscamingue'],
  ['09', 'Côte-Nord'],
  ['10', 'Nord-du-Québec'],
  ['11', 'Gaspésie–Îles-de-la-Madeleine'],
  ['12', 'Chaudière-Appalaches'],
  ['13', 'Laval'],
  ['14', 'Lanaudière'],
  ['15', 'Laurentides'],
  ['16', 'Montérégie'],
  ['17', 'Centre-du-Québec'],
] as const;

export type RegionCode = (typeof REGIONS)[number][0];
export const REGION_CODES = REGIONS.map(([code]) => code) as unknown as readonly [RegionCode, ...RegionCode[]];
const NAMES = new Map<string, string>(REGIONS);

/** « 13 – Laval »; undefined for an unknown code. */
export function regionLabel(code: string | null | undefined): string | undefined {
  const name = code ? NAMES.get(code) : undefined;
  return name ? `${code} – ${name}` : undefined;
}
