/**
 * Interface messages for {{int:…}} and MediaWiki: pages: a page of the MediaWiki namespace in
 * env.pages wins (as MessageCache), else the built-in text of a few core messages.
 */
import type { RenderState } from '../preprocess/state.ts';
import { lcfirst, ucfirstLang } from './util.ts';

const NS_MEDIAWIKI = 8;

const BUILT_IN: Record<string, Record<string, string>> = {
  en: {
    edit: 'Edit',
    talk: 'Discussion',
    mainpage: 'Main Page',
    'mainpage-description': 'Main page',
    search: 'Search',
    history: 'Page history',
    history_short: 'History',
    help: 'Help',
    categories: 'Categories',
    pagecategories: '{{PLURAL:$1|Category|Categories}}',
    'new-messages': 'You have $1 ($2).',
    ok: 'OK',
    cancel: 'Cancel',
    lang: 'en',
    sitetitle: '{{SITENAME}}',
    sitesubtitle: '',
    dateformat: 'Date format',
    'toc': 'Contents',
    'editsection': 'edit',
    'redirectto': 'Redirect to:',
  },
  fr: {
    edit: 'Modifier',
    talk: 'Discussion',
    mainpage: 'Accueil',
    'mainpage-description': 'Accueil',
    search: 'Rechercher',
    history: 'Historique de la page',
    history_short: 'Historique',
    help: 'Aide',
    categories: 'Catégories',
    pagecategories: '{{PLURAL:$1|Catégorie|Catégories}}',
    'new-messages': 'Vous avez $1 ($2).',
    ok: 'OK',
    cancel: 'Annuler',
    lang: 'fr',
    sitetitle: '{{SITENAME}}',
    sitesubtitle: '',
    dateformat: 'Format de date',
    toc: 'Sommaire',
    editsection: 'modifier',
    redirectto: 'Redirection vers :',
  },
};

/**
 * The wikitext of message `key` ('history_short', 'Mainpage'…), or undefined when unknown.
 * `fromPages`: also look for a MediaWiki:Key page in env.pages (int: does; a MediaWiki: page
 * transclusion has looked already).
 */
export function interfaceMessage(state: RenderState, key: string, fromPages: boolean): string | undefined {
  const normal = key.replace(/ /g, '_');
  if (fromPages && state.codec.namespaces.byId(NS_MEDIAWIKI)) {
    const title = state.codec.make(NS_MEDIAWIKI, ucfirstLang(normal).replace(/_/g, ' '));
    const text = state.ctx.env.pages?.get(title.key);
    if (typeof text === 'string') return text;
  }
  const lookup = lcfirst(normal);
  const table = BUILT_IN[state.ctx.site.language] ?? BUILT_IN['en']!;
  return table[lookup] ?? BUILT_IN['en']![lookup] ?? table[lookup.toLowerCase()] ?? BUILT_IN['en']![lookup.toLowerCase()];
}
