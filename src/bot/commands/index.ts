import { channelCommand } from './channel.js';
import { commandNamed, wordsOf, type Command } from './command.js';
import { helpCommand } from './help.js';
import { languageCommand } from './language.js';
import { meCommand } from './me.js';
import { agendaCommand } from './agenda.js';
import { attendanceCommand } from './attendance.js';
import { calendarCommand } from './calendar.js';
import { meetingCommand } from './meeting.js';
import { nextCommand } from './next.js';
import { proposeCommand } from './propose.js';
import { scheduleCommand } from './schedule.js';
import { yearPlanCommand } from './year-plan.js';
import { statusCommand } from './status.js';
import { followUpCommand } from './follow-up.js';
import { reportCommand } from './report.js';
import { reportRoundCommand, reportsCommand } from './report-round.js';
import { saltoSetupCommand } from './salto-setup.js';
import { focusAreasCommand } from './focus-areas.js';
import { membersCommand } from './members.js';
import { minutesCommand } from './minutes.js';
import { searchCommand } from './search.js';

export type { Command };

/**
 * The one list of commands. /hjelp, the "did you mean" reply and the manifest's command lists
 * all come from here (a test checks the manifest against it).
 */
export const COMMANDS: readonly Command[] = [
  helpCommand(() => COMMANDS),
  scheduleCommand,
  nextCommand,
  proposeCommand,
  calendarCommand,
  agendaCommand,
  meetingCommand,
  yearPlanCommand,
  attendanceCommand,
  minutesCommand,
  statusCommand,
  followUpCommand,
  focusAreasCommand,
  searchCommand,
  reportCommand,
  reportRoundCommand,
  reportsCommand,
  saltoSetupCommand,
  membersCommand,
  meCommand,
  languageCommand,
  channelCommand,
];

export function findCommand(word: string, table: readonly Command[] = COMMANDS): Command | undefined {
  return commandNamed(word, table);
}

export function commandWords(table: readonly Command[] = COMMANDS): string[] {
  return wordsOf(table);
}
