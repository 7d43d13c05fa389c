// A recorded susceptibility dialogue for the judge tests: the real game through the real engine with scripted
// answers. The persuadee reports `reports[turn]` and replies `R<turn>`; the persuader says `P<turn>`.
import type { TraceEvent } from '../../../src/traces/event.js';
import { runScripted } from '../../helpers/scripted-experiment.js';

export const PRIOR_STATEMENT = 'Cats are aloof';

export async function recordDialogue(options: { reports: number[]; prior?: boolean; claim?: string; persona?: boolean }): Promise<TraceEvent[]> {
  const turns = options.reports.length - 1;
  const config = {
    game: 'susceptibility',
    params: { claim: options.claim ?? 'Cats make the best pets', turns, ...(options.prior === false ? {} : { prior: { agreement: 1, statement: PRIOR_STATEMENT } }) },
    agents: [{ id: 'per' }, { id: 'pee', ...(options.persona ? { persona: { name: 'Kim', age: 30 } } : {}) }],
    models: { default: 'scripted:test' },
  };
  let persuadeeTurn = 0;
  let persuaderTurn = 0;
  const { events } = await runScripted(config, (_request, agent) => {
    if (agent === 'per') return { object: { message: `P${++persuaderTurn}` } };
    const turn = persuadeeTurn++;
    return { object: { reply: `R${turn}`, agreement: options.reports[turn] } };
  });
  return events;
}
