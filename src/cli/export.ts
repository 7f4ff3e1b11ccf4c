import fs from 'node:fs';
import { once } from 'node:events';
import type { Config } from '../core/config.ts';
import { translate } from '../core/i18n/index.ts';
import { buildMaillage } from '../main.ts';
import { EXPORT_TARGETS, type ExportTarget } from '../modules/transfer/index.ts';
import { cliLocale } from './import.ts';

/**
 * `maillage export`: MediaWiki export-0.11 XML of the wiki (or a namespace, or titles) to stdout or a file.
 * `--for mediawiki` (default) converts Markdown to wikitext; `--for maillage` keeps every revision as it is.
 */
export async function exportCommand(config: Config, o: { output?: string; latest?: boolean; namespace?: string; title?: string[]; for?: string }): Promise<number> {
  const locale = cliLocale();
  const target = (o.for ?? 'mediawiki') as ExportTarget;
  if ((o.namespace !== undefined && !/^\d{1,4}$/.test(o.namespace)) || !EXPORT_TARGETS.includes(target)) {
    console.error(translate(locale, 'transfer.export.usage'));
    return 1;
  }
  const m = await buildMaillage(config, { runJobs: false });
  try {
    const out = o.output ? fs.createWriteStream(o.output) : process.stdout;
    const r = await m.transfer.export(out, { history: !o.latest, namespace: o.namespace === undefined ? undefined : Number(o.namespace), titles: o.title, target, baseUrl: `${config.publicUrl}/wiki/Accueil` });
    if (o.output) {
      (out as fs.WriteStream).end();
      await once(out, 'close');
    }
    console.error(`${r.pages} pages, ${r.revisions} revisions`);
    return 0;
  } finally {
    await m.close();
  }
}
