// Lint enforces the process boundaries of STYLE.md instead of memory:
// - nothing that tests or the web harness load may import `electron` (it would try to download the binary);
// - shared/ is pure TypeScript; the renderer reaches the core only through the IPC contract;
// - raw ipcMain/ipcRenderer live only in the IPC binding and the preload.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events'];
const electronBan = {
  name: 'electron',
  message:
    'Only electron/main and electron/preload may import electron (tests load the rest, and importing it triggers a binary download).',
};
// electron-updater requires `electron` when it builds its updater and when it installs; types are fine.
const updaterBan = {
  name: 'electron-updater',
  allowTypeImports: true,
  message: 'Only electron/main/index.ts loads electron-updater (it requires electron at run time); adapters take its types.',
};
const ipcBan = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC binding (electron/main/ipc) or the preload bridge; raw ipcMain/ipcRenderer are banned elsewhere.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.cjs',
      '**/*.mjs',
      'eslint.config.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [electronBan, updaterBan] }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './shared', from: './electron', message: 'shared/ is used by both processes and imports neither.' },
            { target: './shared', from: './renderer', message: 'shared/ is used by both processes and imports neither.' },
            {
              target: './renderer',
              from: './electron',
              message: 'The renderer reaches the core only through the IPC contract in shared/ipc.',
            },
            { target: './electron', from: './renderer', message: 'The main process never imports renderer code.' },
            {
              target: './electron/core',
              from: './electron/main',
              message: 'The core is plain Node; Electron adapters are injected through ports.',
            },
            { target: './electron/core', from: './electron/harness', message: 'The core does not know its transports.' },
            {
              target: './electron/mcp',
              from: './electron/main',
              message: 'The library’s MCP server is plain Node; only electron/main/index.ts wires --mcp.',
            },
            ...['secrets', 'connections', 'admin'].map((part) => ({
              target: './electron/mcp',
              from: `./electron/core/${part}`,
              message: 'The library’s MCP server reads the cache and the settings file only: keys never pass through it.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronBan,
            updaterBan,
            { name: 'react', message: 'shared/ is pure TypeScript.' },
            { name: 'ws', message: 'shared/ is pure TypeScript.' },
          ],
          patterns: [{ group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, updaterBan, { name: 'ws', message: 'The renderer opens no sockets to servers.' }],
          patterns: [{ group: nodeBuiltins, message: 'The renderer is sandboxed: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ipcBan, updaterBan] }] },
  },
  {
    files: ['electron/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ipcBan] }] },
  },
  {
    // Runs electron-updater's own classes against a local feed, with `electron` stood in for (see the file).
    files: ['test/integration/updates/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan] }] },
  },
  {
    files: ['electron/main/ipc/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
