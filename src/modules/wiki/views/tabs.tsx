import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { subjectOf, talkOf, titleUrl, type Title } from '../../markup/index.ts';

export type TabName = 'read' | 'edit' | 'history' | 'move' | 'delete' | 'protect' | 'talk' | 'subject';

interface TabsProps {
  ctx: RequestContext;
  title: Title;
  current: TabName;
  exists: boolean;
  canEdit: boolean;
}

/** Page tabs as MediaWiki arranges them: namespaces (page / talk) and views (read, edit, history, actions). */
export function PageTabs({ ctx, title, current, exists, canEdit }: TabsProps): Raw {
  const subject = subjectOf(title);
  const talk = talkOf(title);
  const onTalk = talk !== undefined && talk.key === title.key;
  const url = titleUrl(title);
  const views: Array<{ name: TabName; href: string; label: string; show: boolean }> = [
    { name: 'read', href: url, label: ctx.t('wiki.tab.read'), show: exists },
    { name: 'edit', href: `${url}?action=edit`, label: ctx.t(exists ? 'wiki.tab.edit' : 'wiki.tab.create'), show: canEdit },
    { name: 'history', href: `${url}?action=history`, label: ctx.t('wiki.tab.history'), show: exists },
    { name: 'move', href: `${url}?action=move`, label: ctx.t('wiki.tab.move'), show: exists && ctx.abilities.has('pages.move') },
    { name: 'protect', href: `${url}?action=protect`, label: ctx.t('wiki.tab.protect'), show: exists && ctx.abilities.has('pages.protect') },
    { name: 'delete', href: `${url}?action=delete`, label: ctx.t('wiki.tab.delete'), show: exists && ctx.abilities.has('pages.delete') },
  ];
  return (
    <nav class="page-tabs" aria-label={ctx.t('wiki.tabs')}>
      <ul class="tabs-namespaces">
        <li><a href={titleUrl(subject)} aria-current={!onTalk ? 'page' : undefined}>{ctx.t(subject.namespace === 0 ? 'wiki.tab.page' : 'wiki.tab.subject')}</a></li>
        {talk ? <li><a href={titleUrl(talk)} aria-current={onTalk ? 'page' : undefined}>{ctx.t('wiki.tab.talk')}</a></li> : null}
      </ul>
      <ul class="tabs-views">
        {views.filter((v) => v.show).map((v) => (
          <li><a href={v.href} aria-current={v.name === current ? 'page' : undefined}>{v.label}</a></li>
        ))}
      </ul>
    </nav>
  );
}
