// Dialogue turns over channels: public, private and team messages, each seen only by its members.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { runGame } from '../../src/engine/run-game.js';
import { MemorySink } from '../../src/engine/trace-sink.js';
import type { Game } from '../../src/games/game.js';
import { fnAgent } from '../helpers/agents.js';

interface Said { from: string; channel: string; text: string }
const members: Record<string, string[]> = { public: ['a', 'b', 'c'], 'private:a,b': ['a', 'b'], 'team:red': ['a', 'c'] };
const script: Array<[string, string]> = [['a', 'public'], ['b', 'private:a,b'], ['c', 'team:red'], ['a', 'private:a,b']];

const dialogue: Game<{ turn: number; log: Said[] }, string, Said[]> = {
  metadata: { name: 'channels', version: '1', description: 'test' },
  agents: ['a', 'b', 'c'],
  init: () => ({ turn: 0, log: [] }),
  phase: (s) => (s.turn >= script.length ? null : { kind: 'dialogue', agents: [script[s.turn]![0]], round: s.turn, channel: script[s.turn]![1] }),
  observe: (s, agent) => s.log.filter((m) => members[m.channel]!.includes(agent)),
  actionSchema: () => z.string(),
  defaultAction: () => '',
  apply(s, actions) {
    const [from, channel] = script[s.turn]!;
    const text = actions.get(from)!;
    return {
      state: { turn: s.turn + 1, log: [...s.log, { from, channel, text }] },
      outcomes: [{ type: 'message', from, to: members[channel]!.filter((m) => m !== from), channel, content: text }],
    };
  },
  isOver: (s) => s.turn >= script.length,
  payoffs: () => ({}),
  metrics: () => ({}),
};

describe('dialogue phases over channels', () => {
  it('deliver each message only to its channel members, in observations and memories', async () => {
    const seen: Record<string, string[]> = { a: [], b: [], c: [] };
    const agent = (id: string) =>
      fnAgent<Said[], string>(id, (input) => {
        seen[id] = input.observation.map((m) => m.text);
        return { action: `secret of ${id} #${input.context.turn}` };
      }, { usesModel: true });
    const agents = [agent('a'), agent('b'), agent('c')];
    const sink = new MemorySink();
    await runGame({ game: dialogue, agents, runId: 'd', seed: 1, sink });
    // c spoke at turn 2: it saw the public line, never the private a-b line
    expect(seen.c).toEqual(['secret of a #0']);
    // a spoke last: it saw everything addressed to it
    expect(seen.a).toEqual(['secret of a #0', 'secret of b #1', 'secret of c #2']);
    const messages = sink.events.filter((e) => e.type === 'message');
    expect(messages.map((m) => m.type === 'message' && [m.from, m.channel, m.to])).toEqual([
      ['a', 'public', ['b', 'c']],
      ['b', 'private:a,b', ['a']],
      ['c', 'team:red', ['a']],
      ['a', 'private:a,b', ['b']],
    ]);
    const cMemory = agents[2]!.memory.view().map((i) => i.text).join('\n');
    expect(cMemory).not.toContain('secret of b');
    expect(agents[1]!.memory.view().map((i) => i.text)).toContain('a said: secret of a #3');
  });
});
