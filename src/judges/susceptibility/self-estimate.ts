// (b) The self-estimated measurement of spec 8.3: the persuadee's own probability of agreeing, read from a
// local model as the normalised P("Yes") after the persuadee's view of the conversation and a yes/no question
// (agreementProbability in src/local-models/rewards). Same persona and stated prior as the persuadee was given.
import { renderPersona } from '../../agents/persona.js';
import { loadPrompt, renderPrompt } from '../../agents/prompt-template.js';
import type { Agreement } from '../../local-models/rewards/agreement-probability.js';
import { agreementProbability } from '../../local-models/rewards/agreement-probability.js';
import type { Scorer } from '../../local-models/scorer.js';
import type { ChatMessage } from '../../models/model.js';
import type { DialogueTurn, SusceptibilityDialogue } from './read-dialogue.js';

/** The prompt whose next word is scored: persona, prior, the conversation from the persuadee's side, the question. */
export function selfEstimatePrompt(dialogue: Pick<SusceptibilityDialogue, 'setup' | 'persona'>, turn: DialogueTurn): ChatMessage[] {
  const { setup } = dialogue;
  const prior = setup.prior ? `Before this conversation, your view was: ${setup.prior.statement} (agreement ${setup.prior.agreement} of ${setup.scale}).` : '';
  const lines = turn.transcript.map((u) => `${u.speaker === 'persuadee' ? 'You' : 'The other person'}: ${u.text}`).join('\n');
  return renderPrompt(loadPrompt('susceptibility-self-estimate'), {
    persona: dialogue.persona ? renderPersona(dialogue.persona) : '',
    prior,
    claim: setup.claim,
    transcript: lines ? `The conversation so far:\n${lines}` : '',
  });
}

export function selfEstimateAgreement(scorer: Scorer, dialogue: Pick<SusceptibilityDialogue, 'setup' | 'persona'>, turn: DialogueTurn): Promise<Agreement> {
  return agreementProbability(scorer, selfEstimatePrompt(dialogue, turn));
}
