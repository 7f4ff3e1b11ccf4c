import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import { NAMESPACES } from '../../markup/index.ts';
import type { SpecialPages, Query } from '../routes.ts';

export type SpecialHandler = (request: FastifyRequest, reply: FastifyReply, subpage: string, query: Query) => Promise<FastifyReply>;

interface Entry {
  names: string[];
  handler: SpecialHandler;
}

function fold(name: string): string {
  return name.replace(/_/g, ' ').trim().toLowerCase();
}

/**
 * The Spécial: namespace. Each page has a French canonical name and English aliases
 * (Spécial:Modifications_récentes = Special:RecentChanges); other modules register theirs.
 */
export function specialPages(): SpecialPages & { register(names: string[], handler: SpecialHandler): void; canonical(name: string): string | undefined } {
  const entries: Entry[] = [];
  const find = (name: string) => entries.find((e) => e.names.some((n) => fold(n) === fold(name)));
  return {
    register(names, handler) {
      entries.push({ names, handler });
    },
    canonical(name) {
      return find(name)?.names[0];
    },
    async handle(request, reply, text, query) {
      const slash = text.indexOf('/');
      const name = slash === -1 ? text : text.slice(0, slash);
      const subpage = slash === -1 ? '' : text.slice(slash + 1);
      const entry = find(name);
      if (!entry) throw new AppError('not_found');
      return entry.handler(request, reply, subpage, query);
    },
  };
}

/** A `namespace=` parameter naming a real, non-virtual namespace; undefined otherwise. */
export function namespaceParam(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return NAMESPACES.some((x) => x.id === n) ? n : undefined;
}
