// What the asker sees while an answer is prepared: the thread status ("is searching the notes…", then
// "is quoting the notes…") where Slack supports it, a 👀 reaction on the question where it does not.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import { safeError } from './safe-error.js';

export const STATUS = { searching: 'is searching the notes…', quoting: 'is quoting the notes…' } as const;
const WORKING_EMOJI = 'eyes';

/** Bolt's `setStatus` for the event's thread (assistant.threads.setStatus). */
export type SetStatus = (status: string) => Promise<unknown>;

export interface WorkingIndicator {
  /** Shows that the question was received, before anything else is done. */
  start(): Promise<void>;
  /** Says the notes were searched and the quotes are being written. */
  quoting(): Promise<void>;
  /** Takes the indicator away; `replied` says whether a reply was posted in the thread (which clears a status by itself). */
  finish(replied: boolean): Promise<void>;
}

export function createWorkingIndicator(
  client: webApi.WebClient,
  setStatus: SetStatus | undefined,
  question: { channel: string; ts: string },
  logger: Logger,
): WorkingIndicator {
  let mode: 'status' | 'reaction' | 'none' = 'none';
  const reaction = { channel: question.channel, timestamp: question.ts, name: WORKING_EMOJI };
  const quietly = (what: string) => (error: unknown) => logger.warn({ error: safeError(error) }, `${what} failed`);
  return {
    async start() {
      if (setStatus) {
        try {
          await setStatus(STATUS.searching);
          mode = 'status';
          return;
        } catch (error) {
          // Outside the surfaces where Slack shows a thread status, the method errors: the reaction says the same.
          logger.debug({ error: safeError(error) }, 'thread status refused; reacting instead');
        }
      }
      await client.reactions.add(reaction).then(() => {
        mode = 'reaction';
      }, quietly('reactions.add'));
    },
    async quoting() {
      if (mode === 'status') await setStatus!(STATUS.quoting).catch(quietly('assistant.threads.setStatus'));
    },
    async finish(replied) {
      if (mode === 'reaction') await client.reactions.remove(reaction).catch(quietly('reactions.remove'));
      else if (mode === 'status' && !replied) await setStatus!('').catch(quietly('assistant.threads.setStatus'));
    },
  };
}
