// Versions of persisted formats and contracts. Bump a number only with a migration and a fixture.

/** The trace file format (header + events). */
export const TRACE_SCHEMA_VERSION = 3 as const;

/** The `ModelClient` contract. */
export const MODEL_SPECIFICATION_VERSION = 'v1' as const;

export const SDK_NAME = 'polis';
export const SDK_VERSION = '0.1.0';
