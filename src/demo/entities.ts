import type { ChantierFields, ChantierStatus, LearningFields, OrganisationFields, PersonInput, ProjectFields, RencontreFields } from '../modules/network/index.ts';

/**
 * The demo network as data: organisations, chantiers, rencontres and people. Organisation names,
 * chantier names and kinds, meeting facts and the 2021 mandate-scope split (46 % double, 33 %
 * organisational, 21 % sectoral or territorial) come from the network's own wiki; every sentence
 * is ours and every person is invented.
 */

export interface DemoOrganisation {
  fields: OrganisationFields;
  text: string;
}

export const demoOrganisations: DemoOrganisation[] = [
  { fields: { name: 'Culture Laval', kind: 'regional_council', region: '13', sectors: ['Arts visuels', 'Arts de la scène', 'Patrimoine'] },
    text: 'Le conseil régional de la culture de Laval. Son agent a aidé les acteurs culturels de l’île à bâtir une plateforme commune, en travaillant autant les liens entre les gens que la technique.\n\nVoir aussi : [[Les quatre axes du mandat]].' },
  { fields: { name: 'Culture Gaspésie', kind: 'regional_council', region: '11', sectors: ['Arts de la scène', 'Patrimoine', 'Métiers d’art'] },
    text: 'Un territoire immense, des membres éloignés les uns des autres : le numérique sert d’abord à les rapprocher. Le poste d’agent est partagé avec Arrimage, aux Îles-de-la-Madeleine.' },
  { fields: { name: 'Arrimage, Corporation culturelle des Îles-de-la-Madeleine', kind: 'regional_council', region: '11', sectors: ['Arts de la scène', 'Arts visuels'] },
    text: 'La corporation culturelle des Îles. Avec Culture Gaspésie, elle partage un agent qui adapte ses approches à chacun des deux territoires.' },
  { fields: { name: 'Culture Côte-Nord', kind: 'regional_council', region: '09', sectors: ['Arts de la scène', 'Patrimoine'] }, text: 'Conseil régional de la culture de la Côte-Nord.' },
  { fields: { name: 'Culture Mauricie', kind: 'regional_council', region: '04', sectors: ['Arts visuels', 'Musique'] }, text: 'Conseil régional de la culture de la Mauricie.' },
  { fields: { name: 'Culture Saguenay–Lac-Saint-Jean', kind: 'regional_council', region: '02', sectors: ['Arts de la scène', 'Littérature'] }, text: 'Conseil régional de la culture du Saguenay–Lac-Saint-Jean.' },
  { fields: { name: 'Culture Outaouais', kind: 'regional_council', region: '07', sectors: ['Arts visuels', 'Cinéma'] }, text: 'Conseil régional de la culture de l’Outaouais.' },
  { fields: { name: 'Conseil des métiers d’art du Québec', kind: 'sectoral_association', region: '06', sectors: ['Métiers d’art'] },
    text: 'Son agent a mené, avec des partenaires universitaires, une étude pour mieux connaître la situation économique des artisans et le rôle du numérique dans leur pratique.' },
  { fields: { name: 'Réseau d’enseignement de la danse', kind: 'national_grouping', region: '06', sectors: ['Danse', 'Formation'] },
    text: 'Le réseau met une partie de ses formations en ligne et recense les écoles de danse de la province dans un portail.' },
  { fields: { name: 'Association des radios communautaires du Québec', kind: 'sectoral_association', region: '06', sectors: ['Radio', 'Médias communautaires'] },
    text: 'Un projet d’analyse des auditoires, porté pour l’ensemble des membres, qu’aucune station n’aurait pu mener seule.' },
  { fields: { name: 'Conseil québécois du patrimoine vivant', kind: 'national_grouping', region: '03', sectors: ['Patrimoine vivant'] },
    text: 'Des capsules vidéo pour la chaîne du conseil : les membres apprennent le numérique en le pratiquant, et le patrimoine vivant devient plus facile à trouver en ligne.' },
  { fields: { name: 'Conservatoire de musique et d’art dramatique du Québec', kind: 'institution', region: '03', sectors: ['Musique', 'Théâtre', 'Formation'] },
    text: 'Des salles de visioconférence mieux équipées pour l’enseignement à distance.' },
  { fields: { name: 'Association nationale des éditeurs de livres', kind: 'sectoral_association', region: '06', sectors: ['Livre'] },
    text: 'Un poste d’agent partagé avec l’Union des écrivaines et des écrivains québécois, notamment pour une veille sur l’accessibilité du livre.' },
  { fields: { name: 'Union des écrivaines et des écrivains québécois', kind: 'sectoral_association', region: '06', sectors: ['Livre', 'Littérature'] },
    text: 'Partage son agent avec l’Association nationale des éditeurs de livres.' },
];

