// How close a predicted belief or desire is to the true one, without a model: token F1 over content words,
// the overlap measure of the SQuAD evaluation script (Rajpurkar et al., EMNLP 2016, `f1_score`), after
// dropping the framing ("persuadee believes that", "I want to") and common stop words.
// A model-based judgement of the same predictions belongs in src/judges, reading the trace.

const FRAMING = /\b(?:(?:the\s+)?persuadee|i)\s+(?:believes?|thinks?|wants?|hopes?|desires?|wishes?)\s*(?:that|to)?\b/gi;

const STOP_WORDS = new Set(
  ('a an the and or but if of to in on at for with by from as is are was were be been being it its this that these those ' +
    'he she they him her them his hers their i me my you your we our do does did have has had not no so than then too very ' +
    'can could will would should may might must just about into over more most some any such own same also there here')
    .split(' '),
);

/** Lower-cased content words of `text`, in order (a crude plural/possessive trim keeps "method"/"methods" together). */
export function contentTokens(text: string): string[] {
  return text
    .replace(FRAMING, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Token F1 of a prediction against the truth, in [0, 1]; 0 when either side has no content words. */
export function tokenF1(predicted: string, truth: string): number {
  const p = contentTokens(predicted);
  const t = contentTokens(truth);
  if (p.length === 0 || t.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of t) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of p) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(w, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / t.length;
  return (2 * precision * recall) / (precision + recall);
}
