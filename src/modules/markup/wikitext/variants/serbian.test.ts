import { describe, expect, it } from 'vitest';
import { createConverter } from './index.ts';
import { guessSerbian } from './serbian.ts';

const sr = () => createConverter('sr')!;

describe('Serbian transliteration (SrConverter)', () => {
  it('converts Latin to Cyrillic, digraphs as one letter', () => {
    expect(sr().autoConvert('Ljubljana i Njegoš, džem', 'sr-ec')).toBe('Љубљана и Његош, џем');
    expect(sr().autoConvert('LJUBAV NJIVA DŽEP', 'sr-ec')).toBe('ЉУБАВ ЊИВА ЏЕП');
  });

  it('converts Cyrillic to Latin', () => {
    expect(sr().autoConvert('Љубљана и Његош, џем', 'sr-el')).toBe('Ljubljana i Njegoš, džem');
  });

  it('leaves the main variant as written', () => {
    expect(sr().autoConvert('abvg абвг', 'sr')).toBe('abvg абвг');
  });

  it('keeps Roman numerals', () => {
    expect(sr().autoConvert('a I b II v III g IV šđ', 'sr-ec')).toBe('а I б II в III г IV шђ');
    expect(sr().autoConvert('Luj XIV', 'sr-ec')).toBe('Луј XIV');
  });

  it('leaves markup, references and markers alone, converts title and alt', () => {
    expect(sr().autoConvert('<span class="abc" title="naslov">tekst</span> &amp; <code>kod</code>', 'sr-ec')).toBe(
      '<span class="abc" title="наслов">текст</span> &amp; <code>kod</code>',
    );
    const marker = "\x7f'\"`UNIQ-nowiki-00000001-QINU`\"'\x7f";
    expect(sr().autoConvert(`a${marker}b`, 'sr-ec')).toBe(`а${marker}б`);
  });

  it('guesses text already in the wanted script', () => {
    expect(guessSerbian('шђчћж š', 'sr-ec')).toBe(true);
    expect(guessSerbian('шђчћж š', 'sr-el')).toBe(false);
    expect(guessSerbian('abcd', 'sr-el')).toBe(false);
    // Mostly Cyrillic letters proper to Cyrillic: nothing to convert to Cyrillic.
    expect(sr().autoConvert('жшš', 'sr-ec')).toBe('жшš');
  });
});