export interface DemoChantier {
  fields: ChantierFields;
  text: string;
  /** Where the demo leaves it in its lifecycle. */
  status: ChantierStatus;
  members: string[];
  followers: string[];
}

const awa = 'awa.diallo@demo.maillage.ca';
const felix = 'felix.gagnon@demo.maillage.ca';
const noemie = 'noemie.bouchard@demo.maillage.ca';
const samuel = 'samuel.levesque@demo.maillage.ca';
const ines = 'ines.haddad@demo.maillage.ca';
const olivier = 'olivier.pelletier@demo.maillage.ca';

export const demoChantiers: DemoChantier[] = [
  {
    fields: {
      name: 'Almanach culturel', kind: 'mutualisation',
      definition: 'Un répertoire commun des ressources numériques les plus utiles au milieu culturel, d’ici et d’ailleurs, tenu à jour sans doublons.',
      objectives: ['Décrire 150 ressources avec une fiche type d’ici la fin de l’année', 'Vérifier chaque lien une fois par trimestre'],
      deliverables: [{ title: 'Recension des boîtes à outils existantes', status: 'done' }, { title: 'Fiche type par ressource', status: 'in_progress' }, { title: 'Guide pour proposer une ressource', status: 'planned' }],
      needs: ['Conseils d’un spécialiste en classification documentaire'],
      highlight: 'La recension des boîtes à outils, présentée à toute la communauté lors de la 4e rencontre.',
    },
    text: 'Le chantier est né d’un constat simple : chaque organisme refaisait sa propre liste d’outils. Voir aussi [[Almanach culturel]] et [[Chantiers]].',
    status: 'active', members: [felix, awa], followers: [olivier],
  },
  {
    fields: {
      name: 'Codéveloppement', kind: 'expertise',
      definition: 'Des cellules où chaque agent soumet une situation réelle et profite de l’éclairage de ses pairs.',
      objectives: ['Tenir une cellule par mois', 'Ouvrir la cellule à tous les agents'],
      deliverables: [{ title: 'Formation au codéveloppement donnée aux agents', status: 'done' }, { title: 'Cellule ouverte à tout le réseau', status: 'in_progress' }],
      needs: [], highlight: 'La formation offerte à tous les agents pendant la 4e rencontre.',
    },
    text: 'Une méthode d’entraide plutôt qu’un outil : casser les silos en partageant ce qu’on vit.',
    status: 'active', members: [noemie], followers: [awa],
  },
  {
    fields: {
      name: 'Compétences numériques', kind: 'expertise',
      definition: 'Nommer les compétences qui comptent dans un monde transformé par le numérique, et outiller les organismes pour s’y retrouver.',
      objectives: ['Publier un référentiel de compétences en langage simple'], deliverables: [{ title: 'Référentiel de compétences', status: 'in_progress' }], needs: ['Un regard externe sur le référentiel'],
    },
    text: 'Le chantier part des besoins évalués en amont dans les organismes.',
    status: 'active', members: [samuel], followers: [],
  },
  {
    fields: {
      name: 'Autoroute / Liaison', kind: 'collaboration',
      definition: 'Préciser le cadre de pratique des agents (identité, méthode, objectifs, fonctionnement, diffusion) et accompagner les organismes avec un outil de maturité numérique.',
      objectives: ['Tester l’outil de maturité avec dix organismes'],
      deliverables: [{ title: 'Outil de maturité numérique', status: 'done' }, { title: 'Guide d’accompagnement', status: 'in_progress' }],
      needs: ['Financement pour traduire l’outil'],
      highlight: 'L’atelier où des agents ont joué tour à tour l’accompagnateur et l’organisme accompagné pour éprouver l’outil.',
    },
    text: 'Voir aussi le futur module de diagnostic.',
    status: 'active', members: [samuel, ines], followers: [felix],
  },
  {
    fields: {
      name: 'Écoresponsabilité et numérique', kind: 'expertise',
      definition: 'Comprendre l’empreinte environnementale du numérique culturel et proposer des gestes responsables, dans une optique de développement durable.',
      objectives: [], deliverables: [], needs: ['Une personne-ressource en sobriété numérique'],
    },
    text: 'Le chantier a présenté son pitch et reçu les questions et commentaires des pairs ; il attend la validation de la coordination.',
    status: 'feedback', members: [ines], followers: [noemie],
  },
  {
    fields: {
      name: 'Culture des données', kind: 'expertise',
      definition: 'Apprivoiser les notions liées aux données pour rendre les contenus culturels québécois plus faciles à découvrir.',
      objectives: ['Organiser deux activités ouvertes au public par année'],
      deliverables: [{ title: '5 à 7 Wiki ouvert au public', status: 'done' }, { title: 'Fiches d’initiation aux données liées', status: 'planned' }],
      needs: [], highlight: 'Un « 5 à 7 Wiki » ouvert à tous, où l’on apprend en contribuant ensemble.',
    },
    text: 'Voir aussi [[Culture des données]].',
    status: 'active', members: [awa], followers: [olivier, felix],
  },
  {
    fields: {
      name: 'Stratégie marketing d’engagement', kind: 'collaboration',
      definition: 'Des balados avec des spécialistes du marketing et des communications numériques pour mieux mobiliser les publics.',
      objectives: [], deliverables: [{ title: 'Série de balados', status: 'done' }], needs: [],
      legacy: 'Une série de balados libre d’accès, et un nouveau chantier consacré aux publics minoritaires.',
    },
    text: 'Le chantier a terminé son travail : sa série de balados reste disponible pour tout le milieu.',
    status: 'closed', members: [felix], followers: [],
  },
  {
    fields: {
      name: 'Engagement des publics minoritaires', kind: 'collaboration',
      definition: 'Relier des publics peu rejoints, souvent informels, à l’offre culturelle du Québec.',
      objectives: [], deliverables: [], needs: [],
    },
    text: 'Issu du chantier sur le marketing d’engagement, il en est à son prototype.',
    status: 'prototype', members: [awa], followers: [],
  },
];

