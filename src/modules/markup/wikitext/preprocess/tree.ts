/**
 * Wikitext to preprocessor tree, after MediaWiki's Preprocessor_Hash::buildDomTreeArrayFromText:
 * one left-to-right pass with a stack of open brace groups ("rightmost opening wins").
 */
import type { HeadingNode, PPNode, PPNodes, PPPart } from './nodes.ts';

export interface TreeOptions {
  /** Inclusion mode (a transcluded page): `<noinclude>` dropped, `<includeonly>` kept, `<onlyinclude>` honoured. */
  forInclusion: boolean;
  /** Lower-case names of extension tags (their content is not parsed). */
  extensionTags: Iterable<string>;
}

interface Rule {
  end: string;
  /** Element for each closing count; null = plain text (links, language converter). */
  names: Record<number, 'template' | 'tplarg' | null>;
  min: number;
  max: number;
}

const RULES: Record<string, Rule> = {
  '{': { end: '}', names: { 2: 'template', 3: 'tplarg' }, min: 2, max: 3 },
  '[': { end: ']', names: { 2: null }, min: 2, max: 2 },
  '-{': { end: '}-', names: { 2: null }, min: 2, max: 2 },
};

interface Part {
  out: PPNodes;
  eqpos?: number;
  commentEnd?: number;
  visualEnd?: number;
}

interface Piece {
  open: string;
  close: string;
  count: number;
  parts: Part[];
  lineStart: boolean;
  savedPrefix: string;
  startPos: number;
}

function addLiteral(accum: PPNodes, text: string): void {
  const n = accum.length;
  if (n > 0 && typeof accum[n - 1] === 'string') accum[n - 1] = (accum[n - 1] as string) + text;
  else accum.push(text);
}

function appendAll(accum: PPNodes, nodes: PPNodes): void {
  for (const n of nodes) {
    if (typeof n === 'string') addLiteral(accum, n);
    else accum.push(n);
  }
}

/** The piece's text when it turns out not to be a template/argument (MediaWiki's breakSyntax). */
function breakSyntax(piece: Piece, openingCount?: number): PPNodes {
  if (piece.open === '\n') return [piece.savedPrefix, ...piece.parts[0]!.out];
  const count = openingCount ?? piece.count;
  const head = piece.open.slice(0, -1);
  const accum: PPNodes = [piece.savedPrefix + head + piece.open.slice(-1).repeat(count - head.length)];
  piece.parts.forEach((part, i) => {
    if (i > 0) addLiteral(accum, '|');
    for (const node of part.out) {
      if (typeof node === 'string') addLiteral(accum, node);
      else if (node.type === 'equals') addLiteral(accum, '=');
      else accum.push(node);
    }
  });
  return accum;
}

/** Number of `char` in a row from `start`, at most `max`. */
function spanOf(text: string, char: string, start: number, max = Infinity): number {
  const code = char.charCodeAt(0);
  let n = 0;
  while (n < max && text.charCodeAt(start + n) === code) n++;
  return n;
}

/** Number of spaces/tabs from `start`. */
function spacesFrom(text: string, start: number): number {
  let n = start;
  while (text.charCodeAt(n) === 32 || text.charCodeAt(n) === 9) n++;
  return n - start;
}

