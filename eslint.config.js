import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Globals that exist only in a browser (or an extension page): lib/ code outside *-browser.ts files never touches them. */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'browser',
  'chrome',
  'indexedDB',
  'localStorage',
  'sessionStorage',
  'fetch',
  'createImageBitmap',
  'OffscreenCanvas',
  'Image',
  'FileReader',
  'MutationObserver',
].map((name) => ({ name, message: 'Browser-only: put this in a *-browser.ts file, or pass it in.' }));

/** Modules that exist only in Node (or only in the extension): kept to *-node.ts and *-browser.ts files. */
const NODE_ONLY = { group: ['node:*', 'sharp', 'fs', 'path', 'os', 'child_process'], message: 'Node-only: put this in a *-node.ts file (or lib/cli), or pass it in.' };
const EXTENSION_ONLY = {
  group: ['wxt', 'wxt/*', '#imports'],
  message: 'Extension-only: the engine layers take what they need as arguments; only lib/messaging, lib/storage, lib/composer and entrypoints/ use WXT.',
};

const ENGINE_LAYERS = ['./lib/pipeline', './lib/rules', './lib/roster', './lib/text', './lib/engines', './lib/override'];

export default tseslint.config(
  { ignores: ['.output/**', '.cache/**', '.wxt/**', 'node_modules/**', 'bench-results/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      // Errors are values with a user-facing message; stray console output is a defect.
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['lib/cli/**', 'tests/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  // Layers: what may import what (see the READMEs in lib/pipeline, lib/engines, lib/composer, lib/roster).
  {
    files: ['lib/**/*.ts', 'components/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib',
              from: ['./entrypoints', './components'],
              message: 'lib/ is shared by the extension, the CLI and the tests: it never imports the extension’s pages.',
            },
            { target: './components', from: ['./entrypoints'], message: 'Components are presentational: props in, events out.' },
            {
              target: ENGINE_LAYERS,
              from: ['./lib/composer', './lib/messaging', './lib/storage', './lib/cli'],
              message: 'The engine layers know nothing of the extension or the CLI that call them.',
            },
            {
              target: './lib/engines',
              from: ['./lib/pipeline', './lib/rules', './lib/roster', './lib/text'],
              message: 'Engines analyse pixels: they know nothing of rosters, names or rules.',
            },
            { target: './lib/rules', from: ['./lib/engines'], message: 'Rules read finished facts; they never run an analyser.' },
            { target: './lib/text', from: ['./lib/pipeline', './lib/rules', './lib/engines'], message: 'Text analysis is a leaf under the pipeline.' },
            { target: './lib/roster', from: ['./lib/pipeline', './lib/rules', './lib/text'], message: 'The roster does not depend on how posts are judged.' },
          ],
        },
      ],
    },
  },
  {
    // Leaves: plane geometry, errors and base64 import nothing.
    files: ['lib/geometry.ts', 'lib/errors.ts', 'lib/base64.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['*'], message: 'A leaf module imports nothing.' }] }] },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*-browser.ts'],
    rules: { 'no-restricted-globals': ['error', ...BROWSER_GLOBALS] },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*-node.ts', 'lib/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NODE_ONLY] }] },
  },
  {
    files: ['lib/{pipeline,rules,roster,text,engines,override}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NODE_ONLY, EXTENSION_ONLY] }] },
  },
  {
    files: ['lib/{pipeline,rules,roster,text,engines}/**/*-node.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [EXTENSION_ONLY] }] },
  },
);
