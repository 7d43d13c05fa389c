import { describe, expect, it } from 'vitest';
import { segmentSteps, segmentTurns } from '../../../src/judges/process/segment.js';
import type { TraceEvent } from '../../../src/traces/event.js';

describe('step segmentation', () => {
  it('splits on "\\n\\n" and keeps offsets', () => {
    const text = 'Step one.\n\nStep two.\n\n\n\nStep three.';
    const steps = segmentSteps(text);
    expect(steps.map((s) => s.text)).toEqual(['Step one.', 'Step two.', 'Step three.']);
    for (const s of steps) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it('splits sentences', () => {
    expect(segmentSteps('First, x = 2. Then y = 3! Done? 3.5 stays', { by: 'sentence' }).map((s) => s.text)).toEqual([
      'First, x = 2.',
      'Then y = 3!',
      'Done?',
      '3.5 stays',
    ]);
  });
  it('takes dialogue turns from message events', () => {
    const events = [
      { seq: 0, time: 0, type: 'phase-start', phase: { kind: 'dialogue', agents: ['a', 'b'], round: 0 } },
      { seq: 1, time: 0, type: 'message', from: 'a', to: 'all', channel: 'main', content: 'hi' },
      { seq: 2, time: 1, type: 'message', from: 'b', to: ['a'], channel: 'main', content: 'hello' },
    ] as TraceEvent[];
    expect(segmentTurns(events)).toEqual([
      { index: 0, seq: 1, time: 0, agent: 'a', text: 'hi' },
      { index: 1, seq: 2, time: 1, agent: 'b', text: 'hello' },
    ]);
  });
});
