// Assertions shared by the formatter tests and the wire tests.
import { expect } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { embedLength, LIMITS } from '../../adapters/discord/limits.js';

interface AnyComponent {
  type: number;
  content?: string;
  label?: string;
  components?: AnyComponent[];
  accessory?: AnyComponent;
}

interface Sent {
  content?: string;
  embeds?: APIEmbed[];
  components?: AnyComponent[];
}

/** Every component of a Components V2 message, nested ones included, in reading order. */
export function flatComponents(components: AnyComponent[] = []): AnyComponent[] {
  return components.flatMap((c) => [c, ...flatComponents(c.components), ...(c.accessory ? [c.accessory] : [])]);
}

/** What a reader sees of a Components V2 message: its text displays, in order. */
export const componentText = (message: Sent): string[] =>
  flatComponents(message.components).flatMap((c) => (c.type === 10 && c.content !== undefined ? [c.content] : []));

/** Every limit Discord enforces on one message; a message breaking any of them is rejected whole. */
export function expectWithinLimits(message: Sent): void {
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  const all = flatComponents(message.components);
  expect(all.length).toBeLessThanOrEqual(LIMITS.components);
  const text = all.reduce((sum, c) => sum + (c.content?.length ?? 0) + (c.label?.length ?? 0), 0);
  expect(text).toBeLessThanOrEqual(LIMITS.componentText);
}

/** True when Discord would turn some part of the text into a ping. */
export const canPing = (text: string): boolean => /@(everyone|here)|<@[!&]?\d+>/.test(text);

export const allText = (message: Sent): string =>
  [message.content ?? '', ...(message.embeds ?? []).map((e) => JSON.stringify(e)), JSON.stringify(message.components ?? [])].join('\n');
