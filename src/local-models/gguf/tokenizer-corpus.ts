// A small corpus we wrote ourselves, used only to learn a few SentencePiece-style merges for the
// home-made tokenizer, so common words of agent dialogue become single tokens.
export const TOKENIZER_CORPUS = `
The agents meet in the market and talk about the price of bread. The first agent offers a fair trade.
The second agent asks for a better price and the first agent agrees. They shake hands and the trade is done.
Do you want to cooperate or defect this round? I will cooperate if you cooperate with me.
The answer is yes. The answer is no. Yes, I agree with the proposal. No, I do not agree with that.
Thank you for the clear explanation, that was very helpful and easy to understand.
I think that the planner should lower the tax rate so that the workers can earn more money.
Please give your answer in JSON with the name and the value of the offer.
The persuader explains why the plan is good for the community and the persuadee listens.
What is the total score after ten rounds of the game? The total is the sum of the payoffs.
`;
