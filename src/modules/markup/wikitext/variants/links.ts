/**
 * Links and templates written in another variant (MediaWiki's LanguageConverter::findVariantLink
 * and LinkHolderArray::doVariants): a missing page whose title, converted to some variant,
 * names an existing page (or the page itself) stands for that page.
 */
import type { TitleCodec } from '../../titles.ts';
import type { Title } from '../../types.ts';
import type { ParseState } from '../context.ts';
import type { LanguageConverter } from './converter.ts';

const NS_SPECIAL = -1;

/** The title's text in every variant, the text itself left out (autoConvertToAllVariants). */
function variantTexts(converter: LanguageConverter, text: string): string[] {
  const out: string[] = [];
  for (const v of converter.variants) {
    const t = converter.translate(text, v);
    if (t !== text && !out.includes(t)) out.push(t);
  }
  return out;
}

/** The page a link's variant names, when the title itself names no page. */
export function variantLinkTarget(state: ParseState, title: Title): Title {
  const converter = state.converter;
  if (!converter || title.namespace === NS_SPECIAL || title.key === state.ctx.title.key) return title;
  const linkStatus = state.ctx.env.linkStatus;
  const status = linkStatus.get(title.key);
  if (status === 'exists' || status === 'redirect') return title;
  const candidates = variantTexts(converter, title.text).map((text) => state.codec.make(title.namespace, text, title.fragment));
  // A variant naming the page itself makes a self-link, whatever other variants exist.
  const self = candidates.find((c) => c.key === state.ctx.title.key);
  if (self) return self;
  for (const candidate of candidates) {
    const s = linkStatus.get(candidate.key);
    if (s === 'exists' || s === 'redirect') return candidate;
  }
  return title;
}

/** The template a missing template's variant names (Parser::braceSubstitution's findVariantLink), if any. */
export function variantTemplate(converter: LanguageConverter, codec: TitleCodec, title: Title, pages: ReadonlyMap<string, string | null> | undefined): Title | undefined {
  if (!pages || typeof pages.get(title.key) === 'string') return undefined;
  for (const text of variantTexts(converter, title.text)) {
    const candidate = codec.make(title.namespace, text);
    if (typeof pages.get(candidate.key) === 'string') return candidate;
  }
  return undefined;
}
