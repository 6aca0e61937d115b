// Errors from the Slack Web API can carry the failed HTTP request (`original`, `cause`), headers and
// bot token included. Only these fields of them are ever logged.

export interface SafeError {
  name?: string;
  message: string;
  code?: string;
  /** Slack's error code, e.g. `not_in_channel`. */
  slackError?: string;
}

export function safeError(error: unknown): SafeError {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, data } = error as Error & { code?: unknown; data?: { error?: unknown } };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof data?.error === 'string' ? { slackError: data.error } : {}),
  };
}
