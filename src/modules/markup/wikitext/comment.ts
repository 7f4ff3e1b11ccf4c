/**
 * Edit summaries (MediaWiki's CommentParser, Linker::formatComment): the text is escaped, section
 * comments `/* Section *\/` become links to the section, and `[[links]]` become links; nothing
 * else of wikitext applies.
 */
import { percentDecode } from '../links.ts';
import { NS_MAIN } from '../namespaces.ts';
import { newState } from './parse.ts';
import { pageLink, resolveTarget, splitTrail, normalizeSubpageLink } from './internal-links.ts';
import { encodeAttribute, escapeIdForLink } from './sanitizer.ts';
import type { WikitextEnv } from './types.ts';
import { articleUrl } from './urls.ts';

/** htmlspecialchars, keeping character references as they are (Sanitizer::escapeHtmlAllowEntities). */
function escapeAllowEntities(text: string): string {
  return text
    .replace(/&(?!(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function formatComment(text: string, env: WikitextEnv, options: { local?: boolean } = {}): string {
  const state = newState(env);
  const page = state.ctx.title;
  const modes = state.options.fragmentMode;
  let comment = escapeAllowEntities(text).replace(/\n/g, ' ');

  comment = comment.replace(/\/\*\s*(.*?)\s*\*\//g, (_whole, auto: string, offset: number, all: string) => {
    const post = offset + _whole.length < all.length;
    const section = auto.replace(/\[\[:?/g, '').replace(/]]/g, '').replace(/[ _]+/g, ' ').trim();
    let html = auto.replace(/\[/g, '&#91;').replace(/]/g, '&#93;');
    if (section !== '') {
      const fragment = `#${escapeIdForLink(section, modes)}`;
      const label = `→<bdi dir="ltr">${html}</bdi>`;
      html = options.local
        ? `<a href="${encodeAttribute(fragment)}">${label}</a>`
        : `<a href="${encodeAttribute(articleUrl(state.ctx.site, page.key) + fragment)}" title="${encodeAttribute(page.full)}">${label}</a>`;
    }
    return `<span class="autocomment">${html}${post ? ': ' : ''}</span>`;
  });

  return comment.replace(/\[\[\s*(:?)([^\]|]+)(?:\|((?:]?[^\]])*))?]]([^[]*)/g, (whole, _colon: string, rawTarget: string, label: string | undefined, after: string) => {
    const decoded = percentDecode(rawTarget);
    let text = label ?? '';
    let target = decoded;
    [target, text] = normalizeSubpageLink(state, target, text);
    const [inside, rest] = splitTrail(after, state.ctx.site.language);
    if (target.startsWith('#') && !options.local) {
      const fragment = target.slice(1);
      const title = { ...page, fragment };
      return `<a href="${encodeAttribute(articleUrl(state.ctx.site, page.key) + `#${escapeIdForLink(fragment, modes)}`)}" title="${encodeAttribute(title.full)}">${(text || decoded) + inside}</a>${rest}`;
    }
    const resolved = resolveTarget(state, target);
    if (!resolved) return whole;
    if (resolved.kind === 'interwiki') return whole;
    const display = (text || decoded) + inside;
    if (resolved.title.namespace === NS_MAIN && resolved.title.text === '' && !resolved.title.fragment) return whole;
    return pageLink(state, resolved.title, display) + rest;
  });
}
