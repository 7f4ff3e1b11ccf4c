/**
 * Helpers for the preprocessor's and functions' tests: a ParserContext with known pages, a
 * minimal strip state (markers readable in assertions) and optional tag hooks.
 */
import { testEnv, title } from '../../testing.ts';
import { titleCodec } from '../../titles.ts';
import type { ParserContext, StripState, TagHook, WikitextEnv, WikitextSite } from '../types.ts';
import { MARKER_PREFIX, MARKER_SUFFIX } from '../types.ts';
import { preprocess } from './index.ts';

export { title };

class TestStrip implements StripState {
  readonly items = new Map<string, string>();
  private n = 0;
  private add(kind: string, html: string): string {
    const marker = `${MARKER_PREFIX}-${kind}-${(this.n++).toString(16).toUpperCase().padStart(8, '0')}${MARKER_SUFFIX}`;
    this.items.set(marker, html);
    return marker;
  }
  addGeneral(html: string): string {
    return this.add('general', html);
  }
  addNoWiki(html: string): string {
    return this.add('nowiki', html);
  }
  unstripGeneral(text: string): string {
    return this.unstripBoth(text);
  }
  unstripNoWiki(text: string): string {
    return this.unstripBoth(text);
  }
  unstripBoth(text: string): string {
    let out = text;
    for (let i = 0; i < 10 && out.includes(MARKER_PREFIX); i++) {
      for (const [m, html] of this.items) out = out.split(m).join(html);
    }
    return out;
  }
}

export interface TestOptions {
  pages?: Record<string, string | null>;
  page?: string;
  language?: string;
  now?: number;
  hooks?: Record<string, TagHook>;
  env?: Partial<WikitextEnv>;
  site?: Partial<WikitextSite>;
}

/** `<nowiki>` and `<pre>`-like hooks that show their content escaped, `<tag>` that dumps it. */
export const SIMPLE_HOOKS: Record<string, TagHook> = {
  nowiki: (content) => (content ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  pre: (content) => `<pre>${(content ?? '').replace(/</g, '&lt;')}</pre>`,
  ref: (content, attrs) => `[ref${attrs['name'] ? ' ' + attrs['name'] : ''}:${content ?? ''}]`,
};

export function testContext(options: TestOptions = {}): ParserContext {
  const codec = titleCodec(options.language ?? 'fr');
  const key = (text: string): string => {
    const r = codec.parse(text);
    if (!r.ok) throw new Error(`invalid test title ${text}`);
    return r.title.key;
  };
  const pages = new Map<string, string | null>();
  for (const [k, v] of Object.entries(options.pages ?? {})) pages.set(key(k), v);
  const page = codec.parse(options.page ?? 'Bac à sable');
  const base = testEnv({ title: page.ok ? page.title : title('Bac à sable') });
  const site: WikitextSite = {
    server: 'http://example.org',
    articlePath: '/wiki/$1',
    script: '/index.php',
    siteName: 'Maillage',
    language: options.language ?? 'fr',
    ...options.site,
  };
  const env: WikitextEnv = { ...base, pages, now: options.now ?? Date.UTC(2024, 0, 15, 13, 45, 30), site, ...options.env };
  const strip = new TestStrip();
  const ctx: ParserContext = {
    env,
    site,
    title: env.title,
    strip,
    tagHooks: new Map(Object.entries(options.hooks ?? SIMPLE_HOOKS)),
    recursiveTagParse: (text, frame) => preprocess(text, ctx, frame),
    output: { templates: [], unresolved: new Set(), flags: new Set(), limitWarnings: [] },
  };
  return ctx;
}

/** Expands `text` in a fresh context and unstrips markers (heading markers shown as ⟨h:n⟩). */
export function expand(text: string, options: TestOptions = {}): string {
  const ctx = testContext(options);
  return readable(preprocess(text, ctx), ctx);
}

export function readable(text: string, ctx: ParserContext): string {
  const headings = new RegExp(`${escapeRe(MARKER_PREFIX)}-h-(\\d+)-${escapeRe(MARKER_SUFFIX)}`, 'g');
  return ctx.strip.unstripBoth(text.replace(headings, '⟨h:$1⟩'));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
