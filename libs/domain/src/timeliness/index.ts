export * from './calendar';
export * from './percentiles';
export * from './policy';
