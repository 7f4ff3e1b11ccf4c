import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieNames } from '../../src/core/http/cookies.ts';
import { LOCALES, type Locale } from '../../src/core/i18n/index.ts';
import type { User } from '../../src/modules/accounts/index.ts';
import { expectAccessible, htmlLang, startSite, submitForm, visit, type Site } from './support.ts';

let site: Site;
let setupToken: string;

beforeAll(async () => {
  site = await startSite();
  const link = await site.m.accounts.auth.setupLinkIfNeeded();
  if (!link) throw new Error('a fresh site must offer a setup link');
  setupToken = new URL(link).searchParams.get('jeton') ?? '';
});

afterAll(async () => {
  await site?.close();
});

/** Opens a page, checks it is the expected one in the expected language, then runs axe on it. */
async function check(page: Page, locale: Locale, path: string, status: number, label = path): Promise<void> {
  expect(await visit(page, path), `status of ${label}`).toBe(status);
  await checkShown(page, locale, label);
}

async function checkShown(page: Page, locale: Locale, label: string): Promise<void> {
  expect(await htmlLang(page), `language of ${label}`).toBe(locale);
  await expectAccessible(page, `${label} [${locale}]`);
}

describe('before any administrator exists', () => {
  for (const locale of LOCALES) {
    it(`first-run setup page with a valid link is accessible [${locale}]`, async () => {
      const page = await site.newPage({ locale });
      await check(page, locale, `/installation?jeton=${encodeURIComponent(setupToken)}`, 200, 'setup (valid link)');
      await expect(page.locator('main form').count()).resolves.toBe(1);
      expect(await submitForm(page, 'main form', { name: '', email: 'pas-un-courriel' }), 'setup with errors').toBe(400);
      await expect(page.locator('#error-summary').isVisible()).resolves.toBe(true);
      await checkShown(page, locale, 'setup (with errors)');
    });
  }
});

