import { describe, expect, it } from 'vitest';
import { sha1Base36 } from '../wiki/index.ts';
import { legacyBooleans } from './output.ts';
import { flattenParams, isoTimestamp, mwTimestamp, Params, parseTimestamp, splitMulti } from './params.ts';
import { sha1Hex } from './query/content.ts';
import { ANON_TOKEN, apiTokens } from './tokens.ts';
import { Warnings } from './warnings.ts';

const params = (raw: Record<string, string>, high = false) => new Params(raw, new Warnings(), high, 'query+allpages', 'ap');

describe('api.php parameters', () => {
  it('split multi-values on pipes, or on \\x1f when the first character is one', () => {
    expect(splitMulti('a|b|c')).toEqual(['a', 'b', 'c']);
    expect(splitMulti('\x1fa|b\x1fc')).toEqual(['a|b', 'c']);
    expect(splitMulti('')).toEqual([]);
  });

  it('keep the last of repeated values and read numbers as strings', () => {
    expect(flattenParams({ a: ['1', '2'], b: 3, c: { x: 1 } }, { a: '9' })).toEqual({ a: '9', b: '3' });
  });

  it('read limits: max by right, values over the maximum lowered with a warning', () => {
    expect(params({ aplimit: 'max' }).limit('limit', { def: 10, max: 500, highMax: 5000 })).toBe(500);
    expect(params({ aplimit: 'max' }, true).limit('limit', { def: 10, max: 500, highMax: 5000 })).toBe(5000);
    const p = params({ aplimit: '900' });
    expect(p.limit('limit', { def: 10, max: 500, highMax: 5000 })).toBe(500);
    expect(p.warnings.legacy(2)).toEqual({ 'query+allpages': { warnings: '"aplimit" may not be over 500 (set to 900) for users; using 500.' } });
    expect(() => params({ aplimit: 'dix' }).limit('limit', { def: 10, max: 500, highMax: 5000 })).toThrow(expect.objectContaining({ code: 'badinteger' }));
  });

  it('treat a boolean as true whenever it is present, as MediaWiki', () => {
    expect(params({ apredirects: '' }).bool('redirects')).toBe(true);
    expect(params({ apredirects: '0' }).bool('redirects')).toBe(true);
    expect(params({}).bool('redirects')).toBe(false);
  });

  it('read timestamps in ISO 8601, MediaWiki’s 14 digits or Unix seconds, and print them at the second', () => {
    const at = Date.UTC(2026, 10, 21, 12, 0, 0);
    expect(parseTimestamp('2026-11-21T12:00:00Z')).toBe(at);
    expect(parseTimestamp('20261121120000')).toBe(at);
    expect(parseTimestamp(String(at / 1000))).toBe(at);
    expect(parseTimestamp('hier')).toBeUndefined();
    expect(isoTimestamp(at + 456)).toBe('2026-11-21T12:00:00Z');
    expect(mwTimestamp(at)).toBe('20261121120000');
  });
});

describe('api.php output', () => {
  it('prints SHA-1 in hex from the stored base 36', () => {
    expect(sha1Hex(sha1Base36('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex(sha1Base36(''))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });

  it('prints formatversion 1 booleans as "" and drops false ones', () => {
    expect(legacyBooleans({ a: true, b: false, c: [{ d: true }], e: 0 })).toEqual({ a: '', c: [{ d: '' }], e: 0 });
  });
});

describe('api.php tokens', () => {
  it('are "+\\" for anonymous users except login, and bound to the form token and the session', () => {
    const anon = apiTokens('form-token', undefined);
    expect(anon.get('csrf')).toBe(ANON_TOKEN);
    expect(anon.get('login')).toMatch(/^[\w-]+\+\\$/);
    const user = apiTokens('form-token', 'web:s1');
    expect(user.get('csrf')).not.toBe(apiTokens('form-token', 'web:s2').get('csrf'));
    expect(user.get('csrf')).not.toBe(apiTokens('other-cookie', 'web:s1').get('csrf'));
    expect(user.get('csrf')).not.toBe(user.get('watch'));
    expect(user.check('csrf', user.get('csrf'))).toBe(true);
    expect(user.check('csrf', ANON_TOKEN)).toBe(false);
  });
});
