/**
 * What a language with variants tells its LanguageConverter (MediaWiki's LanguageConverter
 * subclasses: SrConverter, ZhConverter, EnConverter…). See docs/wikitext.md, "Languages and variants".
 */

/** MediaWiki's manual conversion levels: how `-{ }-` rules may target a variant. */
import type { ReplacementTable } from './table.ts';

export type ManualLevel = 'bidirectional' | 'unidirectional' | 'disable';

export interface VariantLanguage {
  /** The main code ('sr', 'zh', 'en'): the variant that shows the text as written. */
  main: string;
  /** Internal variant codes, lower-case ('sr', 'sr-ec', 'sr-el'). */
  variants: readonly string[];
  /** Variants tried, in order, when a rule has no text for the wanted one. */
  fallbacks: Readonly<Record<string, readonly string[]>>;
  /** Levels other than 'bidirectional'. */
  manualLevel?: Readonly<Record<string, ManualLevel>>;
  /** BCP 47 spellings of variants whose code differs ('sr-ec' → 'sr-Cyrl'); rules accept both. */
  bcp47?: Readonly<Record<string, string>>;
  /** Names shown by the N and D flags (MediaWiki's variant names in the language). */
  names: Readonly<Record<string, string>>;
  /** Separators of the D flag's description (':' and ';'; Chinese uses full-width ones). */
  descCodeSeparator?: string;
  descVarSeparator?: string;
  /** Built-in conversion pairs per variant (replaced longest first, as strtr); empty when absent. */
  tables?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Replaces the table-driven translation of a text chunk (`table` = the built-in pairs plus
   * the page's manual rules for that variant).
   */
  translate?: (text: string, variant: string, table: ReplacementTable) => string;
  /** True when `text` is already in `variant`, so autoConvert leaves it (SrConverter::guessVariant). */
  guessVariant?: (text: string, variant: string) => boolean;
}
