/**
 * MediaWiki's BlockLevelPass::doBlockLevels: paragraphs, lists (* # ; :), definition terms
 * split on the first colon outside tags, and indent-pre (lines starting with a space).
 */
import { BLOCKQUOTE, CLOSE, LIST, lineTags, OPEN, PRE_CLOSE, PRE_OPEN } from './block-tags.ts';
import { MARKER_PREFIX } from './types.ts';

/** The pre marker, which closes a paragraph as the close tags of block-tags.ts do. */
const PRE_MARKER = new RegExp(`${MARKER_PREFIX.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}-pre\\b`, 'i');

/** Position of the first ':' of a `; term : definition` line outside tags, or -1 (findColonNoLinks, simplified). */
const VOID_TAG = /^<(?:br|hr|img|wbr|meta|link|input|col|area|source|track|embed)\b/i;

export function findColonNoLinks(str: string): number {
  let inTag = false;
  let lt = 0;
  // Depth of language converter markup: no colon inside -{ }- counts (T153135).
  let lc = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str[i];
    if (!inTag && c === '-' && str[i + 1] === '{') {
      lc++;
      i++;
      continue;
    }
    if (lc > 0 && c === '}' && str[i + 1] === '-') {
      lc--;
      i++;
      continue;
    }
    if (inTag) {
      if (c === '>') inTag = false;
      continue;
    }
    if (c === '<') {
      if (str.startsWith('<!--', i)) {
        const end = str.indexOf('-->', i + 4);
        if (end < 0) return -1;
        i = end + 2;
        continue;
      }
      const ahead = str.slice(i, i + 200);
      if (str[i + 1] === '/') lt--;
      else if (!/^<[a-zA-Z][^>]*\/>/.test(ahead) && !VOID_TAG.test(ahead)) lt++;
      inTag = true;
      continue;
    }
    if (c === ':' && lt <= 0 && lc === 0) return i;
  }
  return -1;
}

/** Whether PHP's trim() leaves nothing. */
function phpBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isPhpSpace(s.charCodeAt(i))) return false;
  return true;
}

/** PHP's trim(): only ASCII whitespace, NUL and vertical tab (a no-break space is content). */
function phpTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPhpSpace(s.charCodeAt(start))) start++;
  while (end > start && isPhpSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function isPhpSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0 || c === 11;
}

