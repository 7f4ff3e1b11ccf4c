/**
 * MediaWiki's wfEscapeWikiText: text shown as is ({{msgnw:…}}), its wiki syntax escaped with
 * character references.
 */
const REPLACEMENTS: Record<string, string> = {
  '"': '&#34;', '&': '&#38;', "'": '&#39;', '<': '&#60;', '=': '&#61;', '>': '&#62;',
  '[': '&#91;', ']': '&#93;', '{': '&#123;', '|': '&#124;', '}': '&#125;', ';': '&#59;',
  '!!': '&#33;!',
  '\n!': '\n&#33;', '\r!': '\r&#33;', '\n#': '\n&#35;', '\r#': '\r&#35;',
  '\n*': '\n&#42;', '\r*': '\r&#42;', '\n:': '\n&#58;', '\r:': '\r&#58;',
  '\n ': '\n&#32;', '\r ': '\r&#32;', '\n\n': '\n&#10;', '\r\n': '&#13;\n',
  '\n\r': '\n&#13;', '\r\r': '\r&#13;', '\n\t': '\n&#9;', '\r\t': '\r&#9;',
  '\n----': '\n&#45;---', '\r----': '\r&#45;---',
  '__': '_&#95;', '://': '&#58;//', '~~~': '~~&#126;',
};
for (const magic of ['ISBN', 'PMID', 'RFC']) {
  REPLACEMENTS[`${magic} `] = `${magic}&#32;`;
  REPLACEMENTS[`${magic}\t`] = `${magic}&#9;`;
  REPLACEMENTS[`${magic}\r`] = `${magic}&#13;`;
  REPLACEMENTS[`${magic}\n`] = `${magic}&#10;`;
  REPLACEMENTS[`${magic}\f`] = `${magic}&#12;`;
}

/** Keys longest first, as PHP's strtr tries them. */
const PATTERN = new RegExp(
  Object.keys(REPLACEMENTS)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
const PROTOCOLS = /\b(bitcoin|geo|magnet|mailto|matrix|news|sip|sips|sms|tel|urn|xmpp):/gi;

export function escapeWikiText(input: string): string {
  const text = ('\n' + input).replace(PATTERN, (m) => REPLACEMENTS[m]!).slice(1);
  return text.replace(PROTOCOLS, '$1&#58;');
}
