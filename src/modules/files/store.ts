import type { Executor } from '../../core/events.ts';
import type { AcceptedMime, FileVersion } from './types.ts';

type VersionRow = {
  id: number; file_name: string; storage_key: string; mime: string; size: number; width: number | null; height: number | null;
  sha1: string; user_id: number | null; user_name: string; created_at: number; comment: string;
};

const COLUMNS = ['id', 'file_name', 'storage_key', 'mime', 'size', 'width', 'height', 'sha1', 'user_id', 'user_name', 'created_at', 'comment'] as const;

function toVersion(r: VersionRow): FileVersion {
  return {
    id: r.id, fileName: r.file_name, storageKey: r.storage_key, mime: r.mime as AcceptedMime, size: r.size, width: r.width, height: r.height,
    sha1: r.sha1, userId: r.user_id, userName: r.user_name, createdAt: r.created_at, comment: r.comment,
  };
}

/** The files module's SQL, the same on both engines. Names are title keys without the namespace. */
export function filesStore(db: Executor) {
  return {
    async current(name: string): Promise<FileVersion | undefined> {
      const rows = await this.currentMany([name]);
      return rows[0];
    },

    async currentMany(names: readonly string[]): Promise<FileVersion[]> {
      const out: FileVersion[] = [];
      for (let i = 0; i < names.length; i += 500) {
        const rows = await db
          .selectFrom('files')
          .innerJoin('file_versions as v', 'v.id', 'files.current_version_id')
          .select(COLUMNS.map((c) => `v.${c}` as const))
          .where('files.name', 'in', names.slice(i, i + 500))
          .execute();
        out.push(...rows.map(toVersion));
      }
      return out;
    },

    async version(id: number): Promise<FileVersion | undefined> {
      const row = await db.selectFrom('file_versions').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toVersion(row) : undefined;
    },

    async history(name: string, limit: number): Promise<FileVersion[]> {
      const rows = await db.selectFrom('file_versions').select(COLUMNS).where('file_name', '=', name).orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toVersion);
    },

    async list(limit: number): Promise<FileVersion[]> {
      return this.currentMany(
        (await db.selectFrom('files').select('name').orderBy('updated_at', 'desc').limit(limit).execute()).map((r) => r.name),
      ).then((vs) => vs.sort((a, b) => b.createdAt - a.createdAt));
    },

    async insertVersion(v: Omit<FileVersion, 'id'>): Promise<number> {
      const row = await db
        .insertInto('file_versions')
        .values({
          file_name: v.fileName, storage_key: v.storageKey, mime: v.mime, size: v.size, width: v.width, height: v.height, sha1: v.sha1,
          user_id: v.userId, user_name: v.userName, created_at: v.createdAt, comment: v.comment,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Makes a version the current one, creating the file row on first upload. */
    async pointAt(name: string, versionId: number, now: number): Promise<void> {
      await db
        .insertInto('files')
        .values({ name, current_version_id: versionId, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('name').doUpdateSet({ current_version_id: versionId, updated_at: now }))
        .execute();
    },
  };
}
