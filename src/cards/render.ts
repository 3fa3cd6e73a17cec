import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { CARDS_DIR } from '../paths.js';

/** An Adaptive Card as JSON, ready to attach to a message. */
export type Card = Record<string, unknown>;

export interface WelcomeCardModel {
  title: string;
  intro: string;
  status: string;
  nextMeeting: string;
  youCan: string;
  commands: { name: string; description: string }[];
  showHelp: string;
  verb: string;
}

export interface HelpCardModel {
  title: string;
  commands: { name: string; description: string; aliases: string }[];
  hint: string;
}

export interface MeCardModel {
  title: string;
  rows: { label: string; value: string }[];
}

/** The data of a card button: its verb and what the handler needs; inputs are added by Teams. */
export type ActionData = { verb: string } & Record<string, string | number | boolean>;
export interface Button {
  title: string;
  data: ActionData;
}

export interface AgendaCardModel {
  headline: string;
  headlineStyle: 'attention' | 'accent' | 'good' | 'default';
  title: string;
  facts: { label: string; value: string }[];
  agendaLabel: string;
  emptyAgenda: string;
  items: { number: string; title: string; hidden: boolean; presenters: string; marker: string; description: string; attachments: { title: string; url: string }[] }[];
  answer: string;
  note: string;
  onlineUrl: string;
  canAnswer: boolean;
  canPropose: boolean;
  substitute: string;
  reason: string;
  attend: ActionData;
  apologies: ActionData;
  propose: ActionData;
  labels: {
    join: string;
    attend: string;
    apologies: string;
    substitute: string;
    substituteHint: string;
    reason: string;
    sendApologies: string;
    propose: string;
    proposalTitle: string;
    proposalTitleError: string;
    proposalDescription: string;
    sendProposal: string;
  };
}

export interface AgendaEditorCardModel {
  title: string;
  subtitle: string;
  status: string;
  /** Whether the agenda can still change: false once the meeting has started or is cancelled. */
  open: boolean;
  items: {
    number: string;
    title: string;
    presenters: string;
    marker: string;
    edit: ActionData;
    up: ActionData | null;
    down: ActionData | null;
    remove: ActionData;
    /** What «Fjern» asks before the item and all written in it go. */
    removeConfirm: string;
    followUp: ActionData;
    round: ActionData | null;
  }[];
  proposals: { title: string; by: string; description: string; reasonId: string; accept: ActionData; decline: ActionData }[];
  add: ActionData;
  editMeeting: ActionData;
  attendance: ActionData;
  /** The minutes form, once the meeting has begun (and was not cancelled). */
  minutes: ActionData | null;
  /** The notice with the agenda as a Word file for the meeting papers; null without a public address. */
  download: { title: string; url: string } | null;
  /** Sends the agenda at once; null once it has gone out, or is going, or the meeting is not to come. */
  sendNow: ActionData | null;
  cancel: ActionData;
  reinstate: ActionData | null;
  labels: {
    edit: string;
    up: string;
    down: string;
    remove: string;
    removeSend: string;
    followUp: string;
    round: string;
    proposals: string;
    accept: string;
    decline: string;
    declineReason: string;
    declineSend: string;
    add: string;
    editMeeting: string;
    attendance: string;
    minutes: string;
    cancel: string;
    cancelConfirm: string;
    cancelSend: string;
    reinstate: string;
    reinstateConfirm: string;
    reinstateSend: string;
    sendNow: string;
    sendNowConfirm: string;
    sendNowButton: string;
  };
}

export interface AgendaItemFormCardModel {
  title: string;
  subtitle: string;
  problem: string;
  values: { title: string; presenters: string; description: string; attachments: string; confidential: 'true' | 'false' };
  save: ActionData;
  back: ActionData;
  labels: {
    title: string;
    titleError: string;
    presenters: string;
    presentersHint: string;
    description: string;
    attachments: string;
    attachmentsHint: string;
    confidential: string;
    save: string;
    back: string;
  };
}

export interface MeetingFormCardModel {
  title: string;
  problem: string;
  kinds: { title: string; value: string }[];
  minDate: string;
  values: { kind: string; title: string; date: string; startTime: string; endTime: string; place: string; onlineUrl: string };
  save: ActionData;
  back: ActionData;
  labels: {
    kind: string;
    kindError: string;
    title: string;
    titleHint: string;
    date: string;
    dateError: string;
    startTime: string;
    endTime: string;
    timeError: string;
    place: string;
    onlineUrl: string;
    onlineUrlError: string;
    save: string;
    back: string;
  };
}

