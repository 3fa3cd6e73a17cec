import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { installed, invoke, message, USERS } from '../helpers/activities.js';
import { executeData } from '../helpers/adaptive-cards.js';
import { fixedClock } from '../../src/domain/clock.js';
import { cardText, NOW } from '../helpers/builders.js';
import { cardIn, connectorSuite, expectChangedLinksRefused, onDisk, seedFileWith, wordText, type BotUnderTest } from '../helpers/running-bot.js';

const suite = connectorSuite();
/** The demo seed without follow-up points, so their reminders and summaries stay out of these counts. */
let seedFile: string;

beforeAll(async () => {
  seedFile = await seedFileWith((seed) => {
    seed['followUps'] = [];
  });
});

/** The scheduler runs by hand here, so each test says exactly when agendas fall due. */
const start = (dataFile?: string, concurrency?: number) =>
  suite.start({ SEED_FILE: seedFile }, dataFile, concurrency ? { notifier: { baseBackoffMs: 20, maxBackoffMs: 200, concurrency } } : {});

const { personal } = suite;
const CHANNEL = '19:moter@thread.tacv2';
const channel = () => ({ serviceUrl: suite.stub.url, conversationType: 'channel' as const, conversationId: `${CHANNEL};messageid=1700000000000` });

/** Installs the bot for the secretary and a member and marks the council's channel. */
async function councilReachable(bot: BotUnderTest) {
  await bot.post(installed(USERS.secretary, personal(USERS.secretary)));
  await bot.post(installed(USERS.member, personal(USERS.member)));
  await bot.post(message(USERS.secretary, '/kanal', channel()));
  // What falls due once the secretary can be reached (December's SaLTo round not opened) is sent before the record is cleared.
  await bot.scheduler.tick();
  await bot.settled();
  suite.stub.sent.length = 0;
}

/**
 * The secretary saves a meeting on the meeting form (an Action.Execute). A new one is days away,
 * after the time its agenda would usually go out, so the agenda waits; unless told otherwise the
 * secretary then sends it with «Send dagsorden nå» on the editor that came back.
 */
async function createMeeting(bot: BotUnderTest, fields: Record<string, string> = {}, options: { send: boolean } = { send: true }) {
  const res = await bot.post(
    invoke(USERS.secretary, { verb: Verb.MeetingSave, kind: 'ekstraordinært', title: 'Ekstraordinært møte om ungdomsvold', date: '2026-11-26', startTime: '10:00', endTime: '11:00', place: 'Oslo rådhus', ...fields }, personal(USERS.secretary)),
  );
  const created = (await res.json()) as { statusCode: number; type: string; value: unknown };
  const send = executeData(created.value).find((data): data is { verb: string } & Record<string, unknown> => data['verb'] === Verb.AgendaSend);
  if (options.send && send) await bot.post(invoke(USERS.secretary, send, personal(USERS.secretary)));
  return created;
}

async function sendDue(bot: BotUnderTest) {
  await bot.scheduler.tick();
  await bot.settled();
}

