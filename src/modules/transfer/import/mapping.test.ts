import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { authorName, mapModel, mapTitle, parseTimestamp } from './mapping.ts';
import { DumpSyntaxError, readDump, type DumpEvent, type SiteInfo } from './reader.ts';

const english: SiteInfo = {
  sitename: 'Old wiki', dbname: 'old', base: '',
  namespaces: new Map([[0, ''], [1, 'Talk'], [2, 'User'], [4, 'Old wiki'], [6, 'File'], [8, 'MediaWiki'], [10, 'Template'], [14, 'Category'], [828, 'Module']]),
};

async function events(xml: string, chunk = 7): Promise<DumpEvent[]> {
  const out: DumpEvent[] = [];
  const parts: Buffer[] = [];
  const bytes = Buffer.from(xml);
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  await readDump(Readable.from(parts), async (e) => { out.push(e); });
  return out;
}

describe('dump names -> Maillage titles', () => {
  it('maps namespaces by number, whatever the dump calls them', () => {
    expect(mapTitle('Category:Chantiers actifs', 14, english)?.full).toBe('Catégorie:Chantiers actifs');
    expect(mapTitle('Template:Infobox', 10, english)?.full).toBe('Modèle:Infobox');
    expect(mapTitle('Old wiki:À propos', 4, english)?.full).toBe('Maillage:À propos');
    expect(mapTitle('Talk:Accueil', 1, english)?.full).toBe('Discussion:Accueil');
    expect(mapTitle('Kategorie:Wald', 14, undefined)?.full).toBe('Catégorie:Wald');
  });

  it('keeps namespaces it does not have as a prefix in the main namespace', () => {
    const t = mapTitle('MediaWiki:Sidebar', 8, english);
    expect(t).toMatchObject({ namespace: 0, text: 'MediaWiki:Sidebar' });
    expect(mapTitle('Module:Date', 828, english)).toMatchObject({ namespace: 0, text: 'Module:Date' });
  });

  it('maps a wiki\'s own namespaces (100 and up) only when their names agree with ours', () => {
    const portal: SiteInfo = { ...english, namespaces: new Map([...english.namespaces, [100, 'Portail'], [102, 'Chantier']]) };
    expect(mapTitle('Portail:Culture', 100, portal)).toMatchObject({ namespace: 0, text: 'Portail:Culture' });
    expect(mapTitle('Chantier:Almanach', 102, portal)?.namespace).toBe(102);
    expect(mapTitle('Chantier:Almanach', 102, portal)?.full).toBe('Chantier:Almanach');
  });

  it('reads the namespace from the prefix in dumps without <ns> (before 0.6)', () => {
    expect(mapTitle('Category:Forêts', undefined, english)).toMatchObject({ namespace: 14, text: 'Forêts' });
    expect(mapTitle('Plain page', undefined, english)).toMatchObject({ namespace: 0, text: 'Plain page' });
  });

  it('refuses titles that are not valid here', () => {
    expect(mapTitle('Bad [[title]]', 0, english)).toBeUndefined();
  });

  it('maps models, authors and timestamps', () => {
    expect([mapModel(undefined), mapModel('wikitext'), mapModel('markdown'), mapModel('css')]).toEqual(['wikitext', 'wikitext', 'markdown', 'wikitext']);
    expect([authorName({ username: 'Awa', deleted: false }), authorName({ ip: '192.0.2.1', deleted: false }), authorName({ deleted: true })]).toEqual(['Awa', '192.0.2.1', 'Unknown user']);
    expect(parseTimestamp('2024-01-31T12:00:00Z')).toBe(Date.UTC(2024, 0, 31, 12));
    expect(parseTimestamp('jamais')).toBeUndefined();
  });
});

describe('streaming reader', () => {
  it('reads an old (0.3) dump in tiny chunks: no <ns>, model after text, CDATA and entities', async () => {
    const xml = `<mediawiki version="0.3" xml:lang="en"><siteinfo><sitename>Old</sitename><namespaces><namespace key="14">Category</namespace></namespaces></siteinfo>
<page><title>Category:Forêts &amp; bois</title><id>4</id><revision><id>7</id><timestamp>2006-05-01T00:00:00Z</timestamp><contributor><ip>192.0.2.9</ip></contributor><minor/><text xml:space="preserve">A &lt;b&gt; <![CDATA[<raw>]]> é 🎉</text><model>wikitext</model></revision></page></mediawiki>`;
    const got = await events(xml);
    expect(got.map((e) => e.kind)).toEqual(['siteinfo', 'page', 'revision', 'endpage']);
    const rev = got[2]!;
    if (rev.kind !== 'revision') throw new Error('revision expected');
    expect(rev.page).toMatchObject({ title: 'Category:Forêts & bois', id: 4 });
    expect(rev.page.ns).toBeUndefined();
    expect(rev.revision).toMatchObject({ id: 7, minor: true, model: 'wikitext', text: 'A <b> <raw> é 🎉', contributor: { ip: '192.0.2.9' } });
  });

  it('reports the line and column of malformed XML after handing over what came before', async () => {
    const xml = '<mediawiki>\n<page><title>A</title><ns>0</ns><revision><id>1</id><timestamp>2020-01-01T00:00:00Z</timestamp><text>x</text></revision></page>\n<page><title>B</title>\n<ns>0</ns></titre>\n</page></mediawiki>';
    const seen: string[] = [];
    const err = await readDump(Readable.from([Buffer.from(xml)]), async (e) => { seen.push(e.kind); }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DumpSyntaxError);
    expect((err as DumpSyntaxError).line).toBe(4);
    expect((err as DumpSyntaxError).column).toBeGreaterThan(10);
    expect(seen).toEqual(['page', 'revision', 'endpage']);
  });
});

describe('compressed dumps', () => {
  it('reads .bz2 and .gz by their magic bytes, and reports a truncated one as such', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const zlib = await import('node:zlib');
    const { openDump, CompressedDataError } = await import('./source.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-compressed-'));
    const bz2 = fs.readFileSync(new URL('../../../../test/fixtures/mediawiki-1.39-export-sample.xml.bz2', import.meta.url));
    const xml = fs.readFileSync('/work/shared/data/mediawiki-1.39-export-sample.xml', 'utf8');
    const files = { bz2: path.join(dir, 'a.dat'), gz: path.join(dir, 'b.xml.bz2'), cut: path.join(dir, 'c.xml.bz2'), cutgz: path.join(dir, 'd.xml.gz') };
    fs.writeFileSync(files.bz2, bz2);
    fs.writeFileSync(files.gz, zlib.gzipSync(xml)); // the name says bzip2, the bytes say gzip
    fs.writeFileSync(files.cut, bz2.subarray(0, 1500));
    fs.writeFileSync(files.cutgz, zlib.gzipSync(xml).subarray(0, 1000));
    const read = async (file: string) => {
      const d = await openDump(file);
      let revisions = 0;
      await readDump(d.stream, async (e) => { if (e.kind === 'revision') revisions++; });
      return { compression: d.compression, revisions };
    };
    expect(await read(files.bz2)).toEqual({ compression: 'bzip2', revisions: 7 });
    expect(await read(files.gz)).toEqual({ compression: 'gzip', revisions: 7 });
    await expect(read(files.cut)).rejects.toBeInstanceOf(CompressedDataError);
    await expect(read(files.cutgz)).rejects.toBeInstanceOf(CompressedDataError);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
