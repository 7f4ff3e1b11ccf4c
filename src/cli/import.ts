import path from 'node:path';
import type { Actor } from '../core/actor.ts';
import type { Config } from '../core/config.ts';
import type { Maillage } from '../main.ts';
import { formatNumber, negotiateLocale, translate } from '../core/i18n/index.ts';
import { openImportDump } from '../modules/transfer/open.ts';

/** The operator's language, from the environment (French unless it asks for English). */
export function cliLocale() {
  const lang = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '').split(/[.@]/)[0]!.replace('_', '-');
  return negotiateLocale(lang);
}

/**
 * `maillage import <dump> [--files dir] [--prerender]`: imports in this process, with a progress
 * bar on a terminal. A re-run of the same command (after a crash, or once a malformed file is
 * fixed) adds only what is missing. `--prerender` stores every page's HTML too (ImportOptions.prerender).
 */
export async function importCommand(config: Config, file: string | undefined, o: { files?: string; batch?: string; prerender?: boolean }): Promise<number> {
  const locale = cliLocale();
  if (!file) {
    console.error(translate(locale, 'transfer.cli.usage'));
    return 1;
  }
  const started = Date.now();
  const filePath = path.resolve(file);
  // The dump's reader thread starts parsing while the app is set up. If the file cannot be
  // opened, the import opens it again and reports why, as for the admin page's imports.
  const reader = openImportDump(filePath).catch(() => undefined);
  // The application is loaded meanwhile (the server bundle keeps it apart from this command).
  let m: Maillage;
  let transfer: typeof import('../modules/transfer/index.ts');
  try {
    const [app, module] = await Promise.all([import('../main.ts'), import('../modules/transfer/index.ts')]);
    transfer = module;
    m = await app.buildMaillage(config, { runJobs: false });
  } catch (e) {
    await (await reader)?.close();
    throw e;
  }
  const bar = transfer.progressBar(locale);
  try {
    // Uploads are stored under the first administrator's name; pages and revisions keep their own authors.
    const admin = await m.db.db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('id').limit(1).executeTakeFirst();
    const actor: Actor = {
      kind: 'user', sessionId: 'cli',
      user: admin ? { id: admin.id, name: admin.name, email: admin.email, role: 'admin', locale: null, createdAt: admin.created_at } : { id: 0, name: 'Maillage', email: '', role: 'admin', locale: null, createdAt: 0 },
    };
    const importId = await m.transfer.createJob({ filePath, fileName: path.basename(filePath), filesDir: admin && o.files ? path.resolve(o.files) : null, userId: admin?.id ?? null, userName: actor.user.name, now: Date.now(), status: 'running', claimedBy: 'cli' });
    try {
      const s = await m.transfer.import({ importId, file: filePath, reader: await reader, filesDir: admin && o.files ? path.resolve(o.files) : null, actor, batchRevisions: /^\d{1,6}$/.test(o.batch ?? '') ? Math.max(1, Number(o.batch)) : undefined, prerender: o.prerender === true, onProgress: (p) => bar.update(p) });
      bar.done();
      await m.db.db.updateTable('transfer_imports').set({ status: 'done', phase: 'done', finished_at: Date.now(), updated_at: Date.now() }).where('id', '=', importId).execute();
      console.error(translate(locale, 'transfer.cli.done', { pages: s.pages, added: s.revisionsAdded, skipped: s.revisionsSkipped, rendered: s.pagesRendered, seconds: formatNumber(Math.round((Date.now() - started) / 100) / 10, locale) }));
      if (!o.prerender && s.pagesRendered > 0) console.error(translate(locale, 'transfer.cli.lazy'));
      if (s.invalidTitles) console.error(translate(locale, 'transfer.cli.invalid_titles', { n: s.invalidTitles }));
      return 0;
    } catch (e) {
      bar.done();
      if (!(e instanceof transfer.TransferError)) throw e;
      await m.db.db.updateTable('transfer_imports').set({ status: 'failed', finished_at: Date.now(), updated_at: Date.now(), error_key: e.key, error_params: JSON.stringify(e.params) }).where('id', '=', importId).execute();
      console.error(translate(locale, e.key, e.params));
      if (e.key !== 'transfer.error.no_file') console.error(translate(locale, 'transfer.cli.resume', { command: `maillage import ${JSON.stringify(file).slice(1, -1)}${o.files ? ` --files ${o.files}` : ''}${o.prerender ? ' --prerender' : ''}` }));
      return 1;
    }
  } finally {
    await (await reader)?.close();
    await m.close();
  }
}
