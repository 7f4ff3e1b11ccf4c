import type { Db } from '../core/db/index.ts';
import { getSetting, setSetting } from '../core/settings.ts';
import { SIGNUP_MODE_KEY, type Accounts } from '../modules/accounts/index.ts';
import { PROFILE_KEY } from '../modules/portal/index.ts';
import { demoPeople, demoProfile } from './network.ts';

const DEMO_KEY = 'demo.loaded';
const DEMO_VERSION = '1';

/** Loads the demo network once; running it again changes nothing. Returns whether it loaded. */
export async function loadDemo(db: Db, accounts: Accounts): Promise<boolean> {
  if ((await getSetting(db, DEMO_KEY)) === DEMO_VERSION) return false;
  await setSetting(db, PROFILE_KEY, JSON.stringify(demoProfile));
  for (const person of demoPeople) {
    const exists = await db.selectFrom('users').select('id').where('email', '=', person.email).executeTakeFirst();
    if (!exists) await accounts.operator.createUser({ email: person.email, name: person.name, role: person.role });
  }
  // A demo is for trying things: anyone may sign up. A real site starts invitation-only.
  if ((await getSetting(db, SIGNUP_MODE_KEY)) === undefined) await setSetting(db, SIGNUP_MODE_KEY, 'open');
  await setSetting(db, DEMO_KEY, DEMO_VERSION);
  return true;
}
