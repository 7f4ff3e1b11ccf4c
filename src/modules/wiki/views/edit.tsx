import { raw, type Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { CsrfField, ErrorSummary, errorText, type FormState } from '../../../core/layout/components.tsx';
import { JsonData } from '../../../core/layout/json-data.tsx';
import type { MessageKey } from '../../../core/i18n/index.ts';
import { titleUrl, type ContentModel, type Title } from '../../markup/index.ts';
import type { DiffRow } from '../diff.ts';
import { DiffTable } from './diff-table.tsx';
import { draftPrefix, EDITOR_ASSETS } from './drafts.ts';
import { PageTabs } from './tabs.tsx';

export interface EditModel {
  title: Title;
  exists: boolean;
  /** The page's content model: wikitext pages get the source editor only. */
  contentModel: ContentModel;
  text: string;
  summary: string;
  minor: boolean;
  baseRevId: number | null;
  section?: number | 'new';
  sectionTitle?: string;
  preview?: { html: string };
  conflict?: { currentText: string; diff: DiffRow[] };
  form: FormState;
}

/** Messages of the editing island (src/client/editor), sent translated with the page. */
const EDITOR_MESSAGES: MessageKey[] = [
  'editor.mode.legend', 'editor.mode.visual', 'editor.mode.source', 'editor.toolbar',
  'editor.format.h2', 'editor.format.h3', 'editor.format.bold', 'editor.format.italic', 'editor.format.bullet_list',
  'editor.format.ordered_list', 'editor.format.quote', 'editor.format.wiki_link',
  'editor.link.heading', 'editor.link.target', 'editor.link.text', 'editor.link.insert', 'editor.link.cancel',
  'suggest.label', 'suggest.none', 'suggest.one', 'suggest.many',
  'editor.markdown_block', 'editor.raw_blocks', 'editor.source_default', 'editor.visual_unavailable', 'editor.wikitext',
  'editor.draft.found', 'editor.draft.restore', 'editor.draft.ignore', 'editor.draft.restored', 'editor.draft.ignored', 'editor.draft.saved',
];

export function EditPage({ ctx, m }: { ctx: RequestContext; m: EditModel }): Raw {
  const heading = ctx.t(m.exists ? (m.section !== undefined ? 'wiki.edit.section_heading' : 'wiki.edit.heading') : 'wiki.edit.create_heading', { title: m.title.full });
  const summaryError = m.form.errors.summary;
  return (
    <Layout ctx={ctx} title={heading} {...EDITOR_ASSETS}>
      <PageTabs ctx={ctx} title={m.title} current="edit" exists={m.exists} canEdit />
      <h1 id="firstHeading">{heading}</h1>
      <ErrorSummary ctx={ctx} form={m.form} labels={{ text: ctx.t('wiki.edit.text'), summary: ctx.t('wiki.edit.summary') }} />
      {m.conflict ? (
        <section class="edit-conflict" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">{ctx.t('wiki.conflict.heading')}</h2>
          <p>{ctx.t('wiki.conflict.explain')}</p>
          <h3>{ctx.t('wiki.conflict.diff')}</h3>
          <DiffTable ctx={ctx} rows={m.conflict.diff} oldLabel={ctx.t('wiki.conflict.current')} newLabel={ctx.t('wiki.conflict.yours')} />
          <label for="current-text">{ctx.t('wiki.conflict.current')}</label>
          <textarea id="current-text" class="wiki-text" rows="12" readonly>{m.conflict.currentText}</textarea>
        </section>
      ) : null}
      {m.preview ? (
        <section class="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{ctx.t('wiki.edit.preview_heading')}</h2>
          <p class="muted">{ctx.t('wiki.edit.preview_note')}</p>
          <div class="page-content" lang="fr-CA">{raw(m.preview.html)}</div>
        </section>
      ) : null}
      <form method="post" action={`${titleUrl(m.title)}?action=submit`} class="edit-form" id="editform" data-model={m.contentModel} data-autosave={`${draftPrefix(m.title)}${m.section ?? 'all'}`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="base_rev" value={m.baseRevId ?? ''} />
        {m.section !== undefined ? <input type="hidden" name="section" value={String(m.section)} /> : null}
        {m.section === 'new' ? (
          <div class="field">
            <label for="f-section_title">{ctx.t('wiki.edit.section_title')}</label>
            <input id="f-section_title" name="section_title" type="text" value={m.sectionTitle ?? ''} />
          </div>
        ) : null}
        <div class={m.form.errors.text ? 'field field-error' : 'field'}>
          <label for="f-text" id="f-text-label">{ctx.t(m.conflict ? 'wiki.conflict.yours' : 'wiki.edit.text')}</label>
          {m.form.errors.text ? <p class="error" id="f-text-error">{errorText(ctx, m.form.errors.text, m.form.params)}</p> : null}
          <textarea id="f-text" name="text" class="wiki-text" rows="25" spellcheck="true" lang="fr-CA" aria-describedby={m.form.errors.text ? 'f-text-error' : undefined}>{m.text}</textarea>
        </div>
        <div class={summaryError ? 'field field-error' : 'field'}>
          <label for="f-summary">{ctx.t('wiki.edit.summary')}</label>
          {summaryError ? <p class="error" id="f-summary-error">{errorText(ctx, summaryError, m.form.params)}</p> : null}
          <input id="f-summary" name="summary" type="text" maxlength="500" value={m.summary} aria-describedby={summaryError ? 'f-summary-error' : undefined} />
        </div>
        {m.exists ? (
          <div class="choice">
            <input id="f-minor" name="minor" type="checkbox" value="1" checked={m.minor} />
            <label for="f-minor">{ctx.t('wiki.edit.minor')}</label>
          </div>
        ) : null}
        <div class="form-actions">
          <button type="submit" name="do" value="save" class="button">{ctx.t(m.exists ? 'wiki.edit.save' : 'wiki.edit.create')}</button>{' '}
          <button type="submit" name="do" value="preview" class="button secondary">{ctx.t('wiki.edit.preview')}</button>{' '}
          <a href={titleUrl(m.title)}>{ctx.t('wiki.edit.cancel')}</a>
        </div>
      </form>
      <JsonData id="editor-i18n" data={Object.fromEntries(EDITOR_MESSAGES.map((k) => [k, ctx.t(k)]))} />
    </Layout>
  );
}