/** Number of spaces/tabs right before `end`. */
function spacesBefore(text: string, end: number): number {
  let n = 0;
  while (end - n - 1 >= 0 && (text[end - n - 1] === ' ' || text[end - n - 1] === '\t')) n++;
  return n;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const tagRegexCache = new Map<string, RegExp>();

function elementsRegex(names: string[]): RegExp {
  const key = names.join('|');
  let re = tagRegexCache.get(key);
  if (!re) {
    re = new RegExp(`(${names.map(escapeRegExp).join('|')})(?:\\s|\\/>|>)|(!--)`, 'iy');
    tagRegexCache.set(key, re);
  }
  return re;
}

const searchCache = new Map<string, RegExp[]>();

/**
 * Where a literal run ends: MediaWiki's strcspn set, less the characters that would only be
 * appended as text ('-' not before '{', a line break not before '=' outside headings, a single
 * bracket or closing brace), so runs are not cut at every hyphen and line.
 */
function searchRegex(closing: string, pipe: boolean, equals: boolean): RegExp {
  let res = searchCache.get(closing);
  if (!res) {
    // One character per match, so its position is lastIndex - 1 (test() makes no match array).
    const stops = ['<', '\\{(?=\\{)', '\\[(?=\\[)', '-(?=\\{)', closing === '\n' ? '\\n' : '\\n(?==)'];
    if (closing === '}') stops.push('\\}(?=\\})');
    else if (closing === ']') stops.push('\\](?=\\])');
    else if (closing === '}-') stops.push('\\}(?=-)');
    res = [0, 1, 2, 3].map((k) => new RegExp([...stops, ...(k & 2 ? ['\\|'] : []), ...(k & 1 ? ['='] : [])].join('|'), 'g'));
    searchCache.set(closing, res);
  }
  return res[(pipe ? 2 : 0) + (equals ? 1 : 0)]!;
}

const closeTagCache = new Map<string, RegExp>();

function closeTagRegex(name: string): RegExp {
  let re = closeTagCache.get(name);
  if (!re) {
    re = new RegExp(`</${escapeRegExp(name)}\\s*>`, 'ig');
    closeTagCache.set(name, re);
  }
  return re;
}

/** Builds the tree of `text`: its top-level node list. */
export function buildTree(text: string, options: TreeOptions): PPNodes {
  const forInclusion = options.forInclusion;
  const xmlish = [...options.extensionTags];
  let ignoredTags: string[];
  let ignoredElements: string[];
  let enableOnlyinclude = false;
  if (forInclusion) {
    ignoredTags = ['includeonly', '/includeonly'];
    ignoredElements = ['noinclude'];
    xmlish.push('noinclude');
    enableOnlyinclude = text.includes('<onlyinclude>') && text.includes('</onlyinclude>');
  } else {
    ignoredTags = ['noinclude', '/noinclude', 'onlyinclude', '/onlyinclude'];
    ignoredElements = ['includeonly'];
    xmlish.push('includeonly');
  }
  const allowMissingEnd = ['includeonly', 'noinclude', 'onlyinclude'];
  const tagRe = elementsRegex([...xmlish, ...ignoredTags]);

  const stack: Piece[] = [];
  const rootAccum: PPNodes = [];
  let top: Piece | undefined;
  let accum = rootAccum;
  let findEquals = false;
  let findPipe = false;
  let inHeading = false;
  let headingIndex = 1;
  let noMoreGT = false;
  const noMoreClosingTag = new Set<string>();
  let findOnlyinclude = enableOnlyinclude;
  let fakeLineStart = true;
  const length = text.length;
  let i = 0;

  const currentPart = (): Part => top!.parts[top!.parts.length - 1]!;
  const refresh = (): void => {
    top = stack[stack.length - 1];
    if (!top) {
      accum = rootAccum;
      findEquals = findPipe = inHeading = false;
      return;
    }
    const part = currentPart();
    accum = part.out;
    findPipe = top.open !== '\n' && top.open !== '[';
    findEquals = findPipe && top.parts.length > 1 && part.eqpos === undefined;
    inHeading = top.open === '\n';
  };

  for (;;) {
    if (findOnlyinclude) {
      const startPos = text.indexOf('<onlyinclude>', i);
      if (startPos < 0) {
        accum.push({ type: 'ignore', text: text.slice(i) });
        break;
      }
      const tagEndPos = startPos + 13;
      accum.push({ type: 'ignore', text: text.slice(i, tagEndPos) });
      i = tagEndPos;
      findOnlyinclude = false;
    }

    let found: 'line-start' | 'line-end' | 'pipe' | 'equals' | 'angle' | 'close' | 'open';
    let curChar = '';
    let rule: Rule | undefined;
    if (fakeLineStart) {
      found = 'line-start';
    } else {
      const currentClosing = top ? top.close : '';
      // Literal run up to the next character of interest.
      const re = searchRegex(currentClosing, findPipe, findEquals);
      re.lastIndex = i;
      const j = re.test(text) ? re.lastIndex - 1 : length;
      if (j > i) {
        addLiteral(accum, text.slice(i, j));
        i = j;
      }
      if (i >= length) {
        if (currentClosing === '\n') {
          found = 'line-end';
        } else {
          break;
        }
      } else {
        curChar = text[i]!;
        if (curChar === '|') found = 'pipe';
        else if (curChar === '=') found = 'equals';
        else if (curChar === '<') found = 'angle';
        else if (curChar === '\n') found = inHeading ? 'line-end' : 'line-start';
        else if (currentClosing === '}-' && text.startsWith('}-', i)) {
          found = 'close';
          curChar = '}-';
        } else if (curChar === currentClosing) found = 'close';
        else if (curChar === '-' && text[i + 1] === '{') {
          curChar = '-{';
          found = 'open';
          rule = RULES['-{'];
        } else if (curChar === '{' || curChar === '[') {
          found = 'open';
          rule = RULES[curChar];
        } else {
          if (curChar === '-' || curChar === '}') addLiteral(accum, curChar);
          i++;
          continue;
        }
      }
    }

    if (found === 'angle') {
      if (enableOnlyinclude && text.startsWith('</onlyinclude>', i)) {
        findOnlyinclude = true;
        continue;
      }
      tagRe.lastIndex = i + 1;
      const m = tagRe.exec(text);
      if (!m) {
        addLiteral(accum, '<');
        i++;
        continue;
      }
      if (m[2] === '!--') {
        const endPos0 = text.indexOf('-->', i + 4);
        if (endPos0 < 0) {
          accum.push({ type: 'comment', text: text.slice(i) });
          i = length;
          continue;
        }
        let endPos = endPos0;
        const wsStart = i ? i - spacesBefore(text, i) : 0;
        let wsEnd = endPos + 2 + spacesFrom(text, endPos + 3);
        const comments: Array<[number, number]> = [[wsStart, wsEnd]];
        while (text.startsWith('<!--', wsEnd + 1)) {
          let c = text.indexOf('-->', wsEnd + 5);
          if (c < 0) break;
          c += 2 + spacesFrom(text, c + 3);
          comments.push([wsEnd + 1, c]);
          wsEnd = c;
        }
        let startPos: number;
        if (wsStart > 0 && text[wsStart - 1] === '\n' && text[wsEnd + 1] === '\n') {
          // A line of only comments: eat the spaces around them and the line break after.
          const wsLength = i - wsStart;
          const last = accum.length - 1;
          if (wsLength > 0 && last >= 0 && typeof accum[last] === 'string') {
            const s = accum[last] as string;
            if (/^[ \t]*$/.test(s.slice(-wsLength)) && s.length >= wsLength) accum[last] = s.slice(0, -wsLength);
          }
          for (let k = 0; k < comments.length - 1; k++) {
            const [a, b] = comments[k]!;
            accum.push({ type: 'comment', text: text.slice(a, b + 1) });
          }
          const lastComment = comments[comments.length - 1]!;
          startPos = lastComment[0];
          endPos = lastComment[1] + 1;
          fakeLineStart = true;
        } else {
          startPos = i;
          endPos += 2;
        }
        if (top) {
          const part = currentPart();
          if (!(part.commentEnd !== undefined && part.commentEnd === wsStart - 1)) part.visualEnd = wsStart;
          part.commentEnd = endPos;
        }
        i = endPos + 1;
        accum.push({ type: 'comment', text: text.slice(startPos, endPos + 1) });
        continue;
      }
      const name = m[1]!;
      const lowerName = name.toLowerCase();
      const attrStart = i + name.length + 1;
      const tagEndPos = noMoreGT ? -1 : text.indexOf('>', attrStart);
      if (tagEndPos < 0) {
        noMoreGT = true;
        addLiteral(accum, '<');
        i++;
        continue;
      }
      if (ignoredTags.includes(lowerName)) {
        accum.push({ type: 'ignore', text: text.slice(i, tagEndPos + 1) });
        i = tagEndPos + 1;
        continue;
      }
      const tagStartPos = i;
      let attrEnd: number;
      let inner: string | null;
      let close: string | null;
      if (text[tagEndPos - 1] === '/') {
        attrEnd = tagEndPos - 1;
        inner = null;
        close = null;
        i = tagEndPos + 1;
      } else {
        attrEnd = tagEndPos;
        const closeRe = closeTagRegex(name);
        closeRe.lastIndex = tagEndPos + 1;
        const cm = noMoreClosingTag.has(lowerName) ? null : closeRe.exec(text);
        if (cm) {
          close = cm[0];
          inner = text.slice(tagEndPos + 1, cm.index);
          i = cm.index + close.length;
        } else if (allowMissingEnd.includes(name)) {
          inner = text.slice(tagEndPos + 1);
          i = length;
          close = null;
        } else {
          i = tagEndPos + 1;
          addLiteral(accum, text.slice(tagStartPos, tagEndPos + 1));
          noMoreClosingTag.add(lowerName);
          continue;
        }
      }
      if (ignoredElements.includes(lowerName)) {
        accum.push({ type: 'ignore', text: text.slice(tagStartPos, i) });
        continue;
      }
      const attr = attrEnd <= attrStart ? '' : text.slice(attrStart, attrEnd);
      accum.push({ type: 'ext', name, attr, inner, close });
    } else if (found === 'line-start') {
      if (fakeLineStart) {
        fakeLineStart = false;
      } else {
        addLiteral(accum, curChar);
        i++;
      }
      const count = spanOf(text, '=', i, 6);
      if (count === 1 && findEquals) {
        // Looks like a name/value separator: let the equals handler have it.
      } else if (count > 0) {
        stack.push({ open: '\n', close: '\n', parts: [{ out: ['='.repeat(count)] }], startPos: i, count, lineStart: false, savedPrefix: '' });
        refresh();
        i += count;
      }
    } else if (found === 'line-end') {
      const piece = top!;
      const part = currentPart();
      let searchStart = i - spacesBefore(text, i);
      if (part.commentEnd !== undefined && searchStart - 1 === part.commentEnd) {
        searchStart = part.visualEnd!;
        searchStart -= spacesBefore(text, searchStart);
      }
      let equalsLength = 0;
      while (searchStart - equalsLength - 1 >= 0 && text[searchStart - equalsLength - 1] === '=') equalsLength++;
      let element: PPNodes;
      if (equalsLength > 0) {
        let count: number;
        if (searchStart - equalsLength === piece.startPos) {
          count = equalsLength < 3 ? 0 : Math.min(6, Math.floor((equalsLength - 1) / 2));
        } else {
          count = Math.min(equalsLength, piece.count);
        }
        if (count > 0) {
          const h: HeadingNode = { type: 'h', level: count, index: headingIndex++, root: false, children: accum };
          element = [h];
        } else {
          element = accum;
        }
      } else {
        element = accum;
      }
      stack.pop();
      refresh();
      appendAll(accum, element);
      // The line break is not consumed: it may open the next heading.
    } else if (found === 'open') {
      if (curChar === '[' && text[i + 1] === '[' && text[i + 2] !== '[') {
        // A link with nothing to parse before its ']]' stays as written (what breakSyntax gives), without a piece.
        const re = searchRegex(']', false, false);
        re.lastIndex = i + 2;
        if (re.test(text) && text[re.lastIndex - 1] === ']') {
          addLiteral(accum, text.slice(i, re.lastIndex + 1));
          i = re.lastIndex + 1;
          continue;
        }
      }
      const curLen = curChar.length;
      let count = curLen > 1 ? spanOf(text, curChar[curLen - 1]!, i + 1) + 1 : spanOf(text, curChar, i);
      let savedPrefix = '';
      const lineStart = i > 0 && text[i - 1] === '\n';
      if (curChar === '-{' && count > curLen) {
        // -{{ : the braces win.
        savedPrefix = '-';
        i++;
        curChar = '{';
        count--;
        rule = RULES['{'];
      }
      if (count >= rule!.min) {
        stack.push({ open: curChar, close: rule!.end, savedPrefix, count, lineStart, parts: [{ out: [] }], startPos: i });
        refresh();
      } else {
        addLiteral(accum, savedPrefix + curChar.repeat(count));
      }
      i += count;
    } else if (found === 'close') {
      const piece = top!;
      let maxCount = piece.count;
      if (piece.close === '}-' && curChar === '}') maxCount--;
      const curLen = curChar.length;
      const count = curLen > 1 ? curLen : spanOf(text, curChar, i, maxCount);
      const pieceRule = RULES[piece.open]!;
      let matchingCount: number;
      if (count > pieceRule.max) {
        matchingCount = pieceRule.max;
      } else {
        matchingCount = count;
        while (matchingCount > 0 && !(matchingCount in pieceRule.names)) matchingCount--;
      }
      if (matchingCount <= 0) {
        addLiteral(accum, text.slice(i, i + count));
        i += count;
        continue;
      }
      const name = pieceRule.names[matchingCount]!;
      let element: PPNodes;
      if (name === null) {
        element = breakSyntax(piece, matchingCount);
        addLiteral(element, text.slice(i, i + matchingCount));
      } else {
        const parts: PPPart[] = [];
        let argIndex = 1;
        for (const part of piece.parts.slice(1)) {
          if (part.eqpos !== undefined) {
            parts.push({ index: 0, name: part.out.slice(0, part.eqpos), value: part.out.slice(part.eqpos + 1) });
          } else {
            parts.push({ index: argIndex++, name: [], value: part.out });
          }
        }
        const lineStartFlag = maxCount === matchingCount && piece.lineStart && piece.savedPrefix === '';
        element = [{ type: name, title: piece.parts[0]!.out, parts, lineStart: lineStartFlag }];
      }
      i += matchingCount;
      stack.pop();
      refresh();
      if (matchingCount < piece.count) {
        piece.parts = [{ out: [] }];
        piece.count -= matchingCount;
        if (piece.count >= RULES[piece.open]!.min) {
          stack.push(piece);
          refresh();
        } else if (piece.count === 1 && piece.open === '{' && piece.savedPrefix === '-') {
          piece.savedPrefix = '';
          piece.open = '-{';
          piece.count = 2;
          piece.close = RULES['-{']!.end;
          stack.push(piece);
          refresh();
        } else {
          const head = piece.open.slice(0, -1);
          addLiteral(accum, piece.savedPrefix + head + piece.open.slice(-1).repeat(piece.count - head.length));
        }
      } else if (piece.savedPrefix !== '') {
        addLiteral(accum, piece.savedPrefix);
      }
      appendAll(accum, element);
    } else if (found === 'pipe') {
      top!.parts.push({ out: [] });
      refresh();
      findEquals = true;
      i++;
    } else if (found === 'equals') {
      accum.push({ type: 'equals' });
      currentPart().eqpos = accum.length - 1;
      findEquals = false;
      i++;
    }
  }

  for (const piece of stack) appendAll(rootAccum, breakSyntax(piece));
  for (const node of rootAccum) if (isHeading(node)) node.root = true;
  return rootAccum;
}

function isHeading(node: PPNode): node is HeadingNode {
  return typeof node !== 'string' && node.type === 'h';
}
