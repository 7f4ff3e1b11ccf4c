import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMenu, htmlLang, linkInMail, loads, logIn, PASSWORD, startSite, submitForm, visit, type Site } from './support.ts';

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

describe('accounts in a real browser', () => {
  it('signs up through the form, logs out from the header, and logs in again', async () => {
    const page = await site.newPage();
    const email = 'camille.roy@exemple.ca';

    await visit(page, '/');
    await loads(page, () => accountMenu(page).getByRole('link', { name: 'Créer un compte' }).click());
    expect(new URL(page.url()).pathname).toBe('/inscription');
    const status = await submitForm(page, 'main form[action="/inscription"]', {
      name: 'Camille Roy', email, password: PASSWORD, password_confirm: PASSWORD,
    });
    expect(status).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('main').getByRole('status').textContent()).resolves.toContain('Votre compte est créé');
    await expect(accountMenu(page).getByRole('link', { name: 'Camille Roy' }).isVisible()).resolves.toBe(true);
    await expect(accountMenu(page).getByRole('link', { name: 'Se connecter' }).count()).resolves.toBe(0);

    await loads(page, () => accountMenu(page).getByRole('button', { name: 'Se déconnecter' }).click());
    await expect(page.locator('main').getByRole('status').textContent()).resolves.toContain('Vous êtes déconnecté');
    await expect(accountMenu(page).getByRole('link', { name: 'Camille Roy' }).count()).resolves.toBe(0);
    await expect(accountMenu(page).getByRole('link', { name: 'Se connecter' }).isVisible()).resolves.toBe(true);

    await loads(page, () => accountMenu(page).getByRole('link', { name: 'Se connecter' }).click());
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Connexion');
    expect(await submitForm(page, 'main form[action="/connexion"]', { email, password: PASSWORD })).toBe(200);
    await expect(accountMenu(page).getByRole('link', { name: 'Camille Roy' }).isVisible()).resolves.toBe(true);
  });

  it('switches language with the header button, and back', async () => {
    const page = await site.newPage({ locale: 'fr-CA' });
    await visit(page, '/connexion');
    expect(await htmlLang(page)).toBe('fr-CA');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Connexion');

    const english = page.locator('header').getByRole('button', { name: 'English' });
    await expect(english.getAttribute('lang')).resolves.toBe('en-CA');
    await loads(page, () => english.click());
    expect(new URL(page.url()).pathname).toBe('/connexion');
    expect(await htmlLang(page)).toBe('en-CA');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Log in');
    await expect(accountMenu(page).getByRole('link', { name: 'Create account' }).isVisible()).resolves.toBe(true);

    // The choice is remembered: another page, without the button, stays in English.
    await visit(page, '/');
    expect(await htmlLang(page)).toBe('en-CA');

    await loads(page, () => page.locator('header').getByRole('button', { name: 'Français' }).click());
    expect(await htmlLang(page)).toBe('fr-CA');
    await expect(accountMenu(page).getByRole('link', { name: 'Créer un compte' }).isVisible()).resolves.toBe(true);
  });

  it('shows a failed login in French, with the error summary, and keeps the typed email', async () => {
    const user = await site.createUser('contributor');
    const page = await site.newPage({ locale: 'fr-CA' });
    const status = await logIn(page, user.email, 'ce nest pas le bon mot de passe');
    expect(status).toBe(400);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    const summary = page.locator('#error-summary');
    await expect(summary.getAttribute('role')).resolves.toBe('alert');
    await expect(summary.textContent()).resolves.toContain('Le formulaire contient 1 erreur(s)');
    await expect(summary.textContent()).resolves.toContain('Courriel ou mot de passe incorrect.');
    await expect(page.locator('#f-email').inputValue()).resolves.toBe(user.email);
    await expect(page.locator('#f-password').inputValue()).resolves.toBe('');
    await expect(accountMenu(page).getByRole('link', { name: user.name }).count()).resolves.toBe(0);
  });

  it('resets a forgotten password by mail, end to end', async () => {
    const user = await site.createUser('agent');
    const page = await site.newPage();
    const newPassword = 'une toute nouvelle phrase 77';

    await visit(page, '/connexion');
    await loads(page, () => page.getByRole('link', { name: 'Mot de passe oublié?' }).click());
    expect(new URL(page.url()).pathname).toBe('/mot-de-passe/oubli');
    expect(await submitForm(page, 'main form', { email: user.email })).toBe(200);
    await expect(page.locator('main').getByRole('status').textContent()).resolves.toContain('un lien de réinitialisation vient d’y être envoyé');

    const link = linkInMail(site.mailer, user.email);
    expect(link.origin).toBe(site.origin);
    expect(link.pathname).toBe('/mot-de-passe/reinitialiser');
    expect(await visit(page, link.pathname + link.search)).toBe(200);
    const status = await submitForm(page, 'main form', { password: newPassword, password_confirm: newPassword });
    expect(status).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await expect(page.locator('main').getByRole('status').textContent()).resolves.toContain('Votre mot de passe a été changé');

    expect(await logIn(page, user.email, PASSWORD)).toBe(400);
    expect(await logIn(page, user.email, newPassword)).toBe(200);
    await expect(accountMenu(page).getByRole('link', { name: user.name }).isVisible()).resolves.toBe(true);

    // The link served once.
    expect(await visit(page, link.pathname + link.search)).toBe(400);
  });
});
