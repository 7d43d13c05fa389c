// Adds the `local` provider to createModel: `local:/path/model.gguf`, or `local:$POLIS_MODEL` to take the
// file from the environment. Importing this module registers it; providerOptions.local configures the
// client (threads, sequences, contextSize, gpu, gpuLayers).
import { registerProvider } from '../models/create-model.js';
import { LocalModelClient, type LocalClientOptions } from './local-client.js';

export const LOCAL_SPEC_FROM_ENV = '$POLIS_MODEL';

export function registerLocalProvider(): void {
  registerProvider(
    'local',
    (rest, options) => {
      const local = (options.providerOptions?.local ?? {}) as Omit<LocalClientOptions, 'model'>;
      return new LocalModelClient(rest === LOCAL_SPEC_FROM_ENV ? local : { ...local, model: rest });
    },
    'local:<file.gguf>',
  );
}

registerLocalProvider();
