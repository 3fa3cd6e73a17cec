import { renderCard, type Card, type MinutesFormCardModel } from '../../cards/render.js';
import { formatDate, formatDateTime } from '../../domain/dates.js';
import { attendanceOverview } from '../../domain/attendance.js';
import { MINUTES_ITEM_LIMIT, MINUTES_PEOPLE_LIMIT, minutesDelivery, pointsByItem, sentText } from '../../domain/minutes.js';
import type { Data, FollowUp, Lang, Meeting, Member } from '../../domain/schema.js';
import { meetingHeading, messages, presentersText } from '../../i18n/index.js';
import { pointLine } from '../../i18n/points.js';
import { Verb } from '../actions/verbs.js';
import { meetingLabel, meetingName, meetingSubtitle } from '../meetings/views.js';

/** What the form holds: who came, who sent apologies, and the text per agenda item id. */
export interface MinutesValues {
  present: string;
  absent: string;
  items: Record<string, string>;
}

/** The input id of an agenda item's text on the form. */
export const ITEM_INPUT_PREFIX = 'sak_';

/**
 * The minutes as saved; before the first save, who came and who sent apologies as the answers
 * to the agenda say, in Norwegian whatever the viewer's language, since the minutes are the
 * council's Norwegian papers.
 */
export function savedMinutes(data: Readonly<Data>, meeting: Meeting): MinutesValues {
  if (meeting.minutes) return { present: meeting.minutes.present, absent: meeting.minutes.absent, items: meeting.minutes.items };
  const { coming, apologies } = attendanceOverview(data, meeting);
  const nb = messages('nb');
  const line = (member: Member) => [member.name, member.title].filter(Boolean).join(', ');
  const substitutes = apologies.flatMap((a) => (a.substitute ? [nb['minutes.substitute']({ substitute: a.substitute, for: a.member.name })] : []));
  return { present: [...coming.map(line), ...substitutes].join('\n'), absent: apologies.map((a) => line(a.member)).join('\n'), items: {} };
}

export interface MinutesFormOptions {
  lang: Lang;
  timeZone: string;
  /** What the form shows: what was saved, or after a refusal what was typed. */
  values: MinutesValues;
  /** A refusal, in which case what is saved is shown under each field where it differs from what was typed. */
  problem?: string;
  headline?: string;
  downloadUrl?: string | undefined;
}

/**
 * `/referat`: the minutes form for a meeting that has begun. The form carries the minutes'
 * revision, so a save over someone else's later save is refused with what was typed kept.
 */
export function minutesFormCard(data: Readonly<Data>, meeting: Meeting, options: MinutesFormOptions): Card {
  const { lang, timeZone, values, problem = '', headline = '' } = options;
  const m = messages(lang);
  const saved = savedMinutes(data, meeting);
  const differs = (typed: string, stored: string) => (problem && meeting.minutes && typed.trim() !== stored ? stored : '');
  // What the council has is the text as sent, so the secretary sees which fields a sending would change.
  const sent = sentText(meeting.minutes);
  const changed = (stored: string, before: string | undefined) => (sent && stored !== (before ?? '') ? m['minutes.fieldChanged'] : '');
  const people = (id: 'present' | 'absent'): MinutesFormCardModel['fields'][number] => ({
    id,
    label: m[`minutes.${id}`],
    note: '',
    changed: changed(saved[id], sent?.[id]),
    value: values[id],
    saved: differs(values[id], saved[id]),
    hint: m['minutes.peopleHint'],
    maxLength: MINUTES_PEOPLE_LIMIT,
    points: [],
    newPoint: null,
  });
  const points = pointsByItem(data, meeting);
  // The secretariat sees how each point stands; the minutes sent to the council list them as agreed.
  const pointText = (point: FollowUp) =>
    [pointLine(point, data, lang, timeZone), ...(point.status === 'åpen' ? [] : [`${m['status.fact.status']}: ${m[`followUp.status.${point.status}`]}.`])].join(' ');
  const minutes = meeting.minutes;
  const updatedBy = minutes?.updatedBy;
  const status = minutes
    ? [
        m['minutes.lastSaved']({ when: formatDateTime(minutes.updatedAt, timeZone, lang), name: data.members.find((x) => x.id === updatedBy)?.name ?? updatedBy ?? '' }),
        ...(minutes.sentAt ? [m['minutes.sentStatus']({ when: formatDateTime(minutes.sentAt, timeZone, lang), ...minutesDelivery(data, meeting) })] : []),
        ...(minutes.sentRevision !== undefined && minutes.sentRevision !== minutes.revision ? [m['minutes.changedSince']] : []),
      ].join(' ')
    : m['minutes.notWritten'];
  return renderCard('minutes-form', {
    title: m['minutes.title']({ meeting: meetingLabel(meeting, lang) }),
    subtitle: meetingSubtitle(meeting, lang, timeZone),
    status,
    headline,
    problem,
    fields: [
      people('present'),
      people('absent'),
      ...meeting.agenda.map((item, index) => ({
        id: `${ITEM_INPUT_PREFIX}${item.id}`,
        label: [`${index + 1}. ${item.title}`, presentersText(item, lang)].filter(Boolean).join(' '),
        note: item.confidential ? m['minutes.confidentialNote'] : '',
        changed: changed(saved.items[item.id] ?? '', sent?.items[item.id]),
        value: values.items[item.id] ?? '',
        saved: differs(values.items[item.id] ?? '', saved.items[item.id] ?? ''),
        hint: m['minutes.itemHint'],
        maxLength: MINUTES_ITEM_LIMIT,
        points: (points.get(item.id) ?? []).map((point) => ({ text: pointText(point) })),
        newPoint: { verb: Verb.MinutesFollowUp, meetingId: meeting.id, itemId: item.id, revision: minutes?.revision ?? 0 },
      })),
    ],
    save: { verb: Verb.MinutesSave, meetingId: meeting.id, revision: minutes?.revision ?? 0 },
    send: minutes && minutes.sentRevision !== minutes.revision ? { verb: Verb.MinutesSave, meetingId: meeting.id, revision: minutes.revision, send: true } : null,
    downloadUrl: minutes ? (options.downloadUrl ?? '') : '',
    agenda: { verb: Verb.EditorShow, meetingId: meeting.id },
    labels: {
      save: m['minutes.save'],
      download: m['minutes.download'],
      agenda: m['minutes.agenda'],
      saved: m['minutes.savedBefore'],
      send: m[minutes?.sentRevision === undefined ? 'minutes.send' : 'minutes.sendAgain'],
      sendConfirm: m['minutes.sendConfirm'],
      sendButton: m['minutes.sendButton'],
      points: m['minutes.points'],
      newPoint: m['minutes.newPoint'],
    },
  });
}

