import { z } from 'zod';
import { COMMANDS } from '../commands/index.js';
import { helpCard } from '../commands/help.js';
import { defineAction } from './card-action.js';
import { Verb } from './verbs.js';

/** "Vis alle kommandoer" on the welcome card. */
export const showHelpAction = defineAction({
  verb: Verb.ShowHelp,
  role: 'alle',
  schema: z.object({ verb: z.literal(Verb.ShowHelp) }),
  async handle(turn) {
    await turn.reply({ card: helpCard(turn, COMMANDS) });
  },
});
