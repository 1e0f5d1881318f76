import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * One GraphQL type per file in the API: a reader finds `Team` in team.model.ts and
 * `EscalateIssueInput` in escalate-issue.input.ts, and a file never grows into a dozen types.
 * A type's own enum (its registerEnumType) may sit beside it. Needs no server; parses the source.
 */
const ROOT = join(__dirname, '../..');
const API_SOURCE = join(ROOT, 'apps/api/src');

/** The decorators that make a class a type of the schema. */
const GRAPHQL_TYPE_DECORATORS = new Set(['ObjectType', 'InputType', 'ArgsType', 'InterfaceType']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The names of the classes a file declares as GraphQL types, in order. */
function graphqlTypesIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) {
      const isGraphqlType = (ts.getDecorators(node) ?? []).some((decorator) => {
        const call = decorator.expression;
        const callee = ts.isCallExpression(call) ? call.expression : call;
        return ts.isIdentifier(callee) && GRAPHQL_TYPE_DECORATORS.has(callee.text);
      });
      if (isGraphqlType) found.push(node.name?.text ?? '(anonymous class)');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Each API source file (relative to apps/api/src) and the GraphQL types it declares. */
function typesByFile(): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const path of sourceFiles(API_SOURCE)) {
    byFile.set(relative(API_SOURCE, path), graphqlTypesIn(path, readFileSync(path, 'utf8')));
  }
  return byFile;
}

describe('the API declares one GraphQL type per file', () => {
  it('finds every kind of GraphQL type class, so the rule below can fail', () => {
    const sample = [
      "@ObjectType('Team') export class TeamModel {}",
      '@InputType() export class CreateTeamInput {}',
      '@ArgsType() export class TeamsArgs {}',
      "@InterfaceType('Node') export abstract class NodeModel {}",
      '@Injectable() export class TeamsService {}',
      'export class PlainClass {}',
    ].join('\n');
    expect(graphqlTypesIn('sample.ts', sample)).toEqual([
      'TeamModel',
      'CreateTeamInput',
      'TeamsArgs',
      'NodeModel',
    ]);
  });

  it('has no source file with more than one GraphQL type', () => {
    const byFile = typesByFile();
    // Sanity: the scan reached the models (an empty scan would pass vacuously).
    expect(byFile.get('issues/models/issue.model.ts')).toEqual(['IssueModel']);
    const offenders = [...byFile]
      .filter(([, types]) => types.length > 1)
      .map(([file, types]) => `${file}: ${types.join(', ')}`);
    expect(offenders).toEqual([]);
  });
});
