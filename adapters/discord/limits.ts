// Discord rejects a whole message when any part exceeds its limits, so everything we send is cut to fit
// here first. Lengths are counted in UTF-16 code units, which is never less than what Discord counts.
import type { APIEmbed } from 'discord.js';

export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedsTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** The editorial mark for omitted text in a quotation, in French as in English. */
export const CUT_MARKER = ' […]';

/** At most `max` characters; a longer text is cut at a word boundary when one is near, and marked. */
export function clip(text: string, max: number, marker: string = CUT_MARKER): string {
  if (text.length <= max) return text;
  if (max <= marker.length) return text.slice(0, Math.max(0, max));
  let end = max - marker.length;
  // Never split a surrogate pair: half an emoji renders as garbage.
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  const space = text.lastIndexOf(' ', end);
  // Back up to a word boundary only when it costs little of the allowance.
  if (space > end * 0.8) end = space;
  return text.slice(0, end).trimEnd() + marker;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** What Discord counts towards the 6000 characters shared by all embeds of a message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Cuts every part of an embed to its own limit and the whole to `total` by shortening the description. */
export function fitEmbed(embed: APIEmbed, total: number = LIMITS.embedsTotal): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (embed.title !== undefined) fitted.title = clip(embed.title, LIMITS.title);
  if (embed.description !== undefined) fitted.description = clip(embed.description, LIMITS.description);
  if (embed.author) fitted.author = { ...embed.author, name: clip(embed.author.name, LIMITS.author) };
  if (embed.footer) fitted.footer = { ...embed.footer, text: clip(embed.footer.text, LIMITS.footer) };
  if (embed.fields) {
    fitted.fields = embed.fields.slice(0, LIMITS.fields).map((field) => ({
      ...field,
      name: clip(field.name, LIMITS.fieldName),
      value: clip(field.value, LIMITS.fieldValue),
    }));
  }
  const excess = embedLength(fitted) - total;
  if (excess > 0 && fitted.description) {
    fitted.description = clip(fitted.description, Math.max(0, fitted.description.length - excess));
  }
  return fitted;
}

/** Enough of a quote to be worth showing; below this an embed is dropped rather than shown cut to nothing. */
const MIN_DESCRIPTION = 200;

/**
 * Fits embeds into a single message: at most 10, their descriptions shortened so that all of them
 * share the 6000 characters fairly (short ones keep their text, long ones get what is left).
 */
export function fitInOneMessage(embeds: APIEmbed[]): { embeds: APIEmbed[]; dropped: number } {
  let kept = embeds.slice(0, LIMITS.embedsPerMessage).map((embed) => fitEmbed(embed));
  const overhead = (embed: APIEmbed) => embedLength(embed) - (embed.description?.length ?? 0);
  // Drop from the end until the parts that cannot shrink leave room for some text in each description.
  while (kept.length > 1 && kept.reduce((sum, e) => sum + overhead(e) + MIN_DESCRIPTION, 0) > LIMITS.embedsTotal) {
    kept = kept.slice(0, -1);
  }
  let remaining = LIMITS.embedsTotal - kept.reduce((sum, e) => sum + overhead(e), 0);
  const shares = new Map<number, number>();
  const byLength = kept.map((e, i) => ({ i, length: e.description?.length ?? 0 })).sort((a, b) => a.length - b.length);
  byLength.forEach(({ i, length }, rank) => {
    const share = Math.min(length, Math.floor(remaining / (byLength.length - rank)));
    shares.set(i, share);
    remaining -= share;
  });
  const fitted = kept.map((embed, i) =>
    embed.description === undefined ? embed : { ...embed, description: clip(embed.description, shares.get(i)!) },
  );
  return { embeds: fitted, dropped: embeds.length - kept.length };
}

/** Groups fitted embeds into as few messages as the per-message count and length limits allow, in order. */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let length = 0;
  for (const embed of embeds.map((e) => fitEmbed(e))) {
    const size = embedLength(embed);
    if (current.length > 0 && (current.length === LIMITS.embedsPerMessage || length + size > LIMITS.embedsTotal)) {
      messages.push(current);
      current = [];
      length = 0;
    }
    current.push(embed);
    length += size;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
