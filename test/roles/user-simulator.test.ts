// The user-simulator role: its private need is in its own prompt; replies are one JSON action.
import { describe, expect, it } from 'vitest';
import { createMemory } from '../../src/agents/memory/index.js';
import { userActionSchema } from '../../src/games/assistant/assistant-game.js';
import { starterTasks } from '../../src/games/assistant/builtin-tasks.js';
import type { UserObservation } from '../../src/games/assistant/types.js';
import { userSimulatorRole } from '../../src/roles/user-simulator.js';

const task = starterTasks.find((t) => t.id === 'gift-vague')!;
const observation: UserObservation = {
  kind: 'user', task, lastCoverage: 0, asked: true, clarified: false, last: true,
  transcript: [{ from: 'user', text: task.question }, { from: 'assistant', text: 'Who is it for?' }],
};
const agent = { id: 'user', role: 'user-simulator', memory: createMemory(undefined, 'user'), persona: { name: 'Maya', occupation: 'teacher', traits: [], values: [] } };

describe('user-simulator role', () => {
  it('renders the persona, the private need, the clarification and the conversation', () => {
    const text = userSimulatorRole.render({ agent, observation, schema: userActionSchema }).map((m) => m.content).join('\n');
    expect(text).toContain('You are Maya, working as a teacher.');
    expect(text).toContain(task.intent);
    expect(text).toContain(task.clarification);
    expect(text).toContain('deliberately short');
    expect(text).toContain('You: What should I get for a present?\nAssistant: Who is it for?');
    expect(text).toContain('This is your last reply');
  });

  it('reads one JSON reply and rejects an unknown kind', () => {
    expect(userSimulatorRole.parse('{"kind": "clarify", "message": "For my niece."}', userActionSchema, observation)).toEqual({ kind: 'clarify', message: 'For my niece.' });
    expect(() => userSimulatorRole.parse('{"kind": "maybe", "message": "x"}', userActionSchema, observation)).toThrow(/illegal action/);
  });
});
