// One lint configuration for the whole workspace. Each Nx project carries a `scope:` tag and
// @nx/enforce-module-boundaries refuses imports across scopes: the web app never imports the API,
// and the domain lib imports neither (it must stay framework-free). Inside a project, import-x
// refuses import cycles and keeps the web's features apart, and the TypeScript sources are linted
// with their types so a promise nobody awaits is an error (docs/adr/0031).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const workspaceRoot = import.meta.dirname;

// Each folder under apps/web/src/features is a feature. Another feature may use it only through its
// index.ts (what it chose to share); lib/ and components/ are below every feature and use none.
// app/ is the composition root and lazy-loads each feature's page itself, one chunk per route.
const webFeatures = 'apps/web/src/features';
const featureNames = readdirSync(join(workspaceRoot, webFeatures), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
// A feature's tests may also use another's test fixtures (its testing/ folder or testing.ts).
const featureBoundaryZones = (publicEntries) => [
  ...featureNames.map((feature) => ({
    target: `${webFeatures}/${feature}`,
    from: featureNames
      .filter((other) => other !== feature)
      .map((other) => `${webFeatures}/${other}`),
    except: publicEntries,
    message:
      'Use another feature only through its index.ts; export what you need there, or move what is shared to lib/ or components/.',
  })),
  {
    target: ['apps/web/src/lib', 'apps/web/src/components'],
    from: webFeatures,
    message: 'lib/ and components/ are shared by every feature and import none of them.',
  },
];

// One program per tsconfig, as each project's own typecheck builds it.
const typedProjects = [
  { files: ['apps/api/**/*.ts'], project: 'apps/api/tsconfig.spec.json' },
  { files: ['apps/web/src/**/*.{ts,tsx}'], project: 'apps/web/tsconfig.json' },
  { files: ['apps/web/*.ts'], project: 'apps/web/tsconfig.node.json' },
  { files: ['libs/domain/**/*.ts'], project: 'libs/domain/tsconfig.spec.json' },
  { files: ['tests/**/*.ts'], project: 'tests/tsconfig.json' },
];

export default tseslint.config(
  {
    ignores: [
      'apps/web/src/gql/**',
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.nx/**',
      '**/*.gql',
      'data/**',
      'tests/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'scope:tests', onlyDependOnLibsWithTags: ['scope:domain', 'scope:api'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is a dependency: take the instant from the injected Clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time is a dependency: take the instant from the injected Clock.',
        },
      ],
    },
  },
  ...typedProjects.map(({ files, project }) => ({
    files,
    languageOptions: { parserOptions: { project, tsconfigRootDir: workspaceRoot } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // The data router's navigate resolves when the new screen is in and never rejects (a
          // failing route shows its error element), so a click or key that navigates need not wait.
          allowForKnownSafeCalls: [{ from: 'package', name: 'navigate', package: 'react-router' }],
        },
      ],
      // JSX attributes such as onSubmit={save} take async handlers on purpose (React ignores the
      // promise; such a handler catches and shows its own failure), so they are left out; promises
      // passed as arguments or properties, returned where void is expected, or tested are errors.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  })),
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      // Which files import-x reads as modules, and with which parser: without these it skips
      // every .ts file it follows, and no-cycle sees no cycle.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          // Each file resolves with its own project's paths (the web maps @ipt/domain to its
          // sources); several projects are the point, so the resolver need not warn about them.
          project: typedProjects.map(({ project }) => join(workspaceRoot, project)),
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}', 'libs/domain/src/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: workspaceRoot, zones: featureBoundaryZones(['./index.ts']) },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.spec.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: workspaceRoot,
          zones: featureBoundaryZones(['./index.ts', './testing', './testing.ts']),
        },
      ],
    },
  },
  {
    files: ['**/tools/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // System tests drive the real app in-process (its bootstrap, services and test clock), which is
    // exactly the cross-project import the boundary rule exists to stop everywhere else.
    files: ['tests/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: ['api/**'],
          depConstraints: [
            { sourceTag: 'scope:tests', onlyDependOnLibsWithTags: ['scope:domain', 'scope:api'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
