export * from './enums';
export * from './errors';
export * from './disciplines';
export * from './coverage';
export * from './lifecycle';
export * from './permissions';
export * from './ladder';
export * from './validation';
