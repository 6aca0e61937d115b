// Follow-ups in a thread: the reply and the earlier question make one question.
import { describe, expect, it } from 'vitest';
import { composeFollowUp } from '../../src/answers/follow-up.js';

const EARLIER = 'What did Etsy say about post-mortems?';

describe('composeFollowUp', () => {
  it('asks the earlier question about whoever the reply names instead', () => {
    expect(composeFollowUp(EARLIER, 'and what did Pinterest say?')).toBe('What did Pinterest say about post-mortems?');
    expect(composeFollowUp(EARLIER, 'Et Pinterest ?')).toBe('What did Pinterest say about post-mortems?');
    expect(composeFollowUp('Qu’a dit John Allspaw d’Etsy sur les post-mortems ?', 'et Kent Beck ?')).toBe('Qu’a dit Kent Beck sur les post-mortems ?');
    expect(composeFollowUp('What did John Allspaw of Etsy say about deploys?', 'and Kent Beck?')).toBe('What did Kent Beck say about deploys?');
  });

  it('keeps the earlier names beside a new topic', () => {
    expect(composeFollowUp(EARLIER, 'and about on-call?')).toBe('and about on-call (Etsy)?');
  });

  it('repeats the earlier question for a reply that asks nothing new', () => {
    expect(composeFollowUp(EARLIER, 'more?')).toBe(EARLIER);
    expect(composeFollowUp(EARLIER, 'et alors ?')).toBe(EARLIER);
  });

  it('lets a reply with its own names and topic stand alone', () => {
    expect(composeFollowUp(EARLIER, 'What did Pinterest say about Python?')).toBe('What did Pinterest say about Python?');
  });

  it('adds the names to an earlier question that had none', () => {
    expect(composeFollowUp('Who talked about post-mortems?', 'and at Pinterest?')).toBe('Who talked about post-mortems (Pinterest)?');
  });
});
