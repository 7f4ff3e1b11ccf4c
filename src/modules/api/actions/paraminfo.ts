import type { ActionModule } from '../context.ts';
import type { ListModule, MetaModule, PropModule } from '../query/types.ts';

interface Described {
  name: string;
  prefix: string;
  group: string;
  parameters: readonly string[];
  mustBePosted?: boolean;
  token?: string;
}

/** action=paraminfo: enough of MediaWiki's module description for clients (mwn reads `tokentype` on badtoken). */
export function paraminfoAction(actions: () => readonly ActionModule[], query: { metas: readonly MetaModule[]; props: readonly PropModule[]; lists: readonly ListModule[] }): ActionModule {
  const describe = (path: string): Described | undefined => {
    if (path.startsWith('query+')) {
      const name = path.slice(6);
      const found =
        query.metas.find((m) => m.name === name) ?? query.props.find((m) => m.name === name) ?? query.lists.find((m) => m.name === name);
      const group = query.metas.some((m) => m.name === name) ? 'meta' : query.props.some((m) => m.name === name) ? 'prop' : 'list';
      return found ? { name, prefix: found.prefix, group, parameters: found.parameters } : undefined;
    }
    const a = actions().find((m) => m.name === path);
    if (!a) return undefined;
    const parameters = a.token && !a.parameters.includes('token') ? [...a.parameters, 'token'] : a.parameters;
    return { name: a.name, prefix: '', group: 'action', parameters, mustBePosted: a.mustBePosted, token: a.token };
  };
  return {
    name: 'paraminfo',
    needsRead: false,
    parameters: ['modules', 'helpformat', 'querymodules', 'mainmodule', 'pagesetmodule', 'formatmodules'],
    async execute(call) {
      const p = call.params;
      const paths = [...p.list('modules'), ...p.list('querymodules').map((m) => `query+${m}`)];
      if (p.bool('mainmodule')) paths.unshift('main');
      const modules = [];
      for (const path of paths.slice(0, 50)) {
        if (path === 'main') {
          modules.push({ name: 'main', classname: 'ApiMain', path: 'main', group: 'action', prefix: '', source: 'Maillage', parameters: ['action', 'format', 'maxlag', 'smaxage', 'maxage', 'assert', 'assertuser', 'requestid', 'servedby', 'curtimestamp', 'responselanginfo', 'origin', 'uselang', 'variant', 'errorformat', 'errorlang', 'errorsuselocal'].map((name, index) => ({ index: index + 1, name, type: 'string' })) });
          continue;
        }
        const d = describe(path);
        if (!d) {
          call.warnings.add('paraminfo', `The module "${path.slice(0, 100)}" does not exist.`);
          continue;
        }
        modules.push({
          name: d.name,
          classname: `Maillage\\Api\\${d.name}`,
          path,
          group: d.group,
          prefix: d.prefix,
          source: 'Maillage',
          licensetag: 'AGPL-3.0-or-later',
          ...(d.mustBePosted ? { mustbeposted: true, writerights: true } : {}),
          helpurls: [],
          parameters: d.parameters.map((name, index) => ({
            index: index + 1,
            name,
            type: 'string',
            ...(name === 'token' && d.token ? { required: true, sensitive: true, tokentype: d.token } : {}),
          })),
        });
      }
      return { paraminfo: { modules } };
    },
  };
}
