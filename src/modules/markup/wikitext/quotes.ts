/** MediaWiki's Parser::doQuotes: '' italic, ''' bold, ''''' both, with its balancing rules. */

export function doAllQuotes(text: string): string {
  let at = text.indexOf("''");
  if (at < 0) return text;
  // Line by line, but only the lines holding '' are cut out: the others cannot change.
  let out = '';
  let last = 0;
  while (at >= 0) {
    const start = text.lastIndexOf('\n', at) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    out += text.slice(last, start) + doQuotes(text.slice(start, end));
    last = end;
    at = text.indexOf("''", end);
  }
  return out + text.slice(last);
}

export function doQuotes(text: string): string {
  if (!text.includes("''")) return text;
  const arr = text.split(/(''+)/);
  if (arr.length === 1) return text;
  let numBold = 0;
  let numItalics = 0;
  for (let i = 1; i < arr.length; i += 2) {
    let len = arr[i]!.length;
    if (len === 4) {
      arr[i - 1] += "'";
      arr[i] = "'''";
      len = 3;
    } else if (len > 5) {
      arr[i - 1] += "'".repeat(len - 5);
      arr[i] = "'''''";
      len = 5;
    }
    if (len === 2) numItalics++;
    else if (len === 3) numBold++;
    else if (len === 5) {
      numItalics++;
      numBold++;
    }
  }
  if (numBold % 2 === 1 && numItalics % 2 === 1) {
    let firstSingle = -1;
    let firstMulti = -1;
    let firstSpace = -1;
    for (let i = 1; i < arr.length; i += 2) {
      if (arr[i]!.length !== 3) continue;
      const before = [...arr[i - 1]!];
      const x1 = before[before.length - 1];
      const x2 = before[before.length - 2];
      if (x1 === ' ') {
        if (firstSpace === -1) firstSpace = i;
      } else if (x2 === ' ') {
        firstSingle = i;
        break;
      } else if (firstMulti === -1) firstMulti = i;
    }
    const pick = firstSingle > -1 ? firstSingle : firstMulti > -1 ? firstMulti : firstSpace;
    if (pick > -1) {
      arr[pick] = "''";
      arr[pick - 1] += "'";
    }
  }
  let output = '';
  let buffer = '';
  let state = '';
  for (let i = 0; i < arr.length; i++) {
    const r = arr[i]!;
    if (i % 2 === 0) {
      if (state === 'both') buffer += r;
      else output += r;
      continue;
    }
    const len = r.length;
    if (len === 2) {
      if (state === 'i') [output, state] = [`${output}</i>`, ''];
      else if (state === 'bi') [output, state] = [`${output}</i>`, 'b'];
      else if (state === 'ib') [output, state] = [`${output}</b></i><b>`, 'b'];
      else if (state === 'both') [output, state] = [`${output}<b><i>${buffer}</i>`, 'b'];
      else [output, state] = [`${output}<i>`, `${state}i`];
    } else if (len === 3) {
      if (state === 'b') [output, state] = [`${output}</b>`, ''];
      else if (state === 'bi') [output, state] = [`${output}</i></b><i>`, 'i'];
      else if (state === 'ib') [output, state] = [`${output}</b>`, 'i'];
      else if (state === 'both') [output, state] = [`${output}<i><b>${buffer}</b>`, 'i'];
      else [output, state] = [`${output}<b>`, `${state}b`];
    } else if (len === 5) {
      if (state === 'b') [output, state] = [`${output}</b><i>`, 'i'];
      else if (state === 'i') [output, state] = [`${output}</i><b>`, 'b'];
      else if (state === 'bi') [output, state] = [`${output}</i></b>`, ''];
      else if (state === 'ib') [output, state] = [`${output}</b></i>`, ''];
      else if (state === 'both') [output, state] = [`${output}<i><b>${buffer}</b></i>`, ''];
      else [buffer, state] = ['', 'both'];
    }
  }
  if (state === 'b' || state === 'ib') output += '</b>';
  if (state === 'i' || state === 'bi' || state === 'ib') output += '</i>';
  if (state === 'bi') output += '</b>';
  if (state === 'both' && buffer) output += `<b><i>${buffer}</i></b>`;
  return output;
}
