// Lint rules that keep the architecture honest, not only the style:
// - the engine (everything in electron/ except the shell files) never imports `electron`;
// - shared/ imports nothing from electron/ or renderer/;
// - the renderer never imports Node built-ins or engine code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const shellFiles = ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-electron/**',
      'release/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: shellFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The engine never imports electron: the shell injects adapters.' },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'The engine never reaches into the renderer.' }],
        },
      ],
    },
  },
  {
    // GitHub Desktop's habit: the raw ipcMain lives behind one typed, validating wrapper.
    files: ['electron/main.ts', 'electron/shell/**/*.ts'],
    ignores: ['electron/shell/ipc/registerIpc.ts', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message:
                'Register IPC handlers through electron/shell/ipc/registerIpc.ts, which validates every call.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure: no electron.' }],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'node:*'],
              message: 'shared/ is pure: it imports neither side nor Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer only knows the typed preload API.' }],
          patterns: [
            {
              group: ['node:*', '**/electron/**'],
              message: 'The renderer only knows the typed preload API.',
            },
          ],
        },
      ],
    },
  },
);
