import type { AnswerRow } from './store.ts';
import type { Poll, PollResults } from './types.ts';
import { countWords } from './words.ts';

/** Counts a poll's answers: devices per option (a device counts once per option), words grouped. */
export function tally(poll: Poll, answers: readonly AnswerRow[]): PollResults {
  const counts = poll.options.map(() => 0);
  for (const a of answers) {
    for (const i of new Set(a.choices)) if (i >= 0 && i < counts.length) counts[i]!++;
  }
  return {
    respondents: answers.length,
    options: poll.options.map((label, i) => ({ label, count: counts[i]! })),
    words: poll.kind === 'words' ? countWords(answers.map((a) => a.words)) : [],
  };
}

/** A count as a whole percentage of respondents (0 when nobody answered). */
export function percentOf(count: number, respondents: number): number {
  return respondents === 0 ? 0 : Math.round((100 * count) / respondents);
}
