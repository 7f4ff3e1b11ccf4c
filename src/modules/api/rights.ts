import type { Actor } from '../../core/actor.ts';
import { can, roleOf, type Action } from '../accounts/index.ts';

/** MediaWiki user rights, derived from what the accounts policy lets the actor do. */
const RIGHTS_BY_ACTION: Partial<Record<Action, readonly string[]>> = {
  'site.read': ['read'],
  'account.manage': ['editmyoptions', 'viewmywatchlist', 'editmywatchlist'],
  'pages.edit': ['edit', 'createpage', 'createtalk', 'minoredit', 'applychangetags', 'editcontentmodel'],
  'pages.move': ['move', 'move-subpages'],
  'pages.delete': ['delete', 'undelete', 'deletedhistory'],
  'pages.protect': ['protect', 'editprotected'],
  'files.upload': ['upload', 'reupload'],
  'users.setRole': ['userrights'],
  'settings.edit': ['editinterface'],
  'api.highlimits': ['apihighlimits', 'noratelimit'],
};

/** Bot-password grants (MediaWiki's names) and the rights each allows. */
export const GRANTS = {
  basic: ['read', 'writeapi', 'editmyoptions', 'viewmywatchlist', 'editmywatchlist'],
  highvolume: ['bot', 'apihighlimits', 'noratelimit'],
  editpage: ['edit', 'minoredit', 'applychangetags', 'editcontentmodel'],
  createeditmovepage: ['createpage', 'createtalk', 'move', 'move-subpages'],
  editprotected: ['editprotected'],
} as const satisfies Record<string, readonly string[]>;

export type Grant = keyof typeof GRANTS;
export const GRANT_NAMES = Object.keys(GRANTS) as Grant[];

export function isGrant(value: string): value is Grant {
  return (GRANT_NAMES as string[]).includes(value);
}

export interface BotPrincipal {
  passwordId: number;
  botName: string;
  grants: ReadonlySet<Grant>;
  sessionId: string;
}

/**
 * Rights of the actor; for a bot session, only those its grants allow (`basic` always applies).
 * A bot session with `highvolume` is a bot (the `bot` right, high limits), as MediaWiki's bot group.
 */
export function rightsOf(actor: Actor, bot?: BotPrincipal): Set<string> {
  const rights = new Set<string>(['writeapi']);
  for (const [action, list] of Object.entries(RIGHTS_BY_ACTION) as Array<[Action, readonly string[]]>) {
    if (can(actor, action)) for (const r of list) rights.add(r);
  }
  if (!bot) return rights;
  if (bot.grants.has('highvolume')) for (const r of GRANTS.highvolume) rights.add(r);
  const allowed = new Set<string>([...GRANTS.basic, ...[...bot.grants].flatMap((g) => GRANTS[g])]);
  return new Set([...rights].filter((r) => allowed.has(r)));
}

/** MediaWiki-style groups: `*` for everyone, `user` and the role for accounts, `sysop`/`bureaucrat`/`bot` where they fit. */
export function groupsOf(actor: Actor, bot?: BotPrincipal): string[] {
  if (actor.kind !== 'user') return ['*'];
  const role = roleOf(actor);
  const groups = ['*', 'user', 'autoconfirmed', role];
  if (role === 'coordination' || role === 'admin') groups.push('sysop');
  if (role === 'admin') groups.push('bureaucrat');
  if (bot?.grants.has('highvolume')) groups.push('bot');
  return groups;
}