export interface ScheduleCardModel {
  title: string;
  empty: string;
  /** `status` marks a cancelled meeting (in Attention) or a held one (subtle). */
  meetings: { when: string; status: string; statusColor: 'Attention' | 'Default'; what: string; where: string; actions: Button[] }[];
  calendarHint: string;
  calendarUrl: string;
  mainActions: Button[];
  labels: { calendar: string };
}

export interface YearPlanCardModel {
  title: string;
  intro: string;
  problem: string;
  meetings: { key: string; label: string; date: string; startTime: string; endTime: string; place: string }[];
  existing: string;
  confirm: ActionData;
  labels: { date: string; dateError: string; startTime: string; endTime: string; timeError: string; place: string; confirm: string };
}

export interface AttendanceCardModel {
  title: string;
  subtitle: string;
  groups: { heading: string; people: { name: string; detail: string }[] }[];
  sent: string;
  remind: ActionData | null;
  refresh: ActionData;
  labels: { nobody: string; remind: string; refresh: string };
}

export interface StatusPointModel {
  marker: string;
  title: string;
  /** Bound whole, as FactSet facts: one binding instead of two per fact, on every point of a page. */
  facts: { title: string; value: string }[];
  latest: string;
  latestBy: string;
  canChange: boolean;
  /** Open points have Fullført, Utsett and Legg til oppdatering; closed ones (`/status lukket`) «Gjenåpne». */
  open: boolean;
  reopen: ActionData | null;
  done: ActionData;
  postpone: ActionData;
  update: ActionData;
  /** The secretariat's "Endre" (personal chat only): the form with the point's values. */
  edit: ActionData | null;
  /** "Historikk", once more than the point's making is written in it. */
  history: ActionData | null;
  dueInputId: string;
  textInputId: string;
  statusInputId: string;
}

export interface StatusCardModel {
  headline: string;
  headlineStyle: 'attention' | 'accent' | 'good' | 'default';
  title: string;
  counts: string;
  selection: string;
  empty: string;
  groups: { heading: string; points: StatusPointModel[] }[];
  note: string;
  actions: Button[];
  /** The follow-up list for the next meeting's papers as a Word file; null for those who do not make the papers, or without a public address. */
  download: { title: string; url: string } | null;
  statusChoices: { title: string; value: string }[];
  labels: {
    done: string;
    postpone: string;
    postponeField: string;
    postponeError: string;
    postponeSend: string;
    dueHint: string;
    update: string;
    updateField: string;
    updateStatus: string;
    updateSend: string;
    edit: string;
    history: string;
    reopen: string;
  };
}

/** Everything written and changed on one point, newest first. */
export interface FollowUpHistoryCardModel {
  heading: string;
  title: string;
  facts: { title: string; value: string }[];
  entries: { when: string; text: string; change: string }[];
  back: ActionData;
  labels: { back: string };
}

export interface FollowUpFormCardModel {
  title: string;
  subtitle: string;
  problem: string;
  focusAreas: { title: string; value: string }[];
  responsibles: { title: string; value: string }[];
  owners: { title: string; value: string }[];
  values: { title: string; description: string; focusAreaId: string; responsible: string; ownerMemberId: string; due: string; briefing: 'true' | 'false' };
  check: ActionData;
  /** Back to where the form was opened from without a point (the minutes); null when opened on its own. */
  back: ActionData | null;
  labels: {
    back: string;
    title: string;
    titleError: string;
    description: string;
    focusArea: string;
    focusAreaError: string;
    responsible: string;
    responsibleError: string;
    owner: string;
    due: string;
    dueHint: string;
    briefing: string;
    check: string;
  };
}

/** "Is this right?" before a change is saved: what was understood, and buttons to save or go back. */
export interface ConfirmCardModel {
  title: string;
  intro: string;
  facts: { label: string; value: string }[];
  /** What the user wrote, shown as plain text. */
  quote: string;
  confirm: Button;
  back: Button;
}

export interface SaltoQuestionCardModel {
  problem: string;
  progress: string;
  area: string;
  question: string;
  current: string;
  /** The unit's answer in its last report, while this question has none. */
  previous: string;
  hint: string;
  choices: Button[];
  controls: string;
  buttons: Button[];
}

export interface SaltoReviewCardModel {
  headline: string;
  title: string;
  intro: string;
  missing: string;
  sections: { heading: string; answers: { question: string; answer: string; empty: boolean; edit: ActionData | null }[] }[];
  deadline: string;
  buttons: Button[];
  labels: { edit: string };
}

