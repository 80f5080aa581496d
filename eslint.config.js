import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'bench/results/',
      'public/mockServiceWorker.js',
      '.sandbox-data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CONVENTIONS.md rule 1: the core is pure. The compiler (src/core/tsconfig.json) and this rule enforce it.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/adapters/**',
                '**/app/**',
                '**/ui/**',
                '**/sandbox/**',
                '**/server/**',
                '**/cli/**',
              ],
              message: 'core imports nothing outside core',
            },
            {
              group: [
                'react',
                'react-dom',
                '@fluentui/*',
                '@azure/*',
                'msw',
                'msw/*',
                'node:*',
                'better-sqlite3',
              ],
              message: 'core is pure: no DOM, Node, Office, MSAL or network',
            },
          ],
        },
      ],
    },
  },
);
