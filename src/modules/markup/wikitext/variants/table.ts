/**
 * MediaWiki's ReplacementArray: pairs applied as PHP's strtr does (at each position the longest
 * matching key wins, replaced text is not scanned again).
 */
export class ReplacementTable {
  private readonly pairs: Map<string, string>;
  private pattern: RegExp | null | undefined;

  constructor(pairs: Readonly<Record<string, string>> = {}) {
    this.pairs = new Map(Object.entries(pairs));
  }

  get size(): number {
    return this.pairs.size;
  }

  set(from: string, to: string): void {
    this.pairs.set(from, to);
    this.pattern = undefined;
  }

  /** Removes the pairs of `pairs` whose key is present (MediaWiki's removeArray). */
  remove(pairs: Readonly<Record<string, string>>): void {
    for (const from of Object.keys(pairs)) this.pairs.delete(from);
    this.pattern = undefined;
  }

  replace(text: string): string {
    if (this.pattern === undefined) this.pattern = this.build();
    if (!this.pattern || text === '') return text;
    return text.replace(this.pattern, (m) => this.pairs.get(m) ?? m);
  }

  /** Like replace, with the text between matches passed through `other`. */
  replaceAround(text: string, other: (s: string) => string): string {
    if (this.pattern === undefined) this.pattern = this.build();
    if (!this.pattern || text === '') return other(text);
    let out = '';
    let last = 0;
    for (const m of text.matchAll(this.pattern)) {
      out += other(text.slice(last, m.index)) + (this.pairs.get(m[0]) ?? m[0]);
      last = m.index + m[0].length;
    }
    return out + other(text.slice(last));
  }

  private build(): RegExp | null {
    const keys = [...this.pairs.keys()].filter((k) => k !== '');
    if (keys.length === 0) return null;
    keys.sort((a, b) => b.length - a.length);
    return new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'gu');
  }
}
