import type { ActionModule } from '../context.ts';

/** action=help (also what a bare /api.php answers): a short description and the modules served. */
export function helpAction(names: () => readonly string[], lists: readonly string[], metas: readonly string[], props: readonly string[]): ActionModule {
  return {
    name: 'help',
    needsRead: false,
    parameters: ['modules', 'submodules', 'recursivesubmodules', 'wrap', 'toc'],
    async execute(call) {
      const origin = new URL(call.deps.publicUrl).origin;
      const text = [
        `Maillage ${call.deps.version}: a subset of the MediaWiki Action API, for MediaWiki tools (mwn, Pywikibot…).`,
        `Endpoint: ${origin}/api.php. Sign in with action=login (bot passwords: ${origin}/wiki/Spécial:Mots_de_passe_de_robots).`,
        `Actions: ${names().join(', ')}.`,
        `action=query: list=${lists.join('|')}; meta=${metas.join('|')}; prop=${props.join('|')}.`,
        'Formats: format=json, formatversion=1 or 2; errorformat=bc|plaintext|wikitext|html|raw|none.',
      ].join('\n');
      return { help: { mime: 'text/plain', help: text } };
    },
  };
}
