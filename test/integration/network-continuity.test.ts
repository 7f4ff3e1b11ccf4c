import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateIso } from '../../src/core/i18n/index.ts';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const CH = { name: 'Culture des données', kind: 'expertise', definition: 'Comprendre les données pour mieux faire découvrir les contenus.', objectives: '', deliverables: '', needs: '', highlight: '', legacy: '', text: '', summary: '' };
const KEY = 'Culture_des_donn%C3%A9es';
const GRID = `/reseau/chantiers/grille/${KEY}`;
const DECISION = `/reseau/chantiers/decision/${KEY}`;
const DAY = 86_400_000;

const scores = (need: string, objectives: string, climate: string, conditions: string, extra: Record<string, string> = {}) =>
  ({ action: 'score', score_need: need, score_objectives: objectives, score_climate: climate, score_conditions: conditions, ...extra });
const hidden = (html: string, name: string) => html.match(new RegExp(`name="${name}" value="(\\d+)"`))?.[1] ?? '';

describeEachEngine('network: continuity grid and decision votes', (engine) => {
  let t: TestApp;
  let awa: Agent;
  let noemie: Agent;
  let felix: Agent;
  let coord: Agent;
  let reader: Agent;
  let round = '';
  beforeAll(async () => {
    t = await startTestApp(engine);
    awa = await t.signedIn('agent', 'awa@example.ca');
    noemie = await t.signedIn('agent', 'noemie@example.ca');
    felix = await t.signedIn('agent', 'felix@example.ca');
    coord = await t.signedIn('coordination', 'mireille@example.ca');
    reader = await t.signedIn('reader', 'lea@example.ca');
    expect((await awa.post('/reseau/chantiers/nouveau', CH)).statusCode).toBe(303);
  });
  afterAll(() => t.close());

  const anon = () => t.agent();
  const scoreRows = async () => t.m.db.db.selectFrom('network_grid_scores').select(['user_id', 'scorer', 'criterion', 'score']).execute();

  describe('evaluation rounds', () => {
    it('shows the four criteria with their guidance to everyone, and lets only members or coordination open a round', async () => {
      const page = await anon().get(GRID);
      expect(page.statusCode).toBe(200);
      for (const text of ['besoin partagé', 'objectifs précis (SMART)', 'climat de collaboration', 'conditions pour continuer', 'team canvas', 'Aucun tour d’évaluation n’est ouvert.']) expect(page.body).toContain(text);
      expect((await anon().post(GRID, { action: 'open' })).statusCode).toBe(401);
      expect((await reader.post(GRID, { action: 'open' })).statusCode).toBe(403);
      const outsider = await felix.post(GRID, { action: 'open' });
      expect(outsider.statusCode).toBe(403);
      expect(outsider.body).toContain('Joignez-vous au chantier d’abord');
      expect((await awa.post(GRID, { action: 'open' }, { csrf: false })).statusCode).toBe(403);
      expect((await awa.post(`/reseau/chantiers/adhesion/${KEY}`, { action: 'join' })).statusCode).toBe(303);
      expect((await noemie.post(`/reseau/chantiers/adhesion/${KEY}`, { action: 'join' })).statusCode).toBe(303);
      const opened = await awa.post(GRID, { action: 'open' });
      expect(opened.statusCode).toBe(303);
      const again = await coord.post(GRID, { action: 'open' });
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('déjà ouvert');
      round = hidden((await awa.get(GRID)).body, 'round');
      expect((await anon().get(GRID)).body).toContain('Connectez-vous pour noter');
      expect(round).not.toBe('');
    });

    it('records members as members and other agents as peers; refuses readers, visitors and forged requests', async () => {
      expect((await awa.post(GRID, { round, ...scores('3', '2', '2', '1') })).statusCode).toBe(303);
      expect((await noemie.post(GRID, { round, ...scores('2', '1', '3', '1') })).statusCode).toBe(303);
      const peer = await felix.get(GRID);
      expect(peer.body).toContain('vos notes comptent parmi celles des pairs');
      expect((await felix.post(GRID, { round, ...scores('0', '1', '2', '3', { comment_need: 'Un autre chantier couvre déjà ce besoin.' }) })).statusCode).toBe(303);
      const refused = await reader.post(GRID, { round, ...scores('3', '3', '3', '3') });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('Seuls les agents du réseau');
      expect((await anon().post(GRID, { round, ...scores('3', '3', '3', '3') })).statusCode).toBe(401);
      expect((await coord.post(GRID, { round, ...scores('1', '1', '1', '1') }, { csrf: false })).statusCode).toBe(403);
      const rows = await scoreRows();
      expect(rows).toHaveLength(12);
      expect(new Set(rows.filter((r) => r.scorer === 'peer').map((r) => r.user_id)).size).toBe(1);
      const page = (await anon().get(GRID)).body;
      expect(page).toContain('Ont noté : 2 membre(s) et 1 pair(s).'.replace(' :', '\u00A0:'));
      // Need: members 3 and 2 (median 2,5), the peer 0; together 0, 2, 3 (median 2).
      expect(page).toMatch(/<th scope="row">Le chantier répond à un besoin partagé<\/th><td><strong>2,5<\/strong> \(de 2 à 3, 2 note\(s\)\)<\/td><td><strong>0<\/strong> \(de 0 à 0, 1 note\(s\)\)<\/td><td><strong>2<\/strong> \(de 0 à 3, 3 note\(s\)\)<\/td>/);
      expect(page).toContain('Un autre chantier couvre déjà ce besoin.');
      expect(page).not.toContain('Test agent');
    });

    it('lets a person change their own scores: still one score set per person', async () => {
      const mine = (await awa.get(GRID)).body;
      expect(mine).toMatch(/id="f-score_need-3" name="score_need" value="3" checked/);
      expect((await awa.post(GRID, { round, ...scores('1', '2', '2', '1') })).statusCode).toBe(303);
      expect(await scoreRows()).toHaveLength(12);
      const page = (await anon().get(GRID)).body;
      expect(page).toMatch(/besoin partagé<\/th><td><strong>1,5<\/strong> \(de 1 à 2, 2 note\(s\)\)/);
    });

    it('shows the form again with what was typed, and a message per criterion, on bad input', async () => {
      const res = await noemie.post(GRID, { round, action: 'score', score_need: '2', score_objectives: '7', score_climate: '', comment_climate: 'Ambiance à retravailler', score_conditions: '1' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('<title>Erreur');
      expect(res.body).toContain('Choisissez une note de 0 à 3.');
      expect(res.body).toContain('href="#f-score_objectives"');
      expect(res.body).toContain('Ambiance à retravailler</textarea>');
      expect(res.body).toMatch(/name="score_need" value="2" checked/);
      const long = await noemie.post(GRID, { round, ...scores('2', '1', '3', '1', { comment_need: 'x'.repeat(1001) }) });
      expect(long.statusCode).toBe(400);
      expect(long.body).toContain('Ce texte est trop long.');
      expect((await noemie.post(GRID, { round: 'abc', ...scores('2', '1', '3', '1') })).statusCode).toBe(400);
    });

    it('closes the round (members or coordination), keeps it in the history and refuses later scores', async () => {
      expect((await felix.post(GRID, { action: 'close', round })).statusCode).toBe(403);
      expect((await coord.post(GRID, { action: 'close', round })).statusCode).toBe(303);
      const late = await felix.post(GRID, { round, ...scores('3', '3', '3', '3') });
      expect(late.statusCode).toBe(400);
      expect(late.body).toContain('Ce tour d’évaluation est clos');
      const page = (await anon().get(GRID)).body;
      expect(page).toContain('Aucun tour d’évaluation n’est ouvert.');
      expect(page).toMatch(/<h3 id="round-\d+">Tour du/);
      expect((await anon().get(`/wiki/Chantier:${KEY}`)).body).toContain('Dernière évaluation');
    });
  });

  describe('decision votes', () => {
    const deadline = () => ({ deadline_date: formatDateIso(t.clock.now() + 2 * DAY), deadline_time: '12:00' });
    let vote = '';

    it('shows the vote form again with what was typed on bad input, and lets members open a vote', async () => {
      const bad = await awa.post(DECISION, { action: 'open', decision: 'close', rule: 'majority', quorum: 'la moitié', deadline_date: '2026-13-45', deadline_time: '12:00' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('value="la moitié"');
      expect(bad.body).toContain('Indiquez un pourcentage entier de 0 à 100.');
      expect(bad.body).toContain('value="2026-13-45"');
      const past = await awa.post(DECISION, { action: 'open', decision: 'close', rule: 'majority', quorum: '50', deadline_date: '2020-01-01', deadline_time: '12:00' });
      expect(past.statusCode).toBe(400);
      expect(past.body).toContain('L’échéance doit être dans le futur.');
      expect((await felix.post(DECISION, { action: 'open', decision: 'close', rule: 'majority', quorum: '50', ...deadline() })).statusCode).toBe(403);
      expect((await awa.post(DECISION, { action: 'open', decision: 'close', rule: 'majority', quorum: '50', ...deadline() })).statusCode).toBe(303);
      const page = (await noemie.get(DECISION)).body;
      expect(page).toContain('il y a plus de votes pour que de votes contre');
      expect(page).toContain('soit 1 sur 2 aujourd’hui');
      vote = hidden(page, 'vote');
      expect(vote).not.toBe('');
    });

    it('lets members vote and change their vote; refuses non-members', async () => {
      expect((await awa.post(DECISION, { action: 'ballot', vote, choice: 'yes' })).statusCode).toBe(303);
      expect((await noemie.post(DECISION, { action: 'ballot', vote, choice: 'no' })).statusCode).toBe(303);
      expect((await noemie.post(DECISION, { action: 'ballot', vote, choice: 'yes' })).statusCode).toBe(303);
      expect((await noemie.get(DECISION)).body).toContain('Votre vote actuel');
      const peer = await felix.post(DECISION, { action: 'ballot', vote, choice: 'no' });
      expect(peer.statusCode).toBe(403);
      expect(peer.body).toContain('Seuls les membres du chantier peuvent voter');
      expect((await coord.post(DECISION, { action: 'ballot', vote, choice: 'no' })).statusCode).toBe(403);
      expect((await anon().post(DECISION, { action: 'ballot', vote, choice: 'no' })).statusCode).toBe(401);
      const none = await awa.post(DECISION, { action: 'ballot', vote });
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('Choisissez pour, contre ou abstention.');
      const ballots = await t.m.db.db.selectFrom('network_vote_ballots').select('choice').execute();
      expect(ballots.map((b) => b.choice).sort()).toEqual(['yes', 'yes']);
    });

    it('refuses votes after the deadline with a clear message, and shows the result by its rule', async () => {
      t.clock.advance(3 * DAY);
      const late = await noemie.post(DECISION, { action: 'ballot', vote, choice: 'no' });
      expect(late.statusCode).toBe(400);
      expect(late.body).toContain('L’échéance de ce vote est passée');
      const page = (await awa.get(DECISION)).body;
      expect(page).toContain('2 pour, 0 contre, 0 abstention(s), 2 membre(s)');
      expect(page).toContain('<strong>adoptée</strong>');
      // The chantier is not active: the passed « close » decision offers no lifecycle move yet.
      expect(page).not.toContain('?vers=closed');
      expect((await anon().get(`/wiki/Chantier:${KEY}`)).body).toContain('fermer le chantier, adoptée');
    });

    it('lets coordination close a vote early; the closing freezes the member count and the result', async () => {
      expect((await awa.post(DECISION, { action: 'open', decision: 'continue', rule: 'two_thirds', quorum: '100', ...deadline() })).statusCode).toBe(303);
      const id = hidden((await awa.get(DECISION)).body, 'vote');
      expect(id).not.toBe(vote);
      expect((await awa.post(DECISION, { action: 'ballot', vote: id, choice: 'yes' })).statusCode).toBe(303);
      expect((await awa.post(DECISION, { action: 'close', vote: id })).statusCode).toBe(403);
      expect((await coord.post(DECISION, { action: 'close', vote: id })).statusCode).toBe(303);
      const page = (await awa.get(DECISION)).body;
      expect(page).toContain('quorum non atteint');
      expect(page).toContain('Aucun vote n’est en cours.');
      const after = await awa.post(DECISION, { action: 'ballot', vote: id, choice: 'no' });
      expect(after.statusCode).toBe(400);
    });

    it('leads a passed « close » decision of an active chantier to the lifecycle, whose rules still apply', async () => {
      const coordActor = await t.m.accounts.operator.actorFor('mireille@example.ca');
      const { pageId } = (await t.m.network.service.store.chantiers()).find((c) => c.name === CH.name)!;
      const steps = ['ideation', 'prototype', 'pitch', 'feedback', 'active'] as const;
      for (let i = 1; i < steps.length; i++) await t.m.network.service.transition(coordActor, pageId, steps[i - 1]!, steps[i]!, '');
      expect((await awa.post(DECISION, { action: 'open', decision: 'close', rule: 'majority', quorum: '0', ...deadline() })).statusCode).toBe(303);
      const id = hidden((await awa.get(DECISION)).body, 'vote');
      expect((await awa.post(DECISION, { action: 'ballot', vote: id, choice: 'yes' })).statusCode).toBe(303);
      t.clock.advance(3 * DAY);
      const page = (await awa.get(DECISION)).body;
      // No legacy yet: the group is told to write it first; no shortcut past the lifecycle.
      expect(page).toContain('Décrivez d’abord son legs');
      expect(page).not.toContain('?vers=closed');
      const form = (await awa.get(`/reseau/chantiers/modifier/${KEY}`)).body;
      const baseRev = form.match(/name="base_rev" value="(\d+)"/)?.[1] ?? '';
      expect((await awa.post(`/reseau/chantiers/modifier/${KEY}`, { ...CH, legacy: 'Des fiches d’initiation aux données, ouvertes à tous.', base_rev: baseRev })).statusCode).toBe(303);
      expect((await felix.get(DECISION)).body).not.toContain('?vers=closed');
      const offer = (await awa.get(DECISION)).body;
      expect(offer).toContain(`href="/reseau/chantiers/cycle/${KEY}?vers=closed"`);
      const cycle = (await awa.get(`/reseau/chantiers/cycle/${KEY}?vers=closed`)).body;
      expect(cycle).toMatch(/value="closed" checked/);
      expect((await awa.post(`/reseau/chantiers/cycle/${KEY}`, { from: 'active', to: 'closed', note: 'Décision du groupe' })).statusCode).toBe(303);
      // A closed chantier is no longer evaluated.
      const closed = await awa.post(GRID, { action: 'open' });
      expect(closed.statusCode).toBe(400);
      expect(closed.body).toContain('Ce chantier est fermé');
    });
  });
});
