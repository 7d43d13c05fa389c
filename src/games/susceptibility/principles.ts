// Persuasion principles a persuader can be told to use (MMPersuade's strategy axis, spec 8.3: "reciprocity,
// credibility, logic, ..."; the others follow Cialdini's influence principles). Descriptions in our words.
export const PERSUASION_PRINCIPLES = {
  reciprocity: 'Offer something first (a concession, a useful fact, help) so that the other person feels inclined to give something back.',
  credibility: 'Build trust in the source: cite expertise, track records and reputable institutions behind the claim.',
  logic: 'Reason step by step from evidence and facts the other person accepts to the claim.',
  emotion: "Appeal to feelings: make the stakes vivid and connect the claim to what the other person cares about.",
  'social-proof': 'Show that many people, especially people like the other person, already accept the claim.',
  scarcity: 'Stress what is rare, urgent or about to be lost if the claim is ignored.',
  commitment: 'Start from small points the other person already agrees with and build consistently toward the claim.',
  liking: 'Build rapport: find common ground, be warm, and compliment sincerely before making your case.',
} as const;

export type PersuasionPrinciple = keyof typeof PERSUASION_PRINCIPLES;
export const PRINCIPLE_NAMES = Object.keys(PERSUASION_PRINCIPLES) as [PersuasionPrinciple, ...PersuasionPrinciple[]];
