import { diff3Merge } from 'node-diff3';

/**
 * Three-way merge by lines, as MediaWiki merges edit conflicts: `base` is the revision both
 * sides started from. Identical changes on both sides are not conflicts.
 */
export function mergeTexts(base: string, theirs: string, mine: string): { clean: true; text: string } | { clean: false } {
  const regions = diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), { excludeFalseConflicts: true });
  const out: string[] = [];
  for (const region of regions) {
    if (region.conflict) return { clean: false };
    if (region.ok) out.push(...region.ok);
  }
  return { clean: true, text: out.join('\n') };
}
