import { escapeHtml } from '#jsx/jsx-runtime';
import { titleUrl } from '../../markup/index.ts';
import type { RecentChange } from '../queries.ts';

/** Recent changes as an Atom 1.0 feed (RFC 4287). */
export function atomFeed(changes: RecentChange[], opts: { publicUrl: string; title: string; selfPath: string }): string {
  const x = escapeHtml;
  const updated = new Date(changes[0]?.createdAt ?? 0).toISOString();
  const entries = changes.map((c) => {
    const url = `${opts.publicUrl}${titleUrl(c.title)}${c.revId && c.oldRevId ? `?diff=${c.revId}&oldid=${c.oldRevId}` : ''}`;
    return [
      '<entry>',
      `<id>${x(`${opts.publicUrl}/rc/${c.id}`)}</id>`,
      `<title>${x(c.title.full)}</title>`,
      `<link rel="alternate" type="text/html" href="${x(url)}"/>`,
      `<updated>${new Date(c.createdAt).toISOString()}</updated>`,
      `<author><name>${x(c.authorName)}</name></author>`,
      `<summary type="text">${x(c.summary)}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-CA">',
    `<id>${x(`${opts.publicUrl}/wiki/Spécial:Modifications_récentes`)}</id>`,
    `<title>${x(opts.title)}</title>`,
    `<link rel="self" type="application/atom+xml" href="${x(opts.publicUrl + opts.selfPath)}"/>`,
    `<link rel="alternate" type="text/html" href="${x(`${opts.publicUrl}/wiki/Spécial:Modifications_récentes`)}"/>`,
    `<updated>${updated}</updated>`,
    ...entries,
    '</feed>',
  ].join('\n');
}
