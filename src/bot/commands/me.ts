import { renderMe } from '../../cards/render.js';
import { messages, roleNames } from '../../i18n/index.js';
import type { Command } from './command.js';

/** /meg shows who the bot takes the user for; the first thing to check when access looks wrong. */
export const meCommand: Command = {
  name: 'meg',
  aliases: ['me', 'whoami'],
  english: 'me',
  description: 'command.meg',
  detail: 'help.detail.meg',
  topics: ['rolle', 'roller', 'rollen', 'rollene', 'tilgang', 'role', 'roles', 'access'],
  scopes: [],
  role: 'alle',
  async handle(turn, _args, deps) {
    const m = messages(turn.lang);
    const member = turn.member;
    if (!member) {
      await turn.reply(m['me.unknown']);
      return;
    }
    const units = deps.store
      .read()
      .reportingUnits.filter((unit) => member.unitIds.includes(unit.id))
      .map((unit) => unit.name);
    const rows = [
      { label: m['me.name'], value: member.title ? `${member.name}, ${member.title}` : member.name },
      { label: m['me.roles'], value: member.roles.length > 0 ? roleNames(turn.lang, member.roles) : m['me.noRoles'] },
      ...(units.length > 0 ? [{ label: m['me.units'], value: units.join(', ') }] : []),
    ];
    await turn.reply({ card: renderMe({ title: m['me.title'], rows }) });
  },
};
