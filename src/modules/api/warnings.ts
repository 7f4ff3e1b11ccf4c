/** Warnings collected while answering, by module, printed as MediaWiki does for the error format. */
export class Warnings {
  private readonly byModule = new Map<string, string[]>();

  add(module: string, text: string): void {
    const list = this.byModule.get(module) ?? [];
    if (!list.includes(text)) list.push(text);
    this.byModule.set(module, list);
  }

  get empty(): boolean {
    return this.byModule.size === 0;
  }

  /** `bc` format: `{ module: { warnings: "a\nb" } }` (formatversion 1: `*` instead of `warnings`). */
  legacy(fv: 1 | 2): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const [module, texts] of this.byModule) out[module] = { [fv === 2 ? 'warnings' : '*']: texts.join('\n') };
    return out;
  }

  /** Newer formats: `[{ code, text, module }]`. */
  list(): Array<{ code: string; text: string; module: string }> {
    return [...this.byModule].flatMap(([module, texts]) => texts.map((text) => ({ code: 'warning', text, module })));
  }
}
