import { describe, expect, it } from 'vitest';
import { parseTitle, titleFromKey } from '../markup/index.ts';
import { keyTarget } from './render.ts';
import { dbTitle } from './store.ts';

describe('keyTarget (links tables rows from link keys)', () => {
  // Keys as the title codec makes them, and some it does not (aliases, English names, odd prefixes).
  const written = ['Accueil', 'Catégorie:Chantiers actifs', 'Modèle:Infobox organisation', 'Discussion utilisateur:Marie', 'Fichier:Logo ADN.png',
    'Wikipédia:À propos', 'Aide:Syntaxe', 'Star Wars: Episode IV', 'Modèle:A:B', 'Catégorie:Foo:Bar', 'Utilisateur:X/Y', 'Spécial:Recherche', 'Média:Son.ogg', 'MediaWiki:Common.css', 'Module:Outils'];
  const keys = [...written.map((w) => { const r = parseTitle(w); if (!r.ok) throw new Error(w); return r.title.key; }),
    'Category:Foo', 'Template:X', 'User_talk:Y', 'File:B.png', 'Image:X.jpg', 'Project:Q', 'Talk:X', 'catégorie:Foo', 'Foo_:bar', 'Réseau_ADN:Accueil', 'Modèle:', ':Accueil', '_Accueil', 'Catégorie::X', 'Catégorie:foo', 'accueil', 'Catégorie_:X', 'Catégorie:_X', 'Modèle:Été', 'Modèle:été', 'Utilisateur:ǆemal'];

  it('gives what titleFromKey and dbTitle give, for every key', () => {
    for (const key of keys) {
      const t = titleFromKey(key);
      expect(keyTarget(key), key).toEqual(t ? { namespace: t.namespace, title: dbTitle(t) } : undefined);
    }
  });

  it('reads the namespace from the prefix', () => {
    expect(keyTarget('Catégorie:Chantiers_actifs')).toEqual({ namespace: 14, title: 'Chantiers_actifs' });
    expect(keyTarget('Star_Wars:_Episode_IV')).toEqual({ namespace: 0, title: 'Star_Wars:_Episode_IV' });
  });
});
