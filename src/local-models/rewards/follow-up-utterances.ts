// Our own user follow-ups for the follow-up likelihood reward (FLR, spec 13.7): for each helpfulness
// category, things a satisfied user might say next, and things a dissatisfied one might. Written for
// Polis; the FLR paper's lists are not copied.
export const FOLLOW_UP_CATEGORIES = ['understanding', 'relevance', 'correctness', 'engagingness', 'informativeness', 'following'] as const;
export type FollowUpCategory = (typeof FOLLOW_UP_CATEGORIES)[number];

export interface FollowUps {
  positive: readonly string[];
  negative: readonly string[];
}

export const FOLLOW_UPS: Readonly<Record<FollowUpCategory, FollowUps>> = {
  understanding: {
    positive: ['Yes, that is exactly what I meant.', 'You got my question right.', 'Great, you see what I am after.', 'That is the point I was asking about.', 'Right, you understood me.'],
    negative: ['That is not what I asked.', 'I think you misread my question.', 'No, I meant something else.', 'You missed what I was asking.', 'Let me rephrase, you did not get it.'],
  },
  relevance: {
    positive: ['That is on topic, thanks.', 'This is relevant to my situation.', 'Good, that speaks to my case.', 'That applies to what I need.', 'Yes, that is the part that matters here.'],
    negative: ['How is that related to my question?', 'That is off topic.', 'This has nothing to do with what I need.', 'Why are you talking about that?', 'That does not apply to my case.'],
  },
  correctness: {
    positive: ['That checks out.', 'Thanks, that is correct.', 'I verified it and you are right.', 'Yes, those numbers add up.', 'That matches what I found.'],
    negative: ['That is wrong.', 'I am pretty sure that is incorrect.', 'Those numbers do not add up.', 'That contradicts what I know.', 'You made a mistake there.'],
  },
  engagingness: {
    positive: ['That is interesting, tell me more!', 'I enjoyed reading that.', 'Fun answer, I like it.', 'Wow, I had not thought of that.', 'This conversation is great.'],
    negative: ['That is boring.', 'You sound like a robot.', 'I am losing interest.', 'That answer is dull.', 'Can you be less dry?'],
  },
  informativeness: {
    positive: ['That is very helpful, I learned something.', 'Thanks for the details.', 'That gives me what I needed to know.', 'Useful, now I can decide.', 'Good explanation with the facts I needed.'],
    negative: ['That does not tell me anything.', 'Can you give more detail?', 'That is too vague to help.', 'I still do not know what to do.', 'There is no real information there.'],
  },
  following: {
    positive: ['Thanks for following my instructions.', 'Perfect, that is the format I asked for.', 'Good, you kept it short as requested.', 'Exactly as I asked, thank you.', 'You did what I told you.'],
    negative: ['I asked you to do it differently.', 'You ignored my instructions.', 'That is not the format I asked for.', 'I said to keep it short.', 'Please do what I asked.'],
  },
};
