import type { Db } from '../core/db/index.ts';
import { getSetting, setSetting } from '../core/settings.ts';
import { SIGNUP_MODE_KEY, type Accounts } from '../modules/accounts/index.ts';
import { parseTitle } from '../modules/markup/index.ts';
import { PROFILE_KEY } from '../modules/portal/index.ts';
import { loadDemoPolls } from '../modules/polls/index.ts';
import type { Wiki } from '../modules/wiki/index.ts';
import { demoPeople, demoProfile } from './network.ts';
import { demoPages } from './pages.ts';
import { loadDemoNetwork } from './load-network.ts';
import type { NetworkService } from '../modules/network/index.ts';

const DEMO_KEY = 'demo.loaded';
const DEMO_VERSION = '3';

export interface DemoTarget {
  db: Db;
  accounts: Accounts;
  wiki: Wiki;
  /** With it, the demo also sets chantier lifecycles and members and the people directory. */
  network?: NetworkService;
}

/** Loads the demo network once (people, profile, wiki pages); running it again changes nothing. */
export async function loadDemo({ db, accounts, wiki, network }: DemoTarget): Promise<boolean> {
  if ((await getSetting(db, DEMO_KEY)) === DEMO_VERSION) return false;
  await setSetting(db, PROFILE_KEY, JSON.stringify(demoProfile));
  for (const person of demoPeople) {
    const exists = await db.selectFrom('users').select('id').where('email', '=', person.email).executeTakeFirst();
    if (!exists) await accounts.operator.createUser({ email: person.email, name: person.name, role: person.role });
  }
  for (const page of demoPages) {
    const title = parseTitle(page.title);
    if (!title.ok) throw new Error(`demo page title is invalid: ${page.title}`);
    if (await wiki.page(title.title)) continue;
    const actor = await accounts.operator.actorFor(page.author);
    await wiki.save(actor, { title: title.title, text: page.text, summary: page.summary, minor: false, baseRevId: null });
  }
  await loadDemoNetwork({ db, accounts, wiki, network });
  await loadDemoPolls({ db, wiki }, ['Rencontre:Rencontre nationale 2021', 'Rencontre nationale de mai 2021']);
  // A demo is for trying things: anyone may sign up. A real site starts invitation-only.
  if ((await getSetting(db, SIGNUP_MODE_KEY)) === undefined) await setSetting(db, SIGNUP_MODE_KEY, 'open');
  await setSetting(db, DEMO_KEY, DEMO_VERSION);
  return true;
}
