// Bolt 5.1 rejects requests signed more than 5 minutes ago but accepts any timestamp in the future,
// so a captured request signed with a future timestamp could be replayed for as long as the attacker
// chose. This check runs before Bolt reads the body, in front of HTTPReceiver's request listener.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** True when the request claims to be signed more than 5 minutes from now. */
export function isFromTheFuture(req: Pick<IncomingMessage, 'headers'>, nowMs: number = Date.now()): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds > Math.floor(nowMs / 1000) + MAX_CLOCK_SKEW_SECONDS;
}

export function rejectFutureRequests(listener: RequestListener, onReject: () => void = () => undefined): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (isFromTheFuture(req)) {
      onReject();
      // Drain the body so the client sees the 401 rather than a reset connection.
      req.resume();
      res.writeHead(401).end();
      return;
    }
    listener(req, res);
  };
}
