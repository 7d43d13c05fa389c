// Reads one susceptibility dialogue (games/susceptibility, spec 8.3) back from a trace: the setup event, the
// utterances on the pair's channel, and the persuadee's self-reports, cut into one entry per persuadee turn.
// Judges never import games, so the two event shapes are re-validated here with zod.
import { z } from 'zod';
import { personaSchema, type Persona } from '../../agents/persona.js';
import { InputError } from '../../core/errors/input-error.js';
import type { TraceEvent } from '../../traces/event.js';

/** Outcome event names written by the susceptibility game. */
export const SUSCEPTIBILITY_SETUP_EVENT = 'susceptibility-setup';
export const AGREEMENT_REPORT_EVENT = 'agreement-report';

const setupSchema = z.object({
  claim: z.string(),
  scale: z.number().int().min(2),
  strategy: z.string(),
  context: z.string(),
  turns: z.number().int(),
  prior: z.object({ agreement: z.number(), statement: z.string() }).nullable(),
  persuader: z.string(),
  persuadee: z.string(),
});
const reportSchema = z.object({ turn: z.number().int().min(0), agreement: z.number() });

export type SusceptibilitySetupRecord = z.infer<typeof setupSchema>;

export interface DialogueUtterance {
  speaker: 'persuader' | 'persuadee';
  text: string;
  seq: number;
}

export interface DialogueTurn {
  /** 0 = the persuadee's opening. */
  turn: number;
  /** `seq` of the persuadee's message this turn ends with. */
  seq: number;
  /** Logical time of that message. */
  time: number;
  /** The persuadee's own Likert report. */
  selfReport: number;
  /** Everything said up to and including the persuadee's message. */
  transcript: DialogueUtterance[];
}

export interface SusceptibilityDialogue {
  setup: SusceptibilitySetupRecord;
  /** The persuadee's persona from `run-start`, when it had one. */
  persona?: Persona;
  turns: DialogueTurn[];
}

/** Throws an InputError naming the event when the trace holds no susceptibility run or a malformed event. */
export function readSusceptibilityDialogue(events: readonly TraceEvent[], file = '<trace>'): SusceptibilityDialogue {
  const outcomeData = (e: TraceEvent, name: string) => (e.type === 'outcome' && e.outcome.type === 'event' && e.outcome.name === name ? e.outcome.data : undefined);
  const setupEvent = events.find((e) => outcomeData(e, SUSCEPTIBILITY_SETUP_EVENT) !== undefined);
  if (!setupEvent) throw new InputError(`no "${SUSCEPTIBILITY_SETUP_EVENT}" outcome event: not a trace of the susceptibility game`, { file });
  const parsed = setupSchema.safeParse(outcomeData(setupEvent, SUSCEPTIBILITY_SETUP_EVENT));
  if (!parsed.success) throw new InputError(`malformed ${SUSCEPTIBILITY_SETUP_EVENT} event: ${parsed.error.issues[0]?.message}`, { file, field: `seq ${setupEvent.seq}` });
  const setup = parsed.data;
  const channel = `private:${setup.persuader},${setup.persuadee}`;

  const transcript: DialogueUtterance[] = [];
  const turns: DialogueTurn[] = [];
  let persona: Persona | undefined;
  for (const e of events) {
    if (e.type === 'run-start') {
      const p = personaSchema.safeParse(e.agents.find((a) => a.id === setup.persuadee)?.persona);
      if (p.success) persona = p.data;
    } else if (e.type === 'message' && e.channel === channel) {
      transcript.push({ speaker: e.from === setup.persuader ? 'persuader' : 'persuadee', text: e.content, seq: e.seq });
    } else {
      const data = outcomeData(e, AGREEMENT_REPORT_EVENT);
      if (data === undefined) continue;
      const report = reportSchema.safeParse(data);
      if (!report.success) throw new InputError(`malformed ${AGREEMENT_REPORT_EVENT} event: ${report.error.issues[0]?.message}`, { file, field: `seq ${e.seq}` });
      const said = transcript.at(-1);
      if (!said || said.speaker !== 'persuadee') throw new InputError(`${AGREEMENT_REPORT_EVENT} at seq ${e.seq} follows no persuadee message on ${channel}`, { file });
      turns.push({ turn: report.data.turn, seq: said.seq, time: e.time, selfReport: report.data.agreement, transcript: [...transcript] });
    }
  }
  return { setup, ...(persona ? { persona } : {}), turns };
}
