import { describe, expect, it } from 'vitest';
import { deliverablesFromText, deliverablesText, readChantier } from './chantier.ts';
import { joinPage, splitPage } from './fields.ts';
import { organisationForm, organisationSource, readOrganisation } from './organisation.ts';
import { personForm, slugify } from './person.ts';

describe('front-matter fields', () => {
  it('round-trips fields and text, one field per line', () => {
    const source = joinPage({ name: 'Culture Laval', region: '13', sectors: ['Arts visuels', 'Musique "actuelle"'], empty: '', none: [] }, '\nDu texte.\n');
    expect(source).toBe('---\nname: Culture Laval\nregion: 13\nsectors: ["Arts visuels", "Musique \\"actuelle\\""]\n---\n\nDu texte.');
    expect(splitPage(source)).toEqual({ fields: { name: 'Culture Laval', region: '13', sectors: ['Arts visuels', 'Musique "actuelle"'] }, body: 'Du texte.', problems: [] });
  });

  it('quotes strings that would read as something else', () => {
    const source = joinPage({ a: '[pas une liste]', b: ' espaces ', c: 'deux\nlignes' }, '');
    expect(splitPage(source).fields).toEqual({ a: '[pas une liste]', b: ' espaces ', c: 'deux\nlignes' });
  });

  it('reads a page without front matter as all text, and reports broken lines', () => {
    expect(splitPage('Juste du texte.')).toEqual({ fields: {}, body: 'Juste du texte.', problems: [] });
    expect(splitPage('---\nname: A\npas une ligne de donnée\nsectors: [oops\n---\nTexte').problems).toEqual(['pas une ligne de donnée', 'sectors: [oops']);
  });

  it('reads organisations leniently: bad values fall back, the page name stands in for a missing name', () => {
    const { fields, problems } = readOrganisation('---\nkind: planète\nregion: 6\nwikidata: Q42\nwebsite: ftp://x\n---', 'Culture Mauricie');
    expect(fields).toEqual({ name: 'Culture Mauricie', kind: 'other', region: '06', sectors: [], website: undefined, wikidata: 'Q42' });
    expect(problems).toEqual(['planète', 'ftp://x']);
    const again = readOrganisation(organisationSource({ ...fields, sectors: ['Cinéma'] }, 'Texte'), 'x');
    expect(again.fields.sectors).toEqual(['Cinéma']);
    expect(again.body).toBe('Texte');
  });

  it('validates the organisation form: region codes, Wikidata QID, web address, sectors', () => {
    const ok = organisationForm.parse({ name: ' A ', kind: 'institution', region: '17', sectors: 'Danse; Théâtre\nCirque\n', website: 'https://a.qc.ca', wikidata: 'q12' });
    expect(ok).toEqual({ name: 'A', kind: 'institution', region: '17', sectors: ['Danse', 'Théâtre', 'Cirque'], website: 'https://a.qc.ca', wikidata: 'Q12' });
    expect(organisationForm.safeParse({ name: 'A', kind: 'institution', region: '18', sectors: '', website: '', wikidata: '' }).success).toBe(false);
    expect(organisationForm.safeParse({ name: 'A', kind: 'institution', region: '', sectors: '', website: '', wikidata: 'Q0' }).success).toBe(false);
    expect(organisationForm.safeParse({ name: 'A', kind: 'institution', region: '', sectors: '', website: 'javascript:alert(1)', wikidata: '' }).success).toBe(false);
  });

  it('reads deliverables like task lists', () => {
    const list = deliverablesFromText('[x] Fiche type\n[~] Recension\n[ ] Guide\nAtelier\n[]');
    expect(list).toEqual([
      { title: 'Fiche type', status: 'done' }, { title: 'Recension', status: 'in_progress' }, { title: 'Guide', status: 'planned' }, { title: 'Atelier', status: 'planned' },
    ]);
    expect(deliverablesText(list)).toBe('[x] Fiche type\n[~] Recension\n[ ] Guide\n[ ] Atelier');
    expect(readChantier('---\ndeliverables: [{"title": "A", "status": "bof"}]\n---', 'C').fields.deliverables).toEqual([{ title: 'A', status: 'planned' }]);
  });

  it('validates people: dates, their order, opt-in, hosts', () => {
    const p = personForm.parse({ name: 'Awa', role: 'agent', scope: 'double', start_date: '2019-04-01', end_date: '', bio: '', public: 'yes', hosts: ['3', '3', '7'] });
    expect(p).toMatchObject({ startDate: '2019-04-01', endDate: undefined, public: true, hosts: [3, 7] });
    expect(personForm.parse({ name: 'Awa', role: 'agent', scope: '', start_date: '', end_date: '', bio: '' }).public).toBe(false);
    expect(personForm.safeParse({ name: 'Awa', role: 'agent', scope: '', start_date: '2019-02-30', end_date: '', bio: '' }).success).toBe(false);
    expect(personForm.safeParse({ name: 'Awa', role: 'agent', scope: '', start_date: '2020-01-01', end_date: '2019-01-01', bio: '' }).success).toBe(false);
    expect(slugify('Noémie Côté-Bouchard')).toBe('noemie-cote-bouchard');
  });
});
