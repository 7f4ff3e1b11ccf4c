import { describe, expect, it } from 'vitest';
import { namespacesFor } from '../namespaces.ts';
import { titleCodec } from '../titles.ts';
import { formatNumber, parseFormattedNumber } from './functions/util.ts';
import { languageData } from './languages.ts';

describe('language data (MessagesXx)', () => {
  it('names namespaces in the language, English names staying aliases', () => {
    const de = namespacesFor('de');
    expect(de.byId(3)?.name).toBe('Benutzer Diskussion');
    expect(de.byName('Benutzer_Diskussion')?.id).toBe(3);
    expect(de.byName('User talk')?.id).toBe(3);
    expect(de.byName('Bild')?.id).toBe(6);
    expect(namespacesFor('sr').byName('Šablon')?.id).toBe(10);
    // Chinese keeps the English names, its own are aliases.
    expect(namespacesFor('zh').byId(14)?.name).toBe('Category');
    expect(namespacesFor('zh').byName('分类')?.id).toBe(14);
  });

  it('names the meta namespace talk page in the language', () => {
    expect(titleCodec('de', 'TestWiki').make(5, 'X').full).toBe('TestWiki Diskussion:X');
    expect(titleCodec('sr', 'TestWiki').make(5, 'X').full).toBe('Разговор о TestWiki:X');
  });

  it('leaves English and French as they were', () => {
    expect(languageData('en')).toBeUndefined();
    expect(languageData('fr')).toBeUndefined();
    expect(namespacesFor('fr').byId(10)?.name).toBe('Modèle');
  });

  it('formats numbers with the language separators, digits and grouping', () => {
    expect(formatNumber('1234567.5', 'de')).toBe('1.234.567,5');
    expect(formatNumber('1234567.5', 'ar')).toBe('١٬٢٣٤٬٥٦٧٫٥');
    expect(formatNumber('10000000', 'bn')).toBe('১,০০,০০,০০০');
    expect(formatNumber('123456.78', 'be-tarask', true)).toBe('123456.78');
    expect(parseFormattedNumber('١٬٢٣٤٫٥', 'ar')).toBe('1234.5');
  });
});
