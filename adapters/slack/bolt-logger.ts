// Bolt and its Web API client log through this adapter into the app's pino logger, so their output
// follows CONFNOTES_LOG_LEVEL and the secret redaction instead of going to the console.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/log.js';

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

const text = (parts: unknown[]): string => parts.map(describe).join(' ');

export function createBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    // Bolt's debug output includes whole request bodies: library chatter that is not worth the risk of logging.
    debug: () => undefined,
    // Bolt's "info" is routine ("Now connected to Slack"): debug level for this app.
    info: (...parts: unknown[]) => logger.debug({ source: 'bolt' }, text(parts)),
    warn: (...parts: unknown[]) => logger.warn({ source: 'bolt' }, text(parts)),
    error: (...parts: unknown[]) => logger.error({ source: 'bolt' }, text(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
