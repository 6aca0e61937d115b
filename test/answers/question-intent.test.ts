import { describe, expect, it } from 'vitest';
import type { QueryTerm } from '../../src/answers/term-weights.js';
import { askedKinds, asksForTalks, givenWords, intentOf, measureOf, namesPerson, statesAmountOf, statesMeasureOf } from '../../src/answers/question-intent.js';
import { queryTerms } from './note-fixture.js';

describe('askedKinds: amounts', () => {
  it('notices questions asking for an amount, in both languages', () => {
    expect(askedKinds('how many servers did they run?')).toEqual(['amount']);
    expect(askedKinds('etsy deploys per day?')).toEqual(['amount']);
    expect(askedKinds('combien de requêtes tient un serveur ?')).toEqual(['amount']);
    expect(askedKinds('What did Etsy say about post-mortems?')).not.toContain('amount');
  });
});

describe('statesAmountOf', () => {
  it('takes no number the question writes for an amount', () => {
    const any = (): boolean => true;
    expect(statesAmountOf('The oven firmware moved to HTTP/2.', any, givenWords('how many bakeries run http/2?'))).toBe(false);
    expect(statesAmountOf('The oven firmware moved to HTTP/2.', any)).toBe(true);
    expect(statesAmountOf('The ovens run on k8s and ec2.', any)).toBe(false);
  });

  const any = (): boolean => true;
  it('sees digits and number words, not list numbering or years', () => {
    expect(statesAmountOf('They deploy about 50 times a day.', any)).toBe(true);
    expect(statesAmountOf('il faut une cinquantaine de requêtes', any)).toBe(true);
    expect(statesAmountOf('Over eight thousand people came.', any)).toBe(true);
    expect(statesAmountOf('3) Secrets: rotate keys.', any)).toBe(false);
    expect(statesAmountOf('Back in 2014, no blame, ever.', any)).toBe(false);
  });

  it('takes an amount only within a phrase of what it counts', () => {
    const participants = (word: string): boolean => word.startsWith('particip');
    expect(statesAmountOf('Nous étions 600 participants cette année.', participants)).toBe(true);
    expect(statesAmountOf('Déjà 2 semaines que tout est fini. Plus tard, les intervenants et aussi les participants ont ri.', participants)).toBe(false);
  });

  it('reads the Markdown as a reader sees it: image file names and reference labels state nothing', () => {
    const people = (word: string): boolean => word === 'people' || word === 'portland';
    expect(statesAmountOf('So many people!\n- ![  ](../images/20181127_173421.jpg)', people)).toBe(false);
    expect(statesAmountOf('See you in [Portland][9] next year.', people)).toBe(false);
    expect(statesAmountOf('Over [8000 people](https://example.org/stats) came.', people)).toBe(true);
  });
});

describe('intentOf', () => {
  const term = (word: string): QueryTerm => ({ word, terms: [word], idf: 3, df: 2, rarity: 1 });

  it('ranks on neither the year of a named edition nor its two-digit spelling, and keeps other numbers', () => {
    const words = ['18', 'lightning', 'prometheus'];
    expect(intentOf('kubecon 18 lightning talks on prometheus?', words.map(term), ['KubeCon 2018']).rankingTerms.map((t) => t.word)).toEqual(['lightning', 'prometheus']);
    expect(intentOf('18 lightning talks on prometheus?', words.map(term), []).rankingTerms.map((t) => t.word)).toEqual(words);
  });
});

describe('measureOf', () => {
  it('reads what an amount question measures from its asking, in both languages', () => {
    expect(measureOf('how long did the migration take?')).toBe('duration');
    expect(measureOf('combien de temps faut-il pour déployer ?')).toBe('duration');
    expect(measureOf('how small was the image?')).toBe('size');
    expect(measureOf('quelle taille fait le cluster ?')).toBe('size');
    expect(intentOf('how heavy was the rack?', [], []).measure).toBe('size');
    expect(measureOf('how many servers did they run?')).toBeUndefined();
  });

  it('is part of the intent of an amount question only', () => {
    expect(intentOf('how long are the talks?', [], []).measure).toBe('duration');
    expect(intentOf('who spoke for how long?', [], []).measure).toBeUndefined();
  });

  it('reads a price from an amount question that names one, not from a question about prices', () => {
    expect(intentOf('how much did the new oven cost?', [], []).measure).toBe('price');
    expect(intentOf('combien coûtait la formation pâtisserie ?', [], []).measure).toBe('price');
    expect(intentOf('what did the baker say about flour prices?', [], []).measure).toBeUndefined();
    expect(intentOf('how long did the oven take, and what did it cost?', [], []).measure).toBe('duration');
  });

  it('reads a share from an asking of a part of a whole', () => {
    expect(intentOf('what share of the loaves were rye?', [], []).measure).toBe('share');
    expect(intentOf('how much of the dough goes to the levain?', [], []).measure).toBe('share');
    expect(intentOf('quelle part de la farine est bio ?', [], []).measure).toBe('share');
    expect(intentOf('how much flour do they use?', [], []).measure).toBeUndefined();
  });
});

