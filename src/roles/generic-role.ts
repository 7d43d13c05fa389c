// The fallback role for games without a dedicated one: the observation as compact lines (lists of records
// as tables, one row per item, as many recent rows as the memory policy shows), the action as JSON that
// matches the action schema. Good enough for any game; dedicated roles follow a study's exact protocol.
import { z } from 'zod';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import { parseJsonAnswer } from '../models/parse-json.js';
import type { Role } from './role.js';
import { compactObservation } from './compact-observation.js';
import { renderMemory } from './render-memory.js';

/** A game's action schema is one object for the whole run: its JSON Schema text is worked out once. */
const schemaTexts = new WeakMap<z.ZodType, string>();

function schemaText(schema: z.ZodType): string {
  let text = schemaTexts.get(schema);
  if (text === undefined) schemaTexts.set(schema, (text = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }))));
  return text;
}

export function genericRole(gameDescription: string): Role {
  return {
    name: 'generic-agent',
    templates: ['generic-agent'],
    structured: true,
    render({ agent, observation, schema }) {
      return renderPrompt(loadPrompt('generic-agent'), {
        persona: agent.persona ? renderPersona(agent.persona) : `You are ${agent.id}.`,
        game: gameDescription,
        memory: renderMemory(agent.memory.view()),
        observation: compactObservation(observation, agent.memory?.horizon === undefined ? {} : { recent: agent.memory.horizon }),
        schema: schemaText(schema),
      });
    },
    parse(text) {
      const parsed = parseJsonAnswer(text);
      if (!parsed.ok) throw new InvalidActionError('unparsable', parsed.error, text);
      return parsed.value;
    },
  };
}
