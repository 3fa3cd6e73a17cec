import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { documentToken } from '../../src/reports/links.js';
import { installed, invoke, message, USERS } from '../helpers/activities.js';
import { cardText } from '../helpers/builders.js';
import { cardIn, connectorSuite, onDisk, wordText } from '../helpers/running-bot.js';

const suite = connectorSuite();
const { personal } = suite;
const lastToSecretary = () => suite.stub.sent.filter((s) => s.conversationId === `a:personal-${USERS.secretary.id}`).at(-1);


describe('minutes over HTTP', () => {
  it('saves the minutes from the form and serves them as a Word file in the council\'s layout, with confidential items by number only', async () => {
    const bot = await suite.start();
    await bot.store.update((data) => {
      const held = data.meetings.find((m) => m.id === 'mote-2024-10')!;
      held.agenda[5]!.confidential = true;
      held.agenda[3]!.attachments = [{ title: 'Presentasjon fra politiet', url: 'https://oslo.example/byutvikling.pdf' }];
    });
    const save = { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, present: 'Tor Lund, politimester\nKari Nordmann, sekretariatet', absent: 'Ola Hansen', 'sak_mote-2024-10-6': 'Gjengkonflikten i indre øst: tre navngitte grupperinger.' };
    const res = await bot.post(invoke(USERS.secretary, save, personal(USERS.secretary)));
    expect(res.status).toBe(200);
    expect(cardText(((await res.json()) as { value: unknown }).value)).toContain('Referatet er lagret, med tekst under 8 av 8 saker.');
    expect((await onDisk(bot)).meetings.find((m) => m.id === 'mote-2024-10')!.minutes).toMatchObject({ revision: 2, absent: 'Ola Hansen' });

    await bot.post(message(USERS.secretary, '/referat', personal(USERS.secretary)));
    const card = cardIn(lastToSecretary()) as { actions: { type: string; url?: string }[] };
    const link = card.actions.find((a) => a.type === 'Action.OpenUrl')!.url!.replace('localhost', '127.0.0.1');
    expect(link).toMatch(/\/referat\/mote-2024-10\/\d+\/[A-Za-z0-9_-]+\.docx$/);
    const file = await fetch(link);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="referat-mote-2024-10.docx"');
    const text = await wordText(file);
    expect(text).toContain('Referat: Ordinært møte i Politirådet');
    expect(text).toContain('mandag 7. oktober 2024 kl. 10.00');
    expect(text).toMatch(/Til stede Tor Lund, politimester Kari Nordmann, sekretariatet Forfall Ola Hansen/);
    expect(text).toMatch(/1 Godkjenning av dagsorden v\/ Byrådsleder Dagsorden godkjent\./);
    expect(text).toContain('Politiet ønsker en Oslostandard for en-til-en-oppfølging.');
    // What was agreed to follow up, under the item it was agreed under.
    expect(text).toContain(
      'Presentasjoner fra politiet og bydelen vedlagt. Oppfølging: Politirådet orienteres om arbeidet med en Oslostandard for en-til-en-oppfølging. Ansvar: Oslo politidistrikt (Tor Lund). Frist: mandag 1. mars 2027. Bydelene gir',
    );
    // Minutes are public: the confidential item keeps its number, and nothing else of it is there.
    expect(text).toMatch(/6 Unntatt offentlighet 7 SaLTo-samarbeidet/);
    expect(text).not.toContain('Gjengkonflikten');
    expect(text).not.toContain('Situasjonsbrief');
    // Only the abbreviations the minutes use are explained; SET is used, SALUTT is not.
    expect(text).toContain('Forkortelser SET: Byrådsavdeling for sosiale tjenester');
    expect(text).not.toContain('SALUTT');
    expect(text).toContain('Om politirådssamarbeidet');
    expect(text).toContain('Referat og vedlegg er offentlig.');
    expect(text).toMatch(/Vedlegg Pkt 4: Presentasjon fra politiet/);
  });

  it('refuses a tampered or expired link, and one signed for another document', async () => {
    const bot = await suite.start();
    await bot.post(message(USERS.secretary, '/referat', personal(USERS.secretary)));
    const card = cardIn(lastToSecretary()) as { actions: { type: string; url?: string }[] };
    const link = card.actions.find((a) => a.type === 'Action.OpenUrl')!.url!.replace('localhost', '127.0.0.1');
    expect((await fetch(link)).status).toBe(200);
    const [, expires, token] = /\/referat\/mote-2024-10\/(\d+)\/([^/]+)\.docx$/.exec(link)!;
    expect((await fetch(link.replace(`/${expires}/`, `/${Number(expires) + 3600}/`))).status).toBe(404);
    expect((await fetch(link.replace('/mote-2024-10/', '/mote-2026-12/'))).status).toBe(404);
    const secret = (await onDisk(bot)).settings.linkSecret!;
    const past = Math.floor(Date.parse('2026-11-22T07:00:00Z') / 1000);
    expect((await fetch(link.replace(`/${expires}/${token}.docx`, `/${past}/${documentToken(secret, 'minutes', 'mote-2024-10', past)}.docx`))).status).toBe(404);
    // A compiled report's signature does not open the minutes, nor the other way round.
    expect((await fetch(link.replace(`${token}.docx`, `${documentToken(secret, 'report', 'mote-2024-10', Number(expires))}.docx`))).status).toBe(404);
    expect((await fetch(link.replace('/referat/', '/rapport/'))).status).toBe(404);
  });

  it('sends the minutes to the channel and the members through Teams, and the changes again as a new message', async () => {
    const bot = await suite.start();
    const CHANNEL = '19:moter@thread.tacv2';
    await bot.post(installed(USERS.secretary, personal(USERS.secretary)));
    await bot.post(installed(USERS.member, personal(USERS.member)));
    await bot.post(message(USERS.secretary, '/kanal', { serviceUrl: suite.stub.url, conversationType: 'channel', conversationId: `${CHANNEL};messageid=1700000000000` }));
    const res = await bot.post(invoke(USERS.secretary, { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, send: true }, personal(USERS.secretary)));
    expect(cardText(((await res.json()) as { value: unknown }).value)).toContain('Referatet er lagret og sendes nå til rådet: 3 mottakere.');
    await bot.scheduler.tick();
    await bot.settled();
    const inChannel = cardText(cardIn(suite.stub.delivered(CHANNEL).at(-1)));
    expect(inChannel).toMatch(/^Referatet fra møtet er klart\.\nReferat: Ordinært møte i Politirådet\n/);
    expect(inChannel).toContain('Politiet ønsker en Oslostandard for en-til-en-oppfølging.');
    expect(suite.stub.delivered(`a:personal-${USERS.member.id}`).map((s) => cardText(cardIn(s)))).toContainEqual(expect.stringMatching(/^Referatet fra møtet er klart\./));
    const minutes = (await onDisk(bot)).deliveries.filter((d) => d.kind === 'minutes');
    expect(minutes.map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);

    await bot.post(message(USERS.secretary, '/referat', personal(USERS.secretary)));
    expect(cardText(cardIn(lastToSecretary()))).toContain('Sendt til rådet søndag 22. november 2026 kl. 09.00: 3 har fått det.');
    await bot.post(invoke(USERS.secretary, { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, send: true, 'sak_mote-2024-10-8': 'Ingen saker ble meldt.' }, personal(USERS.secretary)));
    await bot.scheduler.tick();
    await bot.settled();
    const changed = cardText(cardIn(suite.stub.delivered(CHANNEL).at(-1)));
    expect(changed).toMatch(/^Referatet er endret siden det ble sendt\./);
    expect(changed).toContain('Ingen saker ble meldt.');
    expect(suite.stub.delivered(CHANNEL).filter((s) => cardText(cardIn(s)).includes('Referat:'))).toHaveLength(2);
  });

  it('reminds the secretariat through the scheduler of a held meeting whose minutes have not gone out', async () => {
    const bot = await suite.start();
    await bot.post(installed(USERS.secretary, personal(USERS.secretary)));
    await bot.post(installed(USERS.member, personal(USERS.member)));
    await bot.store.update((data) => {
      // Held on Wednesday 18 November; its reminder fell due on Saturday the 21st at 09:00.
      data.meetings.push({ id: 'mote-ekstra', kind: 'ekstraordinært', title: 'Ekstraordinært møte om skyting', start: '2026-11-18T13:00:00Z', end: '2026-11-18T14:00:00Z', status: 'planlagt', agenda: [], attendance: [], proposals: [], revision: 0 });
    });
    await bot.scheduler.tick();
    await bot.settled();
    const toKari = suite.stub.delivered(`a:personal-${USERS.secretary.id}`).map((s) => cardText(cardIn(s)));
    expect(toKari).toContainEqual(expect.stringMatching(/^Referatet er ikke sendt til rådet ennå\nEkstraordinært møte om skyting onsdag 18\. november 2026 kl\. 14\.00\n/));
    expect(suite.stub.delivered(`a:personal-${USERS.member.id}`).map((s) => cardText(cardIn(s)))).not.toContainEqual(expect.stringMatching(/^Referatet er ikke sendt/));
    // Once only, also after the next look.
    await bot.scheduler.tick();
    await bot.settled();
    expect((await onDisk(bot)).deliveries.filter((d) => d.kind === 'minutes-reminder').map((d) => [d.meetingId, d.status])).toEqual([['mote-ekstra', 'sent']]);
  });
});

