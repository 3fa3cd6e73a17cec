import type { Messages } from './nb.js';

/** English: the second language, for users whose Teams runs in English. */
export const en: Messages = {
  'role.leder': 'chair',
  'role.nestleder': 'deputy chair',
  'role.medlem': 'member',
  'role.observator': 'observer',
  'role.sekretariat': 'the secretariat',
  'role.salto-koordinator': 'SaLTo coordinator',
  'role.admin': 'administrator',

  'command.hjelp': 'Show what you can do here',
  'command.meg': 'Show who I know you as, and your roles',
  'command.kanal': "Make this channel the council's channel",
  'command.språk': 'Choose a language: /language english, /language norsk or /language auto',

  'refusal.role': (p) => `Sorry, only ${p.roles} can do this. Nothing was changed.`,
  'refusal.tenant': 'Sorry, this bot is only open to Oslo kommune and Oslo politidistrikt.',
  'input.tooLong': (p) => `Your message is too long (${p.length} characters). I read at most ${p.limit}; please shorten it and try again.`,
  'input.unknownCommand': (p) => `I don't know the command "${p.typed}". Did you mean ${p.suggestion}?`,
  'input.unknownCommandNoSuggestion': (p) => `I don't know the command "${p.typed}". Type /help to see what you can do.`,
  'input.notACommand': 'Hi! I understand commands such as /help. Type /help to see what you can do.',
  'input.invalid': 'I could not read what you sent. Nothing was changed.',
  'input.unknownVerb': "I don't recognise this button. Type /help to carry on.",
  'error.generic': (p) => `Sorry, something went wrong on my side. Please try again shortly. Quote reference ${p.ref} if you contact the secretariat.`,
  'error.storeWriteFailed': 'Sorry, the change could not be saved. Nothing was changed; please try again shortly.',

  'channel.marked': (p) => `${p.name ? `The channel “${p.name}”` : 'This channel'} is now the council's channel. Agendas and reminders will be posted here.`,
  'channel.alreadyMarked': (p) => `${p.name ? `The channel “${p.name}”` : 'This channel'} is already the council's channel.`,
  'channel.notInChannel': "Type /channel in the Teams channel that should be the council's channel, not in a chat.",

  'language.usage': 'Type /language english, /language norsk, or /language auto to follow the language of Teams.',
  'language.set': "Fine, I'll write to you in English from now on.",
  'language.auto': "Fine, I'll follow the language of Teams from now on.",

  'welcome.title': 'Welcome to Politirådsboten',
  'welcome.intro': "I help Politirådet i Oslo with its meeting schedule, agendas, follow-up points and reports from the SaLTo cooperation.",
  'welcome.known': (p) => `You are registered as ${p.name} (${p.roles}).`,
  'welcome.unknown': "I can't find you among the council's members yet. Ask the secretariat to add you to get access to the meetings.",
  'welcome.channel': "I have been added to this channel. The secretariat can type /channel here to make it the council's channel.",
  'welcome.youCan': 'What you can do:',
  'welcome.showHelp': 'Show all commands',

  'help.title': 'What you can do',
  'help.hint': 'Type a command in the chat, for example /help. In a channel, mention me first: @Politirådsboten /help.',
  'help.aliases': (p) => `Also: ${p.aliases}`,

  'me.title': 'Who you are to me',
  'me.name': 'Name',
  'me.roles': 'Roles',
  'me.units': 'Units',
  'me.noRoles': 'no roles yet',
  'me.unknown': "I can't find you among the council's members. Ask the secretariat to add you.",

  'meeting.next': (p) => `Next meeting: ${p.when}`,
  'meeting.none': 'No meetings are planned yet.',
};
