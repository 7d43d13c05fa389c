import { describe, expect, it } from 'vitest';
import { FullMemory, SummaryMemory, WindowMemory } from '../../src/agents/memory/index.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';

const item = (turn: number) => ({ turn, kind: 'action', text: `did ${turn}` });

describe('memories', () => {
  it('full memory keeps everything; window memory keeps the last k', () => {
    const full = new FullMemory();
    const win = new WindowMemory(2);
    for (let t = 0; t < 5; t++) {
      full.add(item(t));
      win.add(item(t));
    }
    expect(full.view().map((i) => i.turn)).toEqual([0, 1, 2, 3, 4]);
    expect(win.view().map((i) => i.turn)).toEqual([3, 4]);
    const copy = new WindowMemory(2);
    copy.restore(win.snapshot());
    expect(copy.view()).toEqual(win.view());
  });

  it('summary memory folds older items into a model-written summary at intervals', async () => {
    const model = new ScriptedClient({ respond: (_r, i) => `summary #${i}` });
    const memory = new SummaryMemory({ model, every: 4, keep: 1, agentId: 'a' });
    for (let t = 0; t < 7; t++) await memory.add(item(t));
    // after 4 items: summarise 0..2, keep 3; after 3 more (4,5,6 -> 4 pending): summarise 3..5, keep 6
    expect(model.calls).toBe(2);
    expect(memory.view()).toEqual([{ turn: 6, kind: 'summary', text: 'summary #1' }, item(6)]);
    expect(model.requests[1]!.messages.at(-1)!.content).toContain('Summary so far:\nsummary #0');
    expect(model.requests[1]!.call).toMatchObject({ agentId: 'a', purpose: 'summarise', position: 1 });
  });
});
