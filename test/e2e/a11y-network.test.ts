import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/i18n/index.ts';
import type { User } from '../../src/modules/accounts/index.ts';
import { expectAccessible, htmlLang, loads, startSite, visit, type Site } from './support.ts';

let site: Site;
let coord: User;

beforeAll(async () => {
  site = await startSite();
  coord = await site.createUser('coordination', 'Camille Coordination');
});

afterAll(async () => {
  await site?.close();
});

const PUBLIC = [
  '/reseau', '/reseau/portrait', '/reseau/organisations', '/reseau/organisations?region=11', '/reseau/chantiers', '/reseau/rencontres', '/reseau/projets',
  '/reseau/apprentissages', '/reseau/personnes', '/reseau/transfert', '/reseau/transfert/diffuser', '/reseau/personnes/awa-diallo',
  '/wiki/Organisation:Culture_Laval', '/wiki/Chantier:Almanach_culturel', '/wiki/Chantier:Autoroute_/_Liaison', '/reseau/chantiers/cycle/Almanach_culturel',
  '/reseau/chantiers/grille/Almanach_culturel', '/reseau/chantiers/decision/Almanach_culturel',
  '/wiki/Rencontre:4e_rencontre_des_agents', '/wiki/Projet:Ateliers_Wiki_sur_trois_territoires', '/wiki/Apprentissage:Un_tronc_commun_de_connaissances',
  '/wiki/Personne:Awa_Diallo',
];

const MEMBERS = [
  '/reseau/organisations/nouvelle', '/reseau/organisations/modifier/Culture_Laval', '/reseau/chantiers/nouveau', '/reseau/chantiers/modifier/Almanach_culturel',
  '/reseau/chantiers/cycle/%C3%89coresponsabilit%C3%A9_et_num%C3%A9rique', '/reseau/rencontres/nouvelle', '/reseau/projets/nouveau', '/reseau/apprentissages/nouveau',
  '/reseau/personnes', '/reseau/personnes/nouvelle', '/reseau/personnes/samuel-levesque/modifier', '/reseau/transfert/etiqueter/Chantier:Almanach_culturel',
  '/wiki/Chantier:Almanach_culturel', '/reseau/chantiers/grille/Codéveloppement', '/reseau/chantiers/decision/Codéveloppement',
  '/reseau/personnes/awa-diallo/effacer',
];

describe('network pages are accessible (WCAG 2.2 AA, axe)', () => {
  for (const locale of LOCALES) {
    it(`for visitors [${locale}]`, async () => {
      const page = await site.newPage({ locale });
      for (const path of PUBLIC) {
        expect(await visit(page, path), path).toBe(200);
        expect(await htmlLang(page)).toBe(locale);
        await expectAccessible(page, `${path} [${locale}]`);
      }
    });
  }

  it('for the coordination team: forms, lifecycle, private people', async () => {
    const page = await site.newPage();
    await site.signIn(page, coord);
    for (const path of MEMBERS) {
      expect(await visit(page, path), path).toBe(200);
      await expectAccessible(page, path);
    }
  });

  it('forms with errors keep what was typed and stay accessible', async () => {
    const page = await site.newPage();
    await site.signIn(page, coord);
    expect(await visit(page, '/reseau/organisations/nouvelle')).toBe(200);
    await page.fill('#f-name', 'Culture Estrie');
    await page.selectOption('#f-region', '05');
    await page.fill('#f-wikidata', 'pas un QID');
    expect(await loads(page, () => page.click('main button[type="submit"]'))).toBe(400);
    await expect(page.locator('#error-summary').isVisible()).resolves.toBe(true);
    await expect(page.inputValue('#f-name')).resolves.toBe('Culture Estrie');
    await expect(page.inputValue('#f-region')).resolves.toBe('05');
    await expectAccessible(page, 'organisation form with errors');
    expect(await visit(page, '/reseau/personnes/nouvelle')).toBe(200);
    await page.fill('#f-name', 'Romane Pitre');
    await page.check('#f-hosts-0');
    await page.fill('#f-start_date', '2020-02-31');
    expect(await loads(page, () => page.click('main button[type="submit"]'))).toBe(400);
    await expect(page.isChecked('#f-hosts-0')).resolves.toBe(true);
    await expectAccessible(page, 'person form with errors');
  });
});
