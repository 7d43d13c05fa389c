// Step segmentation: split a reasoning text into steps (by a separator or by sentence), or a trace's
// message events into dialogue turns. Steps keep their character offsets so rewards can be mapped back.
import type { TraceEvent, MessageEvent } from '../../traces/event.js';

export interface Step {
  index: number;
  text: string;
  /** Character offsets in the source text [start, end). */
  start: number;
  end: number;
}

export type SegmentOptions =
  /** Split on a literal separator; PURE uses "\n\n". Empty pieces are dropped. */
  | { by: 'separator'; separator?: string }
  /** Split after `.`, `!`, `?` (and their CJK forms) followed by whitespace or the end. */
  | { by: 'sentence' };

export function segmentSteps(text: string, options: SegmentOptions = { by: 'separator' }): Step[] {
  const pieces: Array<{ start: number; end: number }> = [];
  if (options.by === 'separator') {
    const sep = options.separator ?? '\n\n';
    if (sep === '') throw new RangeError('segmentSteps: the separator must not be empty');
    let start = 0;
    for (;;) {
      const at = text.indexOf(sep, start);
      const end = at === -1 ? text.length : at;
      pieces.push({ start, end });
      if (at === -1) break;
      start = at + sep.length;
    }
  } else {
    const boundary = /[.!?。！？]+(?=\s|$)/g;
    let start = 0;
    for (const m of text.matchAll(boundary)) {
      const end = (m.index ?? 0) + m[0].length;
      pieces.push({ start, end });
      start = end;
    }
    pieces.push({ start, end: text.length });
  }
  const steps: Step[] = [];
  for (const p of pieces) {
    const raw = text.slice(p.start, p.end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = p.start + lead;
    steps.push({ index: steps.length, text: trimmed, start, end: start + trimmed.length });
  }
  return steps;
}

/** A dialogue turn taken from a `message` event. */
export interface Turn {
  index: number;
  seq: number;
  time: number;
  agent: string;
  text: string;
}

/** The message events of a trace as dialogue turns, optionally only one channel. */
export function segmentTurns(events: readonly TraceEvent[], options: { channel?: string } = {}): Turn[] {
  return events
    .filter((e): e is MessageEvent => e.type === 'message' && (options.channel === undefined || e.channel === options.channel))
    .map((e, index) => ({ index, seq: e.seq, time: e.time, agent: e.from, text: e.content }));
}
