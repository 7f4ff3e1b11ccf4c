import type { SearchDocument } from './types.ts';

/** A small French corpus for the search tests: ids 1-31, namespaces 0 (main), 4 (project), 12 (Aide). */
const NS: Record<number, string> = { 0: '', 4: 'Maillage:', 12: 'Aide:' };

function page(pageId: number, namespace: number, title: string, text: string): SearchDocument {
  return { pageId, namespace, title, fullTitle: `${NS[namespace] ?? ''}${title}`, text };
}

export const CORPUS: SearchDocument[] = [
  page(1, 0, "Procédures d'accueil des bénévoles", "Chaque organisme culturel reçoit ses bénévoles selon une démarche écrite. La personne responsable présente les lieux, les règles de sécurité et l'équipe. On remet ensuite une fiche de contacts."),
  page(2, 12, 'Procédures', "Cette page d'aide réunit les marches à suivre du wiki : créer une page, renommer un article, demander une relecture."),
  page(3, 0, 'Le cœur du réseau', "Le réseau relie des agents de développement culturel de plusieurs régions. Au cœur de la démarche se trouvent l'entraide et le partage des outils."),
  page(4, 0, "Rentrée à l'école de musique", "L’école de musique du quartier ouvre ses portes en septembre. Les familles peuvent inscrire les enfants aux ateliers de chant et de percussions."),
  page(5, 0, 'Formations', "Le calendrier des sessions offertes aux membres : animation de réunions, gestion de projets, outils collaboratifs."),
  page(6, 0, 'Compétences numériques des organismes', "Un diagnostic mesure les compétences numériques des équipes. Il couvre la bureautique, la sécurité des données et la présence en ligne."),
  page(7, 0, 'Plan de formation au numérique', "Le plan propose une formation courte sur les outils numériques, suivie d'un accompagnement individuel pendant trois mois."),
  page(8, 0, 'Chantier patrimoine vivant', "Le chantier réunit des musées et des sociétés d'histoire autour de la transmission des savoirs."),
  page(9, 0, 'Bilan annuel des activités', "Cette année, chaque chantier a tenu ses rencontres. Le chantier numérique, le chantier médiation et le chantier financement ont produit des guides. Un chantier sur les bibliothèques démarre."),
  page(10, 0, 'École', "Une école est un lieu d'apprentissage. Dans le réseau, plusieurs écoles d'art partagent leurs ressources."),
  page(11, 0, 'Écoresponsabilité et numérique', "Réduire l'empreinte des équipements, prolonger la vie des ordinateurs et choisir un hébergement sobre."),
  page(12, 0, 'Économie sociale et culture', "Les coopératives et les organismes sans but lucratif forment l'économie sociale. Plusieurs salles de spectacle en font partie."),
  page(13, 0, 'Médiation culturelle', "La médiation culturelle rapproche les publics et les œuvres : visites commentées, ateliers, rencontres avec des artistes."),
  page(14, 0, 'Rencontres régionales 2025', "Les rencontres régionales ont eu lieu à Rimouski. Les participants ont échangé sur la veille numérique et la gouvernance des données ouvertes."),
  page(15, 0, 'Veille stratégique', "La veille consiste à repérer, trier et partager l'information utile. Une infolettre mensuelle résume les meilleures sources."),
  page(16, 0, 'Gouvernance des données', "Les données ouvertes exigent des règles claires : qui publie, sous quelle licence, à quelle fréquence."),
  page(17, 0, 'Bibliothèques publiques', "Les bibliothèques publiques offrent des ateliers d'initiation au numérique et prêtent des tablettes."),
  page(18, 0, 'Sœurs Grenier, fondatrices', "Les sœurs Grenier ont fondé le premier centre d'artistes de la région en 1978."),
  page(19, 0, 'Musées et collections', "La numérisation des collections rend les musées accessibles à distance. Chaque objet reçoit une notice descriptive."),
  page(20, 0, 'Ateliers de création', "Les ateliers de création accueillent des jeunes le samedi. Le thème change chaque saison : photo, bande dessinée, vidéo."),
  page(21, 0, 'Guide de démarrage', "Pour commencer : créez votre compte, lisez la charte, puis présentez-vous sur la page de discussion de votre chantier."),
  page(22, 0, 'Sécurité informatique', "Les mots de passe doivent être longs et uniques. Un gestionnaire de mots de passe aide beaucoup les petites équipes."),
  page(23, 0, 'Archives du réseau', "Les comptes rendus depuis 2012 sont conservés ici, classés par année et par chantier."),
  page(24, 0, 'Financement des projets', "Les programmes de subvention demandent un budget détaillé. Le conseil des arts publie ses échéances en ligne."),
  page(25, 0, 'Culture et numérique', "Le virage numérique transforme la diffusion culturelle : billetterie en ligne, captations, balados. Les compétences numériques deviennent essentielles."),
  page(26, 0, 'Diagnostic de maturité', "Le diagnostic pose vingt questions. Les numériques compétences, disait-on en riant, ne se mesurent pas seules : il faut un accompagnement."),
  page(27, 4, 'Charte du wiki', "Les contributions respectent la charte : courtoisie, sources citées, pas de données personnelles."),
  page(28, 4, 'Procédure de relecture', "Toute nouvelle page est relue par une autre personne avant d'être publiée dans le portail."),
  page(29, 0, 'Tarifs <spéciaux> & "offres"', "Les tarifs réduits s'appliquent aux étudiants & aux aînés. Écrire <b>réservé</b> n'a aucun effet ici."),
  page(30, 0, 'Œuvres en résidence', "Trois artistes en résidence ont créé des œuvres sonores avec les élèves d'une école primaire."),
  page(31, 0, 'Agenda culturel', "Les organismes annoncent leurs spectacles, expositions et lancements dans un agenda commun, mis à jour chaque jeudi."),
];

export function doc(pageId: number): SearchDocument {
  const found = CORPUS.find((d) => d.pageId === pageId);
  if (!found) throw new Error(`no fixture page ${pageId}`);
  return found;
}
