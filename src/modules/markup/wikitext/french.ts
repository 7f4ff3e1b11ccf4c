/**
 * French typography (MediaWiki's Sanitizer::armorFrenchSpaces, content language fr only): a
 * no-break space replaces the space before ? : ; ! % » › and after « ‹, outside tags.
 */

/** A space before ? : ; ! % » ›, or after « ‹: only text segments holding one can change. */
const CANDIDATE = / [?:;!%»›]|[«‹] /g;

/** A letter, digit or '_' (one code point): after ? : ; ! % » ›, it keeps the space before them. */
const WORD = /[\p{L}\p{N}_]/uy;

function wordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  WORD.lastIndex = i;
  return WORD.test(text);
}

/** What \s matches (with the u flag): ASCII and Unicode spaces, line terminators, U+FEFF. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The two replacements of MediaWiki, by hand: / (?=[?:;!%»›](?![\p{L}\p{N}_]))/gu, then
 * /(^|\s)([«‹]) /gu on the result (a match takes the whitespace before « with it: in "« « x"
 * only the first « is armored).
 */
function armorSegment(text: string, space: string): string {
  let out = '';
  let done = 0;
  for (let p = text.indexOf(' '); p >= 0; p = text.indexOf(' ', p + 1)) {
    const c = text.charCodeAt(p + 1);
    if (c !== 63 && c !== 58 && c !== 59 && c !== 33 && c !== 37 && c !== 0xbb && c !== 0x203a) continue;
    if (p + 2 < text.length && wordAt(text, p + 2)) continue;
    out += text.slice(done, p) + space;
    done = p + 1;
  }
  const s = done === 0 ? text : out + text.slice(done);
  if (!s.includes('«') && !s.includes('‹')) return s;
  out = '';
  done = 0;
  let taken = 0;
  for (let q = 0; q < s.length - 1; q++) {
    const c = s.charCodeAt(q);
    if ((c !== 0xab && c !== 0x2039) || s.charCodeAt(q + 1) !== 32) continue;
    if (q > 0 && (q - 1 < taken || !isSpace(s.charCodeAt(q - 1)))) continue;
    out += s.slice(done, q + 1) + space;
    done = q + 2;
    taken = q + 2;
  }
  return done === 0 ? s : out + s.slice(done);
}

/**
 * The HTML is split as /(<[^>]*>)|([^<]+)/g would: a tag runs from '<' to the next '>', and a
 * '<' with no '>' after it is skipped. Only the text segments with a candidate are rewritten;
 * each one is found from the candidate, without walking the tags before it.
 */
export function armorFrenchSpaces(html: string, space = '&#160;'): string {
  CANDIDATE.lastIndex = 0;
  let m = CANDIDATE.exec(html);
  if (!m) return html;
  let out = '';
  let done = 0;
  while (m) {
    const c = m.index;
    const lt = html.lastIndexOf('<', c);
    let start = 0;
    if (lt >= 0) {
      const gt = html.indexOf('>', lt + 1);
      if (gt > c) {
        // Inside a tag: the search goes on after it.
        CANDIDATE.lastIndex = gt + 1;
        m = CANDIDATE.exec(html);
        continue;
      }
      start = gt < 0 ? lt + 1 : gt + 1;
    }
    const next = html.indexOf('<', c);
    const end = next < 0 ? html.length : next;
    out += html.slice(done, start) + armorSegment(html.slice(start, end), space);
    done = end;
    CANDIDATE.lastIndex = end;
    m = CANDIDATE.exec(html);
  }
  return out + html.slice(done);
}
