import type { Executor } from '../../../core/events.ts';
import type { SearchDocument } from '../../search/index.ts';
import type { TransferDeps } from '../types.ts';

/**
 * Adds to imported pages' search documents the words another module gives for them (the
 * network's entity fields, which the rendered page does not show), as the search feed does for
 * saved pages: one query for the batch's latest revisions, then the module's own reader.
 */
export async function addExtraText(deps: TransferDeps, db: Executor, docs: SearchDocument[]): Promise<void> {
  if (!deps.extraText || docs.length === 0) return;
  const rows = await db.selectFrom('pages').select(['id', 'latest_rev_id']).where('id', 'in', docs.map((d) => d.pageId)).execute();
  const latest = new Map(rows.map((r) => [r.id, r.latest_rev_id]));
  for (const doc of docs) {
    const extra = await deps.extraText(db, { namespace: doc.namespace, latestRevId: latest.get(doc.pageId) ?? null });
    if (!extra) continue;
    doc.text = `${doc.text}\n${extra}`;
    doc.analyzedText = undefined; // the text changed: analysed again when written
  }
}
