import { describe, expect, it } from 'vitest';
import { en } from './en-CA.ts';
import { fr } from './fr-CA.ts';
import { formatDateIso, formatDateLong, formatPercent, formatTime, negotiateLocale, NBSP, NNBSP, translate } from './index.ts';
import { frenchTypography } from './typography.ts';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'fr-CA'],
    ['', 'fr-CA'],
    ['en-US,en;q=0.9', 'en-CA'],
    ['fr-FR', 'fr-CA'],
    ['de-DE,en;q=0.5,fr;q=0.7', 'fr-CA'],
    ['de-DE,en;q=0.7,fr;q=0.5', 'en-CA'],
    ['en;q=0, fr;q=0.1', 'fr-CA'],
    ['es, *;q=0.1', 'fr-CA'],
    ['EN-ca', 'en-CA'],
  ])('%s -> %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('French typography (OQLF)', () => {
  it.each([
    ['Courriel : ok', `Courriel${NBSP}: ok`],
    ['Courriel: ok', `Courriel${NBSP}: ok`],
    ['« bonjour »', `«${NBSP}bonjour${NBSP}»`],
    ['«bonjour»', `«${NBSP}bonjour${NBSP}»`],
    ['Vraiment ?', `Vraiment${NNBSP}?`],
    ['Vraiment?', 'Vraiment?'],
    ['Oui ! Non ; peut-être', `Oui${NNBSP}! Non${NNBSP}; peut-être`],
    ['à 14:30 voir http://x.ca', 'à 14:30 voir http://x.ca'],
  ])('%s', (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it('is applied to the French catalog when it loads', () => {
    expect(translate('fr-CA', 'error.reference', { id: 'abc' })).toBe(`Référence${NBSP}: abc`);
    expect(translate('en-CA', 'error.reference', { id: 'abc' })).toBe('Reference: abc');
  });
});

describe('formats', () => {
  const at = Date.UTC(2026, 10, 21, 19, 30); // 14 h 30 in Montréal (EST)
  it('writes dates in ISO form for tables', () => {
    expect(formatDateIso(at)).toBe('2026-11-21');
  });
  it('writes times the Québec way in French and the Canadian English way', () => {
    expect(formatTime(at, 'fr-CA')).toBe(`14${NBSP}h${NBSP}30`);
    expect(formatTime(Date.UTC(2026, 10, 21, 14, 0), 'fr-CA')).toBe(`9${NBSP}h`);
    expect(formatTime(at, 'en-CA')).toBe(`2:30${NBSP}p.m.`);
  });
  it('writes long dates and percentages', () => {
    expect(formatDateLong(at, 'fr-CA')).toBe('21 novembre 2026');
    expect(formatDateLong(at, 'en-CA')).toBe('November 21, 2026');
    expect(formatPercent(0.46, 'fr-CA')).toBe(`46${NBSP}%`);
    expect(formatPercent(0.46, 'en-CA')).toBe('46%');
  });
});

describe('catalogs', () => {
  it('have the same keys and no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [k, v] of [...Object.entries(fr), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });
  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(fr) as Array<keyof typeof fr>) expect(names(en[key]), key).toEqual(names(fr[key]));
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr-CA', 'home.welcome', { site: 'Maillage' })).toBe('Bienvenue sur Maillage');
    expect(translate('fr-CA', 'home.welcome')).toBe('Bienvenue sur {site}');
  });
});
