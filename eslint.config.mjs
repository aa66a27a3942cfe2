// ESLint flat config: typescript-eslint over the extension, the webview and the tests alike.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noVscodeInPureLayers = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'vscode', message: 'model, clouds, operations and the CLI stay free of VS Code: take an interface instead.' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist.build-*/**', 'out/**', 'dist-package/**', 'node_modules/**', 'test-results/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use node:crypto for nonces and ids.' },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/model/**/*.ts', 'src/clouds/**/*.ts', 'src/operations/**/*.ts', 'src/terraform/*.ts', 'src/cli/**/*.ts', 'test/unit/**/*.ts', 'test/emulators/**/*.ts'],
    rules: noVscodeInPureLayers,
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
);
