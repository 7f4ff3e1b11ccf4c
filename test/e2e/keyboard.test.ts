import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMenu, focused, htmlLang, loads, startSite, visit, type Site } from './support.ts';

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

async function tab(page: Page) {
  await page.keyboard.press('Tab');
  return focused(page);
}

/** Every element of the header a keyboard user can reach, in document order. */
function headerFocusables(page: Page) {
  return page.locator('header').evaluate((header) =>
    [...header.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled)
      .map((el) => (el.textContent ?? '').trim() || el.getAttribute('name') || ''));
}

describe('keyboard only', () => {
  it('reaches the skip link first, shows it on screen, and Enter moves focus to the main content', async () => {
    const page = await site.newPage();
    await visit(page, '/connexion');

    const first = await tab(page);
    expect(first).toMatchObject({ tag: 'a', text: 'Aller au contenu principal', indicator: true });
    const box = await page.locator('a.skip-link').boundingBox();
    const viewport = page.viewportSize();
    if (!box || !viewport) throw new Error('the skip link has no box');
    expect(box.width).toBeGreaterThan(0);
    expect(box.height).toBeGreaterThan(0);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);

    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'main', id: 'contenu' });
    // The next Tab continues inside the main content, past the header.
    await expect(tab(page)).resolves.toMatchObject({ tag: 'input', id: 'f-email', indicator: true });
  });

  it('tabs through the header in document order, each stop with a visible focus indicator', async () => {
    const page = await site.newPage();
    await visit(page, '/');
    const expected = ['Maillage', 'Accueil', 'Wiki', 'Réseau', 'Modifications récentes', 'q', 'Rechercher', 'Se connecter', 'Créer un compte', 'English'];
    await expect(headerFocusables(page)).resolves.toEqual(expected);

    const skip = await tab(page);
    expect(skip).toMatchObject({ text: 'Aller au contenu principal', indicator: true });
    const stops = [];
    for (let i = 0; i < expected.length; i++) stops.push(await tab(page));
    expect(stops.map((s) => s?.text)).toEqual(expected);
    for (const stop of stops) expect(stop, `focus indicator on « ${stop?.text} »`).toMatchObject({ indicator: true });
    expect(stops.at(-1)).toMatchObject({ tag: 'button' });

    // The language button works from the keyboard too.
    await loads(page, () => page.keyboard.press('Enter'));
    expect(await htmlLang(page)).toBe('en-CA');
  });

  it('tabs through the signed-in header, including the log-out button', async () => {
    const user = await site.createUser('admin', 'Alex Admin');
    const page = await site.newPage();
    await site.signIn(page, user);
    await visit(page, '/compte');
    const expected = ['Maillage', 'Accueil', 'Wiki', 'Réseau', 'Modifications récentes', 'Liste de suivi', 'Notifications', 'Sondages', 'Utilisateurs', 'Invitations', 'Administration', 'q', 'Rechercher', 'Alex Admin', 'Se déconnecter', 'English'];
    await expect(headerFocusables(page)).resolves.toEqual(expected);

    await tab(page);
    const stops = [];
    for (let i = 0; i < expected.length; i++) stops.push(await tab(page));
    expect(stops.map((s) => s?.text)).toEqual(expected);
    for (const stop of stops) expect(stop, `focus indicator on « ${stop?.text} »`).toMatchObject({ indicator: true });

    // Onward into the page: every control of the account forms shows its focus too.
    for (let i = 0; i < 6; i++) {
      const stop = await tab(page);
      expect(stop?.tag).toMatch(/^(a|input|button|select)$/);
      expect(stop, `focus indicator on ${stop?.tag}#${stop?.id}`).toMatchObject({ indicator: true });
    }
  });

  it('logs in with the keyboard alone: Tab, type, Enter', async () => {
    const user = await site.createUser('contributor');
    const page = await site.newPage();
    await visit(page, '/');

    // From the home page: skip link, brand, navigation, search, then the header's login link.
    for (const text of ['Aller au contenu principal', 'Maillage', 'Accueil', 'Wiki', 'Réseau', 'Modifications récentes', 'q', 'Rechercher', 'Se connecter']) {
      await expect(tab(page)).resolves.toMatchObject({ text });
    }
    await loads(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/connexion');

    await tab(page);
    await page.keyboard.press('Enter');
    await expect(tab(page)).resolves.toMatchObject({ id: 'f-email', indicator: true });
    await page.keyboard.type(user.email);
    await expect(tab(page)).resolves.toMatchObject({ id: 'f-password', indicator: true });
    await page.keyboard.type(user.password);
    const status = await loads(page, () => page.keyboard.press('Enter'));

    expect(status).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(accountMenu(page).getByRole('link', { name: user.name }).isVisible()).resolves.toBe(true);
  });
});
