// `confnotes mcp`: the MCP server on stdio. The handshake is answered at once and the knowledge base opens
// behind it (a first start builds the model and the index, longer than clients wait for `initialize`);
// tools wait for it. If it cannot open, the one-line error goes to stderr and the process exits as `ask` would.
import { readFileSync } from 'node:fs';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Config } from '../config.js';
import { confnotesOver } from '../library/open-confnotes.js';
import { log } from '../log.js';
import { createMcpServer } from '../mcp/server.js';

const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function mcpCommand(config: Config): Promise<void> {
  // stdout carries the protocol: a line a dependency prints there would break the client's stream.
  console.log = console.info = console.debug = console.error;
  const opening = confnotesOver(config);
  // Rejections are awaited below; this only keeps Node from calling one unhandled while the transport starts.
  opening.catch(() => {});
  const server = createMcpServer(() => opening, packageVersion());
  const stopped = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await server.connect(new StdioServerTransport());
  try {
    const confnotes = await opening;
    log.info({ notesDir: config.notesDir }, 'MCP server ready');
    await stopped;
    await confnotes.close();
  } finally {
    await server.close();
  }
}
