import { describe, expect, it } from 'vitest';
import { answerWords, countWords } from './words.ts';

describe('word cloud grouping', () => {
  it('counts « Formations » and « formation » as one word, once per answer', () => {
    const words = countWords(['Formations', 'formation continue', 'La formation, encore des formations']);
    expect(words[0]).toEqual({ key: expect.any(String), label: 'formation', count: 3 });
    expect(words.find((w) => w.label === 'continue')?.count).toBe(1);
  });

  it('folds accents and case', () => {
    const words = countWords(['Défis', 'DÉFI', 'defi']);
    expect(words).toHaveLength(1);
    expect(words[0]!.count).toBe(3);
    // Each form appears once: the shorter wins, then the alphabetical order (accents ignored first).
    expect(words[0]!.label).toBe('defi');
  });

  it('drops French stop words, elisions and numbers', () => {
    expect([...answerWords('Le temps et les ressources de l’équipe, 2021').values()]).toEqual(['temps', 'ressources', 'équipe']);
    expect(countWords(['de la', 'et les', 'à'])).toEqual([]);
  });

  it('labels a group with its most frequent form', () => {
    const words = countWords(['outils', 'Outils numériques', 'un outil']);
    expect(words.find((w) => w.count === 3)?.label).toBe('outils');
  });

  it('sorts by count then label, whatever the order of answers', () => {
    const a = countWords(['veille', 'temps', 'veille temps', 'financement']);
    const b = countWords(['financement', 'veille temps', 'temps', 'veille']);
    expect(a).toEqual(b);
    expect(a.map((w) => [w.label, w.count])).toEqual([['temps', 2], ['veille', 2], ['financement', 1]]);
  });
});
