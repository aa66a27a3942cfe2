import type { Feature } from './services/featureServices';

/**
 * The features built on the tree, each registered from its own module. Adding one is one import
 * and one entry here.
 */
export const FEATURES: readonly Feature[] = [];
