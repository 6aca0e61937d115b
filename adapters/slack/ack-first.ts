// Slash commands are acknowledged as soon as their signature is verified, in front of Bolt's
// HTTPReceiver. Bolt sends a command's ack only when its listener calls ack(), at the end of the
// middleware chain (the receiver's ack object and its timer, event typing, authorize, the built-in
// matchers, our dedupe), and that work runs in promise callbacks ahead of reading the next request:
// in a burst every ack waited for the Bolt work of every command before it (Dec 2026, 200 commands
// at once: p95 ≈ max, 90-130 ms of main-thread CPU until the last ack). Here the ack is the first
// thing done after verification, and Bolt then processes each command later, one per turn of the
// event loop, so that requests arriving meanwhile are read and acknowledged first.
//
// Everything else (events, actions, a signature that does not verify, another command) goes to Bolt's
// own listener unchanged, with the body already read: Bolt takes a request's rawBody as it is
// (bufferIncomingMessage), verifies it again and answers as it always does, 401s included.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type BufferedIncomingMessage, HTTPModuleFunctions as boltHttp, type ReceiverEvent, verifySlackRequest } from '@slack/bolt';

/** Slash command bodies are a few kB; anything larger is left to Bolt, which applies its own limit. */
const MAX_COMMAND_BYTES = 64 * 1024;

export interface AckFirstOptions {
  signingSecret: string;
  /** The slash command acknowledged early: the one whose listener acks without a response body. */
  command: string;
  /** Hands an acknowledged command to Bolt (App.processEvent). */
  process(event: ReceiverEvent): Promise<void>;
  onError(error: unknown): void;
  /** The path Bolt receives events on. */
  endpoint?: string;
}

export interface AckFirst {
  listener: RequestListener;
  /** Resolves once every command acknowledged so far has been processed by Bolt. */
  settled(): Promise<void>;
}

/** The ack() Bolt hands to the command's listener: the HTTP ack has gone already, so there is nothing to send. */
const alreadyAcknowledged = async (): Promise<void> => undefined;

export function ackCommandsFirst(bolt: RequestListener, options: AckFirstOptions): AckFirst {
  const endpoint = options.endpoint ?? '/slack/events';
  const queue: Array<() => Promise<void>> = [];
  const underWay = new Set<Promise<void>>();

  /** One command per turn of the event loop: requests that came in meanwhile are read, and so acknowledged, first. */
  function processNext(): void {
    void queue.shift()?.();
    if (queue.length > 0) setImmediate(processNext);
  }

  function enqueue(event: ReceiverEvent): void {
    const handled = new Promise<void>((resolve) => {
      queue.push(() => options.process(event).catch(options.onError).then(resolve));
    });
    underWay.add(handled);
    void handled.then(() => underWay.delete(handled));
    // A queue that was empty has no turn scheduled: a scheduled turn always finds a command waiting.
    if (queue.length === 1) setImmediate(processNext);
  }

  function isCommandRequest(req: IncomingMessage): boolean {
    const length = Number(req.headers['content-length']);
    return (
      req.method === 'POST' &&
      req.url?.split('?')[0] === endpoint &&
      req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
      length > 0 &&
      length <= MAX_COMMAND_BYTES
    );
  }

  /** The command's body when the request is a verified /confnotes command; undefined for anything Bolt should see. */
  function verifiedCommand(req: BufferedIncomingMessage): Record<string, unknown> | undefined {
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string') return undefined;
    try {
      verifySlackRequest({
        signingSecret: options.signingSecret,
        body: req.rawBody.toString(),
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
      });
      const body = boltHttp.parseHTTPRequestBody(req) as Record<string, unknown>;
      return body.command === options.command && body.ssl_check === undefined ? body : undefined;
    } catch {
      // Bolt verifies and parses it again, logs why it failed and answers 401 or 400.
      return undefined;
    }
  }

  function received(req: BufferedIncomingMessage, res: ServerResponse): void {
    const body = verifiedCommand(req);
    if (!body) {
      bolt(req, res);
      return;
    }
    res.writeHead(200).end();
    enqueue({
      body,
      ack: alreadyAcknowledged,
      retryNum: boltHttp.extractRetryNumFromHTTPRequest(req),
      retryReason: boltHttp.extractRetryReasonFromHTTPRequest(req),
    });
  }

  return {
    listener(req, res) {
      if (!isCommandRequest(req)) {
        bolt(req, res);
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.once('error', () => res.destroy());
      req.once('end', () => received(Object.assign(req, { rawBody: Buffer.concat(chunks) }), res));
    },
    async settled() {
      await Promise.allSettled([...underWay]);
    },
  };
}
