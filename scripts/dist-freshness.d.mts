/** Why `root`'s dist/ is stale (missing, or the first newer source or folder), or `undefined` when it is current. */
export function distStaleReason(root: string): string | undefined;