export interface SaltoRoundCardModel {
  headline: string;
  title: string;
  subtitle: string;
  counts: string;
  units: { name: string; detail: string; state: string; stateColor: 'good' | 'warning' | 'attention' | 'default'; unlock: ActionData | null }[];
  downloadUrl: string;
  buttons: Button[];
  /** The form that moves the deadline; null once the meeting has begun, and where no one can change it. */
  deadline: { value: string; min: string; max: string; save: ActionData } | null;
  labels: { unlock: string; download: string; changeDeadline: string; newDeadline: string; deadlineHint: string; deadlineError: string; saveDeadline: string };
}

export interface SaltoCompiledCardModel {
  title: string;
  subtitle: string;
  areaColumns: { n: number }[];
  areaHeaders: { text: string }[];
  rows: { unit: string; cells: { text: string; color: 'good' | 'warning' | 'attention' | 'default' }[] }[];
  difficulties: { area: string; text: string }[];
  downloadUrl: string;
  labels: { statusTable: string; unit: string; difficulties: string; download: string };
}

export interface SaltoRoundFormCardModel {
  title: string;
  intro: string;
  problem: string;
  meetings: { title: string; value: string }[];
  meetingId: string;
  deadline: string;
  minDate: string;
  open: ActionData;
  labels: { meeting: string; meetingError: string; deadline: string; deadlineError: string; open: string };
}

/** `/salto`: the current period's focus areas and every reporting unit with its coordinators. */
export interface SaltoSetupCardModel {
  headline: string;
  title: string;
  intro: string;
  areasHeading: string;
  areas: { text: string }[];
  unitsHeading: string;
  units: { name: string; detail: string; detailColor: 'Default' | 'Attention'; retired: boolean; edit: ActionData }[];
  editAreas: ActionData;
  addUnit: ActionData;
  labels: { editAreas: string; editUnit: string; addUnit: string };
}

export interface SaltoUnitFormCardModel {
  title: string;
  problem: string;
  existing: boolean;
  values: { name: string; kind: string; coordinatorIds: string; newName: string; newEmail: string; retired: 'true' | 'false' };
  kinds: { title: string; value: string }[];
  members: { title: string; value: string }[];
  save: ActionData;
  back: ActionData;
  labels: {
    name: string;
    nameError: string;
    kind: string;
    kindError: string;
    coordinators: string;
    newCoordinator: string;
    newName: string;
    newEmail: string;
    retired: string;
    save: string;
    back: string;
  };
}

/** The focus areas of a list's current period as fields: the council's own, or SaLTo's. */
export interface AreasFormCardModel {
  title: string;
  intro: string;
  problem: string;
  period: string;
  areas: { id: string; label: string; value: string }[];
  save: ActionData;
  back: ActionData;
  labels: { period: string; periodHint: string; periodError: string; save: string; back: string };
}

/** `/innsatsområder`: the council's focus areas of the period, with the open points filed under each. */
/** `/søk`: what was found, the newest first, with the words found marked. */
export interface SearchCardModel {
  title: string;
  summary: string;
  hits: {
    context: string;
    title: { text: string; match: boolean }[];
    excerpt: { text: string; match: boolean }[];
    /** Sent as Action.Submit: each opens as a new message, so the results stay. */
    buttons: Button[];
  }[];
  pages: Button[];
}

export interface FocusAreasCardModel {
  headline: string;
  title: string;
  intro: string;
  areas: { text: string; detail: string; show: ActionData | null }[];
  earlierHeading: string;
  earlier: { text: string; detail: string; show: ActionData }[];
  actions: Button[];
  labels: { show: string };
}

/** `/medlemmer`: the people on the council, each with a button to change them, and one to add someone. */
export interface MembersCardModel {
  headline: string;
  title: string;
  intro: string;
  people: { name: string; detail: string; edit: ActionData }[];
  add: ActionData;
  labels: { edit: string; add: string };
}

export interface MemberFormCardModel {
  title: string;
  problem: string;
  /** `roles` is the chosen roles, comma-separated, as Teams sends a multi-select. */
  values: { name: string; title: string; organisation: string; email: string; roles: string };
  roles: { title: string; value: string }[];
  save: ActionData;
  back: ActionData;
  labels: {
    name: string;
    nameError: string;
    personTitle: string;
    personTitleHint: string;
    organisation: string;
    email: string;
    emailHint: string;
    roles: string;
    rolesHint: string;
    save: string;
    back: string;
  };
}

