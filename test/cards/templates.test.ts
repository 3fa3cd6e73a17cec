import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCard, type TemplateName } from '../../src/cards/render.js';
import { CARDS_DIR } from '../../src/paths.js';
import { cardProblems } from '../helpers/adaptive-cards.js';
import { agendaCard, attendanceCard, editorCard, itemFormCard, itemValues, meetingFormCard, proposalCard, scheduleCard, yearPlanCard } from '../../src/bot/meetings/views.js';
import { cardText, demoData, memberOf, NOW, TIMING, withChats } from '../helpers/builders.js';
import { emptyFormValues, followUpConfirmCard, followUpFormCard, historyCard, statusCard } from '../../src/bot/follow-ups/views.js';
import { checkFollowUpInput } from '../../src/domain/follow-ups.js';
import { compiledCard, inviteCard, questionCard, reviewCard, roundCard, roundFormCard } from '../../src/bot/salto/views.js';
import { compileRound } from '../../src/domain/salto-compile.js';
import { memberFormCard, memberFormValues, membersCard } from '../../src/bot/members/views.js';
import { minutesCard, minutesFormCard, savedMinutes } from '../../src/bot/minutes/views.js';
import { setupCard, unitFormCard, unitFormValues } from '../../src/bot/salto/setup-views.js';
import { areasFormCard, areasFormValues, councilAreasCard } from '../../src/bot/focus-areas/views.js';
import { formQuestions } from '../../src/domain/salto-form.js';
import { readSearchQuery, search } from '../../src/domain/search.js';
import { searchCard } from '../../src/bot/search/views.js';
import { fileCard } from '../../src/bot/actions/attachments.js';
import { answerReport, openRound, roundOverview, startReport, submitReport } from '../../src/domain/salto-rounds.js';

const data = demoData();
const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
const now = new Date(NOW);
const view = { lang: 'nb' as const, timeZone: 'Europe/Oslo', now };

/** The meeting cards come from the real views over the demo data, with everything switched on. */
function busyMeeting() {
  const busy = structuredClone(meeting);
  busy.onlineUrl = 'https://teams.microsoft.com/l/meetup-join/demo';
  busy.agenda[3]!.attachments = [{ title: 'Presentasjon', url: 'https://oslo.example/presentasjon.pdf' }];
  busy.agenda[3]!.description = 'Status fra bydelene.';
  busy.attendance = [
    { memberId: 'ola-hansen', answer: 'forfall', substitute: 'Per Vara', reason: 'Reise', at: NOW },
    { memberId: 'ingrid-berg', answer: 'kommer', at: NOW },
  ];
  busy.proposals = [{ id: 'mote-2026-12-f1', byMemberId: 'ola-hansen', title: 'Trygghet i T-banen', status: 'foreslått', at: NOW }];
  return busy;
}

/** A round for the March meeting with Grorud's report answered (the status of area 4 left open), and one unit handed in. */
function saltoData() {
  const salto = withChats(demoData());
  const { round } = openRound(salto, 'mote-2027-03', undefined, 'kari-nordmann', now, 'Europe/Oslo');
  const aisha = memberOf(salto, 'aisha-rahman');
  const report = startReport(salto, round.id, 'bydel-grorud', aisha, now, 'Europe/Oslo');
  for (const q of formQuestions(round).slice(0, 6)) answerReport(salto, report.id, aisha, { kind: 'answer', text: q.kind === 'status' ? '3' : 'Mangler ressurser' }, undefined, now, 'Europe/Oslo');
  const sentrum = memberOf(salto, 'salto-sentrum');
  salto.conversations.push({ ...salto.conversations[0]!, id: 'a:sentrum', memberId: 'salto-sentrum' });
  const other = startReport(salto, round.id, 'sentrum', sentrum, now, 'Europe/Oslo');
  for (const q of formQuestions(round)) answerReport(salto, other.id, sentrum, { kind: 'answer', text: q.kind === 'status' ? '2' : 'Lite ressurser' }, undefined, now, 'Europe/Oslo');
  submitReport(salto, other.id, sentrum, now, 'Europe/Oslo');
  return { salto, round, report: salto.saltoReports.find((r) => r.id === report.id)! };
}

