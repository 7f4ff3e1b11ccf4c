import { formatDateIso } from '../../core/i18n/index.ts';
import { chantierForm, chantierSource, chantierValues, readChantier } from './chantier.ts';
import { entityRoutes } from './entity-routes.ts';
import { chantierCsv, chantierRecords, learningCsv, learningRecords, organisationCsv, organisationRecords, projectCsv, projectRecords, rencontreCsv, rencontreRecords } from './export.ts';
import { learningForm, learningSource, learningValues, readLearning } from './learning.ts';
import { organisationForm, organisationSource, organisationValues, readOrganisation } from './organisation.ts';
import { projectForm, projectSource, projectValues, readProject } from './project.ts';
import { readRencontre, rencontreForm, rencontreSource, rencontreValues } from './rencontre.ts';
import type { NetworkDeps, NetworkService } from './service.ts';
import { NS_CHANTIER, NS_LEARNING, NS_ORGANISATION, NS_PROJECT, NS_RENCONTRE } from './types.ts';
import { ChantierForm, ChantierList } from './views/chantiers.tsx';
import { valuesOf } from './views/common.tsx';
import { LearningForm, LearningList } from './views/learnings.tsx';
import { OrganisationForm, OrganisationList } from './views/organisations.tsx';
import { ProjectForm, ProjectList } from './views/projects.tsx';
import { RencontreForm, RencontreList } from './views/rencontres.tsx';

/** The page entities' lists (with filters), JSON and CSV exports, and fields forms. */
export function entityPageRoutes(deps: NetworkDeps, service: NetworkService, publicUrl: string) {
  const { store } = service;
  const routes = <F, R>(spec: Parameters<typeof entityRoutes<F, R>>[3]) => entityRoutes(deps, service, publicUrl, spec);
  return [
    routes({
      base: '/reseau/organisations', newSegment: 'nouvelle', namespace: NS_ORGANISATION, exportName: 'organisations', filterNames: ['region', 'type', 'secteur'],
      list: (f) => store.organisations({ region: f.region, kind: f.type, sector: f.secteur }),
      records: organisationRecords, csv: organisationCsv,
      listView: async (ctx, rows, filter, query) => OrganisationList({ ctx, rows, filter, sectors: await store.sectors(), query }),
      formView: (ctx, form, _body, editing, baseRevId) => OrganisationForm({ ctx, form, editing, baseRevId }),
      schema: organisationForm, source: organisationSource, read: readOrganisation, values: organisationValues, name: (f) => f.name,
    }),
    routes({
      base: '/reseau/chantiers', newSegment: 'nouveau', namespace: NS_CHANTIER, exportName: 'chantiers', filterNames: ['statut', 'type'],
      list: (f) => store.chantiers({ status: f.statut, kind: f.type }),
      records: chantierRecords, csv: chantierCsv,
      listView: (ctx, rows, filter, query) => ChantierList({ ctx, rows, filter, query }),
      formView: (ctx, form, _body, editing, baseRevId) => ChantierForm({ ctx, form, editing, baseRevId }),
      schema: chantierForm, source: chantierSource, read: readChantier, values: chantierValues, name: (f) => f.name,
    }),
    routes({
      base: '/reseau/rencontres', newSegment: 'nouvelle', namespace: NS_RENCONTRE, exportName: 'rencontres', filterNames: ['quand', 'format'],
      list: (f) => {
        const today = formatDateIso(deps.clock.now());
        const when = f.quand === 'a-venir' ? { from: today } : f.quand === 'passees' ? { before: today } : {};
        return store.rencontres({ ...when, online: f.format === 'en-ligne' ? true : f.format === 'sur-place' ? false : undefined });
      },
      records: rencontreRecords, csv: rencontreCsv,
      listView: (ctx, rows, filter, query) => RencontreList({ ctx, rows, filter, query }),
      formView: (ctx, form, _body, editing, baseRevId) => RencontreForm({ ctx, form, editing, baseRevId }),
      schema: rencontreForm, source: rencontreSource, read: readRencontre, values: rencontreValues, name: (f) => f.name,
    }),
    routes({
      base: '/reseau/projets', newSegment: 'nouveau', namespace: NS_PROJECT, exportName: 'projets', filterNames: ['axe', 'portee'],
      list: (f) => store.projects({ axis: f.axe, collective: f.portee === 'collectif' ? true : f.portee === 'individuel' ? false : undefined }),
      records: projectRecords, csv: projectCsv,
      listView: (ctx, rows, filter, query) => ProjectList({ ctx, rows, filter, query }),
      formView: (ctx, form, body, editing, baseRevId) => ProjectForm({
        ctx, form, editing, baseRevId,
        // The checkboxes: as typed when shown again, else from the page (values keep them space-separated).
        axes: body ? valuesOf(body.axes) : new Set((form.values.axes ?? '').split(' ').filter(Boolean)),
      }),
      schema: projectForm, source: projectSource, read: readProject,
      values: (f) => ({ ...projectValues(f), axes: f.axes.join(' ') }), name: (f) => f.name,
    }),
    routes({
      base: '/reseau/apprentissages', newSegment: 'nouveau', namespace: NS_LEARNING, exportName: 'apprentissages', filterNames: ['axe', 'type'],
      list: (f) => store.learnings({ axis: f.axe, kind: f.type }),
      records: learningRecords, csv: learningCsv,
      listView: (ctx, rows, filter, query) => LearningList({ ctx, rows, filter, query }),
      formView: (ctx, form, _body, editing, baseRevId) => LearningForm({ ctx, form, editing, baseRevId }),
      schema: learningForm, source: learningSource, read: readLearning, values: learningValues, name: (f) => f.name,
    }),
  ];
}
