// What an imported trace records about its source, in `header.config.imported`: the format, the file
// name, and the source document's fields that have no Polis event (an orchestration trace's rewards,
// costs, metrics, unknown top-level keys; an OTLP file's resources and scopes). Each imported event
// keeps its source record verbatim in its `imported` field.
import type { NewTraceEvent, TraceHeader } from '../event.js';

export const IMPORT_FORMATS = ['orchestration', 'otel', 'chat'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ImportFormat | 'polis', string> = {
  orchestration: 'an orchestration trace (JSON with events and edges)',
  otel: 'OpenTelemetry spans (OTLP JSON with resourceSpans)',
  chat: 'a chat transcript (JSONL of {role, name, content} messages)',
  polis: 'a Polis trace (JSONL starting with a header line)',
};

/** `header.config` of an imported trace. */
export interface ImportedConfig {
  imported: {
    from: ImportFormat;
    /** The source file's base name. */
    file: string;
    /** Source fields with no Polis event, verbatim. */
    document: Record<string, unknown>;
    /** Model calls whose request messages were recorded (0: nothing to serve a rerun or fork). */
    recordedRequests: number;
  };
}

/** An event of a converted trace; `parents` are indices into the converted list, not seqs yet. */
export interface ConvertedEvent {
  event: NewTraceEvent;
  parents: number[];
}

export interface ConvertedTrace {
  runId: string;
  document: Record<string, unknown>;
  events: ConvertedEvent[];
  /** ISO 8601 of the source's first timestamp, when it has one. */
  createdAt?: string;
}

/** The import record of a trace, or undefined for a trace Polis ran itself. */
export function importedFrom(header: TraceHeader): ImportedConfig['imported'] | undefined {
  const config = header.config as Partial<ImportedConfig> | null | undefined;
  const imported = config && typeof config === 'object' ? config.imported : undefined;
  return imported && typeof imported === 'object' && IMPORT_FORMATS.includes(imported.from) ? imported : undefined;
}

/**
 * Why a trace cannot be rerun, forked or resumed, or undefined when it can. An imported trace has no
 * Polis run config (no game to step); without recorded model requests there is nothing to serve either.
 */
export function rerunRefusal(header: TraceHeader, what: 'rerun' | 'fork' | 'resume'): string | undefined {
  const imported = importedFrom(header);
  if (!imported) return undefined;
  const source = `imported from ${imported.from} (${imported.file})`;
  if (imported.recordedRequests === 0) {
    return `cannot ${what} this trace: it was ${source} and has no recorded model requests to serve; view it (replay --mode view), judge it or export it instead`;
  }
  return `cannot ${what} this trace: it was ${source} and has no Polis run config (game and agents) to run again; view it (replay --mode view), judge it or export it instead`;
}

/** An event with its source record attached (an extra key, which readers keep and the schema tolerates). */
export function withImported(event: NewTraceEvent, imported: unknown): NewTraceEvent {
  return { ...event, imported } as unknown as NewTraceEvent;
}
