// Discord rejects a whole message when any part exceeds its limits, so everything we send is cut to fit
// here first. Lengths are counted in UTF-16 code units, which is never less than what Discord counts.
import type { APIEmbed, APIMessageTopLevelComponent } from 'discord.js';

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
  /** Components V2: every component counts, nested ones included. */
  components: 40,
  /** Components V2: the text of all text displays (and labels) of one message. */
  componentText: 4000,
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

/** A top-level component with what it costs against the Components V2 limits. */
export interface Part {
  component: APIMessageTopLevelComponent;
  /** Components it holds, itself included. */
  count: number;
  /** Characters of text it shows. */
  length: number;
}

/** Groups parts into as few messages as the component count and text length allow, in order. */
export function packComponents(parts: Part[]): APIMessageTopLevelComponent[][] {
  const messages: APIMessageTopLevelComponent[][] = [];
  let current: APIMessageTopLevelComponent[] = [];
  let count = 0;
  let length = 0;
  for (const part of parts) {
    if (current.length > 0 && (count + part.count > LIMITS.components || length + part.length > LIMITS.componentText)) {
      messages.push(current);
      current = [];
      count = 0;
      length = 0;
    }
    current.push(part.component);
    count += part.count;
    length += part.length;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
