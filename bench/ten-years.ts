import { readFileSync } from 'node:fs';
import path from 'node:path';
import { integrityProblems } from '../src/domain/integrity.js';
import type { AgendaItem, ConversationRecord, Data, Delivery, FollowUp, FollowUpStatus, Meeting, SaltoReport, SaltoRound } from '../src/domain/schema.js';
import { DataSchema } from '../src/domain/schema.js';
import { dataFromSeed } from '../src/domain/seed.js';
import { PROJECT_ROOT } from '../src/paths.js';

export const TENANT_ID = '00000000-0000-4000-8000-0000000000aa';

export interface TenYearsOptions {
  /** The connector (stub) the members' personal chats point to. */
  serviceUrl: string;
  /** Extra council members with a personal chat each (for the fan-out). */
  extraMembers?: number;
}

/**
 * Ten years of the council's work on top of the demo seed: an ordinary meeting each quarter and
 * the yearly seminar from 2017 (agendas in the council's structure, attendance, proposals), 1,000
 * follow-up points with their history, 700 SaLTo reports and the deliveries that went out. It is
 * made by a fixed pseudo-random sequence, so every run measures the same file.
 */
export function tenYearsOfData(options: TenYearsOptions): Data {
  const seeded = dataFromSeed(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/seed/demo-seed.json'), 'utf8')));
  if (!seeded.ok) throw new Error(`demo seed: ${seeded.problems.join('; ')}`);
  const data = seeded.data;
  const random = sequence(20170101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = 'tiltak oppfølging bydel ungdom rus vold nærmiljø politiet kommunen samarbeid skole foreldre natteravner utekontakt forebygging kartlegging møteplass trygghet tilskudd innsats'.split(' ');
  const prose = (count: number) => Array.from({ length: count }, () => pick(words)).join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';

  // Meetings: March, June, September and December, and the seminar in October.
  const councilIds = data.members.filter((m) => !m.roles.includes('salto-koordinator') && !m.roles.includes('admin')).map((m) => m.id);
  const past: Meeting[] = [];
  for (let year = 2017; year <= 2026; year++) {
    for (const [month, kind] of [[3, 'ordinært'], [6, 'ordinært'], [9, 'ordinært'], [10, 'seminar'], [12, 'ordinært']] as const) {
      const id = kind === 'seminar' ? `seminar-${year}` : `mote-${year}-${String(month).padStart(2, '0')}`;
      const start = `${year}-${String(month).padStart(2, '0')}-1${month % 3}T08:00:00.000Z`;
      if (start > '2026-11-22' || data.meetings.some((m) => m.id === id)) continue;
      const meeting: Meeting = {
        id,
        kind,
        ...(kind === 'seminar' ? { title: `Politirådets seminar ${year}` } : {}),
        start,
        end: start.replace('T08:', kind === 'seminar' ? 'T14:' : 'T10:'),
        place: 'Rådhuset, møterom 1',
        status: 'avholdt',
        agenda: agenda(id, prose, random),
        attendance: councilIds.slice(0, 12).map((memberId) => ({ memberId, answer: random() < 0.85 ? ('kommer' as const) : ('forfall' as const), at: start })),
        proposals: [{ id: `${id}-forslag-1`, byMemberId: pick(councilIds), title: prose(5), status: 'godtatt', at: start, decidedAt: start, decidedBy: 'kari-nordmann' }],
        revision: 3,
        agendaQueuedAt: start,
        reminderQueuedAt: start,
      };
      past.push(meeting);
    }
  }
  data.meetings.push(...past);

  // 1,000 follow-up points in all; most are closed by now, about a hundred are not.
  const focusAreaIds = data.focusAreas.map((f) => f.id);
  for (let n = data.followUps.length; n < 1000; n++) {
    const meeting = past[n % past.length] as Meeting;
    const closed = n < 880;
    const status: FollowUpStatus = closed ? (random() < 0.9 ? 'fullført' : 'avlyst') : random() < 0.5 ? 'åpen' : 'pågår';
    const owner = random() < 0.4 ? pick(councilIds) : undefined;
    const point: FollowUp = {
      id: `op-${meeting.id}-${n}`,
      title: prose(6),
      description: prose(30),
      focusAreaId: pick(focusAreaIds),
      responsible: owner ? 'medlem' : pick(['kommunen', 'politiet', 'begge'] as const),
      ...(owner ? { ownerMemberId: owner } : {}),
      dueDate: closed ? meeting.start.slice(0, 10) : `2027-0${1 + (n % 9)}-15`,
      briefing: random() < 0.2,
      source: { meetingId: meeting.id, itemId: (meeting.agenda[3] as AgendaItem).id },
      status,
      history: Array.from({ length: 2 + (n % 4) }, (_, k) => ({ at: meeting.start, byMemberId: 'kari-nordmann', text: prose(12), ...(k === 0 ? { status: 'åpen' as const } : {}) })),
      revision: 2 + (n % 4),
      ...(closed ? { closedAt: meeting.end } : {}),
    };
    data.followUps.push(point);
  }

  // A SaLTo round for every meeting since 2017, and 700 unit reports across them.
  const units = data.reportingUnits.map((u) => u.id);
  const areas = data.saltoFocusAreas.map((a) => a.id);
  const rounds: SaltoRound[] = past.map((m) => ({ id: `runde-${m.id}`, meetingId: m.id, deadline: m.start.slice(0, 10), focusAreaIds: areas, unitIds: units, openedAt: m.start, openedBy: 'kari-nordmann', unlockedUnitIds: [] }));
  data.saltoRounds.push(...rounds);
  for (let n = 0; n < 700; n++) {
    const round = rounds[Math.floor(n / units.length)] as SaltoRound;
    const unitId = units[n % units.length] as string;
    const answers: Record<string, string> = { samarbeid: prose(40), annet: prose(10) };
    for (const area of areas) {
      answers[`${area}.status`] = pick(['på sporet', 'noen utfordringer', 'alvorlige utfordringer']);
      answers[`${area}.gjort`] = prose(50);
      answers[`${area}.vanskelig`] = prose(25);
      answers[`${area}.ta-opp`] = prose(10);
    }
    const report: SaltoReport = {
      id: `${round.id}|${unitId}`,
      roundId: round.id,
      unitId,
      authorMemberId: 'aisha-rahman',
      answers,
      skipped: [],
      position: { review: true },
      returnToReview: false,
      status: 'levert',
      startedAt: round.openedAt,
      updatedAt: round.openedAt,
      submittedAt: round.openedAt,
    };
    data.saltoReports.push(report);
  }

  // What went out: the agenda and the reminder to each council member for every meeting.
  for (const meeting of past) {
    for (const kind of ['agenda', 'reminder'] as const) {
      for (const memberId of councilIds) {
        const delivery: Delivery = {
          id: `${kind}-${meeting.id}-${memberId}`,
          kind,
          meetingId: meeting.id,
          conversationId: `a:personal-${memberId}`,
          memberId,
          status: 'sent',
          attempts: 1,
          activityId: `sent-${meeting.id}-${memberId}-${kind}`,
          revision: meeting.revision,
          createdAt: meeting.start,
          sentAt: meeting.start,
        };
        data.deliveries.push(delivery);
      }
    }
  }
  // Extra members get no history: they joined for the fan-out.
  for (let i = 0; i < (options.extraMembers ?? 0); i++) {
    data.members.push({ id: `medlem-${i + 1}`, name: `Medlem ${i + 1}`, roles: ['medlem'], unitIds: [], aadObjectId: `aad-medlem-${i + 1}` });
  }
  data.conversations = data.members.map((member, i): ConversationRecord => ({
    id: `a:personal-${member.id}`,
    kind: 'personal',
    tenantId: TENANT_ID,
    memberId: member.id,
    reference: {
      channelId: 'msteams',
      serviceUrl: options.serviceUrl,
      bot: { id: '28:politiradsboten', name: 'Politirådsboten' },
      user: { id: `29:${member.id}`, aadObjectId: member.aadObjectId ?? `aad-${i}` },
      conversation: { id: `a:personal-${member.id}`, conversationType: 'personal', tenantId: TENANT_ID },
    },
    installed: true,
    firstSeenAt: '2017-01-05T09:00:00.000Z',
    lastSeenAt: '2026-11-01T09:00:00.000Z',
  }));

  data.settings.linkSecret = 'benchmark-link-secret-0123456789abcdef0123456789';

  const problems = [...integrityProblems(data), ...(DataSchema.safeParse(data).success ? [] : ['does not match the schema'])];
  if (problems.length > 0) throw new Error(`ten years of data is inconsistent: ${problems.slice(0, 3).join('; ')}`);
  return data;
}

function agenda(meetingId: string, prose: (count: number) => string, random: () => number): AgendaItem[] {
  const item = (n: number, title: string, presenters: string[], extra: Partial<AgendaItem> = {}): AgendaItem => ({ id: `${meetingId}-sak-${n}`, title, presenters, attachments: [], confidential: false, ...extra });
  return [
    item(1, 'Godkjenning av innkalling og dagsorden', ['Leder']),
    item(2, 'Orientering fra politimesteren', ['Politimester']),
    item(3, 'Orientering fra byrådslederen', ['Byrådsleder']),
    item(4, prose(5), ['Bydel Grorud', 'Oslo politidistrikt'], { description: prose(40), attachments: [{ title: 'Notat', url: `https://www.oslo.kommune.no/politiradet/${meetingId}/notat.pdf` }] }),
    item(5, prose(4), ['Utdanningsetaten'], { description: prose(30), confidential: random() < 0.3 }),
    item(6, 'Politiets situasjonsbilde', ['Oslo politidistrikt'], { confidential: true }),
    item(7, 'SaLTo-rapportering', ['SaLTo-sekretariatet']),
    item(8, 'Eventuelt', []),
  ];
}

/** A small deterministic generator (mulberry32), so the data is the same in every run. */
export function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