describe('statesMeasureOf', () => {
  it('sees an amount in a unit of the measure, written apart, glued or in words', () => {
    expect(statesMeasureOf('The port took 2 years to finish.', 'duration')).toBe(true);
    expect(statesMeasureOf('Une image de seulement 53Mo.', 'size')).toBe(true);
    expect(statesMeasureOf('Des conférences de dix-huit minutes.', 'duration')).toBe(true);
  });

  it('sees a price in an amount with a currency sign, name or code', () => {
    for (const text of ['Le four a coûté 1200€.', 'About $45 online.', 'Flour waste: 2k€/year', 'It cost 50 euros.', 'The fee is 5 USD per loaf.'])
      expect(statesMeasureOf(text, 'price'), text).toBe(true);
    for (const text of ['La formation de 3 jours.', 'It took 4 months.', 'Version 2.0 of the recipe.']) expect(statesMeasureOf(text, 'price'), text).toBe(false);
  });

  it('sees a share in a percentage, sign or word', () => {
    for (const text of ['About 40% of the loaves were rye.', 'Rye is 40 % of the flour.', 'Only 12 percent sold out.']) expect(statesMeasureOf(text, 'share'), text).toBe(true);
    expect(statesMeasureOf('They baked 40 loaves of rye.', 'share')).toBe(false);
  });

  it('sees no measure in a number the question writes: the "2" of HTTP/2 is a version', () => {
    const given = givenWords('how long did the move to HTTP/2 take?');
    expect(statesMeasureOf('The move to HTTP/2 took months.', 'duration', given)).toBe(false);
    expect(statesMeasureOf('The move to HTTP/2 took 3 months.', 'duration', given)).toBe(true);
  });

  it('sees no measure in an amount of something else, a year, or a unit of another measure', () => {
    expect(statesMeasureOf('Over 8000 people came.', 'duration')).toBe(false);
    expect(statesMeasureOf('Back in 2014, years went by.', 'duration')).toBe(false);
    expect(statesMeasureOf('It took 2 years.', 'size')).toBe(false);
    expect(statesMeasureOf('2 in 3 users left.', 'size')).toBe(false);
  });
});

describe('askedKinds: people', () => {
  it('notices who opens the question or a clause, not a relative pronoun', () => {
    expect(askedKinds('who gave the keynote at PyTexas?')).toEqual(['person']);
    expect(askedKinds("c'est qui qui a parlé des levains ?")).toEqual(['person']);
    expect(askedKinds('the monitoring talk, who gave it?')).toEqual(['person']);
    expect(askedKinds("tips for a baker who can't stand rye?")).not.toContain('person');
    expect(askedKinds("un boulanger qui n'a pas envie de se lever tôt ?")).not.toContain('person');
  });
});

describe('namesPerson', () => {
  it('sees a first name and a surname', () => {
    expect(namesPerson("I enjoyed Martin Kleppmann's talk.")).toBe(true);
    expect(namesPerson('Amazing keynote, I will watch it again on YouTube!')).toBe(false);
  });

  it('takes capitalised words that open on no given name for what a talk showed, not for someone', () => {
    expect(namesPerson('The demo moved from Pattern Matching to Proof Time in ten minutes.')).toBe(false);
    expect(namesPerson('The demo moved from Pattern Matching to Proof Time, said Jeanne Levain.')).toBe(true);
  });

  it('takes no name for an answer that the question writes itself', () => {
    const given = givenWords('who gave the sourdough basics keynote?');
    expect(namesPerson('The Sourdough Basics keynote was packed.', given)).toBe(false);
    expect(namesPerson('The Sourdough Basics keynote, by Ada Baker, was packed.', given)).toBe(true);
  });
});

