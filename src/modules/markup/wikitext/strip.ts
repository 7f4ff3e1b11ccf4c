/** MediaWiki's StripState: HTML kept out of later passes, replaced in the text by unique markers. */
import { MARKER_PREFIX, MARKER_SUFFIX, type StripState } from './types.ts';

const MARKER = /\x7f'"`UNIQ-([^\x7f]*?)-QINU`"'\x7f/g;
const MAX_DEPTH = 40;

export class Strip implements StripState {
  private readonly general = new Map<string, string>();
  private readonly nowiki = new Map<string, string>();
  private index = 0;

  /** A marker for `name` ('nowiki', 'pre', 'ref'…) and the next index, as Parser::insertStripItem. */
  marker(name: string): string {
    return `${MARKER_PREFIX}-${name}-${(this.index++).toString(16).toUpperCase().padStart(8, '0')}${MARKER_SUFFIX}`;
  }

  addGeneral(html: string, name = 'item'): string {
    const m = this.marker(name);
    this.general.set(m, html);
    return m;
  }

  addNoWiki(html: string, name = 'nowiki'): string {
    const m = this.marker(name);
    this.nowiki.set(m, html);
    return m;
  }

  private unstrip(text: string, maps: Array<Map<string, string>>, depth = 0): string {
    if (!text.includes(MARKER_PREFIX)) return text;
    return text.replace(MARKER, (whole) => {
      for (const map of maps) {
        const v = map.get(whole);
        if (v !== undefined) return depth >= MAX_DEPTH ? '' : this.unstrip(v, maps, depth + 1);
      }
      return whole;
    });
  }

  unstripGeneral(text: string): string {
    return this.unstrip(text, [this.general]);
  }

  unstripNoWiki(text: string): string {
    return this.unstrip(text, [this.nowiki]);
  }

  unstripBoth(text: string): string {
    return this.unstrip(text, [this.general, this.nowiki]);
  }

  /** Removes every marker left (unknown ones included). */
  static killMarkers(text: string): string {
    return text.replace(MARKER, '');
  }
}

export { MARKER as MARKER_PATTERN };
