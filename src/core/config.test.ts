import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.database.kind).toBe('sqlite');
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
  });
  it('leaves the file store to the engine unless FILE_STORAGE says, and reads the upload limit in MB', () => {
    expect(loadConfig({})).toMatchObject({ fileStorage: undefined, uploadMaxBytes: 10 * 1024 * 1024 });
    expect(loadConfig({ FILE_STORAGE: 'database', UPLOAD_MAX_MB: '2.5' })).toMatchObject({ fileStorage: 'database', uploadMaxBytes: 2.5 * 1024 * 1024 });
    expect(() => loadConfig({ FILE_STORAGE: 's3' })).toThrow(ConfigError);
  });
  it('fails fast with every problem listed', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect(String((e as Error).message)).toMatch(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
    }
  });
});
