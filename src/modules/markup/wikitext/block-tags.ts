/**
 * The tags doBlockLevels tests a line for, found in one pass over its '<' instead of one regular
 * expression each. A tag name is the run of word characters after '<' or '</': a name followed by
 * \b in a case-insensitive expression matches exactly when it is the whole run.
 */

/** `<table`, `<p`, `</tr`… (BlockLevelPass's open match). */
export const OPEN = 1;
/** `</table`, `<td`, `<hr`… (its close match, but the pre marker). */
export const CLOSE = 2;
/** `<pre`, with or without more letters. */
export const PRE_OPEN = 4;
/** `</pre`, with or without more letters. */
export const PRE_CLOSE = 8;
/** `<ul`, `</ol`…: HTML lists. */
export const LIST = 16;
/** `<blockquote` or `</blockquote`. */
export const BLOCKQUOTE = 32;

/** Bits of a name after '<' and after '</'. */
const START_BITS: Record<string, number> = {};
const END_BITS: Record<string, number> = {};
for (const name of ['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'tr', 'p', 'ul', 'ol', 'dl', 'li']) START_BITS[name] = OPEN;
for (const name of ['tr', 'td', 'th']) END_BITS[name] = OPEN;
for (const name of ['td', 'th', 'blockquote', 'div', 'hr', 'center', 'figure', 'figcaption', 'aside']) START_BITS[name] = (START_BITS[name] ?? 0) | CLOSE;
for (const name of ['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'div', 'pre', 'p', 'li', 'ul', 'ol', 'dl', 'center', 'figure', 'figcaption', 'aside']) {
  END_BITS[name] = (END_BITS[name] ?? 0) | CLOSE;
}
for (const name of ['ul', 'ol', 'dl']) {
  START_BITS[name] = START_BITS[name]! | LIST;
  END_BITS[name] = END_BITS[name]! | LIST;
}
START_BITS.blockquote = START_BITS.blockquote! | BLOCKQUOTE;
END_BITS.blockquote = END_BITS.blockquote! | BLOCKQUOTE;

/** The names above by a hash of their lowercased letters (no collision among them). */
const MASK = 1023;
const NAMES: Array<string | undefined> = [];
for (const name of new Set([...Object.keys(START_BITS), ...Object.keys(END_BITS)])) NAMES[hashName(name)] = name;

function hashName(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 9 + (name.charCodeAt(i) | 32)) & MASK;
  return h;
}

/** The first letters of the names (lowercase), `pre` and `mw:` included. */
const FIRST = new Uint8Array(128);
for (const name of [...NAMES, 'pre', 'mw']) if (name !== undefined) FIRST[name.charCodeAt(0)] = 1;

/** [A-Za-z0-9_]: what \b sees as a word character. */
function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The bits of the tags in `line`. */
export function lineTags(line: string): number {
  let bits = 0;
  for (let i = line.indexOf('<'); i >= 0; i = line.indexOf('<', i + 1)) {
    let j = i + 1;
    const end = line.charCodeAt(j) === 47;
    if (end) j++;
    // Most tags (span, sup, i, img…) start with a letter no name here starts with.
    const first = line.charCodeAt(j) | 32;
    if (first >= 128 || !FIRST[first]) continue;
    let e = j;
    let h = 0;
    for (let c = line.charCodeAt(e); isWord(c); c = line.charCodeAt(++e)) h = (h * 9 + (c | 32)) & MASK;
    const len = e - j;
    if (len >= 3 && (line.charCodeAt(j) | 32) === 112 && (line.charCodeAt(j + 1) | 32) === 114 && (line.charCodeAt(j + 2) | 32) === 101) {
      bits |= end ? PRE_CLOSE : PRE_OPEN;
    }
    // `</mw:` followed by a word character.
    if (end && len === 2 && (line.charCodeAt(j) | 32) === 109 && (line.charCodeAt(j + 1) | 32) === 119 && line.charCodeAt(e) === 58 && isWord(line.charCodeAt(e + 1))) {
      bits |= CLOSE;
    }
    const name = NAMES[h];
    if (name === undefined || name.length !== len) continue;
    let same = true;
    for (let k = 0; k < len && same; k++) same = (line.charCodeAt(j + k) | 32) === name.charCodeAt(k);
    if (same) bits |= (end ? END_BITS : START_BITS)[name] ?? 0;
  }
  return bits;
}
