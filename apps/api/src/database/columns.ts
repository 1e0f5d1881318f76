import {
  Column,
  ColumnOptions,
  DefaultNamingStrategy,
  NamingStrategyInterface,
  ValueTransformer,
} from 'typeorm';

/**
 * Column helpers that keep storage portable between SQLite and PostgreSQL (ADR 0003):
 * instants are stored as fixed-width ISO-8601 UTC text, which sorts and compares correctly as
 * text in both databases; structured values are stored as JSON text.
 */
const instantTransformer: ValueTransformer = {
  to: (value: Date | null | undefined) =>
    value === null || value === undefined ? value : value.toISOString(),
  from: (value: string | null) => (value === null ? null : new Date(value)),
};

export const INSTANT_LENGTH = 24;

export function InstantColumn(options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator {
  return Column({
    type: 'varchar',
    length: INSTANT_LENGTH,
    transformer: instantTransformer,
    ...options,
  });
}

const jsonTransformer: ValueTransformer = {
  to: (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null ? null : JSON.parse(value)),
};

export function JsonColumn(options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator {
  return Column({ type: 'text', transformer: jsonTransformer, ...options });
}

/** An instant as stored, for hand-written query parameters. */
export function storedInstant(value: Date): string {
  return value.toISOString();
}

/** snake_case columns and tables, so hand-written SQL (reports, benchmarks) reads naturally. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(
    propertyName: string,
    customName: string | undefined,
    prefixes: string[],
  ): string {
    return snake([...prefixes, customName ?? propertyName].join('_'));
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }
}

export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
