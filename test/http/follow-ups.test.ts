import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { CARD_BUDGET } from '../../src/cards/fit.js';
import { installed, invoke, message, USERS } from '../helpers/activities.js';
import { cardText } from '../helpers/builders.js';
import { cardIn, connectorSuite, expectChangedLinksRefused, onDisk, wordText } from '../helpers/running-bot.js';

const suite = connectorSuite();
const start = (dataFile?: string) => suite.start({}, dataFile);

const { personal } = suite;
const invokeCard = async (res: Response) => ((await res.json()) as { value: unknown }).value;
const done = (id: string, revision: number) => ({ verb: Verb.FollowUpDone, id, revision, filter: '', page: 1 });

describe('follow-up points over HTTP', () => {
  it('answers the secretary’s /status with the open points by focus area, overdue first', async () => {
    const bot = await start();
    await bot.post(message(USERS.secretary, '/status', personal(USERS.secretary)));
    const reply = suite.stub.sent.at(-1)!;
    expect(reply.conversationId).toBe(`a:personal-${USERS.secretary.id}`);
    const text = cardText(cardIn(reply));
    expect(text).toContain('Alle åpne punkter: 15 · forfalt: 1 · pågår: 0');
    expect(text).toMatch(/Innsatsområde 3: Forebygge kriminalitet blant barn og unge\nFORFALT \nBydelene gir forebyggingsarbeidet/);
  });

  it('lets the owner mark a point done: saved on disk, and the card answered in place without it', async () => {
    const bot = await start();
    const res = await bot.post(invoke(USERS.member, done('op-2024-03', 0), personal(USERS.member)));
    expect(res.status).toBe(200);
    const card = cardText(await invokeCard(res));
    expect(card).toContain('Punktet er markert som fullført.');
    expect(card).not.toContain('Bydelene gir forebyggingsarbeidet');
    const point = (await onDisk(bot)).followUps.find((p) => p.id === 'op-2024-03')!;
    expect(point).toMatchObject({ status: 'fullført', closedAt: expect.any(String) });
    expect(point.history.at(-1)).toMatchObject({ byMemberId: 'ola-hansen', status: 'fullført' });
  });

  it('refuses someone who does not own the point, and leaves the data file as it was', async () => {
    const bot = await start();
    await bot.post(message(USERS.member, '/hjelp', personal(USERS.member)));
    // Let the owner's own reminders go out first, so only the refused change could touch the file.
    await bot.scheduler.tick();
    await bot.settled();
    const before = await readFile(bot.dataFile, 'utf8');
    const res = await bot.post(invoke(USERS.member, done('op-2024-02', 0), personal(USERS.member)));
    expect(res.status).toBe(200);
    expect(suite.stub.sent.at(-1)?.body.text).toBe('Bare den som eier punktet, og sekretariatet, kan endre det. Ingenting er endret.');
    expect(await readFile(bot.dataFile, 'utf8')).toBe(before);
  });

  it('reminds an owner of an overdue point once, also across a restart, and puts briefings on the agenda', async () => {
    let bot = await start();
    await bot.post(installed(USERS.member, personal(USERS.member)));
    suite.stub.sent.length = 0;
    await bot.scheduler.tick();
    await bot.settled();
    const reminders = () => suite.stub.sent.filter((s) => s.method === 'POST' && cardText(cardIn(s)).includes('Fristen gikk ut søndag 1. november 2026'));
    expect(reminders().map((s) => s.conversationId)).toEqual([`a:personal-${USERS.member.id}`]);
    const agenda = (await onDisk(bot)).meetings.find((m) => m.id === 'mote-2026-12')!.agenda;
    expect(agenda.find((i) => i.followUpId === 'op-2024-02')).toMatchObject({ presenters: ['Tor Lund'] });
    await bot.stop();
    bot = await start(bot.dataFile);
    await bot.scheduler.tick();
    await bot.settled();
    expect(reminders()).toHaveLength(1);
  });

  it('shows /status when every point on the page has a long update: shortened so Teams takes it, each update kept whole', async () => {
    const bot = await start();
    const update = (i: number) => `${i}: ${'Bydelen har styrket oppsøkende arbeid på kveldstid, og «Ung i Oslo» følger opp. '.repeat(48)}`.slice(0, 4000).trimEnd();
    const points = (await onDisk(bot)).followUps.filter((p) => p.status === 'åpen' || p.status === 'pågår');
    for (const [i, point] of points.entries()) {
      const data = { verb: Verb.FollowUpUpdate, id: point.id, revision: point.revision, filter: '', page: 1, [`tekst_${point.id}`]: update(i), [`status_${point.id}`]: 'uendret' };
      const res = await bot.post(invoke(USERS.secretary, data, personal(USERS.secretary)));
      // The refreshed card goes back in the invoke response, which has to fit as well.
      const card = await invokeCard(res);
      expect(cardText(card)).toContain('Oppdateringen er lagret.');
      expect(JSON.stringify(card).length).toBeLessThanOrEqual(CARD_BUDGET);
    }
    await bot.post(message(USERS.secretary, '/status', personal(USERS.secretary)));
    // The stub, like Teams, refuses a message over 100 KB (413 MessageSizeTooBig).
    expect(suite.stub.refused).toEqual([]);
    const text = cardText(cardIn(suite.stub.sent.at(-1)));
    expect(text).toContain('Alle åpne punkter: 15');
    expect(text).toContain('Lange tekster er forkortet (…) så meldingen får plass i Teams.');
    expect(text).toContain(update(0).slice(0, 200));
    expect(text).not.toContain(update(0));
    const saved = await onDisk(bot);
    for (const [i, point] of points.entries()) expect(saved.followUps.find((p) => p.id === point.id)!.history.at(-1)!.text).toBe(update(i));
  });
});

