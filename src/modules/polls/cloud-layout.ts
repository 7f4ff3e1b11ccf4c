import type { WordCount } from './types.ts';

export const CLOUD_WIDTH = 640;
const MIN_SIZE = 14;
const MAX_SIZE = 44;
const GAP = 14;
const MARGIN = 8;
/** Average advance of a glyph in the sans-serif stack, in ems (a word is drawn at exactly its box width). */
const EM_ADVANCE = 0.58;
export const CLOUD_MAX_WORDS = 40;

export interface PlacedWord extends WordCount {
  /** Font size in px, by count. */
  size: number;
  /** Box of the word: left, top, width, height; the text fills the width exactly (textLength). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CloudLayout {
  words: PlacedWord[];
  width: number;
  height: number;
}

/**
 * A deterministic, overlap-free layout: the most frequent words first, laid out in centred rows
 * (a row never holds more than fits the width), each word in a box as wide as its text is drawn.
 * The same counts always give the same picture.
 */
export function cloudLayout(counts: readonly WordCount[]): CloudLayout {
  const words = counts.slice(0, CLOUD_MAX_WORDS);
  if (words.length === 0) return { words: [], width: CLOUD_WIDTH, height: 0 };
  const most = words[0]!.count;
  const least = words.at(-1)!.count;
  const usable = CLOUD_WIDTH - 2 * MARGIN;
  const sized = words.map((w) => {
    let size = most === least ? (MIN_SIZE + MAX_SIZE) / 2 : MIN_SIZE + ((MAX_SIZE - MIN_SIZE) * Math.sqrt((w.count - least) / (most - least)));
    const chars = [...w.label].length;
    size = Math.min(Math.round(size), Math.floor(usable / (chars * EM_ADVANCE)));
    return { ...w, size, width: Math.round(chars * size * EM_ADVANCE), height: Math.round(size * 1.3) };
  });
  const rows: Array<typeof sized> = [];
  let row: typeof sized = [];
  let rowWidth = 0;
  for (const w of sized) {
    const needed = row.length === 0 ? w.width : rowWidth + GAP + w.width;
    if (row.length > 0 && needed > usable) {
      rows.push(row);
      row = [];
    }
    rowWidth = row.length === 0 ? w.width : rowWidth + GAP + w.width;
    row.push(w);
  }
  rows.push(row);
  const placed: PlacedWord[] = [];
  let y = MARGIN;
  for (const r of rows) {
    const total = r.reduce((sum, w) => sum + w.width, 0) + GAP * (r.length - 1);
    const height = Math.max(...r.map((w) => w.height));
    let x = Math.round((CLOUD_WIDTH - total) / 2);
    for (const w of r) {
      placed.push({ ...w, x, y: y + height - w.height, width: w.width, height: w.height });
      x += w.width + GAP;
    }
    y += height + 4;
  }
  return { words: placed, width: CLOUD_WIDTH, height: y + MARGIN };
}