/** To the secretariat: a member's proposal for an agenda, with buttons to take it or open the agenda. */
export interface ProposalCardModel {
  headline: string;
  title: string;
  description: string;
  context: string;
  accept: ActionData;
  open: ActionData;
  labels: { accept: string; open: string };
}

/** A file the secretariat sent in chat, to attach to an item of a coming meeting. */
export interface FileAttachCardModel {
  headline: string;
  /** Its name and size. */
  file: string;
  /** Where it is attached already, or ''. */
  attached: string;
  problem: string;
  targets: { title: string; value: string }[];
  values: { target: string; title: string };
  attach: ActionData;
  labels: { target: string; targetError: string; title: string; titleError: string; attach: string };
}

/** A short message with a headline and buttons: invitations, reminders, a choice of unit. */
export interface NoticeCardModel {
  headline: string;
  title: string;
  text: string;
  buttons: Button[];
}

/**
 * The minutes form: who came, who sent apologies, and a text per agenda item. After a refusal
 * each field keeps what was typed; `saved` is what is stored when that differs (someone else
 * saved in between), so neither is lost.
 */
export interface MinutesFormCardModel {
  title: string;
  subtitle: string;
  status: string;
  headline: string;
  problem: string;
  fields: {
    id: string;
    label: string;
    note: string;
    /** Says that the saved text is not the one the council got; empty when it is, or before sending. */
    changed: string;
    value: string;
    saved: string;
    hint: string;
    maxLength: number;
    /** The follow-up points made from the item, one line each. */
    points: { text: string }[];
    /** Saves what is typed and opens the form for a new point from the item; null for who came and who did not. */
    newPoint: ActionData | null;
  }[];
  save: ActionData;
  /** Save and send to the council; null before anything is saved or when this version has gone out. */
  send: ActionData | null;
  downloadUrl: string;
  agenda: ActionData;
  labels: { save: string; download: string; agenda: string; saved: string; send: string; sendConfirm: string; sendButton: string; points: string; newPoint: string };
}

/** The minutes as sent to the council: public, so an item exempt from disclosure shows only its number. */
export interface MinutesCardModel {
  headline: string;
  title: string;
  subtitle: string;
  people: { label: string; text: string }[];
  items: { heading: string; presenters: string; text: string; points: { text: string }[] }[];
  labels: { points: string };
  footer: string;
}

interface Templates {
  welcome: WelcomeCardModel;
  help: HelpCardModel;
  me: MeCardModel;
  agenda: AgendaCardModel;
  'agenda-editor': AgendaEditorCardModel;
  'agenda-item-form': AgendaItemFormCardModel;
  'meeting-form': MeetingFormCardModel;
  schedule: ScheduleCardModel;
  'year-plan': YearPlanCardModel;
  attendance: AttendanceCardModel;
  status: StatusCardModel;
  'follow-up-form': FollowUpFormCardModel;
  'follow-up-history': FollowUpHistoryCardModel;
  confirm: ConfirmCardModel;
  'salto-question': SaltoQuestionCardModel;
  'salto-review': SaltoReviewCardModel;
  'salto-round': SaltoRoundCardModel;
  'salto-compiled': SaltoCompiledCardModel;
  'salto-round-form': SaltoRoundFormCardModel;
  'salto-setup': SaltoSetupCardModel;
  'salto-unit-form': SaltoUnitFormCardModel;
  'areas-form': AreasFormCardModel;
  'focus-areas': FocusAreasCardModel;
  search: SearchCardModel;
  notice: NoticeCardModel;
  proposal: ProposalCardModel;
  'file-attach': FileAttachCardModel;
  members: MembersCardModel;
  'member-form': MemberFormCardModel;
  'minutes-form': MinutesFormCardModel;
  minutes: MinutesCardModel;
}
export type TemplateName = keyof Templates;

const cache = new Map<TemplateName, ACData.Template>();

function template(name: TemplateName): ACData.Template {
  let loaded = cache.get(name);
  if (!loaded) {
    loaded = new ACData.Template(JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    cache.set(name, loaded);
  }
  return loaded;
}

/**
 * Fills a template with data. Everything a user typed arrives as data and is only ever bound
 * to `text` properties (of TextRun where it may hold Markdown), never spliced into the JSON.
 */
export function renderCard<N extends TemplateName>(name: N, model: Templates[N]): Card {
  return template(name).expand({ $root: model }) as Card;
}

export const renderWelcome = (model: WelcomeCardModel) => renderCard('welcome', model);
export const renderHelp = (model: HelpCardModel) => renderCard('help', model);
export const renderMe = (model: MeCardModel) => renderCard('me', model);
