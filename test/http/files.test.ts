import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, message, USERS } from '../helpers/activities.js';
import { cardButtons } from '../helpers/adaptive-cards.js';
import { cardText } from '../helpers/builders.js';
import { cardIn, connectorSuite, onDisk } from '../helpers/running-bot.js';

const suite = connectorSuite();
const { personal } = suite;
const PDF = Buffer.from('%PDF-1.7\nPresentasjon fra Bydel Grorud\n');
const NAME = 'Forebygging på Grorud.pdf';

// Teams keeps a file sent to a bot in the sender's OneDrive and hands the bot a short-lived link to it.
let oneDrive: Server;
let downloadUrl = '';
beforeAll(async () => {
  oneDrive = createServer((req, res) => (req.url === '/download.aspx?tempauth=abc' ? res.end(PDF) : res.writeHead(404).end()));
  await new Promise<void>((resolve) => oneDrive.listen(0, '127.0.0.1', resolve));
  downloadUrl = `http://127.0.0.1:${(oneDrive.address() as AddressInfo).port}/download.aspx?tempauth=abc`;
});
afterAll(() => new Promise<void>((resolve) => oneDrive.close(() => resolve())));

/** A message with a file, as Teams sends it to a bot in personal chat. */
function withFile(text: string) {
  return {
    ...message(USERS.secretary, text, personal(USERS.secretary)),
    attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: NAME, contentUrl: 'https://oslo-my.sharepoint.com/personal/kari/Documents/x.pdf', content: { downloadUrl, uniqueId: 'u1', fileType: 'pdf' } }],
  };
}

describe('files sent in chat over HTTP', () => {
  it('keeps a file the secretary sends, attaches it to the item chosen, and serves it by its signed link only', async () => {
    const bot = await suite.start();
    expect((await bot.post(withFile(''))).status).toBe(200);
    const card = cardIn(suite.stub.sent.filter((s) => s.conversationId === `a:personal-${USERS.secretary.id}`).at(-1));
    expect(cardText(card)).toContain(`${NAME} (1 kB)`);
    const button = cardButtons(card).find((b) => b.title === 'Legg ved')!;
    const target = 'mote-2026-12#mote-2026-12-3';
    const res = await bot.post(invoke(USERS.secretary, { ...(button.data as { verb: string }), target, attachmentTitle: 'Presentasjon fra bydelen' }, personal(USERS.secretary)));
    expect(cardText(((await res.json()) as { value: unknown }).value)).toContain('Lagt ved: sak 3 «Orientering fra byrådsleder», Ordinært møte torsdag 10. desember 2026 kl. 09.00.');

    const [attachment] = (await onDisk(bot)).meetings.find((m) => m.id === 'mote-2026-12')!.agenda[2]!.attachments;
    expect(attachment!.title).toBe('Presentasjon fra bydelen');
    const link = attachment!.url.replace('localhost', '127.0.0.1');
    expect(link).toMatch(new RegExp(`^${bot.url}/vedlegg/[0-9a-f]{64}/[A-Za-z0-9_-]{43}/Forebygging%20p%C3%A5%20Grorud\\.pdf$`));
    const file = await fetch(link);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="Forebygging p_ Grorud.pdf"; filename*=UTF-8''Forebygging%20p%C3%A5%20Grorud.pdf`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    // A member reads it on the agenda.
    await bot.post(message(USERS.member, '/neste', personal(USERS.member)));
    expect(JSON.stringify(cardIn(suite.stub.sent.filter((s) => s.conversationId === `a:personal-${USERS.member.id}`).at(-1)))).toContain(attachment!.url);

    // Another name, a changed signature, another file: nothing to learn.
    const [, id, token] = /\/vedlegg\/([0-9a-f]{64})\/([^/]+)\//.exec(link)!;
    for (const changed of [link.replace('Grorud.pdf', 'Grorud.html'), link.replace(token!, `${token!.slice(0, -1)}${token!.endsWith('A') ? 'B' : 'A'}`), link.replace(id!, 'b'.repeat(64))]) {
      expect((await fetch(changed)).status).toBe(404);
    }
  });

  it('takes no file from a member, and fetches nothing for them', async () => {
    const bot = await suite.start();
    let fetched = 0;
    oneDrive.once('request', () => (fetched += 1));
    const fromMember = { ...withFile(''), from: USERS.member, conversation: { id: `a:personal-${USERS.member.id}`, conversationType: 'personal' } };
    expect((await bot.post(fromMember)).status).toBe(200);
    const reply = suite.stub.sent.filter((s) => s.conversationId === `a:personal-${USERS.member.id}`).at(-1);
    expect(reply?.body.text).toMatch(/^Filer til dagsordenen legger sekretariatet ved, så jeg har ikke tatt imot filen\./);
    expect(fetched).toBe(0);
  });
});
