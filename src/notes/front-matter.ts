// Front matter: YAML between `---` fences (Jekyll, Hugo), TOML between `+++` fences (Hugo), or bare
// `key: value` lines at the very top (some static-site exports). Only a few fields matter to us. A
// WordPress export may name them as WordPress's posts table does (`post_title`, `post_date`) and write
// the title as WordPress stores it, with HTML character references (`l&rsquo;Agile`).
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import { decodeReferences } from './prose.js';

export interface FrontMatter {
  title?: string;
  /** `YYYY-MM-DD` as written in the `date` field, never shifted by a time zone. */
  date?: string;
  tags: string[];
  /** `lang`/`language` field, e.g. `fr-FR`. */
  lang?: string;
  /** Lines taken by the front matter, fences included; the body starts on the next line. 0 when absent. */
  lineCount: number;
  warnings: string[];
}

const FENCES = { '---': 'YAML', '+++': 'TOML' } as const;
type Fence = keyof typeof FENCES;

const none = (warnings: string[] = []): FrontMatter => ({ tags: [], lineCount: 0, warnings });

/** Reads the front matter of a note given as lines (without line terminators). */
export function readFrontMatter(lines: string[]): FrontMatter {
  const fence = lines[0]?.trimEnd();
  if (fence === '---' || fence === '+++') return readFenced(lines, fence);
  return readBare(lines);
}

function readFenced(lines: string[], fence: Fence): FrontMatter {
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === fence);
  const kind = FENCES[fence];
  if (close < 0) return none([`${kind} front matter opened on line 1 is never closed; read as Markdown`]);
  const inner = lines.slice(1, close);
  const fields = { lineCount: close + 1, ...rawFields(inner) };
  try {
    // Options, even empty, turn off gray-matter's cache by content: a cached text is returned unparsed, so a
    // note read again (the watcher, a second sync) would lose its warning, and the cache keeps every note read.
    const data = fence === '+++' ? parseToml(inner.join('\n')) : matter(`---\n${inner.join('\n')}\n---\n`, {}).data;
    return { ...fields, ...typedFields(data as Record<string, unknown>, fields.date), warnings: [] };
  } catch (error) {
    // Keep what line-by-line reading found (title, date): a broken field elsewhere should not cost the title.
    const reason = (error as Error).message.split('\n')[0];
    return { ...fields, tags: [], warnings: [`broken ${kind} front matter (${reason}); title and date read line by line`] };
  }
}

/** `title: …` and `date: …` lines at the very top, without fences, ended by a blank line. */
function readBare(lines: string[]): FrontMatter {
  const end = lines.findIndex((line) => !/^[A-Za-z_][\w-]*:\s*\S/.test(line));
  if (end < 2 || lines[end]?.trim() !== '') return none();
  const fields = rawFields(lines.slice(0, end));
  if (!fields.title && !fields.date) return none();
  return { ...fields, tags: [], lineCount: end, warnings: [] };
}

const unquote = (value: string): string => value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();

/** Title, date and lang read from `key: value` / `key = value` lines: robust to anything a parser rejects. */
function rawFields(lines: string[]): Pick<FrontMatter, 'title' | 'date' | 'lang'> {
  const field = (key: string): string | undefined => {
    const line = lines.find((l) => new RegExp(`^${key}\\s*[:=]\\s*\\S`, 'i').test(l));
    return line === undefined ? undefined : unquote(line.replace(/^[^:=]+[:=]/, ''));
  };
  const title = field('title') ?? field('post_title');
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(field('date') ?? field('post_date') ?? '')?.[1];
  const lang = field('lang') ?? field('language');
  return {
    ...(title && !title.startsWith('!') ? { title: decodeReferences(title) } : {}),
    ...(date ? { date } : {}),
    ...(lang ? { lang } : {}),
  };
}

function typedFields(data: Record<string, unknown>, rawDate: string | undefined): Pick<FrontMatter, 'title' | 'date' | 'tags'> {
  const written = data.title ?? data.post_title;
  const title = typeof written === 'string' ? decodeReferences(written.replace(/\s+/g, ' ').trim()) : undefined;
  const writtenDate = data.date ?? data.post_date;
  const date = rawDate ?? (writtenDate instanceof Date ? writtenDate.toISOString().slice(0, 10) : undefined);
  const tags = (Array.isArray(data.tags) ? data.tags : typeof data.tags === 'string' ? data.tags.split(/[,\s]+/) : [])
    .map((tag) => String(tag).trim())
    .filter(Boolean);
  return { ...(title ? { title } : {}), ...(date ? { date } : {}), tags };
}
