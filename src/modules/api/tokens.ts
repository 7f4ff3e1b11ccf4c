import { hmac, safeEqual } from '../../core/ids.ts';

/** What MediaWiki hands anonymous users as every non-login token. */
export const ANON_TOKEN = '+\\';

export const TOKEN_TYPES = ['createaccount', 'csrf', 'login', 'patrol', 'rollback', 'userrights', 'watch'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/**
 * API tokens, MediaWiki-shaped (`…+\`). They derive from the request's form token, itself an HMAC
 * of the browser's CSRF cookie and the web session under the shared secret: a token is bound to
 * the cookie jar and to the signed-in principal (web session or bot session), and nothing is
 * stored. Anonymous users get `+\` for everything but login, as in MediaWiki.
 */
export function apiTokens(formToken: string, principal: string | undefined) {
  const make = (type: TokenType) => `${hmac(formToken, `api|${type}|${principal ?? ''}`)}+\\`;
  return {
    get(type: TokenType): string {
      if (type === 'login') return make('login');
      return principal ? make(type) : ANON_TOKEN;
    },
    check(type: TokenType, sent: string): boolean {
      return safeEqual(sent, this.get(type));
    },
  };
}

export type ApiTokens = ReturnType<typeof apiTokens>;
