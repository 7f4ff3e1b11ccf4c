import { isAppError } from '../../../core/errors.ts';
import { SESSION_TTL_MS } from '../../accounts/index.ts';
import type { ActionModule, ApiCall } from '../context.ts';
import { BOT_SESSION_TTL_MS } from '../store.ts';

const WRONG = 'Incorrect username or password entered. Please try again.';
const MAIN_ACCOUNT_WARNING =
  'Main-account login via "action=login" is deprecated and may stop working without warning. To continue login with "action=login", see [[Special:BotPasswords]]. To safely continue using main-account login, see "action=clientlogin".';

function failed(reason: string) {
  return { login: { result: 'Failed', reason } };
}

function failure(e: unknown) {
  if (isAppError(e) && (e.code === 'rate_limited' || e.code === 'account_locked')) {
    const minutes = Number(e.params.minutes ?? 15);
    return failed(`You have made too many recent login attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} before trying again.`);
  }
  if (isAppError(e) && e.code === 'validation_failed') return failed(WRONG);
  throw e;
}

/** "User@botname" with a bot password: an API-only session carrying the bot password's grants. */
async function botLogin(call: ApiCall, name: string, secret: string) {
  const at = name.lastIndexOf('@');
  if (at <= 0 || at === name.length - 1) return undefined;
  const user = await call.deps.accounts.credentials.userByLogin(name.slice(0, at));
  const bp = user ? await call.store.botPassword(user.id, name.slice(at + 1)) : undefined;
  if (!user || !bp) return undefined;
  try {
    await call.deps.accounts.credentials.countAttempt(call.request.ip);
  } catch (e) {
    return failure(e);
  }
  const ok = await call.store.checkSecret(user.id, bp.name, secret);
  if (!ok) return failed(WRONG);
  const token = await call.store.openSession(ok, call.now);
  if (call.bot) await call.store.closeSession(call.bot.sessionId);
  call.cookies.setBotSession(token, BOT_SESSION_TTL_MS / 1000);
  // As MediaWiki: the session is the main account's, restricted by the bot password's grants.
  return { login: { result: 'Success', lguserid: user.id, lgusername: user.name } };
}

/** action=login: bot passwords, or the main account (accepted with MediaWiki's deprecation warning). */
export const loginAction: ActionModule = {
  name: 'login',
  mustBePosted: true,
  needsRead: false,
  parameters: ['lgname', 'lgpassword', 'lgdomain', 'lgtoken'],
  async execute(call) {
    const p = call.params;
    const token = p.str('lgtoken');
    if (token === undefined) return { login: { result: 'NeedToken', token: call.tokens.get('login') } };
    if (!call.tokens.check('login', token)) return { login: { result: 'WrongToken', reason: 'Unable to continue login. Your session most likely timed out.' } };
    const name = p.str('lgname') ?? '';
    const password = p.str('lgpassword') ?? '';
    if (!name || !password) return failed('The supplied credentials could not be authenticated.');

    const asBot = await botLogin(call, name, password);
    if (asBot) return asBot;
    try {
      const client = { ip: call.request.ip, userAgent: call.request.headers['user-agent'] ?? null, locale: call.request.ctx.locale };
      const signedIn = await call.deps.accounts.credentials.logIn(name, password, client);
      if (call.actor.kind === 'user' && !call.bot) await call.deps.accounts.sessions.revoke(call.actor.sessionId);
      if (call.bot) {
        await call.store.closeSession(call.bot.sessionId);
        call.cookies.clearBotSession();
      }
      call.cookies.setWebSession(signedIn.token, SESSION_TTL_MS / 1000);
      call.warnings.add('login', MAIN_ACCOUNT_WARNING);
      return { login: { result: 'Success', lguserid: signedIn.user.id, lgusername: signedIn.user.name } };
    } catch (e) {
      return failure(e);
    }
  },
};

/** action=logout: ends the bot or web session (needs the csrf token, as MediaWiki since 1.34). */
export const logoutAction: ActionModule = {
  name: 'logout',
  mustBePosted: true,
  token: 'csrf',
  needsRead: false,
  parameters: ['token'],
  async execute(call) {
    if (call.bot) {
      await call.store.closeSession(call.bot.sessionId);
      call.cookies.clearBotSession();
    } else if (call.actor.kind === 'user') {
      await call.deps.accounts.sessions.revoke(call.actor.sessionId);
      call.cookies.clearWebSession();
    }
    return {};
  },
};
