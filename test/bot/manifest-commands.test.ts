import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/bot/commands/index.js';
import { messages } from '../../src/i18n/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}
const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'manifest/manifest.json'), 'utf8')) as {
  bots: { commandLists: CommandList[] }[];
};

/** What the command table says Teams should offer in each scope's command menu. */
function expectedLists(): CommandList[] {
  return (['personal', 'team', 'groupChat'] as const).map((scope) => ({
    scopes: [scope],
    commands: COMMANDS.filter((c) => c.scopes.includes(scope)).map((c) => ({ title: c.name, description: messages('nb')[c.description] })),
  }));
}

describe('the Teams command menu', () => {
  it('lists exactly the commands of the command table, per scope, with their Norwegian descriptions', () => {
    // On failure, paste the expected value into manifest/manifest.json's commandLists.
    expect(manifest.bots[0]!.commandLists).toEqual(expectedLists());
  });

  it('stays within Teams’ limits: 10 commands a scope, 32-character titles, 128-character descriptions', () => {
    for (const list of expectedLists()) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('has no two commands answering to the same word', () => {
    const words = COMMANDS.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(words).size).toBe(words.length);
  });

  it('has every command described in both languages', () => {
    for (const command of COMMANDS) {
      expect(messages('nb')[command.description]).toBeTruthy();
      expect(messages('en')[command.description]).toBeTruthy();
      expect(messages('en')[command.description]).not.toBe(messages('nb')[command.description]);
    }
  });
});
