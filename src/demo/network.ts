import type { NetworkProfile } from '../modules/portal/index.ts';

/**
 * A fictional network modelled on Québec's Réseau ADN: the names of chantiers, the mandate axes,
 * example organisations and the 2021 survey figures are facts; every sentence is our own and
 * every person is invented.
 */
export const demoProfile: NetworkProfile = {
  name: 'Réseau Maillage – démonstration',
  summary:
    'Une cinquantaine d’agents de développement numérique travaillent dans des organismes culturels de toutes les régions. ' +
    'Ils se retrouvent ici pour documenter leurs projets, faire avancer des chantiers en groupe et garder la trace de ce qu’ils apprennent.',
  axes: [
    { name: 'Concertation', description: 'Rapprocher les milieux de la culture, du numérique et de la recherche pour bâtir des partenariats et mettre des efforts en commun.' },
    { name: 'Formation', description: 'Faire grandir les compétences numériques du secteur par des ateliers, des cliniques et des boîtes à outils qui complètent l’offre en place.' },
    { name: 'Veille', description: 'Repérer, trier et résumer pour les autres ce qui change dans les pratiques numériques, afin que tout le réseau en profite.' },
    { name: 'Projets', description: 'Porter des projets culturels numériques qui rassemblent les milieux, jugés sur la dynamique qu’ils créent plutôt que sur leur taille.' },
  ],
  chantiers: [
    { name: 'Almanach culturel', kind: 'mutualisation', description: 'Un répertoire commun des meilleures ressources numériques, tenu à jour sans doublons.' },
    { name: 'Codéveloppement', kind: 'expertise', description: 'Des cellules où les agents s’entraident sur des cas réels, selon la méthode du codéveloppement.' },
    { name: 'Compétences numériques', kind: 'expertise', description: 'Nommer les compétences utiles dans un monde numérique et outiller les organismes pour les repérer.' },
    { name: 'Autoroute / Liaison', kind: 'collaboration', description: 'Préciser le cadre de pratique des agents et accompagner les organismes avec un outil de maturité numérique.' },
    { name: 'Écoresponsabilité et numérique', kind: 'expertise', description: 'Réfléchir à l’empreinte environnementale du numérique culturel et proposer des gestes durables.' },
    { name: 'Culture des données', kind: 'expertise', description: 'Apprivoiser les notions liées aux données pour rendre les contenus culturels d’ici plus faciles à découvrir.' },
    { name: 'Stratégie marketing d’engagement', kind: 'collaboration', description: 'Des balados avec des spécialistes pour apprendre à mieux mobiliser les publics.' },
    { name: 'Engagement des publics minoritaires', kind: 'collaboration', description: 'Relier des publics peu rejoints à l’offre culturelle existante.' },
  ],
  organisations: [
    { name: 'Culture Laval', regionCode: '13', regionName: 'Laval' },
    { name: 'Culture Gaspésie', regionCode: '11', regionName: 'Gaspésie–Îles-de-la-Madeleine' },
    { name: 'Arrimage, Corporation culturelle des Îles-de-la-Madeleine', regionCode: '11', regionName: 'Gaspésie–Îles-de-la-Madeleine' },
    { name: 'Culture Côte-Nord', regionCode: '09', regionName: 'Côte-Nord' },
    { name: 'Conseil des métiers d’art du Québec', regionCode: '06', regionName: 'Montréal' },
    { name: 'Archéo-QC', regionCode: '03', regionName: 'Capitale-Nationale' },
    { name: 'Réseau d’enseignement de la danse', regionCode: '06', regionName: 'Montréal' },
    { name: 'Association des radios communautaires du Québec', regionCode: '06', regionName: 'Montréal' },
    { name: 'Conseil québécois du patrimoine vivant', regionCode: '03', regionName: 'Capitale-Nationale' },
    { name: 'Culture Mauricie', regionCode: '04', regionName: 'Mauricie' },
    { name: 'Culture Saguenay–Lac-Saint-Jean', regionCode: '02', regionName: 'Saguenay–Lac-Saint-Jean' },
    { name: 'Culture Outaouais', regionCode: '07', regionName: 'Outaouais' },
  ],
  survey: {
    year: 2021,
    rows: [
      { scope: 'Double mandat (organisation et secteur ou territoire)', share: 0.46 },
      { scope: 'Organisationnelle', share: 0.33 },
      { scope: 'Sectorielle ou territoriale', share: 0.21 },
    ],
  },
};

/** Invented people. They have no password: an admin can send them a reset link. */
export const demoPeople = [
  { name: 'Mireille Tremblay', email: 'mireille.tremblay@demo.maillage.ca', role: 'coordination' },
  { name: 'Jonathan Côté', email: 'jonathan.cote@demo.maillage.ca', role: 'coordination' },
  { name: 'Awa Diallo', email: 'awa.diallo@demo.maillage.ca', role: 'agent' },
  { name: 'Félix Gagnon', email: 'felix.gagnon@demo.maillage.ca', role: 'agent' },
  { name: 'Noémie Bouchard', email: 'noemie.bouchard@demo.maillage.ca', role: 'agent' },
  { name: 'Samuel Lévesque', email: 'samuel.levesque@demo.maillage.ca', role: 'agent' },
  { name: 'Inès Haddad', email: 'ines.haddad@demo.maillage.ca', role: 'agent' },
  { name: 'Olivier Pelletier', email: 'olivier.pelletier@demo.maillage.ca', role: 'contributor' },
] as const;
