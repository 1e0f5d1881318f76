import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { RESOLVERS } from '../app.module';
import { findRepositoryRoot } from '../config/config';
import { SCALARS_MAP } from '../graphql/scalars/date-time.scalar';

export const SCHEMA_FILE = join(findRepositoryRoot(), 'apps/api/schema.gql');

const HEADER =
  '# Generated from the API code by `npm run schema`; do not edit. A test fails when it is stale.\n\n';

/** The schema file's text for a schema: sorted, so diffs show real changes only. */
export function schemaFileText(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

async function main(): Promise<void> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS, { scalarsMap: SCALARS_MAP });
  await app.close();
  const text = schemaFileText(schema);
  if (process.argv.includes('--check')) {
    const { readFileSync } = await import('node:fs');
    if (readFileSync(SCHEMA_FILE, 'utf8') !== text) {
      console.error('apps/api/schema.gql is stale: run `npm run schema` and commit it.');
      process.exit(1);
    }
    return;
  }
  writeFileSync(SCHEMA_FILE, text);
  console.log(`Wrote ${SCHEMA_FILE}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
