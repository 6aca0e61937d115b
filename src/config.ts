// The one place where settings are read: environment variables, then an optional JSON config file,
// then command-line overrides. Every other module receives a typed `Config`.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// zod's v3 API, which zod 4 keeps: every command reads its settings before anything else, and loading zod 4's
// classic API cost ~100 ms of each `confnotes ask`, against ~10 ms for this one. The schema needs nothing newer.
import { z } from 'zod/v3';
import { ConfnotesError } from './errors.js';

const intFrom = (def: number) => z.coerce.number().int().nonnegative().default(def);
const optionalString = z.string().min(1).optional();

/** Citations become links to this address: only http(s), so that a setting cannot make a `javascript:` link. */
function isWebAddress(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value.replace(/\{(?:file|start|end)\}/g, 'x')).protocol);
  } catch {
    return false;
  }
}

/** Setting name → schema. The README's settings table lists exactly these. */
export const settingsSchema = z.object({
  CONFNOTES_NOTES_DIR: z.string().default('data/notes'),
  CONFNOTES_INDEX_DIR: z.string().default('data/index'),
  CONFNOTES_MODEL: z.string().default('static-glove-100d'),
  CONFNOTES_MODELS_DIR: z.string().default('data/models'),
  CONFNOTES_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  CONFNOTES_MAX_FILE_MB: z.coerce.number().positive().default(5),
  CONFNOTES_ABSTAIN_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
  CONFNOTES_EXCERPTS: intFrom(3),
  CONFNOTES_STATE_DIR: z.string().default('data/state'),
  CONFNOTES_DATABASE_URL: optionalString,
  CONFNOTES_DATABASE_POOL: z.coerce.number().int().positive().default(4),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  CONFNOTES_SLACK_PORT: intFrom(3000),
  CONFNOTES_SLACK_API_URL: optionalString,
  CONFNOTES_SLACK_RESPONSE: z.enum(['in_channel', 'ephemeral']).default('in_channel'),
  CONFNOTES_SLACK_CHANNELS: z.string().default(''),
  CONFNOTES_RATE_LIMIT: intFrom(10),
  CONFNOTES_FOLLOW_UPS: intFrom(5),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  CONFNOTES_DISCORD_API_URL: z.string().default('https://discord.com/api'),
  CONFNOTES_DIGEST_SLACK_CHANNEL: optionalString,
  CONFNOTES_DIGEST_DISCORD_CHANNEL: optionalString,
  CONFNOTES_NOTES_URL: z
    .string()
    .min(1)
    .refine(isWebAddress, 'must be an http(s) URL, optionally with {file}, {start} and {end}')
    .optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingName = keyof Settings;

/** What the rest of the code uses: paths resolved, lists split. */
export interface Config {
  notesDir: string;
  indexDir: string;
  model: string;
  modelsDir: string;
  logLevel: Settings['CONFNOTES_LOG_LEVEL'];
  maxFileBytes: number;
  abstainThreshold: number;
  excerpts: number;
  stateDir: string;
  databaseUrl?: string;
  databasePool: number;
  /** Base URL or template that turns citations into links to the notes' lines (src/links/citation-url.ts). */
  notesUrl?: string;
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    port: number;
    apiUrl?: string;
    responseType: 'in_channel' | 'ephemeral';
    channels: string[];
    rateLimitPerMinute: number;
    /** Replies without a mention answered in a thread the bot answered; 0 turns follow-ups off. */
    followUps: number;
    digestChannel?: string;
  };
  discord: {
    token?: string;
    applicationId?: string;
    apiUrl: string;
    digestChannel?: string;
  };
}

export type Overrides = Partial<Record<SettingName, string | number | undefined>>;

/** Reads the optional config file named by CONFNOTES_CONFIG, or `confnotes.config.json` in the working directory. */
function readConfigFile(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = env.CONFNOTES_CONFIG ?? 'confnotes.config.json';
  if (!existsSync(path)) {
    if (env.CONFNOTES_CONFIG) throw new ConfnotesError('CONFIG_INVALID', `config file ${path} does not exist`);
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfnotesError('CONFIG_INVALID', `${path}: ${(error as Error).message}`);
  }
}

/** Precedence: command-line overrides, then the environment, then the config file, then defaults. */
export function loadConfig(overrides: Overrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const file = readConfigFile(env);
  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(settingsSchema.shape) as SettingName[]) {
    const value = overrides[name] ?? env[name] ?? file[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfnotesError('CONFIG_INVALID', `${String(issue.path[0])}: ${issue.message}`);
  }
  const s = parsed.data;
  return {
    notesDir: resolve(s.CONFNOTES_NOTES_DIR),
    indexDir: resolve(s.CONFNOTES_INDEX_DIR),
    model: s.CONFNOTES_MODEL,
    modelsDir: resolve(s.CONFNOTES_MODELS_DIR),
    logLevel: s.CONFNOTES_LOG_LEVEL,
    maxFileBytes: Math.round(s.CONFNOTES_MAX_FILE_MB * 1024 * 1024),
    abstainThreshold: s.CONFNOTES_ABSTAIN_THRESHOLD,
    excerpts: s.CONFNOTES_EXCERPTS,
    stateDir: resolve(s.CONFNOTES_STATE_DIR),
    databaseUrl: s.CONFNOTES_DATABASE_URL,
    databasePool: s.CONFNOTES_DATABASE_POOL,
    notesUrl: s.CONFNOTES_NOTES_URL,
    slack: {
      botToken: s.SLACK_BOT_TOKEN,
      signingSecret: s.SLACK_SIGNING_SECRET,
      appToken: s.SLACK_APP_TOKEN,
      port: s.CONFNOTES_SLACK_PORT,
      apiUrl: s.CONFNOTES_SLACK_API_URL,
      responseType: s.CONFNOTES_SLACK_RESPONSE,
      channels: s.CONFNOTES_SLACK_CHANNELS.split(',').map((c) => c.trim()).filter(Boolean),
      rateLimitPerMinute: s.CONFNOTES_RATE_LIMIT,
      followUps: s.CONFNOTES_FOLLOW_UPS,
      digestChannel: s.CONFNOTES_DIGEST_SLACK_CHANNEL,
    },
    discord: {
      token: s.DISCORD_TOKEN,
      applicationId: s.DISCORD_APPLICATION_ID,
      apiUrl: s.CONFNOTES_DISCORD_API_URL,
      digestChannel: s.CONFNOTES_DIGEST_DISCORD_CHANNEL,
    },
  };
}
