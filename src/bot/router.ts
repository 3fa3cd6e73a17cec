import { z } from 'zod';
import { ErrorCode, isDomainError } from '../domain/errors.js';
import { COUNCIL, mayUse, SECRETARIAT, type Access } from '../domain/roles.js';
import { isTooLong, MAX_MESSAGE_LENGTH } from '../domain/text.js';
import { accessNames, messages } from '../i18n/index.js';
import { ACTIONS, findAction, type CardAction } from './actions/index.js';
import { answerFromChat, COORDINATOR } from './actions/salto.js';
import { receiveFiles } from './actions/attachments.js';
import { activeReport } from '../domain/salto-rounds.js';
import { nearestWord, parseText } from './command-parser.js';
import { COMMANDS, commandWords, findCommand, type Command } from './commands/index.js';
import { commandsAbout, shownName } from './commands/command.js';
import { commandsFor } from './commands/visible.js';
import type { BotDeps, Turn } from './turn.js';

export interface Tables {
  commands: readonly Command[];
  actions: readonly CardAction[];
}
const DEFAULT_TABLES: Tables = { commands: COMMANDS, actions: ACTIONS };

/** A typed message: a command, a typo of one, or chat that gets a pointer to the commands it seems to ask for, or to /hjelp. */
export async function handleText(turn: Turn, deps: BotDeps, tables: Tables = DEFAULT_TABLES): Promise<void> {
  const m = messages(turn.lang);
  const { word, slash, args } = parseText(turn.text);
  // While a coordinator is answering a report in personal chat, what they write is the answer;
  // only a /command leaves the form (and the form keeps its place).
  const report = !slash && turn.conversation.kind === 'personal' && turn.member ? activeReport(deps.store.read(), turn.member.id) : undefined;
  if (report) {
    await guarded(turn, COORDINATOR, () => answerFromChat(turn, deps, report));
    return;
  }
  if (isTooLong(turn.text)) {
    await turn.reply(m['input.tooLong']({ length: [...turn.text].length, limit: MAX_MESSAGE_LENGTH }));
    return;
  }
  const command = findCommand(word, tables.commands);
  if (command) {
    await guarded(turn, command.role, () => command.handle(turn, args, deps));
    return;
  }
  const allowed = commandWords(commandsFor(turn.member, tables.commands));
  const suggestion = word.length <= 40 ? nearestWord(word, allowed) : undefined;
  if (slash || (suggestion && args === '')) {
    const typed = `/${word}`.slice(0, 40);
    await turn.reply(
      suggestion
        ? m['input.unknownCommand']({ typed, suggestion: `/${suggestion}` })
        : m['input.unknownCommandNoSuggestion']({ typed }),
    );
    return;
  }
  const about = commandsAbout(turn.text, commandsFor(turn.member, tables.commands));
  if (about.length > 0) await turn.reply(m['input.aboutCommands']({ commands: about.map((c) => ({ name: shownName(c, turn.lang), description: m[c.description] })) }));
  else if (THANKS.test(turn.text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())) await turn.reply(m['input.thanks']);
  else await turn.reply(m['input.notACommand']);
}

/** Files sent in personal chat: the secretariat's, for agenda items; anyone else is told where to send theirs. */
export async function handleFiles(turn: Turn, deps: BotDeps): Promise<void> {
  if (!mayUse(turn.member, SECRETARIAT)) {
    await turn.reply(messages(turn.lang)[mayUse(turn.member, COUNCIL) ? 'files.notSecretariat' : 'files.notCouncil']);
    return;
  }
  await guarded(turn, SECRETARIAT, () => receiveFiles(turn, deps));
}

/** A short message of thanks: "takk!", "tusen takk", "thanks", "thank you :)". */
const THANKS = /^(?:\S+ ){0,3}(?:takk|thanks|thank you|thx)(?: \S+){0,4}$/iu;

const ActionEnvelope = z.object({ verb: z.string().min(1).max(100) });

/** A card button: the verb picks the handler; the role is checked, then the data is validated. */
export async function handleAction(turn: Turn, deps: BotDeps, tables: Tables = DEFAULT_TABLES): Promise<void> {
  const m = messages(turn.lang);
  const envelope = ActionEnvelope.safeParse(turn.data);
  if (!envelope.success) {
    await turn.reply(m['input.invalid']);
    return;
  }
  const action = findAction(envelope.data.verb, tables.actions);
  if (!action) {
    await turn.reply(m['input.unknownVerb']);
    return;
  }
  await guarded(turn, action.role, async () => {
    const data = action.schema.safeParse(turn.data);
    if (!data.success) {
      deps.logger.info({ activityId: turn.activityId, verb: action.verb }, 'card data refused by schema');
      await turn.reply(m['input.invalid']);
      return;
    }
    await action.handle(turn, data.data, deps);
  });
}

/** Runs a handler only for users with the role, and turns known domain errors into a sentence. */
async function guarded(turn: Turn, role: Access, run: () => Promise<void>): Promise<void> {
  const m = messages(turn.lang);
  if (!mayUse(turn.member, role)) {
    // mayUse never refuses 'alle', so here the access is a list of roles.
    await turn.reply(m['refusal.role']({ roles: accessNames(turn.lang, role === 'alle' ? [] : role) }));
    return;
  }
  try {
    await run();
  } catch (error) {
    const friendly = isDomainError(error) ? friendlyMessage(turn, error.code) : undefined;
    if (!friendly) throw error;
    await turn.reply(friendly);
  }
}

function friendlyMessage(turn: Turn, code: string): string | undefined {
  const m = messages(turn.lang);
  switch (code) {
    case ErrorCode.StoreWriteFailed:
      return m['error.storeWriteFailed'];
    case ErrorCode.InvalidInput:
      return m['input.invalid'];
    case ErrorCode.UnknownVerb:
      return m['input.unknownVerb'];
    default:
      return undefined;
  }
}
