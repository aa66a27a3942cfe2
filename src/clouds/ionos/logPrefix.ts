/** How IONOS Cloud's log lines begin: the adapter's, and the export line's through the descriptor. */
export const LOG_PREFIX = 'IONOS:';
