/** Fixed facts about IONOS that more than the adapter needs (the Terraform lenses, key lookup). */

/**
 * `CloudUser.id` of the entry the contract's Object Storage access keys are listed under, beside the
 * users. IONOS user ids are UUIDs, so an id starting with `#` can never clash with one.
 */
export const CONTRACT_KEYS_ENTRY_ID = '#object-storage';
