/** Polls: what coordination asks during a rencontre, and what participants answer. */
export const POLL_KINDS = ['single', 'multiple', 'scale', 'words'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export const POLL_STATUSES = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

export interface Poll {
  id: number;
  /** Short public code, also the path segment of /sondage/CODE. */
  code: string;
  question: string;
  kind: PollKind;
  /** Choice labels; for a scale, its numbers as text; empty for words. */
  options: string[];
  pageId: number | null;
  /** The page's title as given when the poll was created (for links and display). */
  pageTitle: string | null;
  context: string;
  status: PollStatus;
  createdAt: number;
  openedAt: number | null;
  closedAt: number | null;
  /** Grows with every answer and status change (what live streams watch). */
  version: number;
}

export interface OptionCount {
  label: string;
  count: number;
}

export interface WordCount {
  /** Grouping key: the Snowball stem of the folded word. */
  key: string;
  /** The most frequent way it was written (lower case). */
  label: string;
  count: number;
}

export interface PollResults {
  /** Number of devices that answered. */
  respondents: number;
  options: OptionCount[];
  words: WordCount[];
}

export const QUESTION_MAX = 300;
export const OPTION_MAX = 120;
export const OPTIONS_MAX = 12;
export const WORDS_MAX = 140;
export const SCALE_MIN = 2;
export const SCALE_MAX = 10;
