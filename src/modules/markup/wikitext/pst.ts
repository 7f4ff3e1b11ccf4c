/**
 * MediaWiki's pre-save transform (Parser::preSaveTransform): `{{subst:…}}` expansion (templates
 * from env.pages), line endings, signatures (~~~ name, ~~~~ name and date, ~~~~~ date; not inside
 * <nowiki>, <pre> or comments), the pipe trick ([[Page (context)|]] → [[Page (context)|Page]],
 * and the reverse [[|Page]] taking the context from the page's own title), trailing whitespace.
 */
import { substForSave } from './parse.ts';
import type { WikitextEnv } from './types.ts';

const TC = "[ %!\"$&'()*,\\-./0-9:;=?@A-Z\\\\^_`a-z~\\u0080-\\uFFFF+]";
const NC = '[ _0-9A-Za-z\\u0080-\\uFFFF-]';
const P1 = new RegExp(`\\[\\[(:?${NC}+:|:|)(${TC}+?)( ?\\(${TC}+\\))\\|]]`, 'g');
const P4 = new RegExp(`\\[\\[(:?${NC}+:|:|)(${TC}+?)( ?（${TC}+）)\\|]]`, 'g');
const P3 = new RegExp(`\\[\\[(:?${NC}+:|:|)(${TC}+?)( ?\\(${TC}+\\)|)((?:, |，|، )${TC}+|)\\|]]`, 'g');
const P2 = new RegExp(`\\[\\[\\|(${TC}+)]]`, 'g');

export function pipeTrick(text: string, pageTitle: string): string {
  let t = text.replace(P1, '[[$1$2$3|$2]]').replace(P4, '[[$1$2$3|$2]]').replace(P3, '[[$1$2$3$4|$2]]');
  const paren = new RegExp(`^(${NC}+:|)${TC}+?( \\(${TC}+\\))$`).exec(pageTitle);
  const comma = new RegExp(`^(${NC}+:|)${TC}+?(, ${TC}+|)$`).exec(pageTitle);
  if (paren) t = t.replace(P2, (_m, page: string) => `[[${paren[1]}${page}${paren[2]}|${page}]]`);
  else if (comma && `${comma[1]}${comma[2]}` !== '') t = t.replace(P2, (_m, page: string) => `[[${comma[1]}${page}${comma[2]}|${page}]]`);
  else t = t.replace(P2, '[[$1]]');
  return t;
}

const MONTHS: Record<string, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** The signature date, as MediaWiki's default date format of the content language, in UTC. */
function signatureDate(now: number, language: string): string {
  const d = new Date(now);
  const time = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  if (language === 'en') return `${time}, ${d.getUTCDate()} ${MONTHS.en![d.getUTCMonth()]} ${d.getUTCFullYear()} (UTC)`;
  return `${d.getUTCDate()} ${MONTHS.fr![d.getUTCMonth()]} ${d.getUTCFullYear()} à ${time} (UTC)`;
}

/** The user part of a signature: a link to the contributions of an IP, or to a user page and its talk page. */
function signatureName(env: WikitextEnv): string {
  const user = env.user ?? { name: '127.0.0.1', anonymous: true };
  const en = env.site?.language === 'en';
  if (user.anonymous) return `[[${en ? 'Special' : 'Spécial'}:Contributions/${user.name}|${user.name}]]`;
  return en ? `[[User:${user.name}|${user.name}]] ([[User talk:${user.name}|talk]])` : `[[Utilisateur:${user.name}|${user.name}]] ([[Discussion utilisateur:${user.name}|discuter]])`;
}

export interface PstResult {
  text: string;
  /** ParserOutput flags the transform set ('user-signature'). */
  flags: string[];
  /** Pages a subst: needed that env.pages did not have: fetch them and transform again. */
  unresolved: string[];
}

export function preSaveTransform(text: string, env: WikitextEnv): PstResult {
  const flags = new Set<string>();
  // {{subst:…}} first, as MediaWiki (replaceVariables in OT_WIKI mode), then signatures and the pipe trick.
  let unresolved: string[] = [];
  if (/subst:/i.test(text)) ({ text, unresolved } = substForSave(text.replace(/\r\n?/g, '\n'), env));
  const language = env.site?.language ?? 'fr';
  // Signatures, outside <nowiki>, <pre> and comments.
  const parts = text.replace(/\r\n?/g, '\n').split(/(<nowiki\b[^>]*>[\s\S]*?<\/nowiki\s*>|<pre\b[^>]*>[\s\S]*?<\/pre\s*>|<!--[\s\S]*?-->)/i);
  const signed = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(/~~~~~|~~~~|~~~/g, (m) => {
        flags.add('user-signature');
        const date = signatureDate(env.now ?? Date.now(), language);
        return m === '~~~~~' ? date : m === '~~~~' ? `${signatureName(env)} ${date}` : signatureName(env);
      });
    })
    .join('');
  const t = pipeTrick(signed, env.title.full);
  return { text: t.replace(/\s+$/, ''), flags: [...flags].sort(), unresolved };
}
