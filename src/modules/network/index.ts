import type { Clock } from '../../core/clock.ts';
import type { Db, Engine } from '../../core/db/index.ts';
import type { WikiModule } from '../wiki/index.ts';
import { infoboxPanels } from './panel.tsx';
import { projectionHandlers } from './projection.ts';
import { continuityRoutes } from './routes-continuity.ts';
import { networkRoutes } from './routes.ts';
import { entityPageRoutes } from './routes-entities.ts';
import { transferRoutes } from './routes-transfer.ts';
import { networkService } from './service.ts';
import { personPageGuard } from './person-page.ts';
import { NS_PERSON } from './types.ts';

export { NS_CHANTIER, NS_LEARNING, NS_ORGANISATION, NS_PERSON, NS_PROJECT, NS_RENCONTRE } from './types.ts';
export { projectSource, type ProjectFields } from './project.ts';
export { learningSource, type LearningFields } from './learning.ts';
export { rencontreSource, type RencontreFields } from './rencontre.ts';
export { organisationSource, type OrganisationFields } from './organisation.ts';
export { chantierSource, type ChantierFields } from './chantier.ts';
export type { PersonInput } from './person.ts';
export type { ChantierStatus } from './lifecycle.ts';
export { CRITERIA, type Criterion, type Score } from './grid.ts';
export { toCsv } from './export.ts';
export { pageFieldsText } from './search-text.ts';
export { TRANSFER_ACTIONS, TRANSFER_CATEGORIES, withTransferTags, type TransferAction } from './transfer.ts';
export type { NetworkService } from './service.ts';

/**
 * The network as data: organisations and chantiers are wiki pages (fields in front matter, shown
 * as an infobox; query tables projected by outbox handlers), people are private rows. See
 * docs/network.md.
 */
export function createNetworkModule(deps: { db: Db; engine: Engine; clock: Clock; wiki: WikiModule; publicUrl: string }) {
  const d = { db: deps.db, engine: deps.engine, clock: deps.clock, wiki: deps.wiki.wiki };
  const service = networkService(d);
  for (const [namespace, panel] of infoboxPanels(d, deps.publicUrl)) deps.wiki.registerPanel(namespace, panel);
  // Personne: pages (and their talk pages) exist only for people with a public profile.
  for (const namespace of [NS_PERSON, NS_PERSON + 1]) deps.wiki.registerSaveGuard(namespace, personPageGuard);
  return {
    service,
    routes: [networkRoutes(d, service, deps.publicUrl), continuityRoutes(d, service.continuity, deps.publicUrl), ...entityPageRoutes(d, service, deps.publicUrl), transferRoutes(d, deps.wiki.queries.categoryMembers)],
    handlers: projectionHandlers(),
  };
}

export type NetworkModule = ReturnType<typeof createNetworkModule>;
