/** The contract shared with the functions, reachable as `@/types` inside the app. */
export * from '../../types';
