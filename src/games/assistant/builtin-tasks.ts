// The built-in `starter` task set, written for Polis: three definite questions and three vague ones whose
// need only comes out when the user is asked. Definite questions name their keywords; vague ones do not.
import type { AssistantTask } from './types.js';

export const starterTasks: readonly AssistantTask[] = [
  {
    id: 'lisbon-trip-definite',
    question: 'Can you plan a three-day trip to Lisbon in May for two people, under 500 euros, using only public transport?',
    type: 'definite',
    intent: 'A three-day Lisbon itinerary in May for two, total under 500 euros, getting around by public transport only.',
    clarification: 'Three days in Lisbon in May for two of us, under 500 euros in total, public transport only.',
    keywords: ['Lisbon', 'May', '500', 'public transport'],
  },
  {
    id: 'trip-vague',
    question: 'Can you help me plan a trip?',
    type: 'vague',
    intent: 'A weekend in Porto in October for one person, mostly food and wine, under 300 euros.',
    clarification: 'I mean a weekend in Porto in October, just me, mostly food and wine, under 300 euros.',
    keywords: ['Porto', 'October', 'wine', '300'],
  },
  {
    id: 'python-dates-definite',
    question: 'In Python, how do I parse the string 2024-03-01 into a date object with datetime.strptime and the format %Y-%m-%d?',
    type: 'definite',
    intent: 'The one-line call datetime.strptime with the %Y-%m-%d format, then .date().',
    clarification: 'I want datetime.strptime with %Y-%m-%d to get a date from 2024-03-01.',
    keywords: ['strptime', '%Y-%m-%d', 'date'],
  },
  {
    id: 'code-vague',
    question: 'My code is slow, what should I do?',
    type: 'vague',
    intent: 'A pandas loop over one million rows with iterrows is slow; the user wants to vectorise it.',
    clarification: 'It is a pandas script that loops over a million rows with iterrows; I want to vectorise it.',
    keywords: ['pandas', 'iterrows', 'vectorise'],
  },
  {
    id: 'bread-definite',
    question: 'How long should I proof a sourdough loaf in the fridge overnight, and at what oven temperature should I bake it in a Dutch oven?',
    type: 'definite',
    intent: 'Cold proof time for sourdough in the fridge and the Dutch oven baking temperature.',
    clarification: 'I mean the overnight fridge proof time for sourdough and the Dutch oven temperature.',
    keywords: ['sourdough', 'fridge', 'Dutch oven'],
  },
  {
    id: 'gift-vague',
    question: 'What should I get for a present?',
    type: 'vague',
    intent: 'A birthday present for a ten-year-old niece who loves astronomy, budget 40 dollars.',
    clarification: 'It is for my niece, she turns ten, she loves astronomy, and I can spend about 40 dollars.',
    keywords: ['niece', 'astronomy', '40'],
  },
];
