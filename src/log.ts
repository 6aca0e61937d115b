// Structured logs on stderr (stdout stays clean for --json). Quiet by default.
// Secrets are redacted by path so that no code path can log a token by accident.
import { pino, type Logger } from 'pino';

export const redactPaths = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'databaseUrl',
  '*.databaseUrl',
  'headers.authorization',
  '*.headers.authorization',
];

export type { Logger };

export function createLogger(level = 'warn', destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: { app: 'confnotes' }, redact: { paths: redactPaths, censor: '[redacted]' } }, destination as never);
}

/** Process-wide logger; the CLI resets its level from the config at start. */
export const log: Logger = createLogger(process.env.CONFNOTES_LOG_LEVEL ?? 'warn');