export const demoRencontres: Array<{ fields: RencontreFields; text: string }> = [
  {
    fields: {
      name: '2e rencontre des agents', start: '2019-05-14', end: '2019-05-16', online: false,
      objectives: ['Choisir ensemble des thèmes d’action porteurs', 'Convenir de la façon de collaborer'],
      programme: [{ title: 'Idéation des chantiers', facilitators: 'Agents' }, { title: 'Prototypes et pitchs devant les pairs', facilitators: 'Agents' }],
      summaries: ['Les premiers chantiers sont nés de cette mise en chantier.'], documents: [],
    },
    text: 'La rencontre où les chantiers ont été lancés. Voir [[Chantiers]].',
  },
  {
    fields: {
      name: '4e rencontre des agents', start: '2020-03-10', end: '2020-03-12', place: 'Montréal, Nomadlife', online: false,
      objectives: ['Présenter les projets individuels, collectifs et les chantiers', 'Mettre les expertises en commun', 'Expérimenter les premières actions des chantiers'],
      programme: [
        { title: 'Présentations des projets des agents', facilitators: '' },
        { title: 'Validation de l’outil de maturité numérique', facilitators: 'Chantier Autoroute' },
        { title: 'Formation au codéveloppement', facilitators: 'Chantier Codéveloppement' },
        { title: 'Atelier sur les leviers du réseau', facilitators: 'Co-animatrices' },
        { title: 'Conditions de poursuite ou de fermeture des chantiers', facilitators: 'Co-animatrices' },
      ],
      summaries: ['Les chantiers entrent dans leur phase d’essais.', 'La place des projets collectifs dans la communauté reste à préciser.'],
      documents: [],
    },
    text: 'Trois jours de partage, tout juste avant les mesures de confinement du printemps 2020.',
  },
  {
    fields: {
      name: 'Rencontre nationale 2021', online: true,
      objectives: ['Prendre du recul sur la transformation numérique vécue dans chaque organisme'],
      programme: [{ title: 'Rétroaction en sous-groupes selon les cinq axes de réflexion', facilitators: '' }, { title: 'Plénière', facilitators: '' }],
      summaries: ['Un vocabulaire commun sur le numérique s’est installé.', 'Le rythme du numérique reste difficile à suivre.'], documents: ['Rencontre nationale de mai 2021'],
    },
    text: 'Tenue en mai 2021, en ligne. Le résumé complet : [[Rencontre nationale de mai 2021]].',
  },
  {
    fields: {
      name: 'Rencontre d’automne 2027', start: '2027-10-20', end: '2027-10-21', place: 'Trois-Rivières', online: true,
      objectives: ['Faire le point sur les chantiers actifs', 'Décider de l’avenir du chantier Écoresponsabilité'],
      programme: [{ title: 'Grille de continuité des chantiers', facilitators: 'Équipe de coordination' }], summaries: [], documents: [],
    },
    text: 'Une rencontre fictive à venir, pour essayer le calendrier.',
  },
];

