import { describe, expect, it } from 'vitest';
import {
  emptyDigestState,
  parseDigestState,
  recordTalks,
  serializeDigestState,
  talkIdentity,
  unseenTalks,
} from '../../src/digests/digest-state.js';

const conf = 'qcon london 2014';
const etsy = talkIdentity(conf, 'How outages shaped Etsy’s architecture', 'Après chaque problème en prod chez Etsy, ils font des post-mortem publics.');

describe('talkIdentity', () => {
  it('ignores case, accents, punctuation, wrapping and markup in titles and bodies', () => {
    const same = talkIdentity(conf, 'how outages shaped ETSY’S architecture!', '- apres chaque probleme en prod\nchez Etsy ils font des **post-mortem** publics');
    expect(same).toEqual(etsy);
  });
});

describe('unseenTalks', () => {
  it('treats an edited body under the same title as the same talk', () => {
    const edited = talkIdentity(conf, 'How outages shaped Etsy’s architecture', 'Après chaque problème en production chez Etsy, ils font des post-mortems publics.');
    expect(unseenTalks([etsy], [edited])).toEqual([]);
  });

  it('treats a renamed heading over the same body as the same talk, even moved to another conference', () => {
    const renamed = talkIdentity('qcon london', 'Etsy: how outages shaped the architecture', 'Après chaque problème en prod chez Etsy, ils font des post-mortem publics.');
    expect(unseenTalks([etsy], [renamed])).toEqual([]);
  });

  it('finds a talk with a new title and a new body', () => {
    const other = talkIdentity(conf, 'Microservices at Gilt', 'Gilt a découpé son monolithe Rails.');
    expect(unseenTalks([etsy], [etsy, other])).toEqual([other]);
  });

  it('lets one recorded talk stand for one talk only: a second "Keynote" is new', () => {
    const day1 = talkIdentity(conf, 'Keynote', 'Le keynote du premier jour parlait de TED.');
    const day2 = talkIdentity(conf, 'Keynote', 'Le keynote du second jour parlait de robots.');
    expect(unseenTalks([day1], [day1, day2])).toEqual([day2]);
  });

  it('finds the same title in another conference new', () => {
    const other = talkIdentity('qcon london 2015', 'How outages shaped Etsy’s architecture', 'Un autre texte.');
    expect(unseenTalks([etsy], [other])).toEqual([other]);
  });
});

describe('recordTalks', () => {
  it('updates a known talk to its latest version and keeps talks no longer in the notes', () => {
    const edited = talkIdentity(conf, 'How outages shaped Etsy’s architecture', 'Un texte réécrit.');
    const gone = talkIdentity(conf, 'Removed talk', 'Plus dans les notes.');
    expect(recordTalks([etsy, gone], [edited])).toEqual([edited, gone]);
  });

  it('adds new talks', () => {
    const other = talkIdentity(conf, 'Microservices at Gilt', 'Gilt.');
    expect(recordTalks([etsy], [etsy, other])).toEqual([etsy, other]);
  });
});

describe('state file', () => {
  it('round-trips and refuses what is not a digest state', () => {
    const state = emptyDigestState();
    state.targets['slack:#conf'] = { talks: [etsy] };
    expect(parseDigestState(serializeDigestState(state))).toEqual(state);
    expect(() => parseDigestState('{"version":2}')).toThrow();
    expect(() => parseDigestState('not json')).toThrow();
  });
});