/** The minutes as they were sent to the council, headed with the day they went out: for the tab, and for anyone who asks. */
export function sentMinutesCard(data: Readonly<Data>, meeting: Meeting, lang: Lang, timeZone: string): Card {
  return minutesCard(data, meeting, lang, timeZone, meeting.minutes?.sentAt ? messages(lang)['minutes.sentOn']({ date: formatDate(meeting.minutes.sentAt, timeZone, lang) }) : '');
}

/** To the secretariat some days after a meeting whose minutes have not gone out: how far they are, and a button to the form. */
export function minutesReminderCard(meeting: Meeting, lang: Lang, timeZone: string): Card {
  const m = messages(lang);
  const written = Object.keys(meeting.minutes?.items ?? {}).length;
  return renderCard('notice', {
    headline: m['minutes.reminder.headline'],
    title: meetingName(meeting, lang, timeZone),
    text: written === 0 ? m['minutes.reminder.empty'] : m['minutes.reminder.started']({ count: written, total: meeting.agenda.length }),
    buttons: [{ title: m['minutes.reminder.write'], data: { verb: Verb.MinutesForm, meetingId: meeting.id } }],
  });
}

/**
 * The minutes as the council gets them in chat: public, so the same wherever they are read, and
 * as they were last sent, not with changes the secretary has not sent yet. An item exempt from
 * disclosure shows only its number, as in the Word file.
 */
export function minutesCard(data: Readonly<Data>, meeting: Meeting, lang: Lang, timeZone: string, headline: string): Card {
  const m = messages(lang);
  const minutes = sentText(meeting.minutes);
  const points = pointsByItem(data, meeting);
  return renderCard('minutes', {
    headline,
    title: m['minutesDoc.title']({ meeting: meetingHeading(meeting, lang) }),
    subtitle: meetingSubtitle(meeting, lang, timeZone),
    people: (['present', 'absent'] as const).flatMap((id) => (minutes?.[id] ? [{ label: m[`minutes.${id}`], text: minutes[id] }] : [])),
    items: meeting.agenda.map((item, index) =>
      item.confidential
        ? { heading: `${index + 1}. ${m['minutes.confidentialItem']}`, presenters: '', text: '', points: [] }
        : {
            heading: `${index + 1}. ${item.title}`,
            presenters: presentersText(item, lang),
            text: minutes?.items[item.id] ?? '',
            points: (points.get(item.id) ?? []).map((point) => ({ text: pointLine(point, data, lang, timeZone) })),
          },
    ),
    labels: { points: m['minutes.points'] },
    footer: m['minutes.public'],
  });
}
