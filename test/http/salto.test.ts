import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { formQuestions } from '../../src/domain/salto-form.js';
import { documentToken } from '../../src/reports/links.js';
import { installed, invoke, message, USERS, type User } from '../helpers/activities.js';
import { cardText } from '../helpers/builders.js';
import { cardIn, connectorSuite, onDisk, type BotUnderTest } from '../helpers/running-bot.js';

const suite = connectorSuite();
const start = (dataFile?: string) => suite.start({}, dataFile);

const SENTRUM = { id: '29:salto-sentrum', name: 'SaLTo-koordinator Sentrum', aadObjectId: 'aad-salto-sentrum' };
const { personal } = suite;
const lastTo = (user: User | typeof SENTRUM) => suite.stub.sent.filter((s) => s.conversationId === `a:personal-${user.id}`).at(-1);
const ROUND = 'runde-mote-2027-03';
const REPORT = `${ROUND}|bydel-grorud`;

/** The coordinators have the bot; the secretary opens a round for the March meeting (deadline 25 February). */
async function roundOpen(bot: BotUnderTest, deadline = '2027-02-25') {
  await bot.store.update((data) => {
    // Sentrum's coordinator is in the seed by email only; link the test user to them.
    data.members.find((m) => m.id === 'salto-sentrum')!.aadObjectId = SENTRUM.aadObjectId;
  });
  await bot.post(installed(USERS.coordinator, personal(USERS.coordinator)));
  await bot.post(installed(SENTRUM, personal(SENTRUM)));
  const res = await bot.post(invoke(USERS.secretary, { verb: Verb.RoundOpen, meetingId: 'mote-2027-03', deadline }, personal(USERS.secretary)));
  await bot.settled();
  return cardText(((await res.json()) as { value: unknown }).value);
}

/** Answers every question of Grorud's report by chat message, as a coordinator types them. */
async function answerAll(bot: BotUnderTest, from = 0) {
  const round = (await onDisk(bot)).saltoRounds[0]!;
  for (const question of formQuestions(round).slice(from)) {
    const text = question.kind === 'status' ? '2' : question.optional && question.prompt === 'annet' ? 'hopp over' : `Grorud om ${question.key}: ressurser og kompetanse`;
    await bot.post(message(USERS.coordinator, text, personal(USERS.coordinator)));
  }
}

