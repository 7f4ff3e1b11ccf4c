/**
 * Magic word names (MediaWiki's MessagesEn.php, MessagesFr.php and ParserFunctions'
 * i18n.magic.php): id → case sensitivity and synonyms. French synonyms apply when the content
 * language is French, the English ones always.
 */

export interface MagicWordNames {
  /** Case-sensitive (MediaWiki's leading 1) or not (0). */
  cs: boolean;
  en: string[];
  fr?: string[];
}

const cs = (en: string[], fr: string[] = []): MagicWordNames => ({ cs: true, en, fr });
const ci = (en: string[], fr: string[] = []): MagicWordNames => ({ cs: false, en, fr });

export const WORDS: Record<string, MagicWordNames> = {
  // Prefixes of a template call
  subst: ci(['SUBST:']),
  safesubst: ci(['SAFESUBST:']),
  msgnw: ci(['MSGNW:']),
  msg: ci(['MSG:']),
  raw: ci(['RAW:'], ['BRUT:']),
  // Variables
  '!': cs(['!']),
  '=': cs(['=']),
  currentmonth: cs(['CURRENTMONTH', 'CURRENTMONTH2'], ['MOISACTUEL', 'MOIS2ACTUEL']),
  currentmonth1: cs(['CURRENTMONTH1'], ['MOIS1ACTUEL']),
  currentmonthname: cs(['CURRENTMONTHNAME'], ['NOMMOISACTUEL']),
  currentmonthnamegen: cs(['CURRENTMONTHNAMEGEN'], ['NOMGENMOISACTUEL']),
  currentmonthabbrev: cs(['CURRENTMONTHABBREV'], ['ABREVMOISACTUEL']),
  currentday: cs(['CURRENTDAY'], ['JOURACTUEL', 'JOUR1ACTUEL']),
  currentday2: cs(['CURRENTDAY2'], ['JOUR2ACTUEL']),
  currentdayname: cs(['CURRENTDAYNAME'], ['NOMJOURACTUEL']),
  currentyear: cs(['CURRENTYEAR'], ['ANNEEACTUELLE']),
  currenttime: cs(['CURRENTTIME'], ['HORAIREACTUEL']),
  currenthour: cs(['CURRENTHOUR'], ['HEUREACTUELLE']),
  currentweek: cs(['CURRENTWEEK'], ['SEMAINEACTUELLE']),
  currentdow: cs(['CURRENTDOW'], ['JDSACTUEL']),
  currenttimestamp: cs(['CURRENTTIMESTAMP'], ['INSTANTACTUEL']),
  localmonth: cs(['LOCALMONTH', 'LOCALMONTH2'], ['MOISLOCAL', 'MOIS2LOCAL']),
  localmonth1: cs(['LOCALMONTH1'], ['MOIS1LOCAL']),
  localmonthname: cs(['LOCALMONTHNAME'], ['NOMMOISLOCAL']),
  localmonthnamegen: cs(['LOCALMONTHNAMEGEN'], ['NOMGENMOISLOCAL']),
  localmonthabbrev: cs(['LOCALMONTHABBREV'], ['ABREVMOISLOCAL']),
  localday: cs(['LOCALDAY'], ['JOURLOCAL', 'JOUR1LOCAL']),
  localday2: cs(['LOCALDAY2'], ['JOUR2LOCAL']),
  localdayname: cs(['LOCALDAYNAME'], ['NOMJOURLOCAL']),
  localyear: cs(['LOCALYEAR'], ['ANNEELOCALE']),
  localtime: cs(['LOCALTIME'], ['HORAIRELOCAL']),
  localhour: cs(['LOCALHOUR'], ['HEURELOCALE']),
  localweek: cs(['LOCALWEEK'], ['SEMAINELOCALE']),
  localdow: cs(['LOCALDOW'], ['JDSLOCAL']),
  localtimestamp: cs(['LOCALTIMESTAMP'], ['INSTANTLOCAL']),
  numberofpages: cs(['NUMBEROFPAGES'], ['NOMBREPAGES']),
  numberofarticles: cs(['NUMBEROFARTICLES'], ['NOMBREARTICLES']),
  numberoffiles: cs(['NUMBEROFFILES'], ['NOMBREFICHIERS']),
  numberofusers: cs(['NUMBEROFUSERS'], ['NOMBREUTILISATEURS']),
  numberofactiveusers: cs(['NUMBEROFACTIVEUSERS'], ['NOMBREUTILISATEURSACTIFS']),
  numberofedits: cs(['NUMBEROFEDITS'], ['NOMBREMODIFS']),
  numberofadmins: cs(['NUMBEROFADMINS'], ['NOMBREADMINS']),
  pagename: cs(['PAGENAME'], ['NOMPAGE']),
  pagenamee: cs(['PAGENAMEE'], ['NOMPAGEX']),
  fullpagename: cs(['FULLPAGENAME'], ['NOMPAGECOMPLET']),
  fullpagenamee: cs(['FULLPAGENAMEE'], ['NOMPAGECOMPLETX']),
  subpagename: cs(['SUBPAGENAME'], ['NOMSOUSPAGE']),
  subpagenamee: cs(['SUBPAGENAMEE'], ['NOMSOUSPAGEX']),
  basepagename: cs(['BASEPAGENAME'], ['NOMBASEDEPAGE']),
  basepagenamee: cs(['BASEPAGENAMEE'], ['NOMBASEDEPAGEX']),
  rootpagename: cs(['ROOTPAGENAME'], ['NOMPAGERACINE']),
  rootpagenamee: cs(['ROOTPAGENAMEE'], ['NOMPAGERACINEX']),
  talkpagename: cs(['TALKPAGENAME'], ['NOMPAGEDISCUSSION']),
  talkpagenamee: cs(['TALKPAGENAMEE'], ['NOMPAGEDISCUSSIONX']),
  subjectpagename: cs(['SUBJECTPAGENAME', 'ARTICLEPAGENAME'], ['NOMPAGESUJET', 'NOMPAGEARTICLE']),
  subjectpagenamee: cs(['SUBJECTPAGENAMEE', 'ARTICLEPAGENAMEE'], ['NOMPAGESUJETX', 'NOMPAGEARTICLEX']),
  namespace: cs(['NAMESPACE'], ['ESPACENOMMAGE']),
  namespacee: cs(['NAMESPACEE'], ['ESPACENOMMAGEX']),
  namespacenumber: cs(['NAMESPACENUMBER'], ['NUMEROESPACENOMMAGE']),
  talkspace: cs(['TALKSPACE'], ['ESPACENOMMAGEDISCUSSION']),
  talkspacee: cs(['TALKSPACEE'], ['ESPACENOMMAGEDISCUSSIONX']),
  subjectspace: cs(['SUBJECTSPACE', 'ARTICLESPACE'], ['ESPACENOMMAGESUJET', 'ESPACENOMMAGEARTICLE']),
  subjectspacee: cs(['SUBJECTSPACEE', 'ARTICLESPACEE'], ['ESPACENOMMAGESUJETX', 'ESPACENOMMAGEARTICLEX']),
  sitename: cs(['SITENAME'], ['NOMSITE']),
  server: ci(['SERVER'], ['SERVEUR']),
  servername: ci(['SERVERNAME'], ['NOMSERVEUR']),
  scriptpath: ci(['SCRIPTPATH'], ['CHEMINSCRIPT']),
  stylepath: ci(['STYLEPATH'], ['CHEMINSTYLE']),
  contentlanguage: cs(['CONTENTLANGUAGE', 'CONTENTLANG'], ['LANGUECONTENU']),
  pagelanguage: cs(['PAGELANGUAGE'], ['LANGUEPAGE']),
  directionmark: cs(['DIRECTIONMARK', 'DIRMARK'], ['MARQUEDIRECTION', 'MARQUEDIR']),
  currentversion: cs(['CURRENTVERSION'], ['VERSIONACTUELLE']),
  revisionid: cs(['REVISIONID'], ['IDVERSION']),
  revisionday: cs(['REVISIONDAY'], ['JOURVERSION', 'JOUR1VERSION']),
  revisionday2: cs(['REVISIONDAY2'], ['JOUR2VERSION']),
  revisionmonth: cs(['REVISIONMONTH'], ['MOISVERSION']),
  revisionmonth1: cs(['REVISIONMONTH1'], ['MOIS1VERSION']),
  revisionyear: cs(['REVISIONYEAR'], ['ANNEEVERSION']),
  revisiontimestamp: cs(['REVISIONTIMESTAMP'], ['INSTANTVERSION']),
  revisionuser: cs(['REVISIONUSER'], ['UTILISATEURVERSION']),
  revisionsize: cs(['REVISIONSIZE'], ['TAILLEVERSION']),
  pageid: cs(['PAGEID'], ['IDPAGE']),
  // Functions without '#'
  ns: ci(['NS:'], ['ESPACEN:']),
  nse: ci(['NSE:'], ['ESPACENX:']),
  urlencode: ci(['URLENCODE:'], ['ENCODERURL:']),
  lcfirst: ci(['LCFIRST:'], ['INITMINUS:']),
  ucfirst: ci(['UCFIRST:'], ['INITMAJUS:', 'INITCAPS:']),
  lc: ci(['LC:'], ['MINUS:']),
  uc: ci(['UC:'], ['MAJUS:', 'CAPS:']),
  localurl: ci(['LOCALURL:'], ['URLLOCALE:']),
  localurle: ci(['LOCALURLE:'], ['URLLOCALEX:']),
  fullurl: ci(['FULLURL:'], ['URLCOMPLETE:']),
  fullurle: ci(['FULLURLE:'], ['URLCOMPLETEX:']),
  canonicalurl: ci(['CANONICALURL:'], ['URLCANONIQUE:']),
  canonicalurle: ci(['CANONICALURLE:'], ['URLCANONIQUEX:']),
  formatnum: ci(['FORMATNUM'], ['FORMATNOMBRE']),
  grammar: ci(['GRAMMAR:'], ['GRAMMAIRE:']),
  gender: ci(['GENDER:'], ['GENRE:']),
  plural: ci(['PLURAL:'], ['PLURIEL:']),
  bidi: ci(['BIDI:']),
  padleft: ci(['PADLEFT'], ['BOURRAGEGAUCHE']),
  padright: ci(['PADRIGHT'], ['BOURRAGEDROITE']),
  anchorencode: ci(['ANCHORENCODE'], ['ENCODERANCRE']),
  filepath: ci(['FILEPATH:'], ['CHEMIN:']),
  int: ci(['INT:']),
  displaytitle: cs(['DISPLAYTITLE'], ['AFFICHERTITRE']),
  defaultsort: cs(['DEFAULTSORT:', 'DEFAULTSORTKEY:', 'DEFAULTCATEGORYSORT:'], ['CLEFDETRI:', 'CLEDETRI:']),
  pagesize: cs(['PAGESIZE'], ['TAILLEPAGE']),
  protectionlevel: cs(['PROTECTIONLEVEL'], ['NIVEAUDEPROTECTION']),
  protectionexpiry: cs(['PROTECTIONEXPIRY'], ['EXPIRATIONPROTECTION']),
  pagesincategory: ci(['PAGESINCATEGORY', 'PAGESINCAT'], ['PAGESDANSCAT']),
  pagesinnamespace: cs(['PAGESINNAMESPACE:', 'PAGESINNS:'], ['PAGESDANSESPACE:']),
  numberingroup: cs(['NUMBERINGROUP', 'NUMINGROUP'], ['NOMBREDANSGROUPE', 'NBDANSGROUPE']),
  language: ci(['#LANGUAGE'], ['#LANGUE']),
  // Functions with '#'
  special: ci(['special'], ['spécial']),
  speciale: ci(['speciale'], ['spéciale']),
  tag: ci(['tag'], ['balise']),
  formatdate: ci(['formatdate', 'dateformat'], ['formaterdate', 'formatdate']),
  if: ci(['if'], ['si']),
  ifeq: ci(['ifeq'], ['si=']),
  ifexpr: ci(['ifexpr'], ['siexpr']),
  iferror: ci(['iferror'], ['sierreur']),
  ifexist: ci(['ifexist'], ['siexiste']),
  switch: ci(['switch'], ['choix']),
  expr: ci(['expr']),
  time: ci(['time'], ['temps']),
  timel: ci(['timel'], ['tempsl']),
  titleparts: ci(['titleparts'], ['partiestitre']),
  rel2abs: ci(['rel2abs'], ['relatifàabsolu']),
  // Argument words
  default: ci(['#default'], ['#défaut']),
  url_path: ci(['PATH']),
  url_query: ci(['QUERY']),
  url_wiki: ci(['WIKI']),
  rawsuffix: cs(['R']),
  nocommafysuffix: ci(['NOSEP']),
  lossless: cs(['LOSSLESS']),
  dir: ci(['dir']),
  bcp47: ci(['bcp47']),
  contentmodel: ci(['contentmodel'], ['modèledecontenu']),
  isbn: ci(['isbn']),
  displaytitle_noerror: ci(['noerror'], ['sanserreur']),
  displaytitle_noreplace: ci(['noreplace'], ['sansremplacer']),
  defaultsort_noerror: ci(['noerror'], ['sanserreur']),
  defaultsort_noreplace: ci(['noreplace'], ['sansremplacer']),
};

import { languageData } from '../languages.ts';

/** Every synonym of a word for a content language. */
const FRENCH_NAMES = new Map<string, string[]>();

export function namesOf(id: string, language: string): string[] {
  const w = WORDS[id];
  if (!w) return [];
  // Other content languages: their synonyms (languages.ts), then the English ones.
  const local = language === 'en' || language === 'fr' ? undefined : languageData(language)?.magicWords?.[id];
  if (local) return [...local, ...w.en];
  if (language !== 'fr' || !w.fr || w.fr.length === 0) return w.en;
  let names = FRENCH_NAMES.get(id);
  if (!names) {
    names = [...w.fr, ...w.en];
    FRENCH_NAMES.set(id, names);
  }
  return names;
}

/** MediaWiki's MagicWord::matchStartToEnd: is `text` exactly one of the word's synonyms? */
export function matchWord(id: string, text: string, language: string): boolean {
  const w = WORDS[id];
  if (!w) return false;
  const t = w.cs ? text : text.toLowerCase();
  return namesOf(id, language).some((n) => (w.cs ? n : n.toLowerCase()) === t);
}
