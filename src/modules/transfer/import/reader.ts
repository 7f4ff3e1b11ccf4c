import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';

/** What a MediaWiki dump says, element by element (export schemas 0.3 to 0.11). */
export interface SiteInfo {
  sitename: string;
  dbname: string;
  base: string;
  /** Namespace number -> its name in the dump's language ('' for the main namespace). */
  namespaces: Map<number, string>;
}

export interface Contributor {
  username?: string;
  id?: number;
  ip?: string;
  deleted: boolean;
}

export interface DumpPage {
  title: string;
  /** Absent in dumps older than 0.6. */
  ns?: number;
  id?: number;
  redirect?: string;
}

export interface DumpRevision {
  id?: number;
  parentId?: number;
  timestamp: string;
  contributor: Contributor;
  minor: boolean;
  comment: string;
  model?: string;
  format?: string;
  text: string;
  textDeleted: boolean;
  sha1?: string;
  /** sha1Base36 of the content stored (the text, or nothing when deleted), when the reader thread computed it. */
  contentSha1?: string;
  /** UTF-8 length of that content, when the reader thread computed it. */
  contentSize?: number;
}

export interface DumpUpload {
  timestamp: string;
  contributor: Contributor;
  comment: string;
  filename: string;
  src: string;
  size: number;
}

export type DumpEvent =
  | { kind: 'siteinfo'; site: SiteInfo }
  | { kind: 'page'; page: DumpPage }
  | { kind: 'revision'; page: DumpPage; revision: DumpRevision }
  | { kind: 'upload'; page: DumpPage; upload: DumpUpload }
  | { kind: 'endpage'; page: DumpPage };

/** Malformed XML: where the parser stopped (1-based line and column) and why. */
export class DumpSyntaxError extends Error {
  constructor(readonly line: number, readonly column: number, readonly detail: string) {
    super(`${line}:${column}: ${detail}`);
    this.name = 'DumpSyntaxError';
  }
}

/**
 * A copy of `s` that shares no memory with the parser's input: saxes hands out slices of the
 * decoded chunk (up to 512 KB), and one kept slice (an author's name in a cache, say) would keep
 * the whole chunk alive. V8 copies strings shorter than 13 characters anyway.
 */
