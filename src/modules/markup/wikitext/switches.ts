/** Behaviour switches (__NOTOC__, __TOC__, __FORCETOC__…), removed in the main parse as MediaWiki's handleDoubleUnderscore. */
import type { ParseState } from './context.ts';

/** Switch name by magic word (English and French synonyms), case-insensitive. */
const SWITCHES: Record<string, string> = {
  NOTOC: 'NOTOC', AUCUNSOMMAIRE: 'NOTOC', SANSSOMMAIRE: 'NOTOC', SANS_SOMMAIRE: 'NOTOC',
  FORCETOC: 'FORCETOC', FORCERSOMMAIRE: 'FORCETOC', FORCER_SOMMAIRE: 'FORCETOC',
  TOC: 'TOC', SOMMAIRE: 'TOC',
  NOEDITSECTION: 'NOEDITSECTION', SECTIONNONEDITABLE: 'NOEDITSECTION', SECTION_NON_EDITABLE: 'NOEDITSECTION',
  NEWSECTIONLINK: 'NEWSECTIONLINK', NONEWSECTIONLINK: 'NONEWSECTIONLINK', NOGALLERY: 'NOGALLERY', HIDDENCAT: 'HIDDENCAT',
  EXPECTUNUSEDCATEGORY: 'EXPECTUNUSEDCATEGORY', NOCONTENTCONVERT: 'NOCONTENTCONVERT', NOCC: 'NOCONTENTCONVERT',
  NOTITLECONVERT: 'NOTITLECONVERT', NOTC: 'NOTITLECONVERT', INDEX: 'INDEX', NOINDEX: 'NOINDEX',
  STATICREDIRECT: 'STATICREDIRECT', DISAMBIG: 'DISAMBIG', EXPECTUNUSEDTEMPLATE: 'EXPECTUNUSEDTEMPLATE',
  ARCHIVEDTALK: 'ARCHIVEDTALK', NOTALK: 'NOTALK',
};
const PATTERN = new RegExp(`__(${Object.keys(SWITCHES).join('|')})__`, 'gi');
export const TOC_PLACEHOLDER = '<meta property="mw:PageProp/toc" />';

export function handleDoubleUnderscore(state: ParseState, text: string): string {
  if (!text.includes('__')) return text;
  let tocDone = false;
  return text.replace(PATTERN, (_m, name: string) => {
    const sw = SWITCHES[name.toUpperCase()]!;
    state.ctx.output.flags.add(sw);
    if (sw === 'TOC' && !tocDone) {
      tocDone = true;
      return TOC_PLACEHOLDER;
    }
    return '';
  });
}
