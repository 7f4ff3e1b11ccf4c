import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../src/modules/accounts/index.ts';
import { expectAccessible, loads, startSite, visit, type Site } from './support.ts';

let site: Site;
let agent: User;
let peer: User;

beforeAll(async () => {
  site = await startSite();
  agent = await site.createUser('agent', 'Rosalie Agente');
  peer = await site.createUser('agent', 'Karim Pair');
});

afterAll(async () => {
  await site?.close();
});

it('creates a chantier through its form, opens an evaluation round, scores the grid and votes', async () => {
  const page = await site.newPage();
  await site.signIn(page, agent);
  expect(await visit(page, '/reseau/chantiers/nouveau')).toBe(200);
  await page.fill('#f-name', 'Médiation numérique');
  await page.selectOption('#f-kind', 'collaboration');
  await page.fill('#f-definition', 'Outiller les médiateurs culturels pour le numérique.');
  await page.fill('#f-objectives', 'Trois ateliers d’ici juin');
  expect(await loads(page, () => page.click('main form.network-form button[type="submit"]'))).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/wiki/Chantier:M%C3%A9diation_num%C3%A9rique');
  expect(await loads(page, () => page.getByRole('button', { name: 'Me joindre au chantier' }).click())).toBe(200);

  // The grid, from the chantier's infobox.
  expect(await loads(page, () => page.getByRole('link', { name: 'Grille de continuité' }).click())).toBe(200);
  await expectAccessible(page, 'the continuity grid, no round open');
  expect(await loads(page, () => page.getByRole('button', { name: 'Ouvrir un tour d’évaluation' }).click())).toBe(200);

  // A criterion left unscored: the form comes back with what was chosen and typed.
  const form = page.locator('main form.network-form');
  await form.getByRole('group', { name: 'Le chantier répond à un besoin partagé' }).getByLabel('3 – pleinement').check();
  await form.getByRole('group', { name: 'Le chantier se donne des objectifs précis (SMART)' }).getByLabel('1 – un peu').check();
  await form.getByRole('group', { name: 'Le chantier entretient un bon climat de collaboration' }).getByLabel('2 – en bonne partie').check();
  await page.fill('#f-comment_climate', 'Nos règles de fonctionnement restent à écrire.');
  expect(await loads(page, () => form.locator('button[type="submit"]').click())).toBe(400);
  await expect(page.locator('#error-summary').isVisible()).resolves.toBe(true);
  await expect(page.isChecked('#f-score_need-3')).resolves.toBe(true);
  await expect(page.inputValue('#f-comment_climate')).resolves.toBe('Nos règles de fonctionnement restent à écrire.');
  await expectAccessible(page, 'the scoring form with an error');
  await page.check('#f-score_conditions-2');
  expect(await loads(page, () => page.locator('main form.network-form button[type="submit"]').click())).toBe(200);
  await expect(page.locator('.notice').textContent()).resolves.toContain('Vos notes sont enregistrées');
  const row = page.locator('#grid-open-table tbody tr').first();
  await expect(row.textContent()).resolves.toContain('3 (de 3 à 3, 1 note(s))');
  await expectAccessible(page, 'the continuity grid with a round open');

  // A peer scores the same round.
  const other = await site.newPage();
  await site.signIn(other, peer);
  expect(await visit(other, '/reseau/chantiers/grille/M%C3%A9diation_num%C3%A9rique')).toBe(200);
  await expect(other.locator('main').textContent()).resolves.toContain('vos notes comptent parmi celles des pairs');
  for (const [criterion, score] of [['need', 1], ['objectives', 2], ['climate', 2], ['conditions', 0]] as const) await other.check(`#f-score_${criterion}-${score}`);
  expect(await loads(other, () => other.locator('main form.network-form button[type="submit"]').click())).toBe(200);
  await expect(other.locator('main').textContent()).resolves.toContain('1 membre(s) et 1 pair(s)');

  // The member proposes a decision, sees the rule in words, and votes.
  expect(await loads(page, () => page.getByRole('link', { name: 'Décisions' }).first().click())).toBe(200);
  await expectAccessible(page, 'the decision page, no vote');
  await page.selectOption('#f-decision', 'continue');
  await page.check('#f-rule-1');
  expect(await loads(page, () => page.getByRole('button', { name: 'Ouvrir le vote' }).click())).toBe(200);
  await expect(page.locator('main').textContent()).resolves.toContain('au moins les deux tiers des votes pour ou contre');
  await page.getByLabel('Pour', { exact: true }).check();
  expect(await loads(page, () => page.getByRole('button', { name: 'Voter', exact: true }).click())).toBe(200);
  await expect(page.locator('main').textContent()).resolves.toContain('Votre vote actuel');
  await expectAccessible(page, 'the decision page with a vote in progress');
});
