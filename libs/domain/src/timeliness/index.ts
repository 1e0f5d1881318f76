export * from './calendar';
export * from './clocks';
export * from './escalation';
export * from './percentiles';
export * from './policy';
export * from './report';
export * from './holidays';
