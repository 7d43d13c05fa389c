// Through the real engine (roles, prompts, model stack, trace): the user's private need never reaches the
// assistant's prompts unless the user said it in a message.
import { describe, expect, it } from 'vitest';
import { starterTasks } from '../../../src/games/assistant/builtin-tasks.js';
import { READING_MATRICES, writeTurn } from '../../../src/games/assistant/strategies.js';
import { runScripted } from '../../helpers/scripted-experiment.js';

const config = {
  game: 'gtalign-assistant',
  params: { tasks: 'starter', maxTurns: 2 },
  seed: 3,
  agents: [
    { id: 'assistant', policy: { model: 'default' } },
    { id: 'user', policy: { model: 'default' }, persona: { name: 'Maya', occupation: 'teacher' } },
  ],
};

// The assistant always asks; the user says `message(task)` of the task whose question its prompt shows.
const assistantText = writeTurn(READING_MATRICES.vague, 'VQ_CQ', 'The request is short.', 'Could you tell me more about what you need?');
const run = (message: (task: (typeof starterTasks)[number]) => string) =>
  runScripted(config, (request, agent) => {
    if (agent === 'assistant') return assistantText;
    const prompt = request.messages.map((m) => m.content).join('\n');
    const task = starterTasks.find((t) => prompt.includes(t.question))!;
    const reply = { kind: 'clarify', message: message(task) };
    return { text: JSON.stringify(reply), object: reply };
  });

describe('gtalign-assistant leak test', () => {
  it('keeps the intent, clarification and keywords of every task out of the assistant\'s prompts when the user never says them', async () => {
    const { prompts, run: result } = await run(() => 'Hmm, let me think.');
    expect(result.status).toBe('completed');
    const assistant = prompts.get('assistant')!.join('\n');
    const user = prompts.get('user')!.join('\n');
    expect(prompts.get('assistant')).toHaveLength(12); // 6 conversations × 2 turns, nobody satisfied
    for (const task of starterTasks) {
      // the owner's prompts do carry them: the check below could fail
      expect(user).toContain(task.intent);
      expect(user).toContain(task.clarification);
      expect(assistant).toContain(task.question);
      expect(assistant).not.toContain(task.intent);
      expect(assistant).not.toContain(task.clarification);
      if (task.type === 'vague') for (const k of task.keywords) expect(assistant).not.toContain(k);
    }
    // the true question type stays private too: only the user is told its question was deliberately short
    expect(user).toContain('deliberately short');
    expect(assistant).not.toContain('deliberately short');
  });

  it('shows the assistant what the user said, and still nothing else', async () => {
    const { prompts } = await run((task) => task.clarification);
    const assistant = prompts.get('assistant')!;
    const gift = starterTasks.find((t) => t.id === 'gift-vague')!;
    const afterClarifying = assistant.find((p) => p.includes(gift.question) && p.includes(gift.clarification));
    expect(afterClarifying).toBeDefined();
    for (const task of starterTasks) expect(assistant.join('\n')).not.toContain(task.intent);
  });
});
