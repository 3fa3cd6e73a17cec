import type { CardAction } from './card-action.js';
import { showHelpAction } from './show-help.js';
import {
  editorShowAction,
  itemFormAction,
  itemMoveAction,
  itemRemoveAction,
  itemSaveAction,
  proposalAcceptAction,
  proposalDeclineAction,
  proposeAction,
} from './agenda-editing.js';
import { agendaViewAction, apologiesAction, attendAction, attendanceRemindAction, attendanceShowAction } from './attendance.js';
import { fileAttachAction } from './attachments.js';
import { agendaSendAction, meetingCancelAction, meetingFormAction, meetingReinstateAction, meetingSaveAction, yearPlanConfirmAction, yearPlanShowAction } from './meeting-editing.js';

import {
  followUpCheckAction,
  followUpDoneAction,
  followUpEditAction,
  followUpReopenAction,
  followUpHistoryAction,
  followUpFormAction,
  followUpImportAction,
  followUpPostponeAction,
  followUpPostponeConfirmAction,
  followUpSaveAction,
  followUpUpdateAction,
  minutesFollowUpAction,
  statusShowAction,
} from './follow-ups.js';

import {
  reportAnswerAction,
  reportBackAction,
  reportCompiledAction,
  reportEditAction,
  reportKeepAction,
  reportPauseAction,
  reportReuseAction,
  reportSkipAction,
  reportStartAction,
  reportSubmitAction,
  reportUnlockAction,
  roundOpenAction,
  roundShowAction,
  roundDeadlineAction,
} from './salto.js';
import { roundFormAction, saltoSetupShowAction, unitFormAction, unitSaveAction } from './salto-setup.js';
import { areasFormAction, areasSaveAction, councilAreasFormAction, councilAreasSaveAction, councilAreasShowAction } from './focus-areas.js';
import { memberFormAction, memberSaveAction, membersShowAction } from './members.js';
import { minutesFormAction, minutesSaveAction } from './minutes.js';
import { searchOpenAction, searchPageAction } from './search.js';

export { Verb } from './verbs.js';
export type { CardAction };

export const ACTIONS: readonly CardAction[] = [
  showHelpAction,
  agendaViewAction,
  attendAction,
  apologiesAction,
  proposeAction,
  attendanceShowAction,
  attendanceRemindAction,
  editorShowAction,
  itemFormAction,
  itemSaveAction,
  itemMoveAction,
  itemRemoveAction,
  proposalAcceptAction,
  proposalDeclineAction,
  meetingFormAction,
  meetingSaveAction,
  meetingCancelAction,
  meetingReinstateAction,
  fileAttachAction,
  agendaSendAction,
  yearPlanShowAction,
  yearPlanConfirmAction,
  statusShowAction,
  followUpDoneAction,
  followUpPostponeAction,
  followUpPostponeConfirmAction,
  followUpUpdateAction,
  followUpEditAction,
  followUpReopenAction,
  followUpHistoryAction,
  followUpFormAction,
  followUpCheckAction,
  followUpSaveAction,
  followUpImportAction,
  reportStartAction,
  reportAnswerAction,
  reportBackAction,
  reportKeepAction,
  reportReuseAction,
  reportSkipAction,
  reportPauseAction,
  reportEditAction,
  reportSubmitAction,
  roundOpenAction,
  roundShowAction,
  roundDeadlineAction,
  reportUnlockAction,
  reportCompiledAction,
  roundFormAction,
  saltoSetupShowAction,
  unitFormAction,
  unitSaveAction,
  areasFormAction,
  areasSaveAction,
  councilAreasShowAction,
  councilAreasFormAction,
  councilAreasSaveAction,
  membersShowAction,
  memberFormAction,
  memberSaveAction,
  minutesFormAction,
  minutesSaveAction,
  minutesFollowUpAction,
  searchPageAction,
  searchOpenAction,
] as CardAction[];

export function findAction(verb: string, table: readonly CardAction[] = ACTIONS): CardAction | undefined {
  return table.find((action) => action.verb === verb);
}
