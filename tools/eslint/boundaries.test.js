import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { boundaries } from './boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } });

tester.run('maillage/boundaries', boundaries, {
  valid: [
    { filename: '/r/src/modules/accounts/routes.ts', code: "import { x } from '../../core/http/render.ts';" },
    { filename: '/r/src/modules/portal/index.ts', code: "import { y } from '../accounts/index.ts';" },
    { filename: '/r/src/modules/transfer/import/worker.ts', code: "import { y } from '../../search/threads.ts';" },
    { filename: '/r/src/core/db/index.ts', code: "import pg from 'pg';" },
    { filename: '/r/src/main.ts', code: "import { a } from './modules/accounts/auth.ts';" },
    { filename: '/r/migrations/2026_x.ts', code: "import { isPostgres } from './lib/dialect.ts'; import { sql } from 'kysely';" },
  ],
  invalid: [
    { filename: '/r/src/core/http/app.ts', code: "import { a } from '../../modules/accounts/index.ts';", errors: [{ messageId: 'inward' }] },
    { filename: '/r/src/modules/portal/index.ts', code: "import { a } from '../accounts/store.ts';", errors: [{ messageId: 'internals' }] },
    { filename: '/r/src/modules/portal/index.ts', code: "import { a } from '../accounts/threads/x.ts';", errors: [{ messageId: 'internals' }] },
    { filename: '/r/src/modules/markup/render.ts', code: "import { a } from '../wiki/index.ts';", errors: [{ messageId: 'pure' }] },
    { filename: '/r/src/modules/markup/render.ts', code: "import { a } from '../../core/db/index.ts';", errors: [{ messageId: 'pure' }] },
    { filename: '/r/src/modules/accounts/store.ts', code: "import Database from 'better-sqlite3';", errors: [{ messageId: 'driver' }] },
    { filename: '/r/src/client/editor.ts', code: "import fs from 'node:fs';", errors: [{ messageId: 'client' }] },
    { filename: '/r/src/client/editor.ts', code: "import { a } from '../modules/accounts/index.ts';", errors: [{ messageId: 'client' }] },
    { filename: '/r/migrations/2026_x.ts', code: "import { a } from '../src/core/ids.ts';", errors: [{ messageId: 'migration' }] },
  ],
});
