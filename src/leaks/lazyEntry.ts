/**
 * Leak detection's engine as a bundle of its own (`dist/lazy/leaks.js`), required when the first
 * document is checked: the key-matching engine, the shape detectors and PEM parsing stay out of
 * the extension bundle that activation loads.
 */
export { detectLeaks } from './detect';
export { matchesExcludeGlobs } from './excludeGlobs';
export { OwnerIndex } from './ownerIndex';
export { asTextBytes } from '../keyMatching/textBytes';
