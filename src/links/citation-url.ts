// Where a citation points when CONFNOTES_NOTES_URL is set: the exact lines of the note on the team's
// code host. One function for every surface (Slack, Discord, CLI) so that they link the same way.
import type { LineRange } from '../types.js';

const PLACEHOLDER = /\{(file|start|end)\}/g;

/** A file path made safe for a URL, segment by segment, so that `/` still separates folders. */
const encodePath = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

/** True for a setting written as a template (`…/{file}#{start}`) rather than a base URL. */
export const isTemplate = (setting: string): boolean => /\{(?:file|start|end)\}/.test(setting);

/**
 * The link to `lines` of `file`, or undefined when no notes URL is set.
 * - A base URL (GitHub/GitLab/Gitea style, e.g. `https://github.com/acme/notes/blob/main/`) gets the file and
 *   `#L20-L25` (`#L20` for one line). Markdown and reStructuredText files also get `?plain=1`: GitHub and GitLab render them,
 *   and a rendered page has no line anchors.
 * - A template replaces `{file}`, `{start}` and `{end}`, for hosts that write line anchors otherwise.
 */
export function citationUrl(file: string, lines: LineRange, setting: string | undefined): string | undefined {
  if (!setting) return undefined;
  const [start, end] = lines;
  if (isTemplate(setting)) {
    const values = { file: encodePath(file), start: String(start), end: String(end) };
    return setting.replace(PLACEHOLDER, (_m, name: keyof typeof values) => values[name]);
  }
  const base = setting.endsWith('/') ? setting : `${setting}/`;
  const plain = /\.(?:md|markdown|rst)$/i.test(file) ? '?plain=1' : '';
  const anchor = start === end ? `#L${start}` : `#L${start}-L${end}`;
  return `${base}${encodePath(file)}${plain}${anchor}`;
}
