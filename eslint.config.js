import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const botFramework = ['botbuilder', 'botbuilder-*', 'botframework-*'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'devTools/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The personal tab's page script runs in the browser, as a classic script.
    files: ['web/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Only the bot layer and the composition root know the Bot Framework, so a later SDK move touches one layer.
    files: ['src/**/*.ts'],
    ignores: ['src/bot/**', 'src/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: botFramework, message: 'Keep botbuilder inside src/bot/.' }] }],
    },
  },
  {
    // The domain is plain TypeScript: no chat platform, no web server, no storage engine, no clock.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...botFramework, 'restify', 'restify-*', 'lowdb', 'lowdb/*', 'node:fs', 'node:fs/*', 'fs', 'pino'], message: 'The domain imports nothing from the platform, server, storage or logging layers.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take the time from the injected Clock.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take the time from the injected Clock.' },
      ],
    },
  },
  {
    // Configuration is read once, in src/config.ts (and handed over by src/main.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts', 'src/main.ts', 'src/package-app.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings from Config, parsed once in src/config.ts.' }],
    },
  },
);
