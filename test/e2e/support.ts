import net from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/core/config.ts';
import { cookieNames } from '../../src/core/http/cookies.ts';
import type { Locale } from '../../src/core/i18n/index.ts';
import { memoryMailer, type MemoryMailer } from '../../src/core/mail/index.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { buildMaillage, type Maillage } from '../../src/main.ts';
import type { Role, User } from '../../src/modules/accounts/index.ts';
import { createTestDatabase } from '../support/engines.ts';
import { ensureIslands } from './islands.ts';

/** Debian's Chromium; tests never download a browser. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const PASSWORD = 'un mot de passe solide 42';

export interface Site {
  m: Maillage;
  mailer: MemoryMailer;
  browser: Browser;
  /** The origin the server listens on, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** A fresh browser profile (cookies, storage) with its first tab. */
  newPage(options?: { locale?: Locale; width?: number }): Promise<Page>;
  /** A user with a password, created the way the operator CLI does. */
  createUser(role: Role, name?: string): Promise<User & { password: string }>;
  /** Signs a browser profile in as this user without using the login form. */
  signIn(page: Page, user: User): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A real Maillage server on a fresh SQLite database with the demo network loaded (so the home
 * page has content and sign-up is open), a memory mailer, and a headless Chromium.
 */
export async function startSite(): Promise<Site> {
  ensureIslands();
  const testDb = await createTestDatabase('sqlite');
  const db = testDb.open();
  const mailer = memoryMailer();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: origin, PORT: String(port), LOG_LEVEL: 'silent' });
  const m = await buildMaillage(config, { db, mailer });
  await loadDemo({ db: db.db, accounts: m.accounts, wiki: m.wiki.wiki, network: m.network.service });
  await m.app.listen({ host: '127.0.0.1', port });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  let users = 0;

  return {
    m, mailer, browser, origin,
    async newPage({ locale = 'fr-CA', width = 1280 } = {}) {
      const context = await browser.newContext({ baseURL: origin, locale, viewport: { width, height: 800 } });
      contexts.push(context);
      return context.newPage();
    },
    async createUser(role, name) {
      const n = ++users;
      const email = `${role}.${n}@exemple.ca`;
      name ??= `Personne ${role} ${n}`;
      const user = await m.accounts.operator.createUser({ email, name, role, password: PASSWORD });
      return { ...user, password: PASSWORD };
    },
    async signIn(page, user) {
      const token = await m.accounts.sessions.create(user.id, 'e2e');
      await page.context().addCookies([{ name: cookieNames(false).session, value: token, url: origin, httpOnly: true, sameSite: 'Lax' }]);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await m.close();
      await db.destroy();
      await testDb.drop();
    },
  };
}

/**
 * Runs an action that loads a new document (following a link, sending a form) and waits for it.
 * Returns the HTTP status of the page finally shown (redirects followed).
 */
export async function loads(page: Page, action: () => Promise<unknown>): Promise<number> {
  let status = 0;
  const record = (r: Response) => {
    const s = r.status();
    if (r.frame() === page.mainFrame() && r.request().isNavigationRequest() && (s < 300 || s >= 400)) status = s;
  };
  page.on('response', record);
  try {
    await Promise.all([page.waitForEvent('load'), action()]);
  } finally {
    page.off('response', record);
  }
  return status;
}

/** Opens a path and returns its HTTP status. */
export async function visit(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  return response?.status() ?? 0;
}

/** Fills a form's fields by their `name`, then presses its submit button; returns the status shown. */
export async function submitForm(page: Page, formSelector: string, fields: Record<string, string>): Promise<number> {
  const form = page.locator(formSelector);
  for (const [name, value] of Object.entries(fields)) await form.locator(`[name="${name}"]`).fill(value);
  return loads(page, () => form.locator('button[type="submit"]').click());
}

export async function logIn(page: Page, email: string, password: string): Promise<number> {
  await visit(page, '/connexion');
  return submitForm(page, 'main form[action="/connexion"]', { email, password });
}

/** The link in the last mail sent to this address. */
export function linkInMail(mailer: MemoryMailer, to: string): URL {
  const mail = mailer.lastTo(to);
  const match = mail?.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in a mail to ${to}`);
  return new URL(match[0]);
}

export function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** The header's account menu: login and sign-up links, or the user's name and the log-out button. */
export function accountMenu(page: Page) {
  return page.locator('header .account-menu');
}

/** Runs axe with the WCAG 2.2 AA rule set; fails listing each violation's id, targets and message. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.passes.length, `axe ran no rule on ${label}`).toBeGreaterThan(0);
  const problems = results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}) at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`));
  expect(problems.length, `axe violations on ${label} (${page.url()}):\n${problems.join('\n')}\n`).toBe(0);
}

/** What the focused element shows: its tag, text or name, and whether a focus indicator is drawn. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return undefined;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const text = (el.textContent ?? '').trim() || el.getAttribute('name') || '';
    return { tag: el.tagName.toLowerCase(), id: el.id, text, indicator: outline || shadow };
  });
}