describe('the follow-up list as a Word file', () => {
  const download = (card: unknown) => ((card as { actions?: { type: string; title: string; url?: string }[] }).actions ?? []).find((a) => a.type === 'Action.OpenUrl');

  it('gives the secretariat the list for the next meeting\'s papers, points from confidential items hidden', async () => {
    const bot = await start();
    await bot.store.update((data) => {
      // The Byutvikling item made confidential: the point agreed under it must not travel with the papers.
      data.meetings.find((m) => m.id === 'mote-2024-10')!.agenda[3]!.confidential = true;
    });
    const revision = (await onDisk(bot)).followUps.find((p) => p.id === 'op-2024-02')!.revision;
    await bot.post(invoke(USERS.secretary, done('op-2024-02', revision), personal(USERS.secretary)));
    // What that fell due is sent first (December's SaLTo round not opened), so the last message is the answer to /status.
    await bot.settled();
    await bot.post(message(USERS.secretary, '/status', personal(USERS.secretary)));
    const link = download(cardIn(suite.stub.sent.at(-1)));
    expect(link?.title).toBe('Oppfølgingslisten (Word)');
    const url = link!.url!.replace('localhost', '127.0.0.1');
    expect(url).toMatch(/\/oppfolging\/mote-2026-12\/\d+\/[A-Za-z0-9_-]+\.docx$/);
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="oppfolgingsliste-mote-2026-12.docx"');
    const text = await wordText(file);
    expect(text).toContain('Oppfølgingsliste: Ordinært møte i Politirådet');
    expect(text).toMatch(/Per 22\. november 2026: \d+ åpne punkter, 1 forfalt\./);
    expect(text).toContain('FORFALT Bydelene gir forebyggingsarbeidet en likere innretning, etter modell fra Bydel Grorud. Ansvar: Oslo kommune (Ola Hansen). Frist: søndag 1. november 2026. Status: åpen');
    expect(text).toMatch(/Innsatsområde 3: Forebygge kriminalitet blant barn og unge/);
    expect(text).toContain('Unntatt offentlighet');
    expect(text).not.toContain('Byutvikling og kriminalitetsforebygging');
    expect(text).toMatch(/Lukket siden forrige møte \(1\) Politirådet orienteres om arbeidet med en Oslostandard for en-til-en-oppfølging: fullført/);

    // Changed or stretched links are refused; members, who do not make the papers, get no link.
    await expectChangedLinksRefused(url, [
      ['/mote-2026-12/', '/mote-2027-03/'],
      ['/oppfolging/', '/referat/'],
    ]);
    await bot.post(message(USERS.member, '/status', personal(USERS.member)));
    expect(download(cardIn(suite.stub.sent.at(-1)))).toBeUndefined();
  });
});
