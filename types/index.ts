export * from './domain';
export * from './errors';
export * from './actions';
export * from './catalogue';
export * from './supervision';
