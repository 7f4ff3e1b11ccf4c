import { en } from './en-CA.ts';
import { fr, type MessageKey } from './fr-CA.ts';
import { DEFAULT_LOCALE, type Locale } from './locales.ts';
import { frenchTypography } from './typography.ts';

export type { MessageKey } from './fr-CA.ts';
export * from './locales.ts';
export * from './format.ts';
export { frenchTypography, NBSP, NNBSP } from './typography.ts';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const CATALOGS: Record<Locale, Record<MessageKey, string>> = {
  'fr-CA': Object.fromEntries(Object.entries(fr).map(([k, v]) => [k, frenchTypography(v)])) as Record<MessageKey, string>,
  'en-CA': en,
};

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = CATALOGS[locale][key] ?? CATALOGS[DEFAULT_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : String(v);
  });
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
