// Prompt text shared by the persuasion roles: the public conversation and the coaching channel as lines.
import type { DialogueLine, Dimension, PublicScenario } from '../games/persuasion/index.js';

export function dialogueText(lines: readonly DialogueLine[], scenario: Pick<PublicScenario, 'persuader' | 'persuadee'>): string {
  if (lines.length === 0) return '(nothing said yet)';
  return lines.map((l) => `${l.speaker === 'persuader' ? scenario.persuader : scenario.persuadee}: ${l.text}`).join('\n');
}

export function coachingText(entries: ReadonlyArray<{ from: 'persuader' | 'observer'; text: string }>): string {
  if (entries.length === 0) return '(nothing yet)';
  return entries.map((e) => `${e.from === 'persuader' ? 'Your guess' : 'Coach'}: ${e.text}`).join('\n');
}

export function dimensionsText(dimensions: readonly Dimension[]): string {
  return dimensions.map((d) => `the ${d.replace('.', ' ')}`).join(', ');
}
