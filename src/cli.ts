// The `confnotes` command. Each subcommand lives in src/cli/ and receives a loaded Config;
// this file only declares options and turns errors into one-line messages and exit codes.
// Each command's module is imported when the command runs: `ask` must not pay for loading Bolt,
// discord.js or pg (about a second together) that only `serve` and `digest --post` use.
import { Command, Option } from 'commander';
import { loadConfig, type Overrides } from './config.js';
import { isConfnotesError } from './errors.js';
import { log } from './log.js';
import type { Platform } from './cli/serve.js';

interface CommonOptions {
  notes?: string;
  index?: string;
  model?: string;
}

const overridesFrom = (options: CommonOptions, notesArg?: string): Overrides => ({
  CONFNOTES_NOTES_DIR: notesArg ?? options.notes,
  CONFNOTES_INDEX_DIR: options.index,
  CONFNOTES_MODEL: options.model,
});

const withCommonOptions = (command: Command): Command =>
  command
    .option('--notes <dir>', 'notes folder (CONFNOTES_NOTES_DIR, default data/notes)')
    .option('--index <dir>', 'index root folder (CONFNOTES_INDEX_DIR, default data/index)')
    .option('--model <name>', 'embedding model (CONFNOTES_MODEL)');

const program = new Command('confnotes')
  .description('Answers questions from conference notes with verbatim, cited excerpts.')
  .showHelpAfterError();

withCommonOptions(program.command('index').argument('[dir]', 'notes folder').description('index a notes folder (only what changed)'))
  .option('--rebuild', 'rebuild the whole index (e.g. after changing the model)')
  .action(async (dir: string | undefined, options: CommonOptions & { rebuild?: boolean }) =>
    (await import('./cli/index.js')).indexCommand(loadConfig(overridesFrom(options, dir)), { rebuild: options.rebuild === true }),
  );

withCommonOptions(program.command('ask').argument('<question...>', 'the question').description('answer a question from the notes'))
  .option('--json', 'print the Answer object as JSON')
  .addOption(new Option('--k <n>', 'number of excerpts').argParser((v) => Number.parseInt(v, 10)))
  .action(async (words: string[], options: CommonOptions & { json?: boolean; k?: number }) =>
    (await import('./cli/ask.js')).askCommand(loadConfig(overridesFrom(options)), words.join(' '), { json: options.json === true, excerpts: options.k }),
  );

withCommonOptions(program.command('eval').description('score retrieval and answers against questions with gold citations'))
  .requiredOption('--questions <file...>', 'JSON Lines questions file(s)')
  .addOption(new Option('--k <n>', 'cut-off for recall@k').default(5).argParser((v) => Number.parseInt(v, 10)))
  .addOption(new Option('--folds <n>', 'also refit the fitted weights leaving notes files out, N folds').argParser((v) => Number.parseInt(v, 10)))
  .option('--train <file...>', 'with --folds: questions the folds also fit on, never scored (the files `npm run fit` adds to the scored ones)')
  .option('--without <feature...>', 'with --folds: fit every fold as if these features were always 0 (an ablation)')
  .option('--fold-seed <text>', 'with --folds: deal the notes files to the folds in another order, for another split')
  .option('--json', 'print the full report as JSON')
  .action(async (options: CommonOptions & { questions: string[]; train?: string[]; without?: string[]; foldSeed?: string; k: number; folds?: number; json?: boolean }) =>
    (await import('./cli/eval.js')).evalCommand(loadConfig(overridesFrom(options)), {
      questions: options.questions,
      train: options.train,
      without: options.without,
      foldSeed: options.foldSeed,
      k: options.k,
      folds: options.folds,
      json: options.json === true,
    }),
  );

withCommonOptions(program.command('conferences').description('list the indexed conferences and their talks'))
  .option('--json', 'print as JSON')
  .action(async (options: CommonOptions & { json?: boolean }) => (await import('./cli/conferences.js')).conferencesCommand(loadConfig(overridesFrom(options)), { json: options.json === true }));

withCommonOptions(program.command('digest').argument('<conference...>', 'conference name, part of it, or a notes file').description('print the digest of a conference'))
  .option('--json', 'print the Digest object as JSON')
  .option('--post <target>', 'post it instead: slack:#channel or discord:<channel id>')
  .action(async (words: string[], options: CommonOptions & { json?: boolean; post?: string }) =>
    (await import('./cli/digest.js')).digestCommand(loadConfig(overridesFrom(options)), words.join(' '), { json: options.json === true, post: options.post }),
  );

program
  .command('gaps')
  .description('list the questions the notes did not answer (abstentions and 👎), grouped by similar question')
  .option('--since <period>', 'only since then: 7d, 12h, 2w or a date')
  .option('--json', 'print the groups as JSON')
  .option('--post <target>', 'post the report instead: slack:#channel or discord:<channel id>')
  .action(async (options: { since?: string; json?: boolean; post?: string }) =>
    (await import('./cli/gaps.js')).gapsCommand(loadConfig(), { since: options.since, json: options.json === true, post: options.post }),
  );

withCommonOptions(program.command('watch').description('re-index changed notes and post digests of new talks to the digest channels'))
  .action(async (options: CommonOptions) => (await import('./cli/watch.js')).watchCommand(loadConfig(overridesFrom(options))));

withCommonOptions(program.command('serve').argument('<platform>', 'slack or discord').description('run the Slack or Discord bot'))
  .addOption(new Option('--shards <n|ids>', 'Discord: run N shard processes, or with --shard-count the listed shard ids (e.g. 0,1)'))
  .addOption(new Option('--shard-count <n>', 'Discord: shards of the bot across all machines').argParser((v) => Number.parseInt(v, 10)))
  .action(async (platform: Platform, options: CommonOptions & { shards?: string; shardCount?: number }) => {
    const { serveCommand, shardOptions } = await import('./cli/serve.js');
    return serveCommand(loadConfig(overridesFrom(options)), platform, shardOptions(options.shards, options.shardCount));
  });

withCommonOptions(program.command('mcp').description('serve the Model Context Protocol on stdio (tools ask, conferences, digest; the notes as resources)'))
  // Imported when run: the MCP SDK need not load for the other commands.
  .action(async (options: CommonOptions) => (await import('./cli/mcp.js')).mcpCommand(loadConfig(overridesFrom(options))));

program
  .command('discord')
  .description('Discord administration')
  .command('register')
  .description('register the /ask and /digest commands (globally, or in one server for instant updates)')
  .option('--guild <id>', 'register in this server only')
  .action(async (options: { guild?: string }) => {
    const { registerCommands } = await import('../adapters/discord/register-commands.js');
    const registered = await registerCommands(loadConfig(), { guildId: options.guild });
    process.stdout.write(`Registered ${registered.map((c) => `/${c.name}`).join(', ')}${options.guild ? ` in server ${options.guild}` : ' globally'}.\n`);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isConfnotesError(error)) {
    process.stderr.write(`confnotes: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    log.error({ err: error }, 'unexpected error');
    process.stderr.write(`confnotes: unexpected error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
