import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { messageOrNull } from '../../../core/layout/components.tsx';
import { titleUrl, type Title } from '../../markup/index.ts';

/** Log types with a name of their own (`log.type.<type>`), in Spécial:Journal's filter order. */
export const LOG_TYPES = ['import', 'upload', 'delete', 'move', 'protect', 'newusers'] as const;

/**
 * What a log entry says about its page: `log.action.<type>.<action>` with the page link at
 * `{page}` when the catalog has it (« a importé Page par téléversement de fichier »), otherwise
 * the generic « (journal type : action) Page ».
 */
export function LogAction({ ctx, type, action, title, withType = false }: { ctx: RequestContext; type: string; action: string; title: Title; withType?: boolean }): Raw {
  const link = <a href={titleUrl(title)}>{title.full}</a>;
  const key = messageOrNull(`log.action.${type}.${action}`);
  if (!key) return <span>{ctx.t('special.rc.log', { type, action })} {link}</span>;
  const [before = '', after = ''] = ctx.t(key, { page: '\u0000' }).split('\u0000');
  // In recent changes the line also names its log, as MediaWiki's « (Journal des importations) ».
  return <>{withType ? `(${logTypeName(ctx, type)}) ` : ''}<span>{before}{link}{after}</span></>;
}

/** The log's own name (« Journal des importations »), or its type as stored. */
export function logTypeName(ctx: RequestContext, type: string): string {
  const key = messageOrNull(`log.type.${type}`);
  return key ? ctx.t(key) : type;
}

export function LogTypeSelect({ ctx, selected }: { ctx: RequestContext; selected: string | undefined }): Raw {
  return (
    <select id="f-type" name="type">
      <option value="" selected={selected === undefined}>{ctx.t('log.all')}</option>
      {LOG_TYPES.map((t) => <option value={t} selected={selected === t}>{logTypeName(ctx, t)}</option>)}
    </select>
  );
}