function detach(s: string): string {
  // Slicing a concatenation makes V8 flatten it into a new string first (one memory copy).
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

const LEAVES = new Set(['sitename', 'dbname', 'base', 'namespace', 'title', 'ns', 'id', 'parentid', 'timestamp', 'username', 'ip', 'comment', 'model', 'format', 'text', 'sha1', 'filename', 'src', 'size']);

/**
 * Reads a dump as a stream of events with constant memory: one revision's text at a time.
 * Events are handed to `handle` in order and awaited (back-pressure: the next chunk is parsed
 * only once the events of the previous one are handled). Malformed XML throws DumpSyntaxError
 * after every event before the fault was handled.
 */
export async function readDump(stream: Readable, handle: (e: DumpEvent) => Promise<void>): Promise<void> {
  const parser = new SaxesParser({ position: true });
  const queue: DumpEvent[] = [];
  const stack: string[] = [];
  let text: string[] = [];
  let failure: DumpSyntaxError | undefined;
  let site: SiteInfo | undefined;
  let page: DumpPage | undefined;
  let rev: DumpRevision | undefined;
  let upload: DumpUpload | undefined;
  let contributor: Contributor | undefined;
  let nsKey = 0;
  let pageAnnounced = false;

  // Past the first fault nothing more is handed over: the parser goes on, its events are unreliable.
  const push = (e: DumpEvent) => {
    if (!failure) queue.push(e);
  };
  const announce = () => {
    if (page && !pageAnnounced) {
      push({ kind: 'page', page });
      pageAnnounced = true;
    }
  };

  parser.on('error', (err) => {
    if (!failure) failure = new DumpSyntaxError(parser.line, parser.column, err.message.replace(/^\d+:\d+: /, ''));
  });
  parser.on('opentag', (tag) => {
    settle();
    const name = tag.name;
    const parent = stack.at(-1);
    stack.push(name);
    text = [];
    const attr = (n: string) => { const v = tag.attributes[n]; return typeof v === 'string' ? v : undefined; };
    switch (name) {
      case 'siteinfo': site = { sitename: '', dbname: '', base: '', namespaces: new Map() }; break;
      case 'namespace': nsKey = Number(attr('key') ?? 0); break;
      case 'page': page = { title: '' }; pageAnnounced = false; break;
      case 'redirect': if (page && parent === 'page') page.redirect = attr('title') ?? ''; break;
      case 'revision':
        announce();
        rev = { timestamp: '', contributor: { deleted: false }, minor: false, comment: '', text: '', textDeleted: false };
        break;
      case 'upload':
        announce();
        upload = { timestamp: '', contributor: { deleted: false }, comment: '', filename: '', src: '', size: 0 };
        break;
      case 'contributor':
        contributor = { deleted: attr('deleted') === 'deleted' };
        if (rev) rev.contributor = contributor;
        if (upload) upload.contributor = contributor;
        break;
      case 'minor': if (rev) rev.minor = true; break;
      case 'text': if (rev && attr('deleted') === 'deleted') rev.textDeleted = true; break;
    }
  });
  parser.on('text', (t) => { settle(); if (LEAVES.has(stack.at(-1) ?? '')) text.push(t); });
  parser.on('cdata', (t) => { settle(); if (LEAVES.has(stack.at(-1) ?? '')) text.push(t); });
  // On an unmatched end tag, saxes closes the open elements one by one, reporting the fault right
  // after each: an end tag is handled only once the parser has moved on without complaint.
  let pendingClose: { name: string } | undefined;
  const settle = () => {
    const tag = pendingClose;
    pendingClose = undefined;
    if (tag && !failure) closeTag(tag);
  };
  parser.on('closetag', (tag) => {
    settle();
    pendingClose = tag;
  });
  const closeTag = (tag: { name: string }) => {
    const name = tag.name;
    stack.pop();
    const parent = stack.at(-1);
    const value = detach(text.length === 1 ? text[0]! : text.join(''));
    text = [];
    if (parent === 'siteinfo' && site && (name === 'sitename' || name === 'dbname' || name === 'base')) site[name] = value;
    else if (name === 'namespace' && parent === 'namespaces' && site) site.namespaces.set(nsKey, value);
    else if (name === 'siteinfo' && site) push({ kind: 'siteinfo', site });
    else if (parent === 'contributor' && contributor) {
      if (name === 'username') contributor.username = value;
      else if (name === 'id') contributor.id = Number(value);
      else if (name === 'ip') contributor.ip = value;
    } else if (parent === 'revision' && rev) {
      switch (name) {
        case 'id': rev.id = Number(value); break;
        case 'parentid': rev.parentId = Number(value); break;
        case 'timestamp': rev.timestamp = value; break;
        case 'comment': rev.comment = value; break;
        case 'model': rev.model = value; break;
        case 'format': rev.format = value; break;
        case 'text': rev.text = value; break;
        case 'sha1': rev.sha1 = value; break;
      }
    } else if (parent === 'upload' && upload) {
      switch (name) {
        case 'timestamp': upload.timestamp = value; break;
        case 'comment': upload.comment = value; break;
        case 'filename': upload.filename = value; break;
        case 'src': upload.src = value; break;
        case 'size': upload.size = Number(value); break;
      }
    } else if (parent === 'page' && page) {
      if (name === 'title') page.title = value;
      else if (name === 'ns') page.ns = Number(value);
      else if (name === 'id') page.id = Number(value);
      else if (name === 'revision' && rev) { push({ kind: 'revision', page, revision: rev }); rev = undefined; }
      else if (name === 'upload' && upload) { push({ kind: 'upload', page, upload }); upload = undefined; }
    } else if (name === 'contributor') contributor = undefined;
    else if (name === 'page' && page) {
      announce();
      push({ kind: 'endpage', page });
      page = undefined;
    }
    if (name === 'contributor') contributor = undefined;
  };

  const drain = async () => {
    for (let i = 0; i < queue.length; i++) await handle(queue[i]!);
    queue.length = 0;
  };
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    parser.write(decoder.write(chunk as Buffer));
    settle();
    await drain();
    if (failure) break;
  }
  if (!failure) {
    const rest = decoder.end();
    if (rest) parser.write(rest);
    parser.close();
    settle();
    await drain();
  }
  if (failure) {
    stream.destroy();
    throw failure;
  }
}
