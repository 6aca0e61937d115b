// Slash commands are acknowledged as soon as their signature is verified, in front of Bolt's
// HTTPReceiver. Bolt sends a command's ack only when its listener calls ack(), at the end of the
// middleware chain (the receiver's ack object and its timer, event typing, authorize, the built-in
// matchers, our dedupe), and that work runs in promise callbacks ahead of reading the next request:
// in a burst every ack waited for the Bolt work of every command before it (Dec 2026, 200 commands
// at once: p95 ≈ max, 90-130 ms of main-thread CPU until the last ack). Here the ack is the first
// thing done after verification, and Bolt processes the command after the acks (src/pool/after-acks.ts).
//
// Everything else (events, actions, a signature that does not verify, another command) goes to Bolt's
// own listener unchanged, with the body already read: Bolt takes a request's rawBody as it is
// (bufferIncomingMessage), verifies it again and answers as it always does, 401s included.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type BufferedIncomingMessage, HTTPModuleFunctions as boltHttp, type ReceiverEvent } from '@slack/bolt';
import { afterAcks } from '../../src/pool/after-acks.js';
import { MAX_CLOCK_SKEW_SECONDS } from './request-guard.js';

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

/**
 * Bolt's verifySlackRequest, with one HMAC instead of three: it compares signatures with tsscmp, which HMACs
 * both under a fresh random key (2.3 µs here against 17 µs per request, and a getrandom call, on the main
 * thread before the ack). Same rules, so nothing passes here that Bolt would refuse: signed as
 * v0:<timestamp as Bolt reads it>:<body as UTF-8 text>, and not more than 5 minutes old (request-guard.ts refuses the future).
 */
export function signedBySlack(secret: string, signature: string, timestampSeconds: number, body: Buffer, nowMs = Date.now()): boolean {
  if (Number.isNaN(timestampSeconds) || timestampSeconds < Math.floor(nowMs / 1000) - MAX_CLOCK_SKEW_SECONDS) return false;
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body.toString()}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The ack() Bolt hands to the command's listener: the HTTP ack has gone already, so there is nothing to send. */
const alreadyAcknowledged = async (): Promise<void> => undefined;

export function ackCommandsFirst(bolt: RequestListener, options: AckFirstOptions): AckFirst {
  const endpoint = options.endpoint ?? '/slack/events';
  const answering = afterAcks();

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
    if (!signedBySlack(options.signingSecret, signature, Number(timestamp), req.rawBody)) return undefined;
    try {
      const body = boltHttp.parseHTTPRequestBody(req) as Record<string, unknown>;
      return body.command === options.command && body.ssl_check === undefined ? body : undefined;
    } catch {
      // Bolt parses it again, logs why it failed and answers 400.
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
    const event: ReceiverEvent = {
      body,
      ack: alreadyAcknowledged,
      retryNum: boltHttp.extractRetryNumFromHTTPRequest(req),
      retryReason: boltHttp.extractRetryReasonFromHTTPRequest(req),
    };
    answering.later(() => options.process(event)).catch(options.onError);
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
    settled: answering.settled,
  };
}
