import type { Config } from '../core/config.ts';
import { isAppError } from '../core/errors.ts';
import { buildMaillage } from '../main.ts';

type Options = { email?: string; name?: string; role?: string; password?: string };

/** `maillage user …`: create an account, set its role, reset its password. */
export async function userCommand(config: Config, sub: string | undefined, o: Options): Promise<number> {
  const m = await buildMaillage(config);
  const op = m.accounts.operator;
  try {
    if (!o.email) throw new Error('--email is required');
    switch (sub) {
      case 'create': {
        const user = await op.createUser({ email: o.email, name: o.name ?? o.email.split('@')[0] ?? o.email, role: (o.role ?? 'contributor') as never, password: o.password });
        console.log(`created user #${user.id} ${user.email} (${user.role})`);
        if (!o.password) console.log(`set a password with: maillage user reset-password --email ${user.email}`);
        return 0;
      }
      case 'set-role':
        if (!o.role) throw new Error('--role is required');
        await op.setRole(o.email, o.role);
        console.log(`${o.email} is now ${o.role}`);
        return 0;
      case 'reset-password': {
        const link = await op.resetPassword(o.email, o.password);
        console.log(link ? `reset link (valid one hour): ${link}` : `password changed for ${o.email}; its sessions are signed out`);
        return 0;
      }
      default:
        throw new Error(`unknown user command: ${sub ?? '(none)'} (create, set-role, reset-password)`);
    }
  } catch (e) {
    console.error(isAppError(e) ? `invalid value: ${Object.values(e.fields).join(', ') || e.code}` : (e as Error).message);
    return 1;
  } finally {
    await m.close();
  }
}
