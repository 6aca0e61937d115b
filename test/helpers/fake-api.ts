// A recording HTTP server on 127.0.0.1 standing in for the Slack Web API or Discord's REST API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/** An HTTP server that records each request and answers with `reply(request)` as JSON. */
export async function fakeApi(reply: (request: Recorded) => unknown): Promise<{ url: string; requests: Recorded[]; server: Server }> {
  const requests: Recorded[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const json = (req.headers['content-type'] ?? '').includes('application/json');
    const body = raw === '' ? {} : json ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw));
    const request = { method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body };
    requests.push(request);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply(request)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

