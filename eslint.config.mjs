// ESLint flat config: typescript-eslint over the extension, the webview and the tests alike.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import prettierConfig from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noVscodeInPureLayers = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'vscode',
          message:
            'model, util, clouds, operations, the key matching, finding and leak engines, the CLI and the pure Terraform code stay free of VS Code: take an interface instead.',
        },
      ],
    },
  ],
};

/**
 * The layers of docs/architecture.md, bottom first: each may import only the layers before it (and
 * itself). The VS Code side (everything else under src/: the shared side and the feature folders,
 * src/features/<feature>/) may import them all; the shared side imports no feature; nothing imports
 * src/extension.ts, the composition root.
 */
const LAYERS = [
  { dir: 'model', may: [] },
  { dir: 'util', may: ['model'] },
  { dir: 'clouds', may: ['model', 'util'] },
  { dir: 'operations', may: ['model', 'util', 'clouds'] },
  { dir: 'keyMatching', may: ['model', 'util', 'clouds'] },
  { dir: 'keyUses', may: ['model', 'util', 'clouds', 'operations', 'keyMatching'] },
  { dir: 'leaks', may: ['model', 'util', 'clouds', 'operations', 'keyMatching', 'views/cloudNames.ts'] },
  { dir: 'terraform', may: ['model', 'util', 'clouds', 'operations'] },
  // The command line: the engine below, and the pure parts of the Key Age Overview (its rows, words and exports).
  {
    dir: 'cli',
    may: [
      'model',
      'util',
      'clouds',
      'operations',
      'keyMatching',
      'keyUses',
      'leaks',
      'terraform',
      'webview/shared',
      'webview/protocol.ts',
      'views/cloudNames.ts',
    ],
  },
];
const layerZones = [
  ...LAYERS.map(({ dir, may }) => ({
    target: `./src/${dir}`,
    from: './src',
    except: [dir, ...may].map((d) => `./${d}`),
    message: `src/${dir} may import only ${[...may, dir].map((d) => `src/${d}`).join(', ')} (docs/architecture.md, "Layers").`,
  })),
  {
    // The shared VS Code side (command glue, the tree, panel hosting, services) serves every feature
    // and imports none, but for the types of what the composition root builds or loads lazily.
    target: ['./src/commands', './src/views', './src/webview', './src/services', './src/secrets', './src/config'],
    from: './src/features',
    except: ['./rotation/rotationService.ts', './forms/formControllers.ts', './leaks/lazyEntry.ts'],
    message:
      'src/commands, src/views, src/webview, src/services, src/secrets and src/config serve the features and import none of them (docs/architecture.md, "Layers").',
  },
  { target: './src', from: './src/extension.ts', message: 'src/extension.ts is the composition root: nothing imports it.' },
  {
    target: './webview',
    from: './src',
    except: ['./webview/protocol.ts', './webview/shared', './util/formatDate.ts', './model/lazySchema.ts', './model/zodParts.ts'],
    message:
      "The forms' browser code may import only src/webview/protocol.ts, src/webview/shared, src/util/formatDate.ts, src/model/lazySchema.ts and src/model/zodParts.ts.",
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist.build-*/**', 'out/**', 'dist-package/**', 'node_modules/**', 'test-results/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use node:crypto for nonces and ids.' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Layers and cycles. no-cycle follows value imports only (import-x skips `import type` by design);
    // scripts/check-import-cycles.mjs, in the static tier too, counts type imports.
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: [
      'src/model/**/*.ts',
      'src/util/**/*.ts',
      'src/clouds/**/*.ts',
      'src/operations/**/*.ts',
      'src/terraform/**/*.ts',
      'src/keyMatching/**/*.ts',
      'src/keyUses/**/*.ts',
      'src/leaks/**/*.ts',
      'src/cli/**/*.ts',
      'test/unit/**/*.ts',
      'test/emulators/**/*.ts',
    ],
    ignores: ['src/util/outputChannelLogger.ts'],
    rules: noVscodeInPureLayers,
  },
  {
    // zod at run time comes from zodRuntime() (lazySchema hands it to its builder), so the extension
    // bundle can load it on first use: src/model/zodRuntime.ts says why.
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    ignores: ['src/model/zodParts.ts', 'src/model/zodRuntime.ts', 'webview/shared/zodRuntime.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['zod/mini', 'zod/locales'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Build schemas with lazySchema((z) => ...) or zodRuntime() (src/model/zodRuntime.ts), not a value import of zod/mini.',
          })),
        },
      ],
    },
  },
  {
    files: ['webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // CommonJS by necessity: the runner extension is loaded by VS Code as is, the activation
    // test must `require` the built bundle to observe what it loads, and the `cloud-keys` bin
    // requires dist/cli.js after building it if needed.
    files: ['test/integration/runner-extension/**/*.js', 'test/unit/activation.test.ts', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/integration/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
  },
  // Formatting is Prettier's (.prettierrc.json): turn off the lint rules that would argue with it.
  prettierConfig,
);
