// Heavy backends are optional peer dependencies of polis (package.json `peerDependenciesMeta`): an app
// that only calls OpenAI or Anthropic never installs them. Code that needs one imports it through
// `importPeer`, so a missing package is a `MissingPackageError` naming what to install, not a bare
// ERR_MODULE_NOT_FOUND from deep inside a stack.
import { MissingPackageError } from './errors/missing-package-error.js';

/** The optional peers and the ranges polis is tested with (the same as package.json's `peerDependencies`). */
export const OPTIONAL_PEERS = {
  'node-llama-cpp': '^3.22.1',
  '@langchain/core': '^1.4.0',
  // The live OpenTelemetry exporter (src/telemetry). 0.300+ of the exporter needs Node 22: these are the
  // newest ranges whose engines allow Node 20 (their peer @opentelemetry/api is < 1.10, hence ~1.9).
  '@opentelemetry/sdk-trace-base': '^2.12.1',
  '@opentelemetry/exporter-trace-otlp-http': '^0.223.1',
} as const;

export type OptionalPeer = keyof typeof OPTIONAL_PEERS;

export interface ImportPeerOptions<T> {
  /** The optional peer that `load` needs. */
  peer: OptionalPeer;
  /** What needs it, for the error message, plural: "`local:` models", "LangChain clients". */
  feature: string;
  /** A dynamic `import()` of the peer, or of a polis module that imports it. */
  load: () => Promise<T>;
}

/**
 * Runs `load` and turns "cannot find package `peer`" into a `MissingPackageError` naming the install
 * command. Any other failure is rethrown as it is.
 */
export async function importPeer<T>({ peer, feature, load }: ImportPeerOptions<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissing(error, peer)) throw new MissingPackageError(peer, feature, `npm install ${peer}@${OPTIONAL_PEERS[peer]}`, { cause: error });
    throw error;
  }
}

/** Node's resolution failure for the package itself (not for a file or dependency inside it). */
export function isMissing(error: unknown, name: string): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || (e.code !== 'ERR_MODULE_NOT_FOUND' && e.code !== 'MODULE_NOT_FOUND')) return false;
  const message = String(e.message);
  return message.includes(`'${name}'`) || message.includes(`'${name}/`);
}
