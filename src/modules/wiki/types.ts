import type { Role } from '../../core/actor.ts';
import type { ContentModel, Title } from '../markup/index.ts';

export interface Page {
  id: number;
  title: Title;
  latestRevId: number;
  contentModel: ContentModel;
  isRedirect: boolean;
  length: number;
  createdAt: number;
  touchedAt: number;
  /** Weakest role allowed to edit; null when the page is not protected. */
  protectEdit: Role | null;
  deletedAt: number | null;
}

export interface Revision {
  id: number;
  pageId: number;
  parentId: number | null;
  userId: number | null;
  authorName: string;
  createdAt: number;
  summary: string;
  minor: boolean;
  size: number;
  sha1: string;
  contentModel: ContentModel;
}

export interface RevisionWithContent extends Revision {
  content: string;
}

export interface SaveInput {
  title: Title;
  /** The text typed: the whole page, or one section when `section` is set. */
  text: string;
  summary: string;
  minor: boolean;
  /** The revision the edit started from; null when creating. */
  baseRevId: number | null;
  /** Section number being edited (0 = lead), or 'new' to append a section titled `sectionTitle`. */
  section?: number | 'new';
  sectionTitle?: string;
  contentModel?: ContentModel;
  /** Made by a bot (an API client with the bot right): flagged in recent changes, hidden by the bot filter. */
  bot?: boolean;
}

export type SaveResult =
  | { kind: 'saved'; page: Page; revision: Revision; created: boolean; merged: boolean }
  | { kind: 'unchanged'; page: Page }
  /** The page moved on and the changes overlap: nothing saved, the user keeps their text. */
  | { kind: 'conflict'; current: RevisionWithContent; mine: string };

export const MAX_PAGE_BYTES = 2 * 1024 * 1024;
export const MAX_SUMMARY_CHARS = 500;
