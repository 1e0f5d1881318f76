import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL documents for the web app, generated from the API's committed schema.gql: a
 * schema change that breaks a screen fails `npm run typecheck`, not a user. Output is gitignored
 * and regenerated before every build, type check and test run.
 */
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Plain strings with types attached: no GraphQL parser in the browser bundle.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};

export default config;