export function doBlockLevels(text: string, lineStart = true): string {
  let dtOpen = false;
  let inPre = false;
  let lastParagraph = '';
  let lineStartFlag = lineStart;

  const closeParagraph = (atTheEnd = false): string => {
    let result = '';
    if (lastParagraph !== '') {
      result = `</${lastParagraph}>`;
      if (!atTheEnd) result += '\n';
    }
    inPre = false;
    lastParagraph = '';
    return result;
  };
  const openList = (c: string): string => {
    let result = closeParagraph();
    if (c === '*') result += '<ul><li>';
    else if (c === '#') result += '<ol><li>';
    else if (c === ':') result += '<dl><dd>';
    else if (c === ';') {
      result += '<dl><dt>';
      dtOpen = true;
    }
    return result;
  };
  const nextItem = (c: string): string => {
    if (c === '*' || c === '#') return '</li>\n<li>';
    const close = dtOpen ? '</dt>\n' : '</dd>\n';
    if (c === ';') {
      dtOpen = true;
      return `${close}<dt>`;
    }
    dtOpen = false;
    return `${close}<dd>`;
  };
  const closeList = (c: string): string => {
    if (c === '*') return '</li></ul>';
    if (c === '#') return '</li></ol>';
    if (dtOpen) {
      dtOpen = false;
      return '</dt></dl>';
    }
    return '</dd></dl>';
  };

  const lines = text.split('\n');
  let lastPrefix = '';
  let output = '';
  let inBlockElem = false;
  let prefixLength = 0;
  let prefix2 = '';
  let pendingPTag: string | false = false;
  let inBlockquote = false;
  /** HTML lists (<ul>, <ol>, <dl>) open across lines: blank lines inside them make no paragraphs. */
  let htmlLists = 0;

  for (let n = 0; n < lines.length; n++) {
    const inputLine = lines[n]!;
    const notLastLine = n < lines.length - 1;
    if (!lineStartFlag) {
      output += inputLine;
      lineStartFlag = true;
      if (notLastLine) output += '\n';
      continue;
    }
    let lastPrefixLength = lastPrefix.length;
    const tags = lineTags(inputLine);
    const preCloseMatch = (tags & PRE_CLOSE) !== 0;
    const preOpenMatch = (tags & PRE_OPEN) !== 0;
    let prefix: string;
    let t: string;
    if (!inPre) {
      prefixLength = 0;
      for (let c = inputLine.charCodeAt(0); c === 42 || c === 35 || c === 58 || c === 59; c = inputLine.charCodeAt(++prefixLength));
      prefix = inputLine.slice(0, prefixLength);
      prefix2 = prefix.includes(';') ? prefix.replace(/;/g, ':') : prefix;
      t = inputLine.slice(prefixLength);
      inPre = preOpenMatch;
    } else {
      prefixLength = 0;
      prefix = prefix2 = '';
      t = inputLine;
    }

    if (prefixLength && lastPrefix === prefix2) {
      output += nextItem(prefix.slice(-1));
      pendingPTag = false;
      if (prefix.endsWith(';')) {
        const colon = findColonNoLinks(t);
        if (colon >= 0) {
          output += phpTrim(t.slice(0, colon)) + nextItem(':');
          t = t.slice(colon + 1);
        }
      }
    } else if (prefixLength || lastPrefixLength) {
      let common = 0;
      while (common < Math.min(prefix.length, lastPrefix.length) && prefix[common] === lastPrefix[common]) common++;
      pendingPTag = false;
      while (common < lastPrefixLength) {
        output += closeList(lastPrefix[lastPrefixLength - 1]!);
        lastPrefixLength--;
      }
      if (prefixLength <= common && common > 0) output += nextItem(prefix[common - 1]!);
      if (dtOpen && common > 0 && prefix[common - 1] === ':') output += nextItem(':');
      if (lastPrefix && prefixLength > common) output += '\n';
      while (prefixLength > common) {
        const c = prefix[common]!;
        output += openList(c);
        if (c === ';') {
          const colon = findColonNoLinks(t);
          if (colon >= 0) {
            output += phpTrim(t.slice(0, colon)) + nextItem(':');
            t = t.slice(colon + 1);
          }
        }
        common++;
      }
      if (!prefixLength && lastPrefix) output += '\n';
      lastPrefix = prefix2;
    }

    if (prefixLength === 0) {
      // Without a prefix, t is the whole line.
      const openMatch = (tags & OPEN) !== 0;
      const closeMatch = (tags & CLOSE) !== 0 || (t.includes('\x7f') && PRE_MARKER.test(t));
      const listsBefore = htmlLists;
      if (tags & LIST) {
        // Indented tables open <dl><dd> themselves (handleTables): those are not the author's lists.
        const own = t.replace(/^(?:<dl><dd>)+<table/, '<table').replace(/(?:<\/dd><\/dl>)+$/, '');
        htmlLists = Math.max(0, htmlLists + (own.match(/<(?:ul|ol|dl)\b/gi)?.length ?? 0) - (own.match(/<\/(?:ul|ol|dl)\b/gi)?.length ?? 0));
      }
      const blank = phpBlank(t);
      if (blank && listsBefore > 0 && htmlLists > 0 && lastParagraph === '') {
        pendingPTag = false;
      } else if (openMatch || closeMatch) {
        pendingPTag = false;
        output += closeParagraph();
        if (preOpenMatch && !preCloseMatch) inPre = true;
        if (tags & BLOCKQUOTE) for (const bq of t.matchAll(/<(\/?)blockquote[\s>]/gi)) inBlockquote = !bq[1];
        inBlockElem = !closeMatch;
      } else if (!inBlockElem && !inPre && htmlLists === 0) {
        if (t.startsWith(' ') && (lastParagraph === 'pre' || !blank) && !inBlockquote) {
          if (lastParagraph !== 'pre') {
            pendingPTag = false;
            output += `${closeParagraph()}<pre>`;
            lastParagraph = 'pre';
          }
          t = t.slice(1);
        } else if (t.startsWith('<') && /^(?:<style\b[^>]*>.*?<\/style>\s*|<link\b[^>]*>\s*)+$/i.test(t)) {
          if (pendingPTag) {
            output += closeParagraph();
            pendingPTag = false;
          }
        } else if (blank) {
          if (pendingPTag) {
            output += `${pendingPTag}<br />`;
            pendingPTag = false;
            lastParagraph = 'p';
          } else if (lastParagraph !== 'p') {
            output += closeParagraph();
            pendingPTag = '<p>';
          } else {
            pendingPTag = '</p><p>';
          }
        } else if (pendingPTag) {
          output += pendingPTag;
          pendingPTag = false;
          lastParagraph = 'p';
        } else if (lastParagraph !== 'p') {
          output += `${closeParagraph()}<p>`;
          lastParagraph = 'p';
        }
      }
    }
    if (preCloseMatch && inPre) inPre = false;
    if (pendingPTag === false) {
      if (prefixLength === 0) {
        output += t;
        if (notLastLine || lastParagraph !== '') output += '\n';
      } else {
        output += phpTrim(t);
      }
    }
  }
  while (prefixLength) {
    output += closeList(prefix2[prefixLength - 1]!);
    prefixLength--;
    if (!prefixLength && lastParagraph !== '') output += '\n';
  }
  if (lastParagraph !== '') output += closeParagraph(true);
  return output;
}
