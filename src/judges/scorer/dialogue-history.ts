// The conversation a scorer judge conditions on: the trace's `message` events before a target, rendered
// as chat messages from one agent's point of view (its own lines as `assistant`, everyone else's as `user`).
// Only messages that agent could see count, so a scorer never conditions on a private line it never read.
import type { ChatMessage } from '../../models/model.js';
import type { MessageEvent, TraceEvent } from '../../traces/event.js';

const visibleTo = (m: MessageEvent, agent: string | undefined): boolean =>
  agent === undefined || m.from === agent || m.to === 'all' || m.to.includes(agent);

/**
 * Messages with `seq` below `before` (and the one at `before` when `inclusive`), seen by `perspective`
 * (every message when undefined). Other speakers' lines are prefixed with their id when more than two
 * agents speak, so a multi-party conversation keeps who said what.
 */
export function dialogueHistory(events: readonly TraceEvent[], before: number, perspective: string | undefined, inclusive = false): ChatMessage[] {
  const messages = events.filter((e): e is MessageEvent => e.type === 'message' && (inclusive ? e.seq <= before : e.seq < before) && visibleTo(e, perspective));
  const speakers = new Set(messages.map((m) => m.from));
  const named = speakers.size > 2;
  return messages.map((m) =>
    m.from === perspective ? { role: 'assistant' as const, content: m.content } : { role: 'user' as const, content: named ? `${m.from}: ${m.content}` : m.content },
  );
}
