import 'reflect-metadata';
import type { DynamicModule, MiddlewareConsumer, Provider, Type } from '@nestjs/common';
import * as nestCore from '@nestjs/core';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AppModule, FEATURE_MODULES, type AppOptions } from 'api/src/app.module';
import { FixedClock } from 'api/src/common/clock';
import { ConfigModule } from 'api/src/config/config.module';
import { DatabaseModule } from 'api/src/database/database.module';
import { IssuesModule } from 'api/src/issues/issues.module';
import { TimelinessModule } from 'api/src/timeliness/timeliness.module';
import { T0 } from '../support/app';

/**
 * The API's Nest modules stay what ADR 30 says: one module per feature, each exporting exactly the
 * services another module injects, importing only modules it takes something from, no module
 * reachable from itself through its imports, and AppModule providing only what applies to every
 * request. Reads the modules' metadata and the constructor parameter types Nest injects by; needs
 * no server (Nest itself refuses to start on a missing provider, which every other test covers).
 */

type Token = unknown;

const metadata = <T>(key: string, target: object): T[] =>
  (Reflect.getMetadata(key, target) as T[] | undefined) ?? [];

const nameOf = (token: Token): string =>
  typeof token === 'function'
    ? token.name
    : typeof token === 'symbol'
      ? token.toString()
      : String(token);

/** The token a provider entry registers. */
function tokenOf(provider: Provider): Token {
  return typeof provider === 'function' ? provider : provider.provide;
}

/** What a class's constructor asks Nest for: its parameter types, with @Inject(token) overrides. */
function injectedBy(cls: Type): Token[] {
  const types: Token[] = [...metadata<Token>('design:paramtypes', cls)];
  for (const { index, param } of metadata<{ index: number; param: Token }>('self:paramtypes', cls))
    types[index] = param;
  return types;
}

/** What a provider entry asks Nest for. */
function providerNeeds(provider: Provider): Token[] {
  if (typeof provider === 'function') return injectedBy(provider);
  if ('useClass' in provider) return injectedBy(provider.useClass);
  if ('useFactory' in provider)
    return (provider.inject ?? []).map((entry) =>
      typeof entry === 'object' && entry !== null && 'token' in entry ? entry.token : entry,
    );
  if ('useExisting' in provider) return [provider.useExisting];
  return [];
}

/** The middleware a module applies in configure(), caught by a consumer that only records. */
function middlewareOf(module: Type): Type[] {
  const configure = (module.prototype as { configure?: (consumer: MiddlewareConsumer) => void })
    .configure;
  if (!configure) return [];
  const applied: Type[] = [];
  const consumer = {
    apply: (...middleware: Type[]) => {
      applied.push(...middleware);
      return { exclude: () => ({ forRoutes: () => consumer }), forRoutes: () => consumer };
    },
  } as unknown as MiddlewareConsumer;
  configure.call(Object.create(module.prototype as object), consumer);
  return applied;
}

interface ModuleShape {
  readonly name: string;
  readonly imports: readonly Type[];
  readonly provides: ReadonlySet<Token>;
  readonly exports: readonly Token[];
  /** Every token the module's providers, controllers and middleware ask Nest for. */
  readonly needs: ReadonlySet<Token>;
}

function shapeOf(module: Type): ModuleShape {
  const providers = metadata<Provider>('providers', module);
  const users: Token[] = [
    ...providers.flatMap(providerNeeds),
    ...metadata<Type>('controllers', module).flatMap(injectedBy),
    ...middlewareOf(module).flatMap(injectedBy),
  ];
  return {
    name: module.name,
    imports: metadata<Type>('imports', module),
    provides: new Set(providers.map(tokenOf)),
    exports: metadata<Token>('exports', module),
    needs: new Set(users),
  };
}

const options: AppOptions = {
  config: {} as AppOptions['config'],
  clock: new FixedClock(T0),
};
const root: DynamicModule = AppModule.forRoot(options);
/** The feature modules AppModule imports, and the modules they import in turn. */
const features = new Map<Type, ModuleShape>();
const collect = (module: Type): void => {
  if (features.has(module)) return;
  const shape = shapeOf(module);
  features.set(module, shape);
  shape.imports.forEach(collect);
};
FEATURE_MODULES.forEach(collect);
const appProviders = root.providers ?? [];
const appNeeds = new Set(appProviders.flatMap(providerNeeds));

/** The tokens every module gets without importing: configuration, the clock, the database. */
const GLOBAL_TOKENS = new Set<Token>(
  [ConfigModule.forRoot(options.config, options.clock), DatabaseModule.forConfig(options.config)]
    .flatMap((module) => module.exports ?? [])
    .map((entry) =>
      typeof entry === 'object' && entry !== null && 'provide' in entry ? entry.provide : entry,
    ),
);

describe('the API’s Nest modules', () => {
  it('AppModule imports every feature module, and itself provides only the guard, filter and pipe every request passes', () => {
    expect(root.imports).toEqual(expect.arrayContaining([...FEATURE_MODULES]));
    expect(appProviders.map((provider) => nameOf(tokenOf(provider))).sort()).toEqual(
      [APP_FILTER, APP_GUARD, APP_PIPE].sort(),
    );
    expect(root.controllers ?? []).toEqual([]);
  });

  it('each feature module exports exactly the services that another module injects', () => {
    const unused: string[] = [];
    for (const [module, shape] of features) {
      for (const exported of shape.exports) {
        const injectedElsewhere =
          appNeeds.has(exported) ||
          [...features].some(([other, o]) => other !== module && o.needs.has(exported));
        if (!injectedElsewhere) unused.push(`${shape.name} exports ${nameOf(exported)}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('every module imports only modules it takes a service from, and only what they export', () => {
    const problems: string[] = [];
    for (const shape of features.values()) {
      const fromImports = new Set<Token>();
      for (const imported of shape.imports) {
        const exported = features.get(imported)?.exports ?? [];
        exported.forEach((token) => fromImports.add(token));
        if (!exported.some((token) => shape.needs.has(token)))
          problems.push(`${shape.name} imports ${imported.name} and uses nothing it exports`);
      }
      for (const token of shape.needs) {
        const reachable =
          shape.provides.has(token) || fromImports.has(token) || GLOBAL_TOKENS.has(token);
        const fromNest =
          typeof token === 'function' && !features.has(token as Type) && isNestCore(token);
        if (!reachable && !fromNest)
          problems.push(`${shape.name} needs ${nameOf(token)} from no module it imports`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('no module reaches itself through its imports', () => {
    const cycles: string[] = [];
    const visit = (module: Type, path: readonly Type[]): void => {
      if (path.includes(module)) {
        cycles.push([...path.slice(path.indexOf(module)), module].map((m) => m.name).join(' -> '));
        return;
      }
      for (const imported of features.get(module)?.imports ?? [])
        visit(imported, [...path, module]);
    };
    for (const module of features.keys()) visit(module, []);
    expect(cycles).toEqual([]);
  });

  it('timeliness uses issues and issues do not use timeliness: the stage clocks sit in a module both import', () => {
    const importsOf = (module: Type) => features.get(module)?.imports.map((m) => m.name);
    expect(importsOf(TimelinessModule)).toEqual(
      expect.arrayContaining(['IssuesModule', 'IssueClocksModule']),
    );
    expect(importsOf(IssuesModule)).toContain('IssueClocksModule');
    expect(importsOf(IssuesModule)).not.toContain('TimelinessModule');
  });
});

/** Nest's own injectables (Reflector, ModuleRef, ...), which every module sees. */
function isNestCore(token: Token): boolean {
  return (Object.values(nestCore) as unknown[]).includes(token);
}
