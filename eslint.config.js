import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Imports the engine must never make: it runs in Node, in a worker and in tests, without a UI. */
const engineForbidden = {
  paths: [
    { name: 'react', message: 'app/engine is pure: no React.' },
    { name: 'react-dom', message: 'app/engine is pure: no React DOM.' },
    { name: 'zustand', message: 'app/engine is pure: state lives in app/store.' },
    { name: 'motion', message: 'app/engine is pure: animation lives in app/ui.' },
    { name: 'framer-motion', message: 'app/engine is pure: animation lives in app/ui.' },
  ],
  patterns: [
    {
      group: ['react/*', 'react-dom/*', 'zustand/*', 'motion/*', 'framer-motion/*'],
      message: 'app/engine is pure.',
    },
    {
      group: ['**/ui/**', '**/store/**', '@codemirror/*', '@xterm/*'],
      message: 'app/engine must not import UI or store code.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'playwright-report',
      'test-results',
      'public/catalog',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Nothing a learner typed may become code or markup: no eval, no HTML strings.
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Set text (textContent or JSX), never HTML.' },
        { property: 'outerHTML', message: 'Set text (textContent or JSX), never HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build elements, never HTML strings.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text with JSX, never HTML.',
        },
        {
          selector: "CallExpression[callee.property.name='write'][callee.object.name='document']",
          message: 'No document.write.',
        },
      ],
    },
  },
  {
    files: ['app/ui/**/*.{ts,tsx}', 'app/store/**/*.{ts,tsx}', 'app/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['app/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', engineForbidden],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'app/engine is pure: no DOM.' },
        { name: 'document', message: 'app/engine is pure: no DOM.' },
        { name: 'localStorage', message: 'app/engine is pure: persistence lives in app/store.' },
      ],
    },
  },
);
