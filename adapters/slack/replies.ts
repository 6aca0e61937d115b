// The bot's own sentences: usage, refusals and apologies. Kept together so the tone stays consistent.
import { escapeMrkdwn, truncate } from './escape.js';
import { type SlackMessage, textMessage } from './blocks.js';

export const COMMAND = '/confnotes';

export function usage(problem?: string): SlackMessage {
  return textMessage(
    [
      ...(problem ? [escapeMrkdwn(problem), ''] : []),
      '*confnotes* answers from the team’s conference notes, quoting them word for word with their source.',
      `• \`${COMMAND} <question>\` — e.g. \`${COMMAND} What did Etsy say about post-mortems?\``,
      `• \`${COMMAND} digest <conference>\` — every talk of a conference with its highlights, in a thread`,
      `• \`${COMMAND} help\` — this message`,
      'You can also mention me in a channel or send me a direct message.',
    ].join('\n'),
  );
}

export function slowDown(perMinute: number, retryAfterSeconds: number): SlackMessage {
  return textMessage(
    `You’re asking faster than I can read (${perMinute} questions a minute). Please try again in ${retryAfterSeconds} s. 🙏`,
  );
}

/** Channel ids render as links to the channel; names as written. */
export function notHere(channels: string[]): SlackMessage {
  const where = channels.map((c) => (/^[CGD][A-Z0-9]+$/.test(c) ? `<#${c}>` : `#${escapeMrkdwn(c.replace(/^#/, ''))}`));
  return textMessage(`I only answer in ${where.join(', ')}, or in a direct message. Please ask me there!`);
}

export function apology(errorId: string): SlackMessage {
  return textMessage(`Sorry, something went wrong while I was reading the notes. Please try again; if it keeps failing, give this id to the team: \`${errorId}\`.`);
}

export function conferenceNotFound(asked: string, known: string[]): SlackMessage {
  const list = known.length ? known.map((c) => `• ${escapeMrkdwn(c)}`).join('\n') : '_(no conference is indexed yet)_';
  const what = asked ? `I found no conference matching “${escapeMrkdwn(truncate(asked, 200))}”.` : 'Which conference?';
  return textMessage(`${what} Try \`${COMMAND} digest <conference>\` with one of:\n${list}`);
}

export function cannotPostDigest(): SlackMessage {
  return textMessage('I can’t post in this conversation. Invite me to the channel (`/invite @confnotes`) and ask again.');
}

export function followUpLimit(turns: number): SlackMessage {
  return textMessage(`I answer up to ${turns} follow-up${turns === 1 ? '' : 's'} in a thread. Mention me or start a new thread to ask more.`);
}
