import type { ModelClient } from '../model.js';

/** A client with `client`'s identity and a new `generate`: the shape every wrapper returns. */
export function wrapModel(client: Pick<ModelClient, 'provider' | 'modelId' | 'capabilities'>, generate: ModelClient['generate']): ModelClient {
  return { specificationVersion: 'v1', provider: client.provider, modelId: client.modelId, capabilities: client.capabilities, generate };
}
