/** Helpers for browser tests of the editing islands. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { User } from '../../src/modules/accounts/index.ts';
import { parseTitle, titleUrl, type Title } from '../../src/modules/markup/index.ts';
import { loads, visit, type Site } from './support.ts';

export function title(text: string): Title {
  const parsed = parseTitle(text);
  if (!parsed.ok) throw new Error(`invalid title ${text}`);
  return parsed.title;
}

/** Saves a page directly, through the wiki service, as `user`. */
export async function seedPage(site: Site, user: User, text: string, content: string, contentModel: 'markdown' | 'wikitext' = 'markdown'): Promise<void> {
  const t = title(text);
  const page = await site.m.wiki.wiki.page(t);
  const result = await site.m.wiki.wiki.save({ kind: 'user', user, sessionId: 'e2e' }, { title: t, text: content, summary: 'e2e', minor: false, baseRevId: page?.latestRevId ?? null, contentModel });
  if (result.kind !== 'saved') throw new Error(`seeding ${text}: ${result.kind}`);
}

/** The stored source of a page (`?action=raw`). */
export async function rawText(page: Page, text: string): Promise<string> {
  const response = await page.request.get(`${titleUrl(title(text))}?action=raw`);
  expect(response.status()).toBe(200);
  return response.text();
}

/**
 * Collects what the strict CSP blocked and uncaught script errors on this page: both must stay
 * empty (a blocked <style> would mean an island works only partly). HTTP error statuses the
 * test expects (a 409 conflict) are not problems.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (/^Failed to load resource: the server responded with a status of/.test(text)) return;
    if (m.type() === 'error' || /Content Security Policy/i.test(text)) problems.push(`console: ${text}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Opens the edit form of a page (optionally one section) and waits for the editor island. */
export async function openEditor(page: Page, text: string, query = ''): Promise<void> {
  expect(await visit(page, `${titleUrl(title(text))}?action=edit${query}`)).toBe(200);
  await page.locator('.editor .editor-modes').waitFor();
}

export function modeRadio(page: Page, mode: 'visual' | 'source') {
  return page.locator(`#editor-mode-${mode}`);
}

export async function chooseMode(page: Page, mode: 'visual' | 'source'): Promise<void> {
  await page.locator(`label[for="editor-mode-${mode}"]`).click();
  await expect.poll(() => modeRadio(page, mode).isChecked()).toBe(true);
}

export const visualContent = (page: Page) => page.locator('.editor-visual .ProseMirror');
export const sourceContent = (page: Page) => page.locator('.editor-source .cm-content');

/** What the form would post as `text` right now. */
export function postedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('#editform')!;
    // Submit listeners bring the textarea up to date; run them without sending the form.
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    return new FormData(form).get('text') as string;
  });
}

/** Pastes text into the focused editor, as the clipboard would. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Replaces the whole text of the source editor (select all, paste). */
export async function replaceSource(page: Page, text: string): Promise<void> {
  await sourceContent(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await paste(page, text);
}

/** Presses a submit button of the edit form and waits for the next page; returns its status. */
export function submitEdit(page: Page, action: 'save' | 'preview' = 'save'): Promise<number> {
  return loads(page, () => page.locator(`#editform button[name="do"][value="${action}"]`).click());
}
