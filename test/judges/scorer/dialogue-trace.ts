// A small persuasion-like trace: the golden fixture plus a public exchange and one private coaching line.
import { readTrace } from '../../../src/traces/trace-reader.js';
import type { TraceEvent, TraceHeader } from '../../../src/traces/event.js';

const GOLDEN = new URL('../../fixtures/traces/golden-v1.jsonl', import.meta.url).pathname;

export async function dialogueTrace(): Promise<{ header: TraceHeader; events: TraceEvent[] }> {
  const { header, events } = await readTrace(GOLDEN);
  // pat persuades quinn; rae coaches pat on a private channel quinn never sees
  const lines: Array<[string, string, string, string]> = [
    ['quinn', 'pat', 'public', 'Why should I plant trees this weekend?'],
    ['pat', 'quinn', 'public', 'Because one afternoon of work gives the street shade for decades.'],
    ['rae', 'pat', 'private:pat,rae', 'PRIVATE: quinn is almost convinced.'],
    ['quinn', 'pat', 'public', 'That is a fair point.'],
    ['pat', 'quinn', 'public', 'Then join us on Saturday.'],
  ];
  const added = lines.map(([from, to, channel, content], i): TraceEvent => ({ seq: events.length + i, type: 'message', time: 2 + i, agent: from, from, to: [to], channel, content }));
  return { header, events: [...events, ...added] };
}