const RENDERED: { [N in TemplateName]?: () => Record<string, unknown> } = {
  agenda: () => agendaCard(busyMeeting(), { ...view, audience: 'personal', viewer: memberOf(data, 'ola-hansen'), headline: 'posted', refreshUserIds: ['29:ola'] }),
  'agenda-editor': () => editorCard(data, busyMeeting(), 'nb', 'Europe/Oslo', TIMING, new Date(NOW)),
  'agenda-item-form': () => itemFormCard(busyMeeting(), 'mote-2026-12-4', itemValues(busyMeeting().agenda[3]), 'nb', 'Europe/Oslo', 'Saken må ha en tittel.'),
  'meeting-form': () => meetingFormCard(busyMeeting(), undefined, 'nb', 'Europe/Oslo', now, 'Møtet må slutte etter at det starter.'),
  schedule: () => scheduleCard(data, memberOf(data, 'kari-nordmann'), 'nb', 'Europe/Oslo', now, 'https://bot.example/kalender/kari/x.ics'),
  'year-plan': () => yearPlanCard(data, 2028, 'nb', 'Europe/Oslo'),
  members: () => membersCard(data, 'nb', 'Per Olsen er lagt til.'),
  'file-attach': () => {
    const withFile = structuredClone(data);
    withFile.meetings.find((m) => m.id === 'mote-2026-12')!.agenda[3]!.attachments = [{ title: 'Presentasjon', url: `https://bot.example/vedlegg/${'a'.repeat(64)}/x/p.pdf` }];
    return fileCard(withFile, { id: 'a'.repeat(64), name: 'Presentasjon Grorud.pdf', size: 2_400_000 }, { lang: 'nb', timeZone: 'Europe/Oslo', now }, { target: '', title: 'Presentasjon' }, 'Velg saken filen skal legges ved.');
  },
  'member-form': () => memberFormCard(memberOf(data, 'tor-lund'), 'key', memberFormValues(memberOf(data, 'tor-lund')), 'nb', 'E-postadressen brukes alt av Ola Hansen.'),
  'minutes-form': () => {
    const held = structuredClone(data.meetings.find((m) => m.id === 'mote-2024-10')!);
    held.agenda[5]!.confidential = true;
    const typed = { ...savedMinutes(data, held), present: 'Tor Lund' };
    return minutesFormCard(data, held, { ...view, values: typed, problem: 'Noen andre har lagret referatet.', downloadUrl: 'https://bot.example/referat/mote-2024-10/1/y.docx' });
  },
  minutes: () => {
    const held = structuredClone(data.meetings.find((m) => m.id === 'mote-2024-10')!);
    held.agenda[5]!.confidential = true;
    held.minutes = { ...held.minutes!, present: 'Tor Lund, politimester', absent: 'Ola Hansen' };
    return minutesCard(data, held, 'nb', 'Europe/Oslo', 'Referatet fra møtet er klart.');
  },
  proposal: () =>
    proposalCard(data, busyMeeting(), { id: 'mote-2026-12-f1', byMemberId: 'ola-hansen', title: 'Trygghet i T-banen', description: 'Vekterne melder om mer uro.', status: 'foreslått', at: NOW }, 'nb', 'Europe/Oslo'),
  attendance: () => attendanceCard({ ...data, meetings: [busyMeeting()] }, busyMeeting(), 'nb', 'Europe/Oslo', now),
  status: () =>
    statusCard(data, { viewer: memberOf(data, 'kari-nordmann'), place: { filter: '', page: 2 }, lang: 'nb', timeZone: 'Europe/Oslo', now, audience: 'shared', headline: 'Punktet er lagret.', importable: 2 }) as Record<string, unknown>,
  'follow-up-history': () => {
    const point = structuredClone(data.followUps.find((p) => p.id === 'op-2024-03')!);
    point.history.push(
      { at: NOW, byMemberId: 'ola-hansen', text: 'Bydel Alna er med.', status: 'pågår' },
      { at: NOW, byMemberId: 'kari-nordmann', text: '', dueDate: '2027-03-01', edited: ['title', 'due'] },
    );
    return historyCard(data, point, { filter: 'mine', page: 1 }, 'nb', 'Europe/Oslo');
  },
  'follow-up-form': () =>
    followUpFormCard(data, { ...emptyFormValues(data, 'Oslostandard'), due: 'neste møte' }, { meetingId: 'mote-2026-12', itemId: 'mote-2026-12-4' }, 'nb', 'Europe/Oslo', 'Jeg forstår ikke fristen.'),
  confirm: () =>
    followUpConfirmCard(
      data,
      checkFollowUpInput(data, { title: 'Oslostandard', focusAreaId: 'io-2017-3', responsible: 'medlem', ownerMemberId: 'tor-lund', due: { dueDate: '2027-03-01' }, briefing: true }, now, 'Europe/Oslo'),
      { ...emptyFormValues(data, 'Oslostandard'), due: '1. mars' },
      undefined,
      'nb',
      'Europe/Oslo',
      now,
      'activity-1',
    ),
  'salto-question': () => {
    const { salto, round, report } = saltoData();
    return questionCard(salto, round, { ...report, position: { question: 'salto-2023-2.status' }, answers: { ...report.answers, 'salto-2023-2.status': 'noen utfordringer' } }, 'nb', 'Europe/Oslo', 'Svaret er for langt.');
  },
  'salto-review': () => {
    const { salto, round, report } = saltoData();
    return reviewCard(salto, round, report, 'nb', 'Europe/Oslo', { editable: true, headline: 'Takk!' });
  },
  'salto-round': () => {
    const { salto, round } = saltoData();
    const late = new Date('2027-03-01T08:00:00Z');
    return roundCard(salto, round, roundOverview(salto, round, late, 'Europe/Oslo'), 'nb', 'Europe/Oslo', 'https://bot.example/rapport/x/1/y.docx', 'Runden er åpnet.', late);
  },
  'salto-compiled': () => {
    const { salto, round } = saltoData();
    return compiledCard(compileRound(salto, round), 'nb', 'Europe/Oslo', 'https://bot.example/rapport/x/1/y.docx');
  },
  'salto-setup': () => {
    const setup = demoData();
    setup.reportingUnits.push({ id: 'gammel', name: 'Gammel enhet', kind: 'etat', retired: true, revision: 0 });
    return setupCard(setup, 'nb', 'Bydel Grorud er lagret.');
  },
  'salto-unit-form': () => unitFormCard(data, { id: 'bydel-grorud', revision: 0 }, { ...unitFormValues(data, 'bydel-grorud'), newName: 'Per Ås', newEmail: 'per@' }, 'nb', 'Skriv en hel e-postadresse.'),
  'areas-form': () => areasFormCard(data, 'council', areasFormValues(data, 'council'), 'nb', 'Skriv året, for eksempel 2027.'),
  'focus-areas': () => {
    const later = demoData();
    later.focusAreas.push({ id: 'io-2027-1', period: '2027', number: 1, title: 'Trygge byrom' });
    return councilAreasCard(later, memberOf(later, 'kari-nordmann'), 'nb', 'Innsatsområdene for 2027 er lagret.');
  },
  search: () => {
    const typed = 'politiet';
    const query = readSearchQuery(typed);
    const viewer = memberOf(data, 'kari-nordmann');
    return searchCard(data, { typed, query, hits: search(data, query, viewer, 'personal', 'Europe/Oslo'), page: 2, viewer, audience: 'personal' }, 'nb', 'Europe/Oslo');
  },
  'salto-round-form': () => roundFormCard(data, 'nb', 'Europe/Oslo', now, undefined, 'Fristen må være senest på møtedagen.')!,
  notice: () => {
    const { salto, round } = saltoData();
    return inviteCard(salto, round, ['bydel-grorud', 'sentrum'], 'nb', 'Europe/Oslo', 'Ny SaLTo-rapportering');
  },
};

