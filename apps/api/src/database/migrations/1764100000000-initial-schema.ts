import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { INSTANT_LENGTH } from '../columns';

/**
 * The first schema: every noun of the domain (docs/domain.md), written with TypeORM's schema builder
 * so the same migration runs on SQLite and PostgreSQL. Column types are the portable subset:
 * varchar, text, integer, boolean; instants are ISO-8601 text (ADR 0003).
 */
const id = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: true,
});
const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const text = (
  name: string,
  options: { nullable?: boolean; default?: string } = {},
): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: options.nullable ?? false,
  ...(options.default !== undefined ? { default: `'${options.default}'` } : {}),
});
const int = (
  name: string,
  options: { nullable?: boolean; default?: number } = {},
): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: options.nullable ?? false,
  ...(options.default !== undefined ? { default: options.default } : {}),
});
const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: defaultValue,
});
const instant = (name: string, nullable = false): TableColumnOptions =>
  str(name, INSTANT_LENGTH, nullable);

const fk = (
  column: string,
  table: string,
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'RESTRICT',
) =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  });
const index = (columns: string[], unique = false) =>
  new TableIndex({ columnNames: columns, isUnique: unique });

export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    const create = (table: Table) => runner.createTable(table, false, true, true);

    await create(
      new Table({
        name: 'users',
        columns: [
          id(),
          { ...str('email', 254), isUnique: true },
          str('name', 200),
          str('password_hash', 255),
          bool('active', true),
          bool('is_system_admin', false),
          instant('created_at'),
          instant('updated_at'),
        ],
      }),
    );
    await create(
      new Table({
        name: 'sessions',
        columns: [
          { ...str('token_hash', 64), isPrimary: true },
          ref('user_id'),
          instant('created_at'),
          instant('expires_at'),
          instant('revoked_at', true),
        ],
        foreignKeys: [fk('user_id', 'users', 'CASCADE')],
        indices: [index(['user_id'])],
      }),
    );
    await create(
      new Table({
        name: 'programs',
        columns: [
          id(),
          { ...str('key', 10), isUnique: true },
          str('name', 200),
          str('phase', 100),
          str('time_zone', 64),
          text('timeliness_policy', { nullable: true }),
          int('next_issue_number', { default: 1 }),
          int('version', { default: 1 }),
          instant('created_at'),
          instant('updated_at'),
        ],
      }),
    );
    await create(
      new Table({
        name: 'program_roles',
        columns: [id(), ref('program_id'), ref('user_id'), str('role', 20), instant('created_at')],
        foreignKeys: [fk('program_id', 'programs', 'CASCADE'), fk('user_id', 'users', 'CASCADE')],
        indices: [index(['program_id', 'user_id'], true), index(['user_id'])],
      }),
    );
    await create(
      new Table({
        name: 'disciplines',
        columns: [
          id(),
          ref('program_id'),
          str('code', 40),
          str('name', 100),
          bool('agree_role', false),
          bool('active', true),
        ],
        foreignKeys: [fk('program_id', 'programs', 'CASCADE')],
        indices: [index(['program_id', 'code'], true)],
      }),
    );
    await create(
      new Table({
        name: 'teams',
        columns: [
          id(),
          ref('program_id'),
          str('name', 200),
          str('tier', 4),
          ref('parent_team_id', true),
          text('charter', { default: '' }),
          bool('active', true),
          int('version', { default: 1 }),
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [
          fk('program_id', 'programs', 'CASCADE'),
          fk('parent_team_id', 'teams', 'SET NULL'),
        ],
        indices: [index(['program_id'])],
      }),
    );
    await create(
      new Table({
        name: 'memberships',
        columns: [
          id(),
          ref('team_id'),
          ref('user_id'),
          str('discipline', 40),
          str('role', 10),
          bool('decision_authority', false),
          instant('created_at'),
        ],
        foreignKeys: [fk('team_id', 'teams', 'CASCADE'), fk('user_id', 'users', 'CASCADE')],
        indices: [index(['team_id', 'user_id'], true), index(['user_id'])],
      }),
    );
    await create(
      new Table({
        name: 'issues',
        columns: [
          id(),
          ref('program_id'),
          int('number'),
          { ...str('key', 24), isUnique: true },
          str('title', 200),
          text('condition_statement'),
          str('impact_area', 12),
          int('consequence', { nullable: true }),
          str('status', 20),
          ref('raised_by_id'),
          ref('owner_id', true),
          ref('origin_team_id'),
          ref('current_team_id'),
          str('current_tier', 4),
          int('version', { default: 1 }),
          instant('raised_at'),
          instant('triaged_at', true),
          instant('ready_at', true),
          instant('decided_at', true),
          instant('resolved_at', true),
          instant('closed_at', true),
          instant('withdrawn_at', true),
          instant('triage_due_at', true),
          instant('recommendations_due_at', true),
          instant('decision_due_at', true),
          instant('resolution_due_at', true),
          text('manual_due_stages'),
          instant('updated_at'),
        ],
        foreignKeys: [
          fk('program_id', 'programs'),
          fk('raised_by_id', 'users'),
          fk('owner_id', 'users'),
          fk('origin_team_id', 'teams'),
          fk('current_team_id', 'teams'),
        ],
        indices: [
          index(['program_id', 'number'], true),
          index(['program_id', 'status']),
          index(['owner_id']),
          index(['current_team_id']),
        ],
      }),
    );
    await create(
      new Table({
        name: 'issue_required_disciplines',
        columns: [
          { ...ref('issue_id'), isPrimary: true },
          { ...str('discipline', 40), isPrimary: true },
          int('position'),
          instant('required_at'),
        ],
        foreignKeys: [fk('issue_id', 'issues', 'CASCADE')],
      }),
    );
    await create(
      new Table({
        name: 'options',
        columns: [
          id(),
          ref('issue_id'),
          str('label', 4),
          str('title', 200),
          text('description', { default: '' }),
          text('impacts', { default: '' }),
          ref('created_by_id'),
          instant('created_at'),
        ],
        foreignKeys: [fk('issue_id', 'issues', 'CASCADE'), fk('created_by_id', 'users')],
        indices: [index(['issue_id', 'label'], true)],
      }),
    );
    await create(
      new Table({
        name: 'recommendations',
        columns: [
          id(),
          ref('issue_id'),
          str('discipline', 40),
          ref('author_id'),
          ref('team_id'),
          ref('option_id'),
          text('rationale'),
          text('impact_assessment', { default: '' }),
          text('alternatives', { default: '' }),
          instant('submitted_at'),
          instant('superseded_at', true),
          ref('superseded_by_id', true),
        ],
        foreignKeys: [
          fk('issue_id', 'issues', 'CASCADE'),
          fk('author_id', 'users'),
          fk('team_id', 'teams'),
          fk('option_id', 'options'),
        ],
        indices: [index(['issue_id', 'discipline'])],
      }),
    );
    await create(
      new Table({
        name: 'waivers',
        columns: [
          id(),
          ref('issue_id'),
          str('discipline', 40),
          text('reason'),
          ref('waived_by_id'),
          instant('waived_at'),
        ],
        foreignKeys: [fk('issue_id', 'issues', 'CASCADE'), fk('waived_by_id', 'users')],
        indices: [index(['issue_id', 'discipline'], true)],
      }),
    );
    await create(
      new Table({
        name: 'decisions',
        columns: [
          id(),
          ref('issue_id'),
          ref('program_id'),
          ref('option_id'),
          text('rationale'),
          text('conditions', { default: '' }),
          ref('decided_by_id'),
          ref('team_id'),
          str('tier', 4),
          instant('decided_at'),
          instant('due_at', true),
          text('considered_recommendation_ids'),
          text('dissenting_disciplines'),
          ref('supersedes_id', true),
          ref('superseded_by_id', true),
          instant('superseded_at', true),
        ],
        foreignKeys: [
          fk('issue_id', 'issues', 'CASCADE'),
          fk('program_id', 'programs'),
          fk('option_id', 'options'),
          fk('decided_by_id', 'users'),
          fk('team_id', 'teams'),
        ],
        indices: [index(['issue_id']), index(['program_id', 'decided_at'])],
      }),
    );
    await create(
      new Table({
        name: 'non_concurrences',
        columns: [
          id(),
          ref('decision_id'),
          ref('issue_id'),
          ref('author_id'),
          str('discipline', 40),
          text('rationale'),
          text('impacts', { default: '' }),
          ref('review_team_id', true),
          instant('filed_at'),
        ],
        foreignKeys: [
          fk('decision_id', 'decisions', 'CASCADE'),
          fk('issue_id', 'issues', 'CASCADE'),
          fk('author_id', 'users'),
          fk('review_team_id', 'teams', 'SET NULL'),
        ],
        indices: [index(['decision_id'])],
      }),
    );
    await create(
      new Table({
        name: 'comments',
        columns: [
          id(),
          ref('issue_id'),
          ref('author_id'),
          text('body'),
          instant('created_at'),
          instant('edited_at', true),
        ],
        foreignKeys: [fk('issue_id', 'issues', 'CASCADE'), fk('author_id', 'users')],
        indices: [index(['issue_id'])],
      }),
    );
    await create(
      new Table({
        name: 'action_items',
        columns: [
          id(),
          ref('decision_id'),
          ref('issue_id'),
          str('title', 300),
          ref('assignee_id'),
          instant('due_at'),
          instant('done_at', true),
          ref('completed_by_id', true),
        ],
        foreignKeys: [
          fk('decision_id', 'decisions', 'CASCADE'),
          fk('issue_id', 'issues', 'CASCADE'),
          fk('assignee_id', 'users'),
        ],
        indices: [index(['decision_id']), index(['issue_id']), index(['assignee_id'])],
      }),
    );
    await create(
      new Table({
        name: 'escalations',
        columns: [
          id(),
          ref('issue_id'),
          ref('from_team_id'),
          ref('to_team_id'),
          str('from_tier', 4),
          str('to_tier', 4),
          text('reason'),
          str('source', 10),
          ref('escalated_by_id', true),
          instant('escalated_at'),
        ],
        foreignKeys: [
          fk('issue_id', 'issues', 'CASCADE'),
          fk('from_team_id', 'teams'),
          fk('to_team_id', 'teams'),
          fk('escalated_by_id', 'users'),
        ],
        indices: [index(['issue_id'])],
      }),
    );
    await create(
      new Table({
        name: 'events',
        columns: [
          {
            name: 'seq',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          ref('program_id', true),
          ref('issue_id', true),
          ref('actor_id', true),
          str('type', 60),
          str('entity_type', 40),
          ref('entity_id'),
          text('before', { nullable: true }),
          text('after', { nullable: true }),
          instant('at'),
          str('previous_hash', 64),
          str('hash', 64),
        ],
        indices: [index(['issue_id', 'seq']), index(['program_id', 'seq'])],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'events',
      'escalations',
      'action_items',
      'comments',
      'non_concurrences',
      'decisions',
      'waivers',
      'recommendations',
      'options',
      'issue_required_disciplines',
      'issues',
      'memberships',
      'teams',
      'disciplines',
      'program_roles',
      'programs',
      'sessions',
      'users',
    ]) {
      await runner.dropTable(table, true);
    }
  }
}
