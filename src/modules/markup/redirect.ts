/**
 * Redirect pages, the same in both content models: `#REDIRECTION [[Cible]]` or
 * `#REDIRECT [[Cible]]` (any case, an optional ':'), first thing on the page once leading
 * whitespace is skipped, as MediaWiki's WikitextContent::getRedirectTargetAndText.
 */
import { escapeHtml } from '../../core/html/jsx-runtime.ts';
import { internalLinkAttrs, linkOpenTag, percentDecode, type LinkEnv } from './links.ts';
import { NS_SPECIAL } from './namespaces.ts';
import { parseTitle } from './titles.ts';
import type { Title } from './types.ts';

const REDIRECT = /^\s*#(?:REDIRECTION|REDIRECT)\s*:?\s*\[\[(.*?)(?:\|.*?)?\]\][^\S\r\n]*(?:\r\n|\r|\n)?/i;

export interface RedirectMatch {
  target: Title;
  /** Length of the redirect line (with its line break); the rest of the page follows. */
  length: number;
}

/** The redirect at the start of `source`, if any; a target that is invalid or a special page is no redirect. */
export function matchRedirect(source: string): RedirectMatch | undefined {
  const m = REDIRECT.exec(source);
  if (!m) return undefined;
  let raw = m[1]!;
  if (raw.includes('%')) raw = percentDecode(raw.replace(/^:+/, ''));
  const parsed = parseTitle(raw);
  if (!parsed.ok || parsed.title.namespace === NS_SPECIAL) return undefined;
  return { target: parsed.title, length: m[0].length };
}

/** What MediaWiki shows at the top of a redirect page (Article::getRedirectHeaderHtml). */
export function redirectHeader(target: Title, env: LinkEnv): string {
  const text = target.fragment ? `${target.full}#${target.fragment}` : target.full;
  const link = `${linkOpenTag(internalLinkAttrs({ kind: 'page', title: target, text }, env))}${escapeHtml(text)}</a>`;
  const label = env.labels.redirectTo ? `<p>${escapeHtml(env.labels.redirectTo)}</p>` : '';
  return `<div class="redirectMsg">${label}<ul class="redirectText"><li>${link}</li></ul></div>\n`;
}
