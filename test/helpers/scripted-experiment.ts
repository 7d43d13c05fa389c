// Runs a config through the real experiment path (roles, prompts, model stack, trace) with a scripted model
// that answers by function, and keeps every prompt each agent was shown: the base of protocol tests and of
// "no private information reaches the wrong prompt" tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment, type ExperimentResult } from '../../src/engine/experiment.js';
import { gameRegistry } from '../../src/games/registry.js';
import type { ModelRequest } from '../../src/models/model.js';
import { ScriptedClient, type ScriptedAnswer } from '../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../src/models/wrappers/create-model-stack.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import type { TraceEvent } from '../../src/traces/event.js';

export interface ScriptedExperiment {
  run: ExperimentResult;
  /** Every prompt (all messages joined) shown to each agent, in call order. */
  prompts: Map<string, string[]>;
  /** The trace's events after the header. */
  events: TraceEvent[];
}

/** `respond` answers every model call; `agent` is the calling agent's id (from the call context). */
export async function runScripted(
  config: unknown,
  respond: (request: ModelRequest, agent: string, index: number) => ScriptedAnswer | Promise<ScriptedAnswer>,
): Promise<ScriptedExperiment> {
  const prompts = new Map<string, string[]>();
  const client = new ScriptedClient({
    respond: (request, index) => {
      const agent = request.call?.agentId ?? '?';
      const list = prompts.get(agent) ?? [];
      list.push(request.messages.map((m) => m.content).join('\n'));
      prompts.set(agent, list);
      return respond(request, agent, index);
    },
  });
  const run = await runExperiment({
    config: validateConfig(config),
    out: mkdtempSync(join(tmpdir(), 'polis-scripted-')),
    games: gameRegistry,
    buildModel: (_spec, { record }) => createModelStack(client, { recording: { onCall: record } }),
  });
  const trace = await readTrace(run.traceFile);
  return { run, prompts, events: trace.events };
}
