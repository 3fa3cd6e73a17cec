import { audienceFor, type Audience } from '../../domain/agenda.js';
import { renderCard, type ActionData, type Button, type Card, type StatusCardModel, type StatusPointModel } from '../../cards/render.js';
import { formatCalendarDay, formatDate, formatDay } from '../../domain/dates.js';
import { parseStatusFilter, statusPoint, statusView, type AmbiguousStatusFilter, type StatusFilter, type StatusPoint, type StatusView } from '../../domain/follow-up-status.js';
import { briefingMeeting, currentFocusAreas, isConfidentialPoint, isOpen, latestUpdate, type FollowUpField, type FollowUpInput } from '../../domain/follow-ups.js';
import { meetingDate, type Due } from '../../domain/follow-up-dates.js';
import { COUNCIL, isSecretariat, seesAllPoints } from '../../domain/roles.js';
import type { Data, FollowUp, Lang, Meeting, Member, Responsible } from '../../domain/schema.js';
import { listOf, messages } from '../../i18n/index.js';
import { dueLabel, focusAreaHeading } from '../../i18n/points.js';
import { Verb } from '../actions/verbs.js';

export const STATUS_PAGE_SIZE = 10;
const RESPONSIBLES: readonly Responsible[] = ['kommunen', 'politiet', 'begge', 'medlem'];

/** A calendar date (yyyy-MM-dd) as "mandag 15. mars 2027". */
export function dayLabel(date: string, lang: Lang, timeZone: string): string {
  return formatCalendarDay(date, timeZone, lang);
}


function nameOf(data: Readonly<Data>, memberId: string | undefined): string {
  return data.members.find((m) => m.id === memberId)?.name ?? memberId ?? '';
}

/** The follow-up list for a meeting's papers, as a Word file; none without the meeting or a public address. */
export function followUpListLink(
  meeting: Meeting | undefined,
  lang: Lang,
  followUpListUrl: ((meetingId: string) => string | undefined) | undefined,
): { title: string; url: string } | undefined {
  const url = meeting && followUpListUrl?.(meeting.id);
  return url ? { title: messages(lang)['followUpList.download'], url } : undefined;
}

/** Where a card's buttons bring the user back to: the same filter and page. */
export interface StatusPlace {
  filter: string;
  page: number;
}

/** The point a form changes, its revision when the form was made, and where to go back to. */
export interface FollowUpEditing extends StatusPlace {
  pointId: string;
  revision: number;
}

interface PointContext {
  data: Readonly<Data>;
  lang: Lang;
  timeZone: string;
  audience: Audience;
  place: StatusPlace;
  /** The secretariat in personal chat: each point it may change has "Endre". */
  editable: boolean;
}

function pointModel(item: StatusPoint, ctx: PointContext): StatusPointModel {
  const { data, lang, timeZone } = ctx;
  const m = messages(lang);
  const { point } = item;
  const hidden = ctx.audience === 'shared' && isConfidentialPoint(data, point);
  const latest = hidden ? undefined : latestUpdate(point);
  const base: ActionData = { verb: Verb.FollowUpDone, id: point.id, revision: point.revision, ...ctx.place };
  return {
    marker: item.overdue ? m['status.overdue'] : '',
    title: hidden ? m['status.confidential'] : point.title,
    facts: pointFacts(point, data, lang, timeZone),
    latest: latest?.text ?? '',
    latestBy: latest ? m['status.latestBy']({ name: nameOf(data, latest.byMemberId) || data.council.shortName, date: formatDate(latest.at, timeZone, lang) }) : '',
    canChange: item.canChange,
    open: isOpen(point),
    reopen: !isOpen(point) && item.canChange ? { ...base, verb: Verb.FollowUpReopen } : null,
    done: base,
    postpone: { ...base, verb: Verb.FollowUpPostpone },
    update: { ...base, verb: Verb.FollowUpUpdate },
    edit: ctx.editable && item.canChange && isOpen(point) ? { verb: Verb.FollowUpEdit, id: point.id, revision: point.revision, ...ctx.place } : null,
    history: !hidden && point.history.length > 1 ? { verb: Verb.FollowUpHistory, id: point.id, ...ctx.place } : null,
    dueInputId: `frist_${point.id}`,
    textInputId: `tekst_${point.id}`,
    statusInputId: `status_${point.id}`,
  };
}

