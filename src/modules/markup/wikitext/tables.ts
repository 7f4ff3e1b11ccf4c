/** MediaWiki's Parser::handleTables: {| … |} tables, rows, cells (| ||, ! !!), captions, indented tables. */
import type { ParseState } from './context.ts';
import { fixTagAttributes } from './sanitizer.ts';

/** Replaces '!!' by '||' outside [[links]] and tags (StringUtils::replaceMarkup). */
function replaceMarkup(line: string): string {
  if (!line.includes('!!')) return line;
  let out = '';
  let depth = 0;
  let inTag = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (line.startsWith('[[', i)) depth++;
    else if (line.startsWith(']]', i) && depth > 0) depth--;
    else if (c === '<') inTag = true;
    else if (c === '>') inTag = false;
    if (!inTag && depth === 0 && line.startsWith('!!', i)) {
      out += '||';
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

const EMPTY_TABLE = '<table>\n<tr><td></td></tr>\n</table>';

export function handleTables(state: ParseState, text: string): string {
  // No table starts without '{|': the lines would come back as they are.
  if (!text.includes('{|')) return text === EMPTY_TABLE ? '' : text;
  // Indexing reads only the text: attributes are left out (encoded, they hold nothing later passes would act on).
  const attrs = state.forIndex ? () => '' : (s: string, el: string) => fixTagAttributes(state.strip.unstripBoth(s), el, { fragmentMode: state.options.fragmentMode, strictCss: state.options.strictCss });
  let out = '';
  const tdHistory: boolean[] = [];
  const lastTagHistory: string[] = [];
  const trHistory: boolean[] = [];
  const trAttributes: string[] = [];
  const hasOpenedTr: boolean[] = [];
  let indentLevel = 0;

  for (let pos = 0; pos <= text.length; ) {
    if (tdHistory.length === 0) {
      // Outside tables, the lines before the next one holding '{|' come back as they are.
      const next = text.indexOf('{|', pos);
      if (next < 0) {
        out += `${text.slice(pos)}\n`;
        break;
      }
      const lineStart = text.lastIndexOf('\n', next) + 1;
      out += text.slice(pos, lineStart);
      pos = lineStart;
    }
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    let outLine = text.slice(pos, end);
    pos = end + 1;
    let line = outLine.trim();
    if (line === '') {
      out += `${outLine}\n`;
      continue;
    }
    let first = line[0]!;
    const firstTwo = line.slice(0, 2);
    const start = line.includes('{|') ? /^(:*)\s*\{\|(.*)$/s.exec(line) : null;
    if (start) {
      indentLevel = start[1]!.length;
      outLine = `${'<dl><dd>'.repeat(indentLevel)}<table${attrs(start[2]!, 'table')}>`;
      tdHistory.push(false);
      lastTagHistory.push('');
      trHistory.push(false);
      trAttributes.push('');
      hasOpenedTr.push(false);
    } else if (tdHistory.length === 0) {
      out += `${outLine}\n`;
      continue;
    } else if (firstTwo === '|}') {
      line = `</table>${line.slice(2)}`;
      const lastTag = lastTagHistory.pop();
      if (!hasOpenedTr.pop()) line = `<tr><td></td></tr>${line}`;
      if (trHistory.pop()) line = `</tr>${line}`;
      if (tdHistory.pop()) line = `</${lastTag}>${line}`;
      trAttributes.pop();
      outLine = indentLevel > 0 ? line.trimEnd() + '</dd></dl>'.repeat(indentLevel) : line;
    } else if (firstTwo === '|-') {
      line = line.replace(/^\|-+/, '');
      trAttributes.pop();
      trAttributes.push(attrs(line, 'tr'));
      line = '';
      const lastTag = lastTagHistory.pop();
      hasOpenedTr.pop();
      hasOpenedTr.push(true);
      if (trHistory.pop()) line = '</tr>';
      if (tdHistory.pop()) line = `</${lastTag}>${line}`;
      outLine = line;
      trHistory.push(false);
      tdHistory.push(false);
      lastTagHistory.push('');
    } else if (first === '|' || first === '!' || firstTwo === '|+') {
      if (firstTwo === '|+') {
        first = '+';
        line = line.slice(2);
      } else line = line.slice(1);
      if (first === '!') line = replaceMarkup(line);
      const cells = line.split('||');
      outLine = '';
      for (const cell0 of cells) {
        let cell = cell0;
        let previous = '';
        if (first !== '+') {
          const trAfter = trAttributes.pop() ?? '';
          if (!trHistory.pop()) previous = `<tr${trAfter}>\n`;
          trHistory.push(true);
          trAttributes.push('');
          hasOpenedTr.pop();
          hasOpenedTr.push(true);
        }
        let lastTag = lastTagHistory.pop();
        if (tdHistory.pop()) previous = `</${lastTag}>\n${previous}`;
        lastTag = first === '|' ? 'td' : first === '!' ? 'th' : first === '+' ? 'caption' : '';
        lastTagHistory.push(lastTag);
        const bar = cell.indexOf('|');
        const data = bar >= 0 ? [cell.slice(0, bar), cell.slice(bar + 1)] : [cell];
        if (/\[\[|-\{/.test(data[0]!)) cell = `${previous}<${lastTag}>${cell.trim()}`;
        else if (data.length === 1) cell = `${previous}<${lastTag}>${data[0]!.trim()}`;
        else cell = `${previous}<${lastTag}${attrs(data[0]!, lastTag)}>${data[1]!.trim()}`;
        outLine += cell;
        tdHistory.push(true);
      }
    }
    out += `${outLine}\n`;
  }
  while (tdHistory.length > 0) {
    if (tdHistory.pop()) out += '</td>\n';
    if (trHistory.pop()) out += '</tr>\n';
    if (!hasOpenedTr.pop()) out += '<tr><td></td></tr>\n';
    out += '</table>\n';
  }
  if (out.endsWith('\n')) out = out.slice(0, -1);
  if (out === EMPTY_TABLE) out = '';
  return out;
}