describe('SaLTo reports over HTTP', () => {
  it('opens a round and invites each coordinator in personal chat with a button to start', async () => {
    const bot = await start();
    const overview = await roundOpen(bot);
    expect(overview).toMatch(/Runden er åpnet\. 2 av 3 koordinatorer har fått invitasjonen nå/);
    expect(overview).toMatch(/Levert: 0 · utkast: 0 · ikke startet: 17/);
    const invite = cardText(cardIn(lastTo(USERS.coordinator)));
    expect(invite).toMatch(/Ny SaLTo-rapportering[\s\S]*møte torsdag 11\. mars 2027[\s\S]*Frist: torsdag 25\. februar 2027[\s\S]*Start rapporten for Bydel Grorud/);
  });

  it('takes a whole report message by message, shows the review, and hands it in', async () => {
    const bot = await start();
    await roundOpen(bot);
    const started = await bot.post(invoke(USERS.coordinator, { verb: Verb.ReportStart, roundId: ROUND, unitId: 'bydel-grorud' }, personal(USERS.coordinator)));
    expect(cardText(((await started.json()) as { value: unknown }).value)).toMatch(/Bydel Grorud · spørsmål 1 av 18[\s\S]*Innsatsområde 1: Felles innsats i utsatte områder[\s\S]*Hvordan går arbeidet/);
    await bot.post(message(USERS.coordinator, 'vet ikke', personal(USERS.coordinator)));
    expect(cardText(cardIn(lastTo(USERS.coordinator)))).toMatch(/^Velg På sporet, Noen utfordringer eller Alvorlige utfordringer/);
    await answerAll(bot);
    const review = cardText(cardIn(lastTo(USERS.coordinator)));
    expect(review).toMatch(/Gjennomgang: Bydel Grorud[\s\S]*Noen utfordringer[\s\S]*hoppet over[\s\S]*Lever rapporten/);
    // Something typed at the review is not taken as an answer, and the review says so.
    await bot.post(message(USERS.coordinator, 'Vi glemte å nevne møtet med skolene', personal(USERS.coordinator)));
    expect(cardText(cardIn(lastTo(USERS.coordinator)))).toMatch(/^Du er ved gjennomgangen, så det du skrev nå, er ikke lagt inn i rapporten\.[\s\S]*Gjennomgang: Bydel Grorud/);
    const res = await bot.post(invoke(USERS.coordinator, { verb: Verb.ReportSubmit, reportId: REPORT }, personal(USERS.coordinator)));
    expect(cardText(((await res.json()) as { value: unknown }).value)).toContain('Takk! Rapporten for Bydel Grorud er levert.');
    const report = (await onDisk(bot)).saltoReports.find((r) => r.id === REPORT)!;
    expect(report).toMatchObject({ status: 'levert', authorMemberId: 'aisha-rahman', skipped: ['annet'] });
    expect(Object.keys(report.answers)).toHaveLength(17);
  });

  it('loses nothing when the bot restarts in the middle of a report', async () => {
    let bot = await start();
    await roundOpen(bot);
    await bot.post(invoke(USERS.coordinator, { verb: Verb.ReportStart, roundId: ROUND, unitId: 'bydel-grorud' }, personal(USERS.coordinator)));
    await bot.post(message(USERS.coordinator, '3', personal(USERS.coordinator)));
    await bot.post(message(USERS.coordinator, 'Ny møteplass på Romsås', personal(USERS.coordinator)));
    await bot.stop();
    bot = await start(bot.dataFile);
    await bot.post(message(USERS.coordinator, 'Lite folk i helgene', personal(USERS.coordinator)));
    const report = (await onDisk(bot)).saltoReports.find((r) => r.id === REPORT)!;
    expect(report.answers).toEqual({
      'salto-2023-1.status': 'alvorlige utfordringer',
      'salto-2023-1.gjort': 'Ny møteplass på Romsås',
      'salto-2023-1.vanskelig': 'Lite folk i helgene',
    });
    expect(cardText(cardIn(lastTo(USERS.coordinator)))).toMatch(/spørsmål 4 av 18[\s\S]*Hva bør Politirådet ta opp\?/);
  });

  it('lets no other coordinator read or write the report, and leaves the data file alone', async () => {
    const bot = await start();
    await roundOpen(bot);
    await bot.post(invoke(USERS.coordinator, { verb: Verb.ReportStart, roundId: ROUND, unitId: 'bydel-grorud' }, personal(USERS.coordinator)));
    await bot.post(message(SENTRUM, '/hjelp', personal(SENTRUM)));
    await bot.post(message(USERS.member, '/hjelp', personal(USERS.member)));
    await bot.scheduler.tick();
    await bot.settled();
    const before = await readFile(bot.dataFile, 'utf8');
    for (const data of [
      { verb: Verb.ReportAnswer, reportId: REPORT, at: 'salto-2023-1.status', value: '1' },
      { verb: Verb.ReportStart, roundId: ROUND, unitId: 'bydel-grorud' },
      { verb: Verb.ReportSubmit, reportId: REPORT },
    ]) {
      await bot.post(invoke(SENTRUM, data, personal(SENTRUM)));
      expect(lastTo(SENTRUM)?.body.text).toBe('Du kan bare se og endre rapporten for din egen enhet. Ingenting er endret.');
    }
    // A member is no coordinator at all.
    await bot.post(invoke(USERS.member, { verb: Verb.ReportAnswer, reportId: REPORT, at: 'salto-2023-1.status', value: '1' }, personal(USERS.member)));
    expect(lastTo(USERS.member)?.body.text).toBe('Beklager, dette kan bare SaLTo-koordinator gjøre. Ingenting er endret.');
    expect(await readFile(bot.dataFile, 'utf8')).toBe(before);
  });

  it('reminds only the units that have not handed in, once, and tells the secretary the day after the deadline who did not', async () => {
    // Deadline 28 November: the reminder three days before is due at 09:00 Oslo time on 25 November.
    let now = new Date('2026-11-22T08:00:00Z');
    const bot = await suite.start({}, undefined, { clock: { now: () => now } });
    await roundOpen(bot, '2026-11-28');
    await bot.post(invoke(USERS.coordinator, { verb: Verb.ReportStart, roundId: ROUND, unitId: 'bydel-grorud' }, personal(USERS.coordinator)));
    await answerAll(bot);
    await bot.post(invoke(USERS.coordinator, { verb: Verb.ReportSubmit, reportId: REPORT }, personal(USERS.coordinator)));
    const reminders = () => suite.stub.sent.filter((s) => cardText(cardIn(s)).includes('Påminnelse: SaLTo-rapporten har frist lørdag 28. november 2026.'));
    now = new Date('2026-11-25T07:59:00Z');
    await bot.scheduler.tick();
    await bot.settled();
    expect(reminders()).toEqual([]);
    now = new Date('2026-11-25T08:00:00Z');
    for (let i = 0; i < 2; i++) {
      await bot.scheduler.tick();
      await bot.settled();
    }
    expect(reminders().map((s) => s.conversationId)).toEqual([`a:personal-${SENTRUM.id}`]);
    const summaries = () => suite.stub.delivered(`a:personal-${USERS.secretary.id}`).map((s) => cardText(cardIn(s))).filter((text) => text.startsWith('Fristen for SaLTo-rapportene gikk ut'));
    now = new Date('2026-11-29T07:59:00Z');
    await bot.scheduler.tick();
    await bot.settled();
    expect(summaries()).toEqual([]);
    now = new Date('2026-11-29T08:00:00Z');
    for (let i = 0; i < 2; i++) {
      await bot.scheduler.tick();
      await bot.settled();
    }
    expect(summaries()).toEqual([expect.stringMatching(/^Fristen for SaLTo-rapportene gikk ut lørdag 28\. november 2026\n[\s\S]*1 av 17 enheter har levert\.[\s\S]*- Bydel Alna\n/)]);
  });

  it('serves the compiled report as a Word file to a signed link only, and refuses tampered or expired links', async () => {
    const bot = await start();
    await roundOpen(bot);
    await bot.post(invoke(USERS.coordinator, { verb: Verb.ReportStart, roundId: ROUND, unitId: 'bydel-grorud' }, personal(USERS.coordinator)));
    await answerAll(bot);
    await bot.post(invoke(USERS.coordinator, { verb: Verb.ReportSubmit, reportId: REPORT }, personal(USERS.coordinator)));
    await bot.post(message(USERS.secretary, '/rapporter', personal(USERS.secretary)));
    const overview = cardIn(lastTo(USERS.secretary)) as { actions: { type: string; url?: string }[] };
    expect(cardText(overview)).toMatch(/Levert: 1 · utkast: 0 · ikke startet: 16/);
    const link = overview.actions.find((a) => a.type === 'Action.OpenUrl')!.url!.replace('localhost', '127.0.0.1');
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ');
    expect(text).toContain('Samlet rapport fra lokale og regionale SaLTo-handlingsplaner');
    expect(text).toContain('1 av 17 enheter har levert');
    expect(text).toMatch(/Bydel Grorud\s+Noen utfordringer\s+Noen utfordringer\s+Noen utfordringer\s+Noen utfordringer/);
    expect(text).toMatch(/Bydel Alna\s+ikke levert/);
    expect(text).toContain('Grorud om salto-2023-4.gjort: ressurser og kompetanse');

    const [, roundId, expires, file] = /\/rapport\/([^/]+)\/(\d+)\/([^/]+)\.docx$/.exec(link)!;
    const tampered = link.replace(`/${expires}/`, `/${Number(expires) + 3600}/`);
    expect((await fetch(tampered)).status).toBe(404);
    expect((await fetch(link.replace(file!, `${file!.slice(0, -1)}${file!.endsWith('A') ? 'B' : 'A'}`))).status).toBe(404);
    const secret = (await onDisk(bot)).settings.linkSecret!;
    const past = Math.floor(Date.parse('2026-11-22T07:00:00Z') / 1000);
    const expired = link.replace(`/${expires}/${file}.docx`, `/${past}/${documentToken(secret, 'report', decodeURIComponent(roundId!), past)}.docx`);
    expect((await fetch(expired)).status).toBe(404);
  });

  it("reminds the secretary of December's round not opened, once, also after a restart, and the reminder's button opens it", async () => {
    let bot = await start();
    await bot.post(installed(USERS.secretary, personal(USERS.secretary)));
    await bot.post(installed(USERS.coordinator, personal(USERS.coordinator)));
    await bot.scheduler.tick();
    await bot.settled();
    const reminders = () => suite.stub.delivered(`a:personal-${USERS.secretary.id}`).map((s) => cardIn(s)).filter((card) => cardText(card).startsWith('SaLTo-rapportrunden er ikke åpnet'));
    expect(reminders().map(cardText)).toEqual([expect.stringMatching(/^SaLTo-rapportrunden er ikke åpnet\nOrdinært møte torsdag 10\. desember 2026[\s\S]*fristen torsdag 26\. november 2026/)]);
    await bot.stop();
    bot = await start(bot.dataFile);
    await bot.scheduler.tick();
    await bot.settled();
    expect(reminders()).toHaveLength(1);
    const button = (reminders()[0] as { actions: { data: { verb: string } & Record<string, unknown> }[] }).actions[0]!.data;
    const form = await bot.post(invoke(USERS.secretary, button, personal(USERS.secretary)));
    expect(cardText(((await form.json()) as { value: unknown }).value)).toMatch(/^Ny SaLTo-rapportrunde/);
    await bot.post(invoke(USERS.secretary, { verb: Verb.RoundOpen, meetingId: 'mote-2026-12', deadline: '2026-11-26' }, personal(USERS.secretary)));
    await bot.settled();
    expect(cardText(cardIn(lastTo(USERS.coordinator)))).toMatch(/Ny SaLTo-rapportering[\s\S]*møte torsdag 10\. desember 2026[\s\S]*Start rapporten for Bydel Grorud/);
    expect((await onDisk(bot)).deliveries.filter((d) => d.kind === 'salto-round-missing').map((d) => [d.meetingId, d.memberId, d.status])).toEqual([['mote-2026-12', 'kari-nordmann', 'sent']]);
  });

  it("hands a unit to a new coordinator mid-round: they are invited at once and take over the draft with its answers", async () => {
    const bot = await start();
    await roundOpen(bot);
    await bot.post(invoke(USERS.coordinator, { verb: Verb.ReportStart, roundId: ROUND, unitId: 'bydel-grorud' }, personal(USERS.coordinator)));
    await bot.post(message(USERS.coordinator, '1', personal(USERS.coordinator)));
    await bot.post(installed(USERS.member, personal(USERS.member)));
    const unit = { verb: Verb.UnitSave, unitId: 'bydel-grorud', revision: 0, name: 'Bydel Grorud', kind: 'bydel', coordinatorIds: 'ola-hansen', retired: 'false' };
    const res = await bot.post(invoke(USERS.secretary, unit, personal(USERS.secretary)));
    expect(cardText(((await res.json()) as { value: unknown }).value)).toContain('Nye koordinatorer for enheten: Ola Hansen. 1 fikk invitasjon til den åpne rapportrunden.');
    await bot.scheduler.tick();
    await bot.settled();
    const toOla = suite.stub.sent.filter((s) => s.conversationId === `a:personal-${USERS.member.id}`).map((s) => cardText(cardIn(s)));
    expect(toOla.filter((text) => /Ny SaLTo-rapportering[\s\S]*Start rapporten for Bydel Grorud/.test(text))).toHaveLength(1);
    const started = await bot.post(invoke(USERS.member, { verb: Verb.ReportStart, roundId: ROUND, unitId: 'bydel-grorud' }, personal(USERS.member)));
    expect(cardText(((await started.json()) as { value: unknown }).value)).toMatch(/spørsmål 2 av 18/);
    const data = await onDisk(bot);
    expect(data.saltoReports.find((r) => r.id === REPORT)).toMatchObject({ authorMemberId: 'ola-hansen', answers: { 'salto-2023-1.status': 'på sporet' } });
    expect(data.members.find((m) => m.id === 'aisha-rahman')).toMatchObject({ roles: [], unitIds: [] });
    // Aisha no longer reports for Grorud: her next message is not an answer to its report.
    await bot.post(message(USERS.coordinator, 'Noe mer', personal(USERS.coordinator)));
    expect((await onDisk(bot)).saltoReports.find((r) => r.id === REPORT)!.answers).toEqual({ 'salto-2023-1.status': 'på sporet' });
  });
});
