// Assertions shared by the formatter tests and the wire tests.
import { expect } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { embedLength, LIMITS } from '../../adapters/discord/limits.js';

/** Every limit Discord enforces on one message; a message breaking any of them is rejected whole. */
export function expectWithinLimits(message: { content?: string; embeds: APIEmbed[] }): void {
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(message.embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
}

/** True when Discord would turn some part of the text into a ping. */
export const canPing = (text: string): boolean => /@(everyone|here)|<@[!&]?\d+>/.test(text);

export const allText = (message: { content?: string; embeds: APIEmbed[] }): string =>
  [message.content ?? '', ...message.embeds.map((e) => JSON.stringify(e))].join('\n');
