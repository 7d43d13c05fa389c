// Run progress for the terminal: one redrawn status line on a TTY; plain lines (one per round) when
// stderr is not a TTY or CI is set. Built from engine hooks, so the library itself stays silent.
import type { EngineHooks } from '../engine/hooks.js';
import type { CliIo } from './command.js';
import { statusLine } from './status-line.js';

export function progressHooks(io: CliIo): EngineHooks {
  let round = -1;
  let agents = 0;
  let calls = 0;
  let tokens = 0;
  let cost = 0;
  let hits = 0;
  let retries = 0;
  let invalid = 0;
  const status = statusLine(io);
  const text = () =>
    `round ${round} | agents ${agents} | calls ${calls} | tokens ${tokens} | $${cost.toFixed(4)} | cache hits ${hits} | retries ${retries} | invalid ${invalid}`;
  return {
    'turn-start': ({ phase }) => {
      agents = phase.agents.length;
      if (phase.round === round) return;
      if (!status.live && round >= 0) status.line(text());
      round = phase.round;
      status.update(text());
    },
    'model-call-end': (call) => {
      calls++;
      tokens += call.usage.inputTokens + call.usage.outputTokens;
      cost += call.cost;
      if (call.cache === 'hit') hits++;
      retries += Math.max(0, call.attempts.length - 1);
      status.update(text());
    },
    'action-invalid': () => {
      invalid++;
    },
    'run-end': () => {
      if (status.live) {
        status.update(text());
        status.done();
      } else status.line(text());
    },
  };
}
