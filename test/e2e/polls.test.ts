import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../src/modules/accounts/index.ts';
import { parseTitle } from '../../src/modules/markup/index.ts';
import { expectAccessible, loads, startSite, visit, type Site } from './support.ts';

let site: Site;
let coord: User;

beforeAll(async () => {
  site = await startSite();
  coord = await site.createUser('coordination', 'Camille Coordination');
});

afterAll(async () => {
  await site?.close();
});

/** Problems a page reports in the console (CSP refusals, script errors). */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

it('runs a poll end to end: created, answered on two phones, seen live elsewhere, closed', async () => {
  const admin = await site.newPage();
  await site.signIn(admin, coord);
  const adminProblems = watchConsole(admin);
  expect(await visit(admin, '/sondages/nouveau')).toBe(200);
  await expectAccessible(admin, 'the poll creation form');
  await admin.fill('#f-question', 'Quel atelier vous a le plus servi ?');
  await admin.check('#f-kind-0');
  await admin.fill('#f-options', 'Veille\nFormation\nProjets');
  await admin.fill('#f-page', 'Rencontre nationale de mai 2021');
  await admin.check('#f-open');
  expect(await loads(admin, () => admin.click('main button[type="submit"]'))).toBe(200);
  const code = (await admin.locator('.poll-code [aria-hidden]').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await expectAccessible(admin, 'the poll management page');

  // Someone watches the results (a projector): live updates, no reload.
  const screen = await site.newPage();
  const screenProblems = watchConsole(screen);
  expect(await visit(screen, `/sondage/${code}/resultats`)).toBe(200);
  await expect.poll(() => screen.locator('#poll-results').textContent()).toContain('0 réponse(s).');
  await expectAccessible(screen, 'the live results page');
  const screenUrl = screen.url();
  // Without script the same page offers a refresh link.
  expect(await screen.getByRole('link', { name: 'Actualiser les résultats' }).getAttribute('href')).toBe(`/sondage/${code}/resultats`);

  // A phone, no account, types the code.
  const phone = await site.newPage({ width: 390 });
  expect(await visit(phone, '/sondage')).toBe(200);
  await expectAccessible(phone, 'the code entry page');
  await phone.fill('#f-code', code.toLowerCase());
  expect(await loads(phone, () => phone.click('main button[type="submit"]'))).toBe(200);
  expect(new URL(phone.url()).pathname).toBe(`/sondage/${code}`);
  await expectAccessible(phone, 'the answer page');
  await phone.getByLabel('Formation').check();
  expect(await loads(phone, () => phone.click('main button[type="submit"]'))).toBe(200);
  await expect.poll(() => phone.locator('.notice').first().textContent()).toContain('Votre réponse est enregistrée');
  await expectAccessible(phone, 'the answer page after answering');

  await expect.poll(() => screen.locator('#poll-results').textContent(), { timeout: 8000 }).toContain('1 réponse(s).');
  expect(await screen.locator('#poll-results tbody tr:nth-child(2) td').first().textContent()).toBe('1');
  expect(screen.url()).toBe(screenUrl);
  await expect.poll(() => screen.locator('#poll-live-status').textContent()).toBe('Résultats mis à jour.');
  // Coordination's page is live too.
  await expect.poll(() => admin.locator('#poll-results').textContent(), { timeout: 8000 }).toContain('1 réponse(s).');

  // A second phone.
  const phone2 = await site.newPage({ width: 390 });
  await visit(phone2, `/sondage/${code}`);
  await phone2.getByLabel('Veille').check();
  await loads(phone2, () => phone2.click('main button[type="submit"]'));
  await expect.poll(() => screen.locator('#poll-results').textContent(), { timeout: 8000 }).toContain('2 réponse(s).');

  // Closing: the screen says so, the poll is archived on the rencontre's page list.
  expect(await loads(admin, () => admin.click('main form.inline-form button'))).toBe(200);
  await expect.poll(() => screen.locator('#poll-live-status').textContent(), { timeout: 8000 }).toContain('fermé');
  expect(await visit(phone, `/sondage/${code}`)).toBe(200);
  expect(await phone.locator('main').textContent()).toContain('Ce sondage est fermé');
  expect(adminProblems).toEqual([]);
  expect(screenProblems).toEqual([]);
});

it('shows the demo’s archived polls accessibly: the 2021 mandate scope and the word cloud of challenges', async () => {
  const reader = await site.newPage();
  expect(await visit(reader, '/sondages')).toBe(200);
  await expectAccessible(reader, 'the poll archive list');
  expect(await loads(reader, () => reader.getByRole('link', { name: 'Quelle est la portée de votre mandat de transformation numérique ?' }).click())).toBe(200);
  const text = (await reader.locator('main').textContent()) ?? '';
  for (const share of ['46\u00A0%', '33\u00A0%', '21\u00A0%']) expect(text).toContain(share);
  await expectAccessible(reader, 'closed bar chart results');
  await visit(reader, '/sondages');
  expect(await loads(reader, () => reader.getByRole('link', { name: 'En quelques mots, quels défis vivez-vous ?' }).click())).toBe(200);
  expect(await reader.locator('svg.poll-cloud text').count()).toBeGreaterThan(10);
  await expectAccessible(reader, 'closed word cloud results');
  // Both are archived on the rencontre's page, as charts and tables.
  expect(await loads(reader, () => reader.locator('.poll-context a').click())).toBe(200);
  expect(decodeURIComponent(new URL(reader.url()).pathname)).toBe('/wiki/Rencontre:Rencontre_nationale_2021');
  expect(await reader.locator('.poll-archive svg[role="img"]').count()).toBe(2);
  expect(await reader.locator('.poll-archive table').count()).toBe(2);
  expect(await reader.locator('.poll-archive').textContent()).toContain('46\u00A0%');
  await expectAccessible(reader, 'the demo rencontre page with its archived polls');
  // Without JavaScript the whole round works with plain forms and links.
  const actor = await site.m.accounts.operator.actorFor(coord.email);
  const poll = await site.m.polls.service.create(actor, { question: 'Sans script ?', kind: 'multiple', options: 'Oui\nNon\nPeut-être', scaleMax: '5', page: '', context: '', open: true });
  const noScript = await site.browser.newContext({ baseURL: site.origin, javaScriptEnabled: false, locale: 'fr-CA' });
  const page = await noScript.newPage();
  expect(await visit(page, '/sondage')).toBe(200);
  await page.fill('#f-code', poll.code);
  expect(await loads(page, () => page.click('main button[type="submit"]'))).toBe(200);
  await page.getByLabel('Oui').check();
  await page.getByLabel('Peut-être').check();
  expect(await loads(page, () => page.click('main button[type="submit"]'))).toBe(200);
  expect(await page.locator('.notice').first().textContent()).toContain('Votre réponse est enregistrée');
  expect(await loads(page, () => page.getByRole('link', { name: 'Voir les résultats' }).click())).toBe(200);
  expect(await page.locator('#poll-results').textContent()).toContain('1 réponse(s).');
  expect(await page.locator('#poll-results tbody tr:nth-child(3) td').first().textContent()).toBe('1');
  expect(await loads(page, () => page.getByRole('link', { name: 'Actualiser les résultats' }).click())).toBe(200);
  await noScript.close();
});

it('archives closed polls on the rencontre page, accessibly', async () => {
  const actor = await site.m.accounts.operator.actorFor(coord.email);
  const title = parseTitle('Rencontre:Rencontre d’automne 2026');
  if (!title.ok) throw new Error('bad title');
  await site.m.wiki.wiki.save(actor, { title: title.title, text: 'Programme de la journée.', summary: 'création', minor: false, baseRevId: null });
  const polls = site.m.polls.service;
  for (const [question, kind, options] of [['Votre aisance avec la veille ?', 'scale', ''], ['Un mot pour la journée ?', 'words', '']] as const) {
    const poll = await polls.create(actor, { question, kind, options, scaleMax: '5', page: title.title.full, context: 'Plénière', open: true });
    for (let i = 0; i < 6; i++) await polls.answer(poll.code, `e2e-device-${question.length}-${i}-xxxxxxxxxxxx`, { choices: [String(i % 5)], words: ['Collaboration', 'veille', 'Formations', 'formation'][i % 4]! });
    await polls.close(actor, poll.code);
  }
  const reader = await site.newPage();
  expect(await visit(reader, '/wiki/Rencontre:Rencontre_d%E2%80%99automne_2026')).toBe(200);
  await expect.poll(() => reader.locator('.poll-archive svg[role="img"]').count()).toBe(2);
  expect(await reader.locator('.poll-archive table').count()).toBe(2);
  await expectAccessible(reader, 'a rencontre page with archived polls');
});

it('passes axe in English too', async () => {
  const reader = await site.newPage({ locale: 'en-CA' });
  await visit(reader, '/sondages?uselang=en');
  const href = await reader.locator('main table a').first().getAttribute('href');
  expect(await visit(reader, `${href}?uselang=en`)).toBe(200);
  await expectAccessible(reader, 'results in English');
});
