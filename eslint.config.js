// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import maillage from './tools/eslint/boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', '.tools/', 'coverage/', 'src/core/layout/assets/islands/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { maillage },
    rules: {
      'maillage/boundaries': 'error',
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(only|skip)$/][callee.object.name=/^(it|test|describe)$/]", message: 'No .only or .skip left in tests.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/core/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
