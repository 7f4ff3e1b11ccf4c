import { titleUrl } from '../../markup/index.ts';
import { isoTimestamp } from '../params.ts';
import type { PropModule } from './types.ts';

const PROPS = ['protection', 'talkid', 'watched', 'watchers', 'visitingwatchers', 'notificationtimestamp', 'subjectid', 'associatedpage', 'url', 'readable', 'preload', 'displaytitle', 'varianttitles', 'linkclasses'] as const;

/** prop=info: page metadata, and with inprop=url|protection|displaytitle their fields. */
export const propInfo: PropModule = {
  name: 'info',
  prefix: 'in',
  parameters: ['prop'],
  async run(call, p, pages) {
    const props = new Set(p.multiEnum('prop', PROPS));
    const origin = new URL(call.deps.publicUrl).origin;
    for (const pg of pages) {
      const e = pg.entry;
      if (e.kind === 'invalid' || e.kind === 'missingid') continue;
      const title = e.kind === 'page' ? e.page.title : e.title;
      if (e.kind === 'page') {
        const page = e.page;
        Object.assign(pg.out, {
          contentmodel: page.contentModel,
          pagelanguage: 'fr',
          pagelanguagehtmlcode: 'fr',
          pagelanguagedir: 'ltr',
          touched: isoTimestamp(page.touchedAt),
          lastrevid: page.latestRevId,
          length: page.length,
        });
        if (page.isRedirect) pg.out.redirect = true;
      } else if (e.kind === 'missing') {
        Object.assign(pg.out, { contentmodel: 'wikitext', pagelanguage: 'fr', pagelanguagehtmlcode: 'fr', pagelanguagedir: 'ltr' });
      }
      if (props.has('protection')) {
        const level = e.kind === 'page' ? e.page.protectEdit : null;
        pg.out.protection = level ? [{ type: 'edit', level, expiry: 'infinity' }, { type: 'move', level, expiry: 'infinity' }] : [];
        pg.out.restrictiontypes = ['edit', 'move'];
      }
      if (props.has('url')) {
        const url = `${origin}${titleUrl(title)}`;
        Object.assign(pg.out, { fullurl: url, editurl: `${url}?action=edit`, canonicalurl: url });
      }
      if (props.has('displaytitle')) pg.out.displaytitle = title.full;
      if (props.has('readable')) pg.out.readable = true;
    }
    return {};
  },
};
