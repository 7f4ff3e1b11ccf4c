import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Raw } from '#jsx/jsx-runtime';
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/http/context.ts';
import { formAction } from '../../core/http/forms.ts';
import { formBody, formString, redirectWithNotice, sendPage } from '../../core/http/render.ts';
import type { FormState } from '../../core/layout/components.tsx';
import { parseForm } from '../../core/validation.ts';
import { can } from '../accounts/index.ts';
import { parseTitle, titleUrl } from '../markup/index.ts';
import { sendCsv, sendJson } from './export.ts';
import { CONTRIBUTE } from './lifecycle.ts';
import type { NetworkDeps, NetworkService } from './service.ts';
import { NAMESPACE_NAMES } from './types.ts';

type Query = Record<string, string | undefined>;

/** One page entity's routes: list with filters, JSON and CSV exports, and the fields forms (new, edit). */
export interface EntitySpec<F, R> {
  /** `/reseau/projets` */
  base: string;
  /** The form that creates one: `nouveau`, `nouvelle`. */
  newSegment: string;
  namespace: number;
  exportName: string;
  filterNames: readonly string[];
  list(filter: Record<string, string>): Promise<R[]>;
  records(rows: R[], base: string): unknown;
  csv(rows: R[], base: string): string;
  listView(ctx: RequestContext, rows: R[], filter: Record<string, string>, qs: string): Raw | Promise<Raw>;
  /** `body`: the request's form body when showing it again (repeated fields such as checkboxes). */
  formView(ctx: RequestContext, form: FormState, body: Record<string, unknown> | undefined, editing?: string, baseRevId?: number): Raw;
  schema: z.ZodType<F>;
  source(fields: F, body: string): string;
  read(source: string, titleText: string): { fields: F };
  values(fields: F): Record<string, string>;
  name(fields: F): string;
}

export function entityRoutes<F, R>(deps: NetworkDeps, service: NetworkService, publicUrl: string, spec: EntitySpec<F, R>) {
  const base = publicUrl.replace(/\/$/, '');
  const mayContribute = (request: FastifyRequest) => {
    if (!can(request.ctx.actor, CONTRIBUTE)) throw new AppError(request.ctx.actor.kind === 'user' ? 'forbidden' : 'login_required');
  };
  const filtered = async (query: Query) => {
    const values: Record<string, string> = {};
    for (const n of spec.filterNames) if (typeof query[n] === 'string' && query[n] !== '') values[n] = query[n];
    return { values, qs: new URLSearchParams(values).toString(), rows: await spec.list(values) };
  };
  const keyOf = (request: FastifyRequest) => ((request.params as { '*'?: string })['*'] ?? '').replace(/ /g, '_');
  const summaryOf = (request: FastifyRequest, body: Record<string, unknown>) => formString(body.summary).trim() || request.ctx.t('network.summary.fields');

  return async (app: FastifyInstance) => {
    app.get(spec.base, async (request, reply) => {
      const f = await filtered(request.query as Query);
      return sendPage(reply, await spec.listView(request.ctx, f.rows, f.values, f.qs));
    });
    app.get(`${spec.base}.json`, async (request, reply) => sendJson(reply, spec.exportName, spec.records((await filtered(request.query as Query)).rows, base)));
    app.get(`${spec.base}.csv`, async (request, reply) => sendCsv(reply, spec.exportName, spec.csv((await filtered(request.query as Query)).rows, base)));

    app.get(`${spec.base}/${spec.newSegment}`, async (request, reply) => {
      mayContribute(request);
      return sendPage(reply, spec.formView(request.ctx, { values: {}, errors: {} }, undefined));
    });
    app.post(`${spec.base}/${spec.newSegment}`, async (request, reply) => {
      const body = formBody(request);
      return formAction(request, reply, async () => {
        const f = parseForm(spec.schema, body);
        const title = await service.saveEntity(request.ctx.actor, { namespace: spec.namespace, name: spec.name(f), source: (b) => spec.source(f, b), body: formString(body.text), baseRevId: null, summary: summaryOf(request, body) });
        return redirectWithNotice(reply, titleUrl(title), 'saved');
      }, (form, status) => sendPage(reply, spec.formView(request.ctx, form, body), status));
    });

    app.get(`${spec.base}/modifier/*`, async (request, reply) => {
      mayContribute(request);
      const key = keyOf(request);
      const t = parseTitle(`${NAMESPACE_NAMES[spec.namespace]}:${key}`);
      const page = t.ok && t.title.namespace === spec.namespace ? await deps.wiki.page(t.title) : undefined;
      const rev = page ? await deps.wiki.revision(page.latestRevId) : undefined;
      if (!t.ok || !rev) throw new AppError('not_found');
      const { fields } = spec.read(rev.content, t.title.text);
      return sendPage(reply, spec.formView(request.ctx, { values: spec.values(fields), errors: {} }, undefined, key, rev.id));
    });
    app.post(`${spec.base}/modifier/*`, async (request, reply) => {
      const key = keyOf(request);
      const body = formBody(request);
      const baseRevId = Number(formString(body.base_rev)) || null;
      return formAction(request, reply, async () => {
        const f = parseForm(spec.schema, body);
        const title = await service.saveEntity(request.ctx.actor, { namespace: spec.namespace, existing: key, name: spec.name(f), source: (b) => spec.source(f, b), baseRevId, summary: summaryOf(request, body) });
        return redirectWithNotice(reply, titleUrl(title), 'saved');
      }, (form, status) => sendPage(reply, spec.formView(request.ctx, form, body, key, baseRevId ?? undefined), status));
    });
  };
}
