import type { Child, Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../http/context.ts';
import { LOCALES } from '../i18n/index.ts';
import { samePath } from '../http/render.ts';
import { CsrfField, Notice } from './components.tsx';

interface LayoutProps {
  ctx: RequestContext;
  title: string;
  /** Islands for this page: module scripts and their stylesheets, under /assets/. */
  scripts?: string[];
  styles?: string[];
  children?: Child;
}

interface NavItem {
  href: string;
  label: string;
}

function navItems(ctx: RequestContext): NavItem[] {
  const items: NavItem[] = [
    { href: '/', label: ctx.t('nav.home') },
    { href: '/wiki/Accueil', label: ctx.t('nav.wiki') },
    { href: '/reseau', label: ctx.t('network.nav') },
    { href: '/wiki/Sp%C3%A9cial:Modifications_r%C3%A9centes', label: ctx.t('nav.recent_changes') },
  ];
  if (ctx.actor.kind === 'user') {
    items.push({ href: '/wiki/Sp%C3%A9cial:Liste_de_suivi', label: ctx.t('nav.watchlist') });
    items.push({ href: '/wiki/Sp%C3%A9cial:Notifications', label: ctx.t('nav.notifications') });
  }
  if (ctx.abilities.has('polls.manage')) items.push({ href: '/sondages', label: ctx.t('polls.nav') });
  if (ctx.abilities.has('users.list')) items.push({ href: '/admin/utilisateurs', label: ctx.t('nav.users') });
  if (ctx.abilities.has('users.invite')) items.push({ href: '/admin/invitations', label: ctx.t('nav.invitations') });
  if (ctx.abilities.has('settings.edit')) items.push({ href: '/admin', label: ctx.t('nav.admin') });
  return items;
}

function isCurrent(ctx: RequestContext, href: string): boolean {
  return samePath(ctx.path.split('?')[0] ?? '', href);
}

/**
 * The translated messages of the title autocomplete island (src/client/suggest), as data-*
 * attributes of an `input[data-suggest]`.
 */
export function suggestAttrs(ctx: RequestContext): Record<string, string> {
  return {
    'data-suggest-label': ctx.t('suggest.label'),
    'data-suggest-none': ctx.t('suggest.none'),
    'data-suggest-one': ctx.t('suggest.one'),
    'data-suggest-many': ctx.t('suggest.many'),
  };
}

function SearchBox({ ctx }: { ctx: RequestContext }): Raw {
  return (
    <form method="get" action="/wiki/Sp%C3%A9cial:Recherche" role="search" class="search-box">
      <label for="search-q" class="visually-hidden">{ctx.t('nav.search_label')}</label>
      <input id="search-q" name="q" type="search" autocomplete="off" placeholder={ctx.t('nav.search_placeholder')} data-suggest="/api/suggest" {...suggestAttrs(ctx)} />
      <button type="submit" class="button secondary">{ctx.t('nav.search')}</button>
    </form>
  );
}

function AccountMenu({ ctx }: { ctx: RequestContext }): Raw {
  if (ctx.actor.kind !== 'user') {
    const back = ctx.path.startsWith('/connexion') || ctx.path.startsWith('/inscription') ? '' : `?retour=${encodeURIComponent(ctx.path)}`;
    return (
      <ul class="account-menu">
        <li><a href={`/connexion${back}`}>{ctx.t('nav.login')}</a></li>
        <li><a href="/inscription">{ctx.t('nav.signup')}</a></li>
      </ul>
    );
  }
  return (
    <ul class="account-menu" aria-label={ctx.t('nav.user_menu', { name: ctx.actor.user.name })}>
      <li><a href="/compte" aria-current={isCurrent(ctx, '/compte') ? 'page' : undefined}>{ctx.actor.user.name}</a></li>
      <li>
        <form method="post" action="/deconnexion" class="inline-form">
          <CsrfField ctx={ctx} />
          <button type="submit" class="link-button">{ctx.t('nav.logout')}</button>
        </form>
      </li>
    </ul>
  );
}

/**
 * Signed in, the choice is also saved on the account (a POST, with its CSRF token). Anonymous,
 * it only sets the language cookie, through a GET: the page then needs no token and no cookie.
 */
function LanguageSwitch({ ctx }: { ctx: RequestContext }): Raw {
  const signedIn = ctx.actor.kind === 'user';
  return (
    <form method={signedIn ? 'post' : 'get'} action="/langue" class="lang-switch">
      {signedIn ? <CsrfField ctx={ctx} /> : ''}
      <input type="hidden" name="retour" value={ctx.path} />
      {LOCALES.filter((l) => l !== ctx.locale).map((l) => (
        <button type="submit" name="lang" value={l} lang={l} class="link-button">
          {ctx.t(`lang.${l}`)}
        </button>
      ))}
    </form>
  );
}

/** The page shell: landmarks, skip link, navigation, language switch, footer. Works without JavaScript. */
export function Layout({ ctx, title, scripts = [], styles = [], children }: LayoutProps): Raw {
  return (
    <html lang={ctx.locale} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${ctx.t('site.name')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        {styles.map((href) => <link rel="stylesheet" href={href} />)}
        <script type="module" src="/assets/islands/suggest.js"></script>
        {scripts.map((src) => <script type="module" src={src}></script>)}
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#contenu">{ctx.t('nav.skip')}</a>
        <header class="site-header">
          <a class="brand" href="/">{ctx.t('site.name')}</a>
          <nav aria-label={ctx.t('nav.main')} class="main-nav">
            <ul>
              {navItems(ctx).map((item) => (
                <li><a href={item.href} aria-current={isCurrent(ctx, item.href) ? 'page' : undefined}>{item.label}</a></li>
              ))}
            </ul>
          </nav>
          <div class="header-tools">
            <SearchBox ctx={ctx} />
            <AccountMenu ctx={ctx} />
            <LanguageSwitch ctx={ctx} />
          </div>
        </header>
        <main id="contenu" tabindex="-1">
          {ctx.notice ? <Notice>{ctx.t(ctx.notice)}</Notice> : null}
          {children}
        </main>
        <footer class="site-footer">
          <p>{ctx.t('footer.privacy')}</p>
          <p>{ctx.t('footer.licence')}</p>
        </footer>
      </body>
    </html>
  );
}
