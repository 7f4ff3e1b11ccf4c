/**
 * The four transfer actions of the network's knowledge-transfer strategy. Any page, of any
 * namespace and content model, is tagged with an action by a category (« Transfert – diffuser »),
 * so tags live in the page's own history, work in Markdown and wikitext alike, and are listed by
 * the wiki's category tables; each action's portal page reads them.
 */
export const TRANSFER_ACTIONS = ['diffuser', 'documenter', 'valoriser', 'partager'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

/** The category of an action, as written in pages (title text, without the namespace). */
export const TRANSFER_CATEGORIES: Readonly<Record<TransferAction, string>> = {
  diffuser: 'Transfert – diffuser',
  documenter: 'Transfert – documenter',
  valoriser: 'Transfert – mettre en valeur',
  partager: 'Transfert – partager',
};

export function isTransferAction(v: unknown): v is TransferAction {
  return typeof v === 'string' && (TRANSFER_ACTIONS as readonly string[]).includes(v);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole line holding one transfer category link (either namespace name, spaces or underscores). */
const LINE = new RegExp(
  `^[ \\t]*\\[\\[[ _]*(?:Catégorie|Category)[ _]*:[ _]*(${Object.values(TRANSFER_CATEGORIES).map((c) => escape(c).replace(/ /g, '[ _]+')).join('|')})[ _]*(?:\\|[^\\]]*)?\\]\\][ \\t]*$`,
  'i',
);

/** The actions a page's source tags it with. */
export function transferTagsOf(source: string): TransferAction[] {
  const found = new Set<TransferAction>();
  for (const line of source.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const name = m[1]!.replace(/_/g, ' ').replace(/\s+/g, ' ').toLowerCase();
    const action = TRANSFER_ACTIONS.find((a) => TRANSFER_CATEGORIES[a].toLowerCase() === name);
    if (action) found.add(action);
  }
  return TRANSFER_ACTIONS.filter((a) => found.has(a));
}

/** The source with exactly these transfer tags: other lines untouched, the tags at the end. */
export function withTransferTags(source: string, actions: readonly TransferAction[]): string {
  const kept = source.replace(/\r\n?/g, '\n').split('\n').filter((line) => !LINE.test(line)).join('\n').replace(/\s+$/, '');
  const tags = TRANSFER_ACTIONS.filter((a) => actions.includes(a)).map((a) => `[[Catégorie:${TRANSFER_CATEGORIES[a]}]]`);
  return tags.length === 0 ? kept : `${kept}\n\n${tags.join('\n')}`;
}
