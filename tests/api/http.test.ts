import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { schemaFileText, SCHEMA_FILE } from 'api/src/cli/print-schema';
import { TestApp, startTestApp } from '../support/app';

describe('the HTTP surface', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('answers /health with 200 once started', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', problems: {} });
  });

  it('blocks a cross-site style request (Apollo CSRF prevention) but needs no token from a script', async () => {
    const simple = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/i);

    const getWithoutHeader = await fetch(
      `${app.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`,
    );
    expect(getWithoutHeader.status).toBe(400);

    const json = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(json.status).toBe(200);
  });

  it('serves the committed schema.gql exactly (run `npm run schema` after changing the API)', () => {
    const schema = app.running.app.get(GraphQLSchemaHost).schema;
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText(schema));
    expect(SCHEMA_FILE).toBe(join(__dirname, '../../apps/api/schema.gql'));
  });
});