describe('agendas over HTTP', () => {
  it('posts a due agenda to the channel and each member’s chat exactly once, also after a restart', async () => {
    let bot = await start();
    await councilReachable(bot);
    const created = await createMeeting(bot);
    expect(created.type).toBe('application/vnd.microsoft.card.adaptive');
    await sendDue(bot);
    const agendas = () => suite.stub.sent.filter((s) => s.method === 'POST' && cardText(cardIn(s)).includes('Dagsorden for neste møte'));
    expect(agendas().map((s) => s.conversationId).sort()).toEqual([CHANNEL, 'a:personal-29:kari', 'a:personal-29:ola'].sort());
    await sendDue(bot);
    await bot.stop();
    bot = await start(bot.dataFile);
    await sendDue(bot);
    expect(agendas()).toHaveLength(3);
    const deliveries = (await onDisk(bot)).deliveries.filter((d) => d.kind === 'agenda');
    expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('posts an agenda of long items to everyone, shortened so Teams takes it, the items kept whole', async () => {
    const description = 'Bydelene beskriver tiltakene for barn og unge, med tall fra skolene og fritidsklubbene. '.repeat(45).slice(0, 4000).trimEnd();
    const longSeed = await seedFileWith((seed) => {
      seed['followUps'] = [];
      const meeting = (seed['meetings'] as { id: string; start: string; end: string; agenda: Record<string, unknown>[] }[]).find((m) => m.id === 'mote-2026-12')!;
      const extra = Array.from({ length: 5 }, (_, i) => ({ ...meeting.agenda[3]!, id: `mote-2026-12-x${i}`, title: `Tema ${i + 1}` }));
      meeting.agenda.splice(4, 0, ...extra);
      for (const item of meeting.agenda) item['description'] = description;
    });
    let now = new Date(NOW);
    const bot = await suite.start({ SEED_FILE: longSeed }, undefined, { clock: { now: () => now } });
    await councilReachable(bot);
    // A week before the meeting on 10 December, at nine in Oslo.
    now = new Date('2026-12-03T08:00:00Z');
    await sendDue(bot);
    // The stub, like Teams, refuses a message over 100 KB (413 MessageSizeTooBig).
    expect(suite.stub.refused).toEqual([]);
    const agendas = suite.stub.sent.filter((s) => s.method === 'POST' && cardText(cardIn(s)).includes('Dagsorden for neste møte'));
    expect(agendas.map((s) => s.conversationId).sort()).toEqual([CHANNEL, 'a:personal-29:kari', 'a:personal-29:ola'].sort());
    for (const sent of agendas) {
      const text = cardText(cardIn(sent));
      expect(text).toContain('Lange tekster er forkortet (…) så meldingen får plass i Teams.');
      expect(text).toContain(description.slice(0, 200));
      expect(text).not.toContain(description);
    }
    const saved = await onDisk(bot);
    expect(saved.deliveries.filter((d) => d.kind === 'agenda').map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
    expect(saved.meetings.find((m) => m.id === 'mote-2026-12')!.agenda.every((i) => i.description === description)).toBe(true);
  });

  it('posts the agenda that already went out to the channel once it is marked', async () => {
    const dueSeed = await seedFileWith((seed) => {
      seed['followUps'] = [];
      const meeting = (seed['meetings'] as { id: string }[]).find((m) => m.id === 'mote-2026-12')!;
      Object.assign(meeting, { start: '2026-11-26T09:00:00+01:00', end: '2026-11-26T11:30:00+01:00' });
    });
    // The meeting is four days away when the bot starts: the agenda goes out to whoever it can reach.
    const bot = await suite.start({ SEED_FILE: dueSeed });
    await bot.post(installed(USERS.member, personal(USERS.member)));
    await bot.post(message(USERS.secretary, '/kanal', channel()));
    await bot.settled();
    const agendas = () => suite.stub.sent.filter((s) => s.method === 'POST' && cardText(cardIn(s)).includes('Dagsorden for neste møte')).map((s) => s.conversationId);
    expect(agendas().sort()).toEqual([CHANNEL, 'a:personal-29:ola'].sort());
    expect(suite.stub.sent.find((s) => s.conversationId.startsWith(CHANNEL))?.body.text).toContain('Dagsordenen som alt er sendt ut, postes her nå.');
    await bot.post(message(USERS.secretary, '/kanal', channel()));
    await sendDue(bot);
    expect(agendas()).toHaveLength(2);
  });

  it('holds the agenda of a meeting made at short notice until the secretary sends it, then posts it to everyone', async () => {
    const bot = await start();
    await councilReachable(bot);
    const created = await createMeeting(bot, {}, { send: false });
    expect(cardText(created.value)).toContain('Dagsordenen sendes ut mandag 23. november 2026 kl. 09.00.');
    await sendDue(bot);
    const agendas = () => suite.stub.sent.filter((s) => s.method === 'POST' && cardText(cardIn(s)).includes('Dagsorden for neste møte'));
    expect(agendas()).toEqual([]);
    const send = executeData(created.value).find((data): data is { verb: string } & Record<string, unknown> => data['verb'] === Verb.AgendaSend)!;
    const res = await bot.post(invoke(USERS.secretary, send, personal(USERS.secretary)));
    // Going out, or already out if the scheduler the button woke was quicker than the answer.
    expect(cardText(((await res.json()) as { value: unknown }).value)).toMatch(/\nDagsordenen (sendes ut nå\.|er sendt ut\. Endringer oppdaterer de utsendte kortene\.)\n/);
    // The button woke the scheduler, which queued the agenda and woke the notifier: no tick here.
    await expect.poll(() => agendas().length, { timeout: 10_000 }).toBe(3);
    expect(agendas().map((s) => s.conversationId).sort()).toEqual([CHANNEL, 'a:personal-29:kari', 'a:personal-29:ola'].sort());
  });

  it('opens a personal chat with council members in the team who never opened the bot, and sends them the agenda', async () => {
    const bot = await start();
    await councilReachable(bot);
    suite.stub.roster = [
      { id: '29:ingrid', name: 'Ingrid Berg', aadObjectId: '00000000-0000-4000-8000-00000000a004' },
      { id: '29:aisha', name: 'Aisha Rahman', aadObjectId: '00000000-0000-4000-8000-00000000a003' },
      { id: '29:outsider', name: 'Ikke medlem', aadObjectId: 'aad-outsider' },
    ];
    await createMeeting(bot);
    await sendDue(bot);
    // Ingrid is the chair; Aisha is a coordinator, who gets no agenda; the outsider is no member.
    expect(suite.stub.opened).toEqual(['29:ingrid']);
    expect(cardText(cardIn(suite.stub.delivered('a:opened-29:ingrid')[0]))).toContain('Dagsorden for neste møte');
    const saved = (await onDisk(bot)).conversations.find((c) => c.id === 'a:opened-29:ingrid');
    expect(saved).toMatchObject({ kind: 'personal', memberId: 'ingrid-berg', installed: true });
    await sendDue(bot);
    expect(suite.stub.opened).toEqual(['29:ingrid']);
  });

  it('hides a confidential item in the channel and shows it in personal chat', async () => {
    const bot = await start();
    await councilReachable(bot);
    await createMeeting(bot);
    const meetingId = (await onDisk(bot)).meetings.find((m) => m.kind === 'ekstraordinært')!.id;
    await bot.post(invoke(USERS.secretary, { verb: Verb.ItemSave, meetingId, revision: 0, title: 'Gjengkonflikt i Oslo øst', presenters: 'Oslo politidistrikt', confidential: 'true' }, personal(USERS.secretary)));
    await sendDue(bot);
    // The agenda went out when the secretary sent it; the item reached the posted cards as an update.
    const inChannel = cardText(cardIn(suite.stub.delivered(CHANNEL).at(-1)));
    const inChat = cardText(cardIn(suite.stub.delivered('a:personal-29:ola').at(-1)));
    expect(inChannel).toContain('Unntatt offentlighet');
    expect(JSON.stringify(suite.stub.delivered(CHANNEL).map(cardIn))).not.toMatch(/Gjengkonflikt|Oslo politidistrikt/);
    expect(inChat).toContain('Gjengkonflikt i Oslo øst');
  });

  it('brings a member’s proposal to the secretary’s chat, where one click puts it on the agenda', async () => {
    const bot = await start();
    await councilReachable(bot);
    await bot.post(message(USERS.member, '/foreslå Trygghet i T-banen', personal(USERS.member)));
    await bot.settled();
    const notices = suite.stub.delivered('a:personal-29:kari').map(cardIn);
    expect(notices).toHaveLength(1);
    expect(cardText(notices[0])).toMatch(/^Nytt forslag til dagsordenen\nTrygghet i T-banen\nForeslått av Ola Hansen/);
    // The proposer gets their thanks as text, and no notice.
    expect(suite.stub.delivered('a:personal-29:ola').map((s) => s.body.text)).toEqual([expect.stringMatching(/^Takk! Forslaget «Trygghet i T-banen» er sendt til sekretariatet/)]);
    const take = (notices[0] as { actions: { data: { verb: string } & Record<string, unknown> }[] }).actions[0]!.data;
    const res = await bot.post(invoke(USERS.secretary, take, personal(USERS.secretary)));
    expect(cardText(((await res.json()) as { value: unknown }).value)).toContain('Trygghet i T-banen');
    expect((await onDisk(bot)).meetings.find((m) => m.id === 'mote-2026-12')!.agenda.map((i) => i.title)).toContain('Trygghet i T-banen');
  });

  it('takes a proposal the secretary had not answered when its meeting began on to the next meeting, and tells both', async () => {
    let now = new Date(NOW);
    const bot = await suite.start({ SEED_FILE: seedFile }, undefined, { clock: { now: () => now } });
    await councilReachable(bot);
    await bot.post(message(USERS.member, '/foreslå Trygghet i T-banen', personal(USERS.member)));
    await bot.settled();
    suite.stub.sent.length = 0;
    // Nine o'clock on 10 December: the meeting begins, the proposal still waiting.
    now = new Date('2026-12-10T08:00:00Z');
    await bot.scheduler.tick();
    await bot.settled();
    const toSecretary = suite.stub.delivered('a:personal-29:kari').map((s) => cardText(cardIn(s)));
    expect(toSecretary.filter((text) => text.startsWith('Forslag som ikke ble avgjort før forrige møte'))).toEqual([expect.stringContaining('Foreslått av Ola Hansen til Ordinært møte torsdag 11. mars 2027')]);
    expect(suite.stub.delivered('a:personal-29:ola').map((s) => s.body.text)).toEqual([expect.stringMatching(/^Sekretariatet tok ikke stilling til forslaget ditt «Trygghet i T-banen» før møtet det var til\. Forslaget går videre til Ordinært møte torsdag 11\. mars 2027/)]);
    const saved = await onDisk(bot);
    expect(saved.meetings.find((m) => m.id === 'mote-2027-03')!.proposals.map((p) => [p.title, p.status])).toEqual([['Trygghet i T-banen', 'foreslått']]);
    // A second look moves nothing more.
    await bot.scheduler.tick();
    await bot.settled();
    expect(suite.stub.delivered('a:personal-29:ola')).toHaveLength(1);
  });

  it('tells the secretary six weeks before the last meeting planned that the schedule runs out, once', async () => {
    const bot = await suite.start({ SEED_FILE: seedFile }, undefined, { clock: fixedClock('2027-10-28T07:00:00Z') });
    await bot.post(installed(USERS.secretary, personal(USERS.secretary)));
    for (let i = 0; i < 2; i++) {
      await bot.scheduler.tick();
      await bot.settled();
    }
    const notices = suite.stub.delivered('a:personal-29:kari').map((s) => cardText(cardIn(s))).filter((text) => text.startsWith('Møteplanen tar slutt'));
    expect(notices).toEqual([expect.stringContaining('Det siste møtet i møteplanen er Ordinært møte torsdag 9. desember 2027')]);
  });

  it('updates the posted cards in place, marked as changed, when the agenda changes', async () => {
    const bot = await start();
    await councilReachable(bot);
    await createMeeting(bot);
    await sendDue(bot);
    const posted = suite.stub.sent.filter((s) => s.method === 'POST').length;
    const meetingId = (await onDisk(bot)).meetings.find((m) => m.kind === 'ekstraordinært')!.id;
    await bot.post(invoke(USERS.secretary, { verb: Verb.ItemSave, meetingId, revision: 0, title: 'Tiltak i sommerferien' }, personal(USERS.secretary)));
    await bot.settled();
    const updates = suite.stub.sent.filter((s) => s.method === 'PUT');
    expect(updates).toHaveLength(3);
    expect(suite.stub.sent.filter((s) => s.method === 'POST')).toHaveLength(posted);
    for (const update of updates) expect(cardText(cardIn(update))).toMatch(/Endret[\s\S]*Tiltak i sommerferien/);
  });

  it('tells everyone who got the agenda when the meeting is moved or cancelled', async () => {
    const bot = await start();
    await councilReachable(bot);
    await createMeeting(bot);
    await sendDue(bot);
    const meetingId = (await onDisk(bot)).meetings.find((m) => m.kind === 'ekstraordinært')!.id;
    await createMeeting(bot, { meetingId, revision: '0', date: '2026-11-27' } as never);
    await bot.settled();
    const moved = suite.stub.sent.filter((s) => s.body.text?.includes('er flyttet til fredag 27. november 2026 kl. 10.00'));
    expect(moved.map((s) => s.conversationId).sort()).toEqual([CHANNEL, 'a:personal-29:kari', 'a:personal-29:ola'].sort());
    await bot.post(invoke(USERS.secretary, { verb: Verb.MeetingCancel, meetingId, revision: 1 }, personal(USERS.secretary)));
    await bot.settled();
    expect(suite.stub.sent.filter((s) => s.body.text?.endsWith('er avlyst.'))).toHaveLength(3);
    expect(suite.stub.sent.filter((s) => s.method === 'PUT' && cardText(cardIn(s)).includes('Møtet er avlyst'))).toHaveLength(3);
    // Held after all: the same three are told, and their cards no longer say it is cancelled.
    const updates = suite.stub.sent.filter((s) => s.method === 'PUT').length;
    await bot.post(invoke(USERS.secretary, { verb: Verb.MeetingReinstate, meetingId, revision: 2 }, personal(USERS.secretary)));
    await bot.settled();
    const held = suite.stub.sent.filter((s) => s.body.text?.includes('blir holdt likevel, til samme tid.'));
    expect(held.map((s) => s.conversationId).sort()).toEqual([CHANNEL, 'a:personal-29:kari', 'a:personal-29:ola'].sort());
    const refreshed = suite.stub.sent.filter((s) => s.method === 'PUT').slice(updates);
    expect(refreshed).toHaveLength(3);
    for (const update of refreshed) expect(cardText(cardIn(update))).not.toContain('Møtet er avlyst');
    expect((await onDisk(bot)).meetings.find((m) => m.id === meetingId)!.status).toBe('planlagt');
  });

  it('waits for Retry-After after a 429 and then delivers', async () => {
    const bot = await start();
    await councilReachable(bot);
    let throttled = false;
    suite.stub.failWith = ({ conversationId, method }) => {
      if (throttled || method !== 'POST' || conversationId !== 'a:personal-29:ola') return undefined;
      throttled = true;
      return { status: 429, headers: { 'retry-after': '1' } };
    };
    await createMeeting(bot);
    await sendDue(bot);
    const refused = suite.stub.refused[0]!;
    expect(refused.status).toBe(429);
    const retried = suite.stub.delivered('a:personal-29:ola')[0]!;
    expect(retried.at - refused.at).toBeGreaterThanOrEqual(1000);
    // Nothing else went to that tenant before the second was up either.
    expect(suite.stub.sent.filter((s) => s.at > refused.at && s.at < refused.at + 1000)).toEqual([]);
    expect((await onDisk(bot)).deliveries.every((d) => d.status === 'sent')).toBe(true);
  });

  it('records a 403 as undeliverable and shows the secretary who did not get the agenda', async () => {
    const bot = await start();
    await councilReachable(bot);
    suite.stub.failWith = ({ conversationId }) => (conversationId === 'a:personal-29:ola' ? { status: 403 } : undefined);
    await createMeeting(bot);
    await sendDue(bot);
    const ola = (await onDisk(bot)).deliveries.find((d) => d.conversationId === 'a:personal-29:ola')!;
    expect(ola).toMatchObject({ status: 'undeliverable', attempts: 1, error: expect.stringMatching(/^403/) });
    const meetingId = ola.meetingId;
    const res = await bot.post(invoke(USERS.secretary, { verb: Verb.AttendanceShow, meetingId }, personal(USERS.secretary)));
    const overview = cardText(((await res.json()) as { value: unknown }).value);
    expect(overview).toMatch(/Fikk ikke dagsordenen \(\d+\)[\s\S]*Ola Hansen[\s\S]*boten er blokkert eller fjernet/);
  });

  it('neither loses nor repeats a message when the bot restarts in the middle of sending', async () => {
    // One send at a time, each held by the connector, so a stop lands in the middle of the round.
    let bot = await start(undefined, 1);
    await councilReachable(bot);
    for (const [id, name, n] of [['29:ingrid', 'Ingrid Berg', 4], ['29:tor', 'Tor Lund', 5], ['29:marianne', 'Marianne Dahl', 6]] as const) {
      const user = { id, name, aadObjectId: `00000000-0000-4000-8000-00000000a00${n}` };
      await bot.post(installed(user, personal(user)));
    }
    suite.stub.reset();
    suite.stub.delayMs = 100;
    await createMeeting(bot);
    const tick = bot.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 250));
    await tick;
    await bot.stop();
    const before = suite.stub.sent.filter((s) => s.method === 'POST' && s.body.attachments).length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(6);
    bot = await start(bot.dataFile);
    await sendDue(bot);
    const perConversation = new Map<string, number>();
    for (const s of suite.stub.sent.filter((x) => x.method === 'POST' && x.body.attachments)) perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
    expect(perConversation.size).toBe(6);
    expect([...perConversation.values()].every((count) => count === 1)).toBe(true);
  });
});

describe('the notice with the agenda as a Word file', () => {
  it('is linked from the secretary’s agenda editor, public as meeting papers are, and refused when tampered with', async () => {
    const bot = await start();
    await bot.store.update((data) => {
      const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
      meeting.onlineUrl = 'https://teams.microsoft.com/l/meetup-join/politiradet';
      meeting.agenda[3]!.attachments = [{ title: 'Presentasjon fra bydelene', url: 'https://www.oslo.kommune.no/bydelene.pdf' }];
    });
    await bot.post(message(USERS.secretary, '/dagsorden', personal(USERS.secretary)));
    const card = cardIn(suite.stub.sent.at(-1)) as { actions: { type: string; title: string; url?: string }[] };
    const link = card.actions.find((a) => a.type === 'Action.OpenUrl');
    expect(link?.title).toBe('Innkallingen (Word)');
    const url = link!.url!.replace('localhost', '127.0.0.1');
    expect(url).toMatch(/\/innkalling\/mote-2026-12\/\d+\/[A-Za-z0-9_-]+\.docx$/);
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="innkalling-mote-2026-12.docx"');
    const text = await wordText(file);
    expect(text).toMatch(/^ ?Innkalling: Ordinært møte i Politirådet torsdag 10\. desember 2026 kl\. 09\.00, Oslo rådhus Teams-møte: https:\/\/teams\.microsoft\.com\/l\/meetup-join\/politiradet Dagsorden 1 Godkjenning av dagsorden v\/ Byrådsleder/);
    expect(text).toContain('4 Kriminalitetsforebygging på nett – status i bydelene v/ SaLTo-sekretariatet Vedlegg: Presentasjon fra bydelene (https://www.oslo.kommune.no/bydelene.pdf)');
    expect(text).toContain('5 Unntatt offentlighet 6 SaLTo-samarbeidet');
    expect(text).not.toContain('Situasjonsbrief');
    expect(text).not.toContain('Oslo politidistrikt');
    await expectChangedLinksRefused(url, [
      ['/mote-2026-12/', '/mote-2027-03/'],
      ['/innkalling/', '/referat/'],
    ]);
  });
});

describe('answers on the agenda card', () => {
  it('lets a member send apologies with a substitute and shows them their own answer', async () => {
    const bot = await start();
    await councilReachable(bot);
    await createMeeting(bot);
    const meeting = (await onDisk(bot)).meetings.find((m) => m.kind === 'ekstraordinært')!;
    const res = await bot.post(invoke(USERS.member, { verb: Verb.Apologies, meetingId: meeting.id, start: meeting.start, substitute: 'Per Vara', reason: 'På reise' }, personal(USERS.member)));
    const body = (await res.json()) as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Ditt svar: Forfall. Vara: Per Vara.');
    expect((await onDisk(bot)).meetings.find((m) => m.id === meeting.id)!.attendance).toEqual([
      expect.objectContaining({ memberId: 'ola-hansen', answer: 'forfall', substitute: 'Per Vara', reason: 'På reise' }),
    ]);
  });

  it('records an answer for the sender only, whatever member id the card data claims', async () => {
    const bot = await start();
    await councilReachable(bot);
    await createMeeting(bot);
    const meeting = (await onDisk(bot)).meetings.find((m) => m.kind === 'ekstraordinært')!;
    await bot.post(invoke(USERS.member, { verb: Verb.Attend, meetingId: meeting.id, memberId: 'ingrid-berg' }, personal(USERS.member)));
    expect((await onDisk(bot)).meetings.find((m) => m.id === meeting.id)!.attendance.map((a) => a.memberId)).toEqual(['ola-hansen']);
  });

  it('refuses a stale card, an unknown meeting and a secretary’s button from a member, changing nothing', async () => {
    const bot = await start();
    await councilReachable(bot);
    await createMeeting(bot);
    await sendDue(bot);
    const meeting = (await onDisk(bot)).meetings.find((m) => m.kind === 'ekstraordinært')!;
    const before = (await onDisk(bot)).meetings;
    const stale = (await (await bot.post(invoke(USERS.member, { verb: Verb.Attend, meetingId: meeting.id, start: '2026-11-25T09:00:00.000Z' }, personal(USERS.member)))).json()) as { value: unknown };
    expect(suite.stub.sent.at(-1)?.body.text).toContain('Kortet er utdatert');
    expect(cardText(stale.value)).toContain('Ekstraordinært møte om ungdomsvold');
    await bot.post(invoke(USERS.member, { verb: Verb.Attend, meetingId: 'mote-1999-01' }, personal(USERS.member)));
    expect(suite.stub.sent.at(-1)?.body.text).toContain('Jeg finner ikke');
    await bot.post(invoke(USERS.member, { verb: Verb.MeetingCancel, meetingId: meeting.id, revision: 0 }, personal(USERS.member)));
    expect(suite.stub.sent.at(-1)?.body.text).toMatch(/^Beklager, dette kan bare sekretariatet/);
    const inChannel = (await (await bot.post(invoke(USERS.member, { verb: Verb.MeetingCancel, meetingId: meeting.id, revision: 0 }, channel()))).json()) as { type: string; value: string };
    expect(inChannel).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/^Beklager/) });
    expect((await onDisk(bot)).meetings).toEqual(before);
  });
});