/** Who answers for a point, its owner, deadline and status, as a card's facts. */
function pointFacts(point: FollowUp, data: Readonly<Data>, lang: Lang, timeZone: string): { title: string; value: string }[] {
  const m = messages(lang);
  return [
    { title: m['status.fact.responsible'], value: m[`followUp.responsible.${point.responsible}`] },
    ...(point.ownerMemberId ? [{ title: m['status.fact.owner'], value: nameOf(data, point.ownerMemberId) }] : []),
    { title: m['status.fact.due'], value: dueLabel(point, data, lang, timeZone) },
    { title: m['status.fact.status'], value: m[`followUp.status.${point.status}`] },
    ...(point.closedAt && !isOpen(point) ? [{ title: m['status.fact.closed'], value: formatDay(point.closedAt, timeZone, lang) }] : []),
  ];
}

/** What one line of a point's history changed: made, a status, a deadline, fields corrected. */
function entryChange(entry: FollowUp['history'][number], first: boolean, data: Readonly<Data>, lang: Lang, timeZone: string): string {
  const m = messages(lang);
  return [
    first ? m['history.created'] : entry.status ? m['history.status']({ status: m[`followUp.status.${entry.status}`] }) : '',
    entry.edited ? m['history.edited']({ changes: listOf(lang, entry.edited.map((f) => m[`followUp.field.${f}`])) }) : '',
    entry.dueDate || entry.dueMeetingId ? m['history.due']({ due: dueLabel(entry, data, lang, timeZone) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "Historikk": everything written and changed on a point, newest first, and the way back. */
export function historyCard(data: Readonly<Data>, point: FollowUp, place: StatusPlace, lang: Lang, timeZone: string): Card {
  const m = messages(lang);
  const entries = point.history.map((entry, index) => ({
    when: `${formatDate(entry.at, timeZone, lang)} · ${nameOf(data, entry.byMemberId) || data.council.shortName}`,
    text: entry.text,
    change: entryChange(entry, index === 0, data, lang, timeZone),
  }));
  return renderCard('follow-up-history', {
    heading: m['history.title'],
    title: point.title,
    facts: pointFacts(point, data, lang, timeZone),
    entries: entries.reverse(),
    back: { verb: Verb.StatusShow, ...place },
    labels: { back: m['followUpForm.backToStatus'] },
  });
}

function statusLabels(lang: Lang): Pick<StatusCardModel, 'labels' | 'statusChoices'> {
  const m = messages(lang);
  return {
    statusChoices: [
      { title: m['status.keepStatus'], value: 'uendret' },
      ...(['åpen', 'pågår', 'fullført', 'avlyst'] as const).map((status) => ({ title: m[`followUp.status.${status}`], value: status })),
    ],
    labels: {
      done: m['status.done'],
      postpone: m['status.postpone'],
      postponeField: m['status.postponeField'],
      postponeError: m['status.postponeError'],
      postponeSend: m['status.postponeSend'],
      dueHint: m['status.dueHint'],
      update: m['status.update'],
      edit: m['status.edit'],
      history: m['status.history'],
      reopen: m['status.reopen'],
      updateField: m['status.updateField'],
      updateStatus: m['status.updateStatus'],
      updateSend: m['status.updateSend'],
    },
  };
}

function filterName(filter: StatusFilter, data: Readonly<Data>, lang: Lang): string {
  const m = messages(lang);
  switch (filter.kind) {
    case 'alle':
    case 'forfalt':
    case 'mine':
    case 'lukket':
      return m[`status.filter.${filter.kind}`];
    case 'focus':
      return focusAreaHeading(data.focusAreas.find((a) => a.id === filter.focusAreaId), data, lang);
    case 'owner':
      return m['status.filter.owner']({ name: nameOf(data, filter.memberId) });
    case 'responsible':
      return m['status.filter.responsible']({ party: m[`followUp.responsible.${filter.responsible}`] });
    case 'all-of':
      return filter.parts.map((part) => filterName(part, data, lang)).join(' · ');
  }
}

/** Names what the words fitted, with one way to say which: an area's number, or a whole name. */
function ambiguityText(filter: AmbiguousStatusFilter, data: Readonly<Data>, lang: Lang): string {
  const m = messages(lang);
  const areas = filter.focusAreaIds.flatMap((id) => data.focusAreas.filter((a) => a.id === id));
  const names = filter.memberIds.map((id) => nameOf(data, id));
  const candidates = [...areas.map((a) => m['status.ambiguousArea']({ number: a.number, title: a.title })), ...names];
  const example = areas[0] ? String(areas[0].number) : (names[0] ?? '');
  return m['status.ambiguous']({ typed: filter.words.slice(0, 80), candidates: listOf(lang, candidates, 'or'), example });
}

export interface StatusCardOptions {
  viewer: Member | undefined;
  place: StatusPlace;
  lang: Lang;
  timeZone: string;
  now: Date;
  audience: Audience;
  headline?: string;
  /** Points in the seed that the data does not have yet (the secretary may import them). */
  importable?: number;
  /** Points a page; the personal tab shows them all on one. */
  pageSize?: number;
  /** The link to the follow-up list as a Word file, for the secretariat. */
  download?: { title: string; url: string } | undefined;
  /** A point just closed from this card: "Angre" opens it again. */
  undo?: { id: string; revision: number } | undefined;
}

/**
 * The `/status` card: counts over every open point the viewer may see, then the chosen points
 * grouped by focus area, one page at a time, with buttons on the points the viewer may change.
 * A filter that matches nothing known gives a sentence instead.
 */
export function statusCard(data: Readonly<Data>, options: StatusCardOptions): Card | string {
  const { lang, viewer, place } = options;
  const m = messages(lang);
  const filter = parseStatusFilter(place.filter, data);
  if (!filter) {
    const areas = currentFocusAreas(data).map((a) => `${a.number} ${a.title}`).join(', ');
    return m['status.noMatch']({ typed: place.filter.slice(0, 80), areas });
  }
  if (filter.kind === 'ambiguous') return ambiguityText(filter, data, lang);
  const view = statusView(data, { viewer, filter, now: options.now, timeZone: options.timeZone, page: place.page, pageSize: options.pageSize ?? STATUS_PAGE_SIZE });
  const secretary = isSecretariat(viewer);
  const all = seesAllPoints(viewer);
  const here = { ...place, page: view.page };
  const pager: Button[] = [
    ...(view.page > 1 ? [{ title: m['status.previous'], data: { verb: Verb.StatusShow, filter: place.filter, page: view.page - 1 } }] : []),
    ...(view.page < view.pages ? [{ title: m['status.next'], data: { verb: Verb.StatusShow, filter: place.filter, page: view.page + 1 } }] : []),
  ];
  const actions: Button[] = [
    ...(options.undo ? [{ title: m['status.undo'], data: { verb: Verb.FollowUpReopen, id: options.undo.id, revision: options.undo.revision, ...place } }] : []),
    ...pager,
    { title: m['status.refresh'], data: { verb: Verb.StatusShow, ...here } },
    ...(secretary ? [{ title: m['status.new'], data: { verb: Verb.FollowUpForm } }] : []),
    ...(secretary && (options.importable ?? 0) > 0 ? [{ title: m['status.import']({ count: options.importable ?? 0 }), data: { verb: Verb.FollowUpImport, ...here } }] : []),
  ];
  const hasHidden = options.audience === 'shared' && view.groups.some((g) => g.points.some((p) => isConfidentialPoint(data, p.point)));
  return renderStatus(data, view, {
    ...options,
    place: here,
    title: all ? m['status.title'] : m['status.titleMine'],
    counts: m['status.counts'](view.counts),
    selection: m['status.selection']({ filter: filterName(filter, data, lang), matched: view.matched, page: view.page, pages: view.pages }),
    note: [all ? '' : m['status.ownNote'], hasHidden ? m['status.sharedNote'] : ''].filter(Boolean).join(' '),
    actions,
  });
}

function renderStatus(
  data: Readonly<Data>,
  view: Pick<StatusView, 'groups'> & { headings?: string[] },
  options: StatusCardOptions & { title: string; counts: string; selection: string; note: string; actions: Button[]; headlineStyle?: StatusCardModel['headlineStyle'] },
): Card {
  const editable = isSecretariat(options.viewer) && options.audience === 'personal';
  const ctx: PointContext = { data, lang: options.lang, timeZone: options.timeZone, audience: options.audience, place: options.place, editable };
  return renderCard('status', {
    headline: options.headline ?? '',
    headlineStyle: options.headlineStyle ?? 'good',
    title: options.title,
    counts: options.counts,
    selection: options.selection,
    empty: messages(options.lang)['status.empty'],
    groups: view.groups.map((group, i) => ({
      heading: view.headings?.[i] ?? focusAreaHeading(group.focusArea, data, options.lang),
      points: group.points.map((item) => pointModel(item, ctx)),
    })),
    note: options.note,
    actions: options.actions,
    download: (isSecretariat(options.viewer) && options.download) || null,
    ...statusLabels(options.lang),
  });
}

/** One point with a headline, for a reminder in the owner's personal chat. */
export function reminderCard(data: Readonly<Data>, point: FollowUp, owner: Member | undefined, headline: string, options: { lang: Lang; timeZone: string; today: string; now: Date }): Card {
  const m = messages(options.lang);
  const item = statusPoint(data, point, options.today, options.timeZone, owner !== undefined);
  return renderStatus(
    data,
    { groups: [{ focusArea: data.focusAreas.find((a) => a.id === point.focusAreaId), points: [item] }] },
    {
      ...options,
      viewer: owner,
      audience: audienceFor(true, owner),
      place: { filter: 'mine', page: 1 },
      headline,
      headlineStyle: item.overdue ? 'attention' : 'accent',
      title: m['followUp.reminderTitle'],
      counts: '',
      selection: '',
      note: '',
      actions: [{ title: m['status.filter.mine'], data: { verb: Verb.StatusShow, filter: 'mine', page: 1 } }],
    },
  );
}

/**
 * To a point's former owner: who gave it to whom (or that it has no owner now), with the point's
 * title where they may read it; the first line is also the message's summary in Teams' notification.
 */
export function passedOnCard(data: Readonly<Data>, point: FollowUp, formerOwner: Member | undefined, byMemberId: string | undefined, lang: Lang): { card: Card; summary: string } {
  const m = messages(lang);
  const by = nameOf(data, byMemberId) || data.council.shortName;
  const to = point.ownerMemberId ? nameOf(data, point.ownerMemberId) : '';
  const headline = to ? m['followUp.headline.passedOn']({ by, to }) : m['followUp.headline.passedOnNoOwner']({ by });
  const hidden = audienceFor(true, formerOwner) === 'shared' && isConfidentialPoint(data, point);
  const card = renderCard('notice', {
    headline,
    title: hidden ? m['status.confidential'] : point.title,
    text: m['followUp.passedOn.text'],
    buttons: [{ title: m['status.filter.mine'], data: { verb: Verb.StatusShow, filter: 'mine', page: 1 } }],
  });
  return { card, summary: headline };
}

/** The secretariat's summary before a meeting: closed since the last one, overdue, to be briefed. */
export function summaryCard(
  data: Readonly<Data>,
  summary: { closed: FollowUp[]; overdue: FollowUp[]; briefed: FollowUp[] },
  meetingStart: string,
  viewer: Member | undefined,
  options: { lang: Lang; timeZone: string; today: string; now: Date; download?: { title: string; url: string } | undefined },
): Card {
  const m = messages(options.lang);
  const sections = [
    { heading: m['summary.closed']({ count: summary.closed.length }), points: summary.closed, canChange: false },
    { heading: m['summary.overdue']({ count: summary.overdue.length }), points: summary.overdue, canChange: true },
    { heading: m['summary.briefed']({ count: summary.briefed.length }), points: summary.briefed, canChange: true },
  ].filter((s) => s.points.length > 0);
  return renderStatus(
    data,
    {
      groups: sections.map((s) => ({ focusArea: undefined, points: s.points.map((p) => statusPoint(data, p, options.today, options.timeZone, s.canChange && viewer !== undefined)) })),
      headings: sections.map((s) => s.heading),
    },
    {
      ...options,
      viewer,
      audience: audienceFor(true, viewer),
      place: { filter: '', page: 1 },
      title: m['summary.title']({ date: dayLabel(meetingDate({ start: meetingStart }, options.timeZone), options.lang, options.timeZone) }),
      counts: m['summary.counts']({ closed: summary.closed.length, overdue: summary.overdue.length, briefed: summary.briefed.length }),
      selection: sections.length === 0 ? m['summary.empty'] : '',
      note: '',
      actions: [{ title: m['status.title'], data: { verb: Verb.StatusShow, filter: '', page: 1 } }],
    },
  );
}

/** What the form holds, as typed; every field a string so nothing typed is lost on a round trip. */
export interface FollowUpFormValues {
  title: string;
  description: string;
  focusAreaId: string;
  responsible: string;
  ownerMemberId: string;
  due: string;
  briefing: 'true' | 'false';
}

export function emptyFormValues(data: Readonly<Data>, title = ''): FollowUpFormValues {
  return { title, description: '', focusAreaId: currentFocusAreas(data)[0]?.id ?? '', responsible: 'begge', ownerMemberId: '', due: '', briefing: 'false' };
}

export interface FollowUpSource {
  meetingId: string;
  itemId: string;
  /** Opened from the minutes of the item's meeting: the form leads back there. */
  fromMinutes?: true;
}

/** The form's values for a point as it is; an empty deadline keeps the point's own. */
export function pointFormValues(point: FollowUp): FollowUpFormValues {
  return {
    title: point.title,
    description: point.description ?? '',
    focusAreaId: point.focusAreaId,
    responsible: point.responsible,
    ownerMemberId: point.ownerMemberId ?? '',
    due: '',
    briefing: point.briefing ? 'true' : 'false',
  };
}

export function followUpFormCard(data: Readonly<Data>, values: FollowUpFormValues, source: FollowUpSource | undefined, lang: Lang, timeZone: string, problem = '', editing?: FollowUpEditing): Card {
  const m = messages(lang);
  const point = editing && data.followUps.find((p) => p.id === editing.pointId);
  const meeting = source ? data.meetings.find((x) => x.id === source.meetingId) : undefined;
  const itemNumber = meeting ? meeting.agenda.findIndex((i) => i.id === source?.itemId) + 1 : 0;
  const areas = currentFocusAreas(data);
  // A point filed under an older period's area keeps it as a choice.
  const chosen = data.focusAreas.find((a) => a.id === values.focusAreaId);
  if (chosen && !areas.includes(chosen)) areas.push(chosen);
  return renderCard('follow-up-form', {
    title: editing ? m['followUpForm.editTitle'] : m['followUpForm.title'],
    subtitle: point
      ? m['followUpForm.keepDue']({ due: dueLabel(point, data, lang, timeZone) })
      : meeting && itemNumber > 0
        ? m['followUpForm.fromItem']({ number: itemNumber, meeting: formatDate(meeting.start, timeZone, lang) })
        : '',
    problem,
    focusAreas: areas.map((a) => ({ title: focusAreaHeading(a, data, lang), value: a.id })),
    responsibles: RESPONSIBLES.map((r) => ({ title: m[`followUp.responsible.${r}`], value: r })),
    owners: data.members.filter((member) => COUNCIL.some((role) => member.roles.includes(role))).map((member) => ({ title: member.name, value: member.id })),
    values,
    check: { verb: Verb.FollowUpCheck, ...(source ?? {}), ...(editing ?? {}) },
    back: editing ? { verb: Verb.StatusShow, filter: editing.filter, page: editing.page } : source?.fromMinutes ? { verb: Verb.MinutesForm, meetingId: source.meetingId } : null,
    labels: {
      back: editing ? m['followUpForm.backToStatus'] : m['followUpForm.backToMinutes'],
      title: m['followUpForm.titleLabel'],
      titleError: m['followUpForm.titleError'],
      description: m['followUpForm.description'],
      focusArea: m['followUpForm.focusArea'],
      focusAreaError: m['followUpForm.focusAreaError'],
      responsible: m['followUpForm.responsible'],
      responsibleError: m['followUpForm.responsibleError'],
      owner: m['followUpForm.owner'],
      due: m['followUpForm.due'],
      dueHint: editing ? m['followUpForm.keepDueHint'] : m['status.dueHint'],
      briefing: m['followUpForm.briefing'],
      check: m['followUpForm.check'],
    },
  });
}

function dueFields(due: Due | undefined): Record<string, string> {
  if (!due) return {};
  return 'dueMeetingId' in due ? { dueMeetingId: due.dueMeetingId } : { dueDate: due.dueDate };
}

/** "Stemmer dette?" for a new point: the due date as understood, and the form's values to save or change. */
export function followUpConfirmCard(
  data: Readonly<Data>,
  input: FollowUpInput,
  values: FollowUpFormValues,
  source: FollowUpSource | undefined,
  lang: Lang,
  timeZone: string,
  now: Date,
  key: string,
  editing?: { target: FollowUpEditing; point: FollowUp; changed: readonly FollowUpField[] },
): Card {
  const m = messages(lang);
  const area = data.focusAreas.find((a) => a.id === input.focusAreaId);
  // A change that gives no deadline keeps the point's own.
  const kept = editing?.point;
  const keeps = kept && !input.due && !input.dropDue;
  const due = input.due ? dueFields(input.due) : keeps ? { ...(kept.dueDate ? { dueDate: kept.dueDate } : {}), ...(kept.dueMeetingId ? { dueMeetingId: kept.dueMeetingId } : {}) } : {};
  const dueText = dueLabel(keeps ? kept : due, data, lang, timeZone);
  const probe: FollowUp = { id: '', title: input.title, focusAreaId: input.focusAreaId, responsible: input.responsible, briefing: input.briefing, status: 'åpen', history: [], revision: 0, ...due };
  const at = input.briefing ? briefingMeeting(data, probe, now, timeZone) : undefined;
  const changes = editing && listOf(lang, editing.changed.map((field) => m[`followUp.field.${field}`]));
  return renderCard('confirm', {
    title: changes ? m['followUpConfirm.editTitle'] : m['followUpConfirm.title'],
    intro: changes ? m['followUpConfirm.editIntro']({ changes }) : m['followUpConfirm.intro'],
    quote: [input.title, values.due.trim() ? m['followUpConfirm.typed']({ typed: values.due.trim() }) : ''].filter(Boolean).join('\n\n'),
    facts: [
      { label: m['followUpForm.focusArea'], value: focusAreaHeading(area, data, lang) },
      { label: m['status.fact.responsible'], value: m[`followUp.responsible.${input.responsible}`] },
      ...(input.ownerMemberId ? [{ label: m['status.fact.owner'], value: nameOf(data, input.ownerMemberId) }] : []),
      { label: m['status.fact.due'], value: dueText },
      {
        label: m['followUpConfirm.briefing'],
        value: !input.briefing
          ? m['followUpConfirm.no']
          : at
            ? m['followUpConfirm.briefingAt']({ date: dayLabel(meetingDate(at, timeZone), lang, timeZone) })
            : m['followUpConfirm.briefingLater'],
      },
    ],
    confirm: {
      title: changes ? m['followUpConfirm.saveChanges'] : m['followUpConfirm.save'],
      data: { verb: Verb.FollowUpSave, ...values, ...dueFields(input.due), ...(source ?? {}), ...(editing?.target ?? {}), requestKey: key },
    },
    back: { title: m['followUpConfirm.back'], data: { verb: Verb.FollowUpForm, ...values, ...(source ?? {}), ...(editing?.target ?? {}) } },
  });
}

/** "Ny frist" understood, to be confirmed before it is saved. */
export function postponeConfirmCard(data: Readonly<Data>, point: FollowUp, due: Due, typed: string, place: StatusPlace, lang: Lang, timeZone: string): Card {
  const m = messages(lang);
  return renderCard('confirm', {
    title: m['postponeConfirm.title'],
    intro: m['postponeConfirm.intro'],
    quote: [point.title, m['followUpConfirm.typed']({ typed })].join('\n\n'),
    facts: [
      { label: m['status.fact.due'], value: dueLabel(point, data, lang, timeZone) },
      { label: m['status.postponeField'], value: dueLabel(dueFields(due), data, lang, timeZone) },
    ],
    confirm: { title: m['postponeConfirm.save'], data: { verb: Verb.FollowUpPostponeConfirm, id: point.id, revision: point.revision, ...dueFields(due), ...place } },
    back: { title: m['postponeConfirm.back'], data: { verb: Verb.StatusShow, ...place } },
  });
}