describe('answer kind', () => {
  const kind = (question: string): string => intentOf(question, [], []).answerKinds.join(' ');
  it('is the kind of the first asking of each clause that asks', () => {
    expect(kind('how many servers did they run?')).toBe('amount');
    expect(kind('when they deleted the clusters, how long were users affected?')).toBe('amount');
    expect(kind('what percentage of users left?')).toBe('amount');
    expect(kind('which tools did she recommend to measure how much debt a codebase has?')).toBe('any');
    expect(kind('What did Etsy say about post-mortems?')).toBe('any');
    expect(kind('how many ovens and mixers did they run?')).toBe('amount');
    expect(kind('for a small bakery, how many loaves per day?')).toBe('amount');
  });

  it('reads each clause that asks, a question opening on its verb among them', () => {
    expect(kind('who gave the bread talk and how many ovens did they run?')).toBe('person amount');
    expect(kind('demo bakery - how long does the dough rest, and can it rest overnight?')).toBe('amount any');
  });

  it('counts a time or a place as an asking when its verb comes with it, not a clause "when" or "où" opens', () => {
    const kinds = {
      'demo conf 2030: when was it, and how much were the tickets?': 'any amount',
      "c'était où, et combien ça coûtait ?": 'any amount',
      'quand a eu lieu la conf, et combien de gens ?': 'any amount',
      'how many people came, and where was it?': 'amount any',
      'dans la salle où ils étaient, combien de gens ?': 'amount',
    };
    for (const [question, expected] of Object.entries(kinds)) expect(kind(question), question).toBe(expected);
  });
});

describe('asksForTalks', () => {
  it('tells listing questions from questions about one talk', () => {
    expect(asksForTalks('which talks at Scaleconf 2017 were about databases?')).toBe(true);
    expect(asksForTalks('quels talks à dotScale ?')).toBe(true);
    expect(asksForTalks('devoxx keynotes: which ones mattered for java devs?')).toBe(true);
    expect(asksForTalks('What did Etsy say about post-mortems?')).toBe(false);
    // The determiner may stand apart from its noun, by the topic's or the conference's words only.
    expect(asksForTalks('which GraphQL sessions were there at re:Invent 2031?')).toBe(true);
    expect(asksForTalks('any talks on serverless?')).toBe(true);
    // "EU" and "AI" are topics, though French stop words ("eu", "ai").
    expect(asksForTalks('which kubecon eu 2019 talks covered security?')).toBe(true);
    // A verb asking for the list takes its article and the topic's words.
    expect(asksForTalks('list the rye-and-spelt sessions from Fournil Days 2031')).toBe(true);
    expect(asksForTalks('liste les talks sur le levain')).toBe(true);
  });

  it('does not take a question about one talk for a listing: there the asking word is a pronoun', () => {
    expect(asksForTalks("what was the speaker's opening talk about?")).toBe(false);
    expect(asksForTalks('what did the Shopify talk say about caching?')).toBe(false);
    expect(asksForTalks('the talk about remote teams, which tools did she use?')).toBe(false);
    expect(asksForTalks("c'était quoi le talk sur l'IA ?")).toBe(false);
  });
});

describe('intentOf', () => {
  it('sets aside the words and the year that name a conference, and lists its talks when nothing else is asked', () => {
    const asked = intentOf('where was kubeday 2031 held?', queryTerms({ kubeday: 4, '2031': 3, held: 2 }), ['KubeDay']);
    expect(asked.topicTerms.map((t) => t.word)).toEqual(['held']);
    expect(asked.rankingTerms.map((t) => t.word).sort()).toEqual(['held', 'kubeday']);
    expect(asked).toMatchObject({ conferenceOnly: false, listing: false });
    const talks = intentOf('kubeday 2031?', queryTerms({ kubeday: 4, '2031': 3 }), ['KubeDay']);
    expect(talks).toMatchObject({ topicTerms: [], conferenceOnly: true, listing: true });
    // Nothing but the name, and yet a question about the event: its talks do not say when or where it was.
    for (const question of ['when and where was kubeday 2031?', 'kubeday 2031, c’était où ?', 'how was kubeday 2031?']) {
      expect(intentOf(question, queryTerms({ kubeday: 4, '2031': 3 }), ['KubeDay']), question).toMatchObject({ conferenceOnly: false, listing: false });
    }
  });

  it('keeps a year as a topic when no conference is named', () => {
    const asked = intentOf('what happened in 2031?', queryTerms({ happened: 2, '2031': 3 }), []);
    expect(asked.topicTerms.map((t) => t.word).sort()).toEqual(['2031', 'happened']);
    expect(asked.rankingTerms).toEqual(asked.topicTerms);
  });

  it('reads the language of the question when its words tell it', () => {
    expect(intentOf("qu'est-ce qu'elle a dit sur le levain ?", [], []).language).toBe('fr');
    expect(intentOf('what did she say about the levain?', [], []).language).toBe('en');
    expect(intentOf('levain?', [], []).language).toBeUndefined();
  });
});