/** People: agents (hosts, mandate scope, start date), coordination and a partner. `email` links a demo account. */
export interface DemoPerson {
  input: PersonInput & { hostNames: string[] };
  email?: string;
}

const agent = (name: string, scope: PersonInput['scope'], hostNames: string[], start: string, isPublic: boolean, email?: string): DemoPerson => ({
  input: { name, role: 'agent', scope, startDate: start, endDate: undefined, bio: '', public: isPublic, hosts: [], hostNames }, email,
});

// 24 agents: 11 with a double mandate (46 %), 8 organisational (33 %), 5 sectoral or territorial (21 %).
export const demoPersons: DemoPerson[] = [
  agent('Awa Diallo', 'double', ['Culture Laval'], '2019-04-01', true, awa),
  agent('Félix Gagnon', 'sectoral', ['Conseil des métiers d’art du Québec'], '2019-04-01', true, felix),
  agent('Noémie Bouchard', 'territorial', ['Culture Gaspésie', 'Arrimage, Corporation culturelle des Îles-de-la-Madeleine'], '2019-04-08', true, noemie),
  agent('Samuel Lévesque', 'double', ['Association des radios communautaires du Québec'], '2019-04-01', false, samuel),
  agent('Inès Haddad', 'sectoral', ['Association nationale des éditeurs de livres', 'Union des écrivaines et des écrivains québécois'], '2019-05-06', true, ines),
  agent('Léa Morin', 'double', ['Culture Côte-Nord'], '2019-04-01', true),
  agent('Mathis Roy', 'double', ['Culture Mauricie'], '2019-04-15', false),
  agent('Chloé Bergeron', 'double', ['Culture Saguenay–Lac-Saint-Jean'], '2019-04-01', true),
  agent('Gabriel Fortin', 'double', ['Culture Outaouais'], '2019-06-03', false),
  agent('Rosalie Caron', 'double', ['Réseau d’enseignement de la danse'], '2019-04-01', true),
  agent('Thomas Ouellet', 'double', ['Conseil québécois du patrimoine vivant'], '2019-04-01', false),
  agent('Maëlle Girard', 'double', ['Culture Laval'], '2020-01-13', true),
  agent('Antoine Lavoie', 'double', ['Culture Mauricie'], '2020-02-03', false),
  agent('Camille Poirier', 'double', ['Culture Côte-Nord'], '2020-09-08', false),
  agent('William Dubé', 'organisational', ['Conservatoire de musique et d’art dramatique du Québec'], '2019-04-01', true),
  agent('Jade Paquette', 'organisational', ['Réseau d’enseignement de la danse'], '2019-04-01', false),
  agent('Nathan Gauthier', 'organisational', ['Conseil des métiers d’art du Québec'], '2019-04-22', false),
  agent('Éloïse Lemieux', 'organisational', ['Culture Outaouais'], '2019-04-01', true),
  agent('Karim Benali', 'organisational', ['Association des radios communautaires du Québec'], '2020-03-02', false),
  agent('Sofia Rodriguez', 'organisational', ['Culture Saguenay–Lac-Saint-Jean'], '2019-04-01', true),
  agent('Émile Savard', 'organisational', ['Conseil québécois du patrimoine vivant'], '2019-10-07', false),
  agent('Alice Nadeau', 'organisational', ['Culture Gaspésie'], '2021-01-11', false),
  agent('Zacharie Boucher', 'sectoral', ['Conservatoire de musique et d’art dramatique du Québec'], '2019-04-01', false),
  agent('Mia Cloutier', 'territorial', ['Culture Côte-Nord'], '2019-04-01', true),
  { input: { name: 'Mireille Tremblay', role: 'coordination', scope: undefined, startDate: '2019-03-01', endDate: undefined, bio: 'Coanime la communauté de pratique depuis son lancement.', public: true, hosts: [], hostNames: [] }, email: 'mireille.tremblay@demo.maillage.ca' },
  { input: { name: 'Jonathan Côté', role: 'coordination', scope: undefined, startDate: '2019-03-01', endDate: undefined, bio: '', public: true, hosts: [], hostNames: [] }, email: 'jonathan.cote@demo.maillage.ca' },
  { input: { name: 'Olivier Pelletier', role: 'partner', scope: undefined, startDate: undefined, endDate: undefined, bio: '', public: false, hosts: [], hostNames: [] }, email: olivier },
];