describe('every page type', () => {
  let admin: User;
  const invitations = new Map<Locale, string>();

  beforeAll(async () => {
    admin = await site.createUser('admin', 'Ada Administratrice');
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      it('public pages', async () => {
        const page = await site.newPage({ locale });
        await check(page, locale, '/', 200, 'home');
        await check(page, locale, '/connexion', 200, 'login');
        await check(page, locale, '/inscription', 200, 'sign-up');
        await check(page, locale, '/mot-de-passe/oubli', 200, 'password reset request');
        await check(page, locale, '/mot-de-passe/reinitialiser?jeton=faux', 400, 'password reset (invalid link)');
        await check(page, locale, `/installation?jeton=${encodeURIComponent(setupToken)}`, 400, 'setup (link no longer valid)');
        await check(page, locale, '/inscription?invitation=faux', 400, 'sign-up (invalid invitation)');
        await check(page, locale, '/cette-page-nexiste-pas', 404, 'not found');
      });

      it('forms shown again with errors', async () => {
        const page = await site.newPage({ locale });
        await visit(page, '/connexion');
        expect(await submitForm(page, 'main form', { email: 'personne@exemple.ca', password: 'mauvais mot de passe' })).toBe(400);
        await expect(page.locator('#error-summary').isVisible()).resolves.toBe(true);
        await checkShown(page, locale, 'login (failed)');

        await visit(page, '/inscription');
        expect(await submitForm(page, 'main form', { name: '', email: 'pas-un-courriel', password: 'court' })).toBe(400);
        await expect(page.locator('#error-summary li').count()).resolves.toBeGreaterThan(1);
        await expect(page.locator('[aria-invalid="true"]').count()).resolves.toBeGreaterThan(1);
        await checkShown(page, locale, 'sign-up (with errors)');

        await visit(page, '/mot-de-passe/oubli');
        expect(await submitForm(page, 'main form', { email: 'x' })).toBe(400);
        await checkShown(page, locale, 'password reset request (with errors)');
        expect(await submitForm(page, 'main form', { email: 'personne@exemple.ca' })).toBe(200);
        await checkShown(page, locale, 'password reset request (sent)');
      });

      it('password reset page with a valid link', async () => {
        const user = await site.createUser('contributor');
        const link = await site.m.accounts.operator.resetPassword(user.email);
        if (!link) throw new Error('no reset link');
        const page = await site.newPage({ locale });
        const url = new URL(link);
        await check(page, locale, url.pathname + url.search, 200, 'password reset (valid link)');
        expect(await submitForm(page, 'main form', { password: 'court', password_confirm: 'autre' })).toBe(400);
        await checkShown(page, locale, 'password reset (with errors)');
      });

      it('administration pages', async () => {
        const page = await site.newPage({ locale });
        await site.signIn(page, admin);
        await check(page, locale, '/admin', 200, 'admin settings');
        await check(page, locale, '/admin/utilisateurs', 200, 'admin users');
        await check(page, locale, '/admin/invitations', 200, 'admin invitations');
        const email = `invite.${locale.toLowerCase()}@exemple.ca`;
        expect(await submitForm(page, 'main form[action="/admin/invitations"]', { email })).toBe(201);
        const link = await page.locator('main .notice code').textContent();
        expect(link).toContain('/inscription?invitation=');
        invitations.set(locale, link ?? '');
        await checkShown(page, locale, 'admin invitations (link shown)');
        expect(await submitForm(page, 'main form[action="/admin/invitations"]', { email: 'pas-un-courriel' })).toBe(400);
        await checkShown(page, locale, 'admin invitations (with errors)');
      });

      it('sign-up through an invitation', async () => {
        const link = invitations.get(locale);
        if (!link) throw new Error('the administration test creates the invitation');
        const page = await site.newPage({ locale });
        const url = new URL(link);
        await check(page, locale, url.pathname + url.search, 200, 'sign-up (invitation)');
        await expect(page.locator('#f-email').inputValue()).resolves.toBe(`invite.${locale.toLowerCase()}@exemple.ca`);
      });

      it('signed-in pages: account, and a forbidden page', async () => {
        const user = await site.createUser('contributor');
        const page = await site.newPage({ locale });
        await site.signIn(page, user);
        await check(page, locale, '/compte', 200, 'account');
        expect(await submitForm(page, 'main form[action="/compte/mot-de-passe"]', { current_password: 'faux', password: 'court' })).toBe(400);
        await checkShown(page, locale, 'account (with errors)');
        await check(page, locale, '/admin', 403, 'forbidden');
      });

      it('expired form page (CSRF cookie gone)', async () => {
        const page = await site.newPage({ locale });
        await visit(page, '/connexion');
        await page.context().clearCookies({ name: cookieNames(false).csrf });
        expect(await submitForm(page, 'main form', { email: 'personne@exemple.ca', password: 'peu importe' })).toBe(403);
        await expect(page.locator('main form input[name="email"]').inputValue()).resolves.toBe('personne@exemple.ca');
        await checkShown(page, locale, 'expired form');
      });
    });
  }
});

/** Pages a phone user reaches, signed in as an administrator so every control is there. */
const NARROW_PAGES = ['/', '/connexion', '/inscription', '/mot-de-passe/oubli', '/compte', '/admin', '/admin/utilisateurs', '/admin/invitations', '/introuvable'];

function pageWidths(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

describe('narrow screens', () => {
  for (const locale of LOCALES) {
    it(`home page at 375 px is accessible and does not scroll sideways [${locale}]`, async () => {
      const page = await site.newPage({ locale, width: 375 });
      await check(page, locale, '/', 200, 'home (375 px)');
      const { scrollWidth, clientWidth } = await pageWidths(page);
      expect(clientWidth).toBe(375);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    });

    it(`no page scrolls sideways at 375 px, nor at 320 px (WCAG 1.4.10) [${locale}]`, async () => {
      const admin = await site.createUser('admin');
      for (const width of [375, 320]) {
        const page = await site.newPage({ locale, width });
        await site.signIn(page, admin);
        for (const path of NARROW_PAGES) {
          await visit(page, path);
          const { scrollWidth, clientWidth } = await pageWidths(page);
          expect(clientWidth).toBe(width);
          expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(clientWidth);
        }
      }
    });
  }
});