/** One filled model per template; a new template without a sample fails the first test. */
const SAMPLES: { [N in 'welcome' | 'help' | 'me']: Parameters<typeof renderCard<N>>[1] } = {
  welcome: {
    title: 'Velkommen til Politirådsboten',
    intro: 'Jeg hjelper Politirådet i Oslo.',
    status: 'Du er registrert som Kari Nordmann (sekretariatet).',
    nextMeeting: 'Neste møte: torsdag 10. desember 2026 kl. 09.00',
    youCan: 'Dette kan du gjøre:',
    commands: [{ name: '/hjelp', description: 'Vis hva du kan gjøre her' }],
    showHelp: 'Vis alle kommandoer',
    verb: 'hjelp.vis',
  },
  help: {
    title: 'Dette kan du gjøre',
    commands: [
      { name: '/hjelp', description: 'Vis hva du kan gjøre her', aliases: 'Også: /help' },
      { name: '/kanal', description: 'Gjør denne kanalen til Politirådets kanal', aliases: '' },
    ],
    hint: 'Skriv en kommando i chatten.',
  },
  me: { title: 'Hvem du er for meg', rows: [{ label: 'Navn', value: 'Kari Nordmann' }] },
};

const templates = readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '') as TemplateName);

describe('card templates', () => {
  it('each have a sample model in this test', () => {
    expect(templates.sort()).toEqual([...Object.keys(SAMPLES), ...Object.keys(RENDERED)].sort());
  });

  describe.each(templates)('%s', (name) => {
    const made = RENDERED[name];
    const card = made ? made() : renderCard(name, SAMPLES[name as keyof typeof SAMPLES] as never);

    it('binds every ${…} expression', () => {
      expect(JSON.stringify(card)).not.toMatch(/\$\{/);
    });

    it('parses with the Adaptive Cards SDK without errors', () => {
      expect(cardProblems(card)).toEqual([]);
    });

    it('targets schema 1.5 and stays far below Teams’ message size limit', () => {
      expect(card.version).toBe('1.5');
      expect(JSON.stringify(card).length).toBeLessThan(28_000);
    });
  });

  it('keeps what a user typed as text: Markdown, links and template syntax stay literal', () => {
    const hostile = '**fet** [klikk](https://evil.example) ${verb} <at>x</at>';
    const card = renderCard('me', { title: 'T', rows: [{ label: 'Navn', value: hostile }] });
    expect(cardText(card)).toContain(hostile);
    // The value lands in a TextRun, which Adaptive Cards never renders as Markdown.
    expect(JSON.stringify(card)).toMatch(/"type":"TextRun","text":"\*\*fet\*\*/);
    expect(JSON.stringify(card)).not.toMatch(/"url":"https:\/\/evil/);
  });

  it('leaves out the alias line when a command has none', () => {
    const card = renderCard('help', SAMPLES.help);
    expect(cardText(card).match(/Også:/g)).toHaveLength(1);
  });
});

describe('the card check itself', () => {
  it('reports an element the SDK does not know', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Blink', text: 'x' }] })).not.toEqual([]);
  });

  it('reports a duplicate id', () => {
    const input = { type: 'Input.Text', id: 'same' };
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [input, input] })).not.toEqual([]);
  });
});
