/**
 * Demo wiki pages, in Markdown, written in our own words from the seeds' facts.
 * Each entry: title, author (email of a demo person), summary, text.
 */
export interface DemoPage {
  title: string;
  author: string;
  summary: string;
  text: string;
}

const coord = 'mireille.tremblay@demo.maillage.ca';
const awa = 'awa.diallo@demo.maillage.ca';
const felix = 'felix.gagnon@demo.maillage.ca';
const noemie = 'noemie.bouchard@demo.maillage.ca';

export const demoPages: DemoPage[] = [
  {
    title: 'Accueil',
    author: coord,
    summary: 'Page d’accueil du wiki',
    text: `Bienvenue sur le wiki du **Réseau Maillage** (démonstration), la communauté de pratique des agents de développement numérique (ADN) des organismes culturels.

## Pour commencer

- [[Les quatre axes du mandat]] : concertation, formation, veille et projets.
- [[Chantiers]] : les groupes de travail autogérés du réseau.
- [[Rencontre nationale de mai 2021]] : ce que la communauté a appris.
- [[Actions de transfert]] : comment le contenu de ce wiki est produit.

## Participer

Chaque page a un historique complet : n’hésitez pas à corriger, compléter ou ouvrir une discussion. Les [[Maillage:Règles de contribution|règles de contribution]] restent à écrire.

[[Catégorie:Portails]]`,
  },
  {
    title: 'Les quatre axes du mandat',
    author: coord,
    summary: 'Présentation des axes',
    text: `Dès le lancement du réseau, au printemps 2019, quatre axes ont orienté le travail des agents. Chaque organisme d’accueil les combine selon ses besoins.

| Axe | En bref |
| --- | --- |
| Concertation | Rapprocher les acteurs de la culture, du numérique et de la recherche. |
| Formation | Faire grandir les compétences numériques du milieu. |
| Veille | Repérer et partager les pratiques qui changent. |
| Projets | Porter des projets numériques rassembleurs. |

## Concertation

Créer des alliances et mettre des efforts en commun plutôt que de se faire concurrence. Exemple : une plateforme régionale partagée à Laval.

## Formation

Des ateliers, des cliniques et des boîtes à outils qui complètent ce qui existe déjà. Exemple : des formations de cocréation pendant un forum annuel.

## Veille

Trier l’information, la résumer pour les autres et la diffuser. Exemple : un espace d’échange commun à deux associations du secteur musical.

## Projets

Les projets sont jugés sur la dynamique qu’ils créent dans le milieu, pas sur leur nombre ni leur taille. Voir aussi [[Chantiers]].

[[Catégorie:Mandat]]`,
  },
  {
    title: 'Chantiers',
    author: awa,
    summary: 'Liste des chantiers',
    text: `Un chantier est un groupe de travail que les agents ouvrent eux-mêmes, quand un besoin commun se présente, et qu’ils ferment quand le groupe le juge utile. On peut s’y joindre, le quitter ou simplement le suivre de loin.

## Cycle de vie

1. Idéation
2. Prototype
3. Pitch devant les pairs
4. Rétroaction
5. Actif (ou en pause)
6. Fermé, avec un legs pour la communauté

## Grille de continuité

Quatre critères guident la décision de poursuivre un chantier :

- [x] un besoin collectif réel ;
- [x] des objectifs SMART ;
- [ ] un climat de collaboration sain ;
- [ ] des conditions pour continuer (livrables, suivi, besoins transmis à la coordination).

## Les chantiers

- [[Almanach culturel]]
- [[Codéveloppement]]
- [[Compétences numériques]]
- [[Autoroute / Liaison]]
- [[Écoresponsabilité et numérique]]
- [[Culture des données]]
- [[Stratégie marketing d’engagement]]
- [[Engagement des publics minoritaires]]

[[Catégorie:Portails]]`,
  },
  {
    title: 'Almanach culturel',
    author: felix,
    summary: 'Création',
    text: `L’Almanach rassemble les ressources numériques les plus utiles au milieu culturel, en un seul endroit et sans doublons.

## Élément-phare

Une première recension des boîtes à outils existantes, présentée à la 4e rencontre.

## Prochaines étapes

- Définir une fiche type pour chaque ressource.
- Vérifier les liens morts chaque trimestre.

Voir aussi : [[Chantiers]].

[[Catégorie:Chantiers|Almanach]]`,
  },
  {
    title: 'Codéveloppement',
    author: noemie,
    summary: 'Création',
    text: `Des cellules de codéveloppement où chaque agent soumet un cas réel et reçoit l’éclairage de ses pairs.

Le chantier a donné une formation à toute la communauté lors de la 4e rencontre, et prévoit d’ouvrir la cellule à tous les agents.

[[Catégorie:Chantiers]]`,
  },
  {
    title: 'Culture des données',
    author: awa,
    summary: 'Création',
    text: `Comprendre les notions liées aux données pour rendre les contenus culturels québécois plus faciles à découvrir en ligne.

Première expérimentation : un « 5 à 7 Wiki » ouvert au public.[^1]

[^1]: Formule retenue pour apprendre en contribuant ensemble.

[[Catégorie:Chantiers]]`,
  },
  {
    title: 'Rencontre nationale de mai 2021',
    author: coord,
    summary: 'Résumé de la plénière',
    text: `En mai 2021, agents et gestionnaires ont pris du recul pour nommer leurs bons coups et leurs défis en transformation numérique.

## Portée du mandat

| Portée | Part des agents |
| --- | ---: |
| Double mandat | 46 % |
| Organisationnelle | 33 % |
| Sectorielle ou territoriale | 21 % |

## Cinq axes de réflexion

- **Littératie** : les compétences numériques des équipes ;
- **Membres** : la relation avec les membres et leurs besoins ;
- **Affaires** : les stratégies de développement et les nouveaux modèles ;
- **Changement** : la culture organisationnelle et la gestion du changement ;
- **Réseautage** : les liens entre secteurs et entre territoires.

## Bons coups

- Un vocabulaire commun sur le numérique s’est installé dans les organisations.
- Les organismes se concertent davantage avant de déposer des demandes de financement.

## Défis

- Le numérique change vite : difficile de suivre.
- La formation continue et la communauté aident à se tenir à jour.

Voir aussi : [[Les quatre axes du mandat]], [[Chantiers]].

[[Catégorie:Rencontres]]`,
  },
  {
    title: 'Actions de transfert',
    author: coord,
    summary: 'Création',
    text: `Quatre actions organisent le contenu de ce wiki :

- **Diffuser** les réalisations des chantiers ;
- **Documenter** la pratique d’agent, un métier encore jeune ;
- **Mettre en valeur** les apprentissages de la communauté ;
- **Partager** les projets structurants des agents.

[[Catégorie:Portails]]`,
  },
];
