import { describe, expect, it } from 'vitest';
import { render, resolveLinks } from '../index.ts';
import { testEnv } from '../testing.ts';
import { formatComment, preSaveTransform } from './index.ts';

describe('wikitext in Maillage (French content language)', () => {
  it('uses the French namespace names and the env link statuses', () => {
    const r = render("[[Catégorie:Outils|clé]] [[Accueil]] [[Page absente]] [[Fichier:Absent.png]] ''ok''", 'wikitext', testEnv());
    // A missing file adds MediaWiki's tracking category.
    expect(r.categories).toEqual([{ name: 'Outils', sortKey: 'clé' }, { name: 'Pages avec des liens de fichiers brisés', sortKey: '' }]);
    expect(r.links).toEqual(['Accueil', 'Page_absente']);
    expect(r.html).toContain('<a href="/wiki/Accueil" title="Accueil">Accueil</a>');
    expect(r.html).toContain('class="new" title="Page absente (page inexistante)"');
    expect(r.html).toContain('<i>ok</i>');
    expect(r.html.startsWith('<div class="mw-parser-output">')).toBe(true);
  });

  it('applies French spacing and gives headings ids, edit links and section numbers', () => {
    const r = render('== Titre : un ==\ntexte « cité » !\n== Deux ==', 'wikitext', testEnv());
    expect(r.html).toContain('texte «&#160;cité&#160;»&#160;!');
    expect(r.headings.map((h) => [h.anchor, h.section])).toEqual([['Titre_:_un', 1], ['Deux', 2]]);
    expect(r.html).toContain('title="Modifier la section&#160;: Titre&#160;: un"');
    expect(r.html).toContain('>modifier</a>');
  });

  it('defers links whose status is unknown and fills them in without rendering again', () => {
    const pages = new Map([['Modèle:Voir', "Voir [[{{{1}}}]] et [[Accueil#Haut|l'accueil]]"]]);
    const env = { ...testEnv(), pages, deferLinkStatus: true };
    const source = "{{Voir|Guide}} {{Voir|Absente}} '''[[Guide]]''' [[Guide]]";
    const r = render(source, 'wikitext', env);
    // Accueil is known to the env; Guide and Absente are not: one placeholder each, however often linked.
    expect(r.deferredLinks?.map((t) => t.key)).toEqual(['Guide', 'Absente']);
    expect(r.html).not.toContain('class="new"');
    const statuses = new Map([...env.linkStatus, ['Guide', 'redirect' as const]]);
    const done = resolveLinks(r, statuses, env);
    expect(done.deferredLinks).toEqual([]);
    expect(done.html).not.toContain('mw-link:');
    // The same HTML as a render that knew the statuses from the start.
    expect(done.html).toBe(render(source, 'wikitext', { ...env, linkStatus: statuses, deferLinkStatus: false }).html);
    expect(done.html).toContain('<a href="/wiki/Guide" class="mw-redirect" title="Guide">Guide</a>');
    expect(done.html).toContain('class="new" title="Absente (page inexistante)"');
  });

  it('keeps the table of contents out of the body (the page shell shows RenderResult.toc)', () => {
    const r = render('== a ==\n== b ==\n== c ==\n== d ==', 'wikitext', testEnv());
    expect(r.html).not.toContain('id="toc"');
    expect(r.toc).not.toBe('');
  });
});

describe('formatComment (edit summaries)', () => {
  it('links section comments and wikilinks, escapes the rest', () => {
    const html = formatComment('/* Procédure */ voir [[Accueil|l’accueil]] <b>', testEnv());
    expect(html).toBe(
      '<span class="autocomment"><a href="/wiki/Bac_%C3%A0_sable#Procédure" title="Bac à sable">→<bdi dir="ltr">Procédure</bdi></a>: </span> voir ' +
        '<a href="/wiki/Accueil" title="Accueil">l’accueil</a> &lt;b&gt;',
    );
  });
});

describe('preSaveTransform', () => {
  it('signs in French, not inside nowiki, and applies the pipe trick', () => {
    const env = { ...testEnv(), now: Date.UTC(2026, 0, 5, 9, 7), user: { name: 'Awa', anonymous: false } };
    const r = preSaveTransform('Vu ~~~~ <nowiki>~~~</nowiki> [[Projet (ADN)|]]  \n', env);
    expect(r.text).toBe('Vu [[Utilisateur:Awa|Awa]] ([[Discussion utilisateur:Awa|discuter]]) 5 janvier 2026 à 09:07 (UTC) <nowiki>~~~</nowiki> [[Projet (ADN)|Projet]]');
    expect(r.flags).toEqual(['user-signature']);
  });
});