describe('the calendar feed', () => {
  it('serves each member’s signed feed with the meetings at the right time on both sides of summer time', async () => {
    const bot = await start();
    await bot.post(message(USERS.member, '/kalender', personal(USERS.member)));
    const link = /(http:\/\/localhost:\d+\/kalender\/\S+\.ics)/.exec(suite.stub.sent.at(-1)?.body.text ?? '')?.[1];
    expect(link).toBeDefined();
    const res = await fetch(link!.replace('localhost', '127.0.0.1'));
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const byUid = new Map(events.map((e) => [e.uid.split('@')[0], e]));
    expect(byUid.get('mote-2027-03')!.startDate.toJSDate().toISOString()).toBe('2027-03-11T08:00:00.000Z');
    expect(byUid.get('mote-2027-06')!.startDate.toJSDate().toISOString()).toBe('2027-06-10T07:00:00.000Z');
    expect(byUid.get('mote-2026-12')!.description).toContain('Unntatt offentlighet');
    expect(byUid.get('mote-2026-12')!.description).not.toContain('Situasjonsbrief');
    const forged = link!.replace('localhost', '127.0.0.1').replace(/\/[^/]+\.ics$/, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics');
    expect((await fetch(forged)).status).toBe(404);
    expect((await fetch(link!.replace('localhost', '127.0.0.1').replace('ola-hansen', 'kari-nordmann'))).status).toBe(404);
  });

  it('words the feed in the member’s language, the council’s own texts as they are', async () => {
    const bot = await start();
    await bot.post(message(USERS.member, '/språk english', personal(USERS.member)));
    await bot.post(message(USERS.member, '/kalender', personal(USERS.member)));
    const link = /(http:\/\/localhost:\d+\/kalender\/\S+\.ics)/.exec(suite.stub.sent.at(-1)?.body.text ?? '')?.[1];
    const calendar = new ICAL.Component(ICAL.parse(await (await fetch(link!.replace('localhost', '127.0.0.1'))).text()));
    const december = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)).find((e) => e.uid.startsWith('mote-2026-12@'))!;
    expect(december.summary).toBe('Ordinary meeting of the council');
    expect(december.description).toMatch(/^Agenda:\n1\. Godkjenning av dagsorden\n/);
    expect(december.description).toContain('5. Exempt from public disclosure');
  });
});
