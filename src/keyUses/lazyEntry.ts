/**
 * The finder as a bundle of its own (`dist/lazy/keyUses.js`), required the first time Find Uses of
 * Key runs: the matching engine, the walker and the places, with `ignore` and the cloud config
 * readers they need, stay out of the extension bundle.
 */
export { indexKey, KeyIndex, labelledKeyAddressOf } from '../keyMatching';
export { findKeyUses } from './finder';
export { placesFor } from './places';
export { planRewire } from './rewire';
export { maskedDiff } from './rewireDiff';
