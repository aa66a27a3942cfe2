/**
 * Leak detection as a bundle of its own (`dist/lazy/leaks.js`), required once the window has
 * settled or a leak command runs: the key-matching engine, the detectors, PEM parsing and the VS
 * Code side (diagnostics, hover, quick fixes, workspace scan) stay out of the extension bundle.
 */
export { detectLeaks } from '../../leaks/detect';
export { OwnerIndex } from '../../leaks/ownerIndex';
export { startLeakDetection } from './leakHost';
