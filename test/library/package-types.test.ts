// What a user's project sees: this package packed as npm would publish it, installed into a separate
// project, and a file importing `confnotes` and `confnotes/langchain` type-checked there with tsc.
// Libraries' own declarations are not re-checked (skipLibCheck, as most projects run);
// the @ts-expect-error lines fail if a type the user meets decays to `any`.
import { execFile } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const run = promisify(execFile);
const TSC = resolve('node_modules/typescript/bin/tsc');
/** npm reaching the registry is the one thing this test cannot control; the install is served from npm's cache when it can. */
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ENETUNREACH|network/i;

const consumer = `
import { openConfnotes, isConfnotesError, type Answer, type Confnotes, type ConfnotesOptions } from 'confnotes';
import { ConfnotesRetriever, searchConferenceNotesTool, type ConfnotesMetadata } from 'confnotes/langchain';
import type { BaseRetriever } from '@langchain/core/retrievers';

const options: ConfnotesOptions = { notesDir: 'notes', indexDir: 'index', databaseUrl: undefined };
const confnotes: Confnotes = await openConfnotes(options);
const answer: Answer = await confnotes.ask('What did Etsy say about post-mortems?', { excerpts: 2 });
const cited: Array<[string, number]> = answer.excerpts.map((e) => [e.file, e.lines[0]]);
// @ts-expect-error a quote is a string
const wrong: number = answer.excerpts[0]!.quote;

const retriever: BaseRetriever<ConfnotesMetadata> = await ConfnotesRetriever.open({ ...options, k: 4, mode: 'passages' });
const docs = await retriever.invoke('What did Etsy say about post-mortems?');
const from: number = docs[0]!.metadata.loc.lines.from;
// @ts-expect-error a source is a file name
const wrongSource: number = docs[0]!.metadata.source;
const tool = searchConferenceNotesTool(await ConfnotesRetriever.open(options));
const toolName: string = tool.name;
export { cited, wrong, from, wrongSource, toolName, isConfnotesError };
`;

describe('the packed package, from another project', () => {
  it('resolves confnotes and confnotes/langchain with their types', async (ctx) => {
    expect(existsSync('dist/src/library.d.ts'), 'build first: npm test runs tsc before vitest').toBe(true);
    const dir = tempDir('consumer');
    // The installed project weighs about 1 GB.
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { maxBuffer: 16 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>;
    // What the tarball must not carry: models, indexes, notes, sources and tests.
    // Code, the data the code reads (fitted weights, word frequencies), and the glossary's licence.
    expect(packed!.files.filter((f) => !/^(dist\/(src|adapters|embeddings)\/.*\.(js|d\.ts|json)|src\/text\/glossary-data\/(COPYING|README\.md)|bin\/confnotes\.js|package\.json|README\.md)$/.test(f.path))).toEqual([]);
    // About 1.1 MB, most of it the glossary and the word lists: a model or an index would be tens of MB.
    expect(packed!.size).toBeLessThan(1.5 * 1024 * 1024);

    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    try {
      // Scripts skipped: the native index module need not be compiled to check types.
      await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', join(dir, packed!.filename), '@types/node@^20.19.0'], {
        cwd: dir,
        env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' },
        timeout: 300_000,
      });
    } catch (error) {
      const message = `${(error as { stderr?: string }).stderr ?? ''}${(error as Error).message}`;
      if (OFFLINE.test(message)) return ctx.skip(`npm could not install the tarball's dependencies offline: ${message.split('\n')[0]}`);
      throw error;
    }
    writeFileSync(join(dir, 'check.ts'), consumer);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, files: ['check.ts'] }),
    );
    const checked = await run(process.execPath, [TSC, '-p', dir], { cwd: dir }).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(checked.stdout).toBe('');
    // Node resolves the same entry points through the exports map.
    const resolved = await run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('confnotes'), import.meta.resolve('confnotes/langchain'))"], { cwd: dir });
    expect(resolved.stdout).toMatch(/node_modules\/confnotes\/dist\/src\/library\.js .*node_modules\/confnotes\/dist\/src\/langchain\/index\.js/);
  }, 420_000);
});
