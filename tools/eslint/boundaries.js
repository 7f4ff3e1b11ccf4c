// @ts-check
/**
 * ESLint rule `maillage/boundaries`: the import rules of docs/architecture.md, enforced.
 * - core/ imports no module, no cli, no demo, no main (dependencies point inward);
 * - a module imports another module only through its index.ts (or threads.ts: its pure surface for worker threads);
 * - modules/markup imports no other module and nothing from core/db or core/http (it is pure);
 * - client/ imports no node:* and nothing from core/db, core/http, modules (except markup), cli, main;
 * - only core/db (and test support) imports a database driver;
 * - migrations/ import kysely and their own lib/ only.
 */
import path from 'node:path';

const DRIVERS = new Set(['better-sqlite3', 'pg']);

/** @param {string} file */
function where(file) {
  const rel = file.split(path.sep).join('/');
  const m = rel.match(/(?:^|\/)(src|migrations|test|bench|tools)\/(.*)$/);
  if (!m) return { root: '', rest: rel };
  return { root: m[1] ?? '', rest: m[2] ?? '' };
}

/** @param {string} rest */
function layer(rest) {
  const [top = '', second = ''] = rest.split('/');
  if (top === 'modules') return { layer: 'module', module: second };
  if (top.endsWith('.ts')) return { layer: top.replace(/\.tsx?$/, ''), module: '' };
  return { layer: top, module: '' };
}

/** @type {import('eslint').Rule.RuleModule} */
export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the import boundaries of the architecture' },
    messages: {
      inward: '{{from}} must not import {{to}}: dependencies point inward (core imports no module, cli, demo or main).',
      internals: 'Import the {{module}} module through its index.ts (or threads.ts), not its internals ({{to}}).',
      pure: 'modules/markup is pure: it imports no other module, no database and no HTTP code.',
      client: 'client/ runs in the browser: no node:* and no server code ({{to}}).',
      driver: 'Only src/core/db imports a database driver ({{to}}).',
      migration: 'Migrations import kysely and migrations/lib only, never src/ ({{to}}).',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = where(file);
    const src = from.root === 'src' ? layer(from.rest) : undefined;
    return {
      ImportDeclaration(node) {
        const spec = String(node.source.value);
        const report = (/** @type {string} */ messageId, data = {}) => context.report({ node, messageId, data: { to: spec, ...data } });
        const bare = !spec.startsWith('.') && !spec.startsWith('#');

        if (bare && DRIVERS.has(spec.split('/')[0] ?? '')) {
          const allowed = (from.root === 'src' && from.rest.startsWith('core/db/')) || from.root === 'test' || from.root === 'bench';
          if (!allowed) report('driver');
          return;
        }
        if (from.root === 'migrations') {
          if (bare ? !spec.startsWith('kysely') : !spec.startsWith('./')) report('migration');
          return;
        }
        if (!src) return;
        if (src.layer === 'client' && (spec.startsWith('node:') || (bare && ['fs', 'path', 'crypto'].includes(spec)))) {
          report('client');
          return;
        }
        if (bare || spec.startsWith('#')) return;

        const target = where(path.resolve(path.dirname(file), spec));
        if (target.root !== 'src') return;
        const to = layer(target.rest);

        if (src.layer === 'core' && ['module', 'cli', 'demo', 'main', 'client'].includes(to.layer)) {
          report('inward', { from: 'core/' });
        } else if (src.layer === 'client' && (['cli', 'main', 'demo'].includes(to.layer) || (to.layer === 'module' && to.module !== 'markup') || /^core\/(db|http|mail)\//.test(target.rest))) {
          report('client');
        } else if (src.layer === 'module' && to.layer === 'module' && to.module !== src.module) {
          if (src.module === 'markup') report('pure');
          else if (!/^modules\/[^/]+\/(?:index|threads)\.tsx?$/.test(target.rest)) report('internals', { module: to.module });
        } else if (src.layer === 'module' && src.module === 'markup' && /^core\/(db|http)\//.test(target.rest)) {
          report('pure');
        } else if (src.layer === 'module' && ['cli', 'main', 'demo'].includes(to.layer)) {
          report('inward', { from: `modules/${src.module}` });
        }
      },
    };
  },
};

export default { rules: { boundaries } };