const project = (f: Partial<ProjectFields> & Pick<ProjectFields, 'name' | 'organisations' | 'axes'>, text: string) => ({
  fields: { collective: false, outcomes: [], learnings: [], partners: [], ...f } as ProjectFields, text,
});

/** Projects from the network's examples of the four mandate axes, in our words. */
export const demoProjects: Array<{ fields: ProjectFields; text: string }> = [
  project({ name: 'Plateforme culturelle lavalloise', organisations: ['Culture Laval'], axes: ['concertation', 'projets'], outcomes: ['Une vitrine partagée par les acteurs culturels de l’île'], learnings: ['Une plateforme n’est utile que si les gens ont d’abord envie de travailler ensemble'] },
    'L’agent a d’abord tissé des liens entre les organismes, puis cherché la technique qui leur convenait.'),
  project({ name: 'Portrait économique des artisans', organisations: ['Conseil des métiers d’art du Québec'], axes: ['projets', 'veille'], partners: ['UQAM', 'SynapseC'], outcomes: ['Une meilleure connaissance des membres, utile pendant la pandémie'] },
    'Une étude menée avec des partenaires de recherche.'),
  project({ name: 'Mutualisation Gaspésie–Îles', organisations: ['Culture Gaspésie', 'Arrimage, Corporation culturelle des Îles-de-la-Madeleine'], axes: ['concertation', 'formation'], collective: true, learnings: ['Respecter les façons de faire de chaque territoire'] },
    'Deux vastes régions, un même poste, des approches adaptées à chacune.'),
  project({ name: 'Veille sur l’accessibilité du livre', organisations: ['Association nationale des éditeurs de livres', 'Union des écrivaines et des écrivains québécois'], axes: ['veille'], collective: true },
    'Suivre les normes qui rendent le livre numérique lisible par tous.'),
  project({ name: 'Formation en ligne en danse', organisations: ['Réseau d’enseignement de la danse'], axes: ['projets', 'formation'] }, 'Une formation transférée sur une plateforme d’apprentissage en ligne, et un portail des écoles.'),
  project({ name: 'Analyse des auditoires', organisations: ['Association des radios communautaires du Québec'], axes: ['projets'], outcomes: ['Des données communes pour approcher les annonceurs'] }, 'Un besoin de tous les membres, porté par l’association.'),
  project({ name: 'Capsules vidéo du patrimoine vivant', organisations: ['Conseil québécois du patrimoine vivant'], axes: ['projets', 'formation'] }, 'Apprendre le numérique en faisant des vidéos.'),
  project({ name: 'Ateliers Wiki sur trois territoires', organisations: ['Culture Laval', 'Culture Mauricie', 'Culture Outaouais'], axes: ['formation', 'concertation'], collective: true, chantier: 'Culture des données' },
    'Un projet collectif, le « projet 3L » : des ateliers Wiki donnés dans trois régions.'),
];

const learning = (name: string, statement: string, axis: LearningFields['axis'], kind: LearningFields['kind']): { fields: LearningFields; text: string } => ({
  fields: { name, statement, axis, kind, rencontre: 'Rencontre nationale 2021', organisations: [] }, text: '',
});

/** Learnings named at the 2021 national meeting, one or two per reflection axis, in our words. */
export const demoLearnings = [
  learning('Un tronc commun de connaissances', 'Les agents ont installé dans les organisations un vocabulaire partagé sur le numérique.', 'literacy', 'success'),
  learning('Évaluer avant d’agir', 'Mesurer les compétences et les besoins au départ, puis suivre la progression, permet de voir l’effet des actions.', 'literacy', 'success'),
  learning('Des membres aux réalités variées', 'Les membres n’ont pas tous le même niveau de connaissance : il faut s’ajuster à chacun.', 'members', 'challenge'),
  learning('La concertation plutôt que la concurrence', 'Les organismes coordonnent davantage leurs projets et leurs demandes de financement.', 'business', 'success'),
  learning('Suivre le rythme du numérique', 'Tout change vite ; la formation continue et la communauté aident à ne pas décrocher.', 'change', 'challenge'),
  learning('Le poste partagé rapproche', 'Partager un agent entre deux organismes a favorisé leur collaboration.', 'networking', 'success'),
];
