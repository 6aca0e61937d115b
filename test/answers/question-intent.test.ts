import { describe, expect, it } from 'vitest';
import { asksForQuantity, asksForTalks, intentOf, statesQuantity } from '../../src/answers/question-intent.js';
import { queryTerms } from './note-fixture.js';

describe('asksForQuantity', () => {
  it('notices questions asking for an amount, in both languages', () => {
    expect(asksForQuantity('how many servers did they run?')).toBe(true);
    expect(asksForQuantity('etsy deploys per day?')).toBe(true);
    expect(asksForQuantity('combien de requêtes tient un serveur ?')).toBe(true);
    expect(asksForQuantity('What did Etsy say about post-mortems?')).toBe(false);
  });
});

describe('statesQuantity', () => {
  it('sees digits and number words, not list numbering', () => {
    expect(statesQuantity('They deploy about 50 times a day.')).toBe(true);
    expect(statesQuantity('il faut une cinquantaine de requêtes')).toBe(true);
    expect(statesQuantity('Over eight thousand people came.')).toBe(true);
    expect(statesQuantity('3) Secrets: rotate keys.')).toBe(false);
    expect(statesQuantity('No blame, ever.')).toBe(false);
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
});
