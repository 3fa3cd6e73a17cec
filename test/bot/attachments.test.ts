import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { handleAction, handleFiles } from '../../src/bot/router.js';
import type { FileShelf, SentFile } from '../../src/files/shelf.js';
import { cardButtons, cardProblems, inputValues } from '../helpers/adaptive-cards.js';
import { cardText, demoData, fakeTurn, harness, memberOf, MEMBER_ID, SECRETARY_ID } from '../helpers/builders.js';

const data = demoData();
const secretary = memberOf(data, SECRETARY_ID);
const member = memberOf(data, MEMBER_ID);
const ID = 'a'.repeat(64);

/** Files in memory: "stor…" is too large, "borte…" cannot be fetched. */
function fakeShelf(linkable = true) {
  const kept = new Set<string>();
  const fetched: string[] = [];
  const shelf: FileShelf = {
    async keep(file) {
      fetched.push(file.name);
      if (file.name.startsWith('stor')) return { problem: 'too-large', limitMb: 25 };
      if (file.name.startsWith('borte')) return { problem: 'unreachable' };
      kept.add(ID);
      return { id: ID, name: file.name, size: 2_400_000 };
    },
    has: async (id) => kept.has(id),
    linkable: () => linkable,
    url: (id, name) => (linkable ? `https://bot.example/vedlegg/${id}/signatur/${encodeURIComponent(name)}` : undefined),
    open: async () => undefined,
    prune: async () => [],
  };
  return { shelf, fetched, kept };
}

const sent = (name: string): SentFile => ({ name, downloadUrl: `https://oslo-my.sharepoint.com/personal/kari/${name}?tempauth=x` });

function filesTurn(files: SentFile[], options: Parameters<typeof fakeTurn>[0] = {}) {
  return Object.assign(fakeTurn({ member: secretary, ...options }), { files });
}

describe('files sent in chat for the agenda', () => {
  it('takes a file from the secretary and attaches it to the item chosen, telling where it is attached', async () => {
    const { deps, store, kicks } = harness();
    const files = fakeShelf();
    deps.files = files.shelf;
    const turn = filesTurn([sent('Presentasjon Grorud.pptx')], { text: 'Presentasjon fra bydelen' });
    await handleFiles(turn, deps);
    const card = (turn.replies[0] as { card: unknown }).card;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/^Legg ved på dagsordenen\nPresentasjon Grorud\.pptx \(2,3 MB\)\n/);
    // The items of the next three meetings, and the caption as the title.
    const targets = JSON.stringify(card);
    expect(targets).toContain('"title":"Sak 4: Kriminalitetsforebygging på nett – status i bydelene (10. desember 2026)","value":"mote-2026-12#');
    expect(targets).toContain('"title":"Sak 1: Godkjenning av dagsorden (10. juni 2027)"');
    expect(targets).not.toContain('16. september 2027');
    expect(inputValues(card)).toMatchObject({ attachmentTitle: 'Presentasjon fra bydelen' });

    const item = store.read().meetings.find((m) => m.id === 'mote-2026-12')!.agenda[3]!;
    const button = cardButtons(card).find((b) => b.title === 'Legg ved')!;
    const attach = fakeTurn({ member: secretary, data: { ...button.data, target: `mote-2026-12#${item.id}`, attachmentTitle: 'Presentasjon fra bydelen' } });
    await handleAction(attach, deps);
    expect(attach.texts()).toEqual([
      '«Presentasjon fra bydelen» er lagt ved sak 4 «Kriminalitetsforebygging på nett – status i bydelene» på Ordinært møte torsdag 10. desember 2026 kl. 09.00. Dagsordener som alt er sendt, blir oppdatert.',
    ]);
    const meeting = store.read().meetings.find((m) => m.id === 'mote-2026-12')!;
    expect(meeting.agenda[3]!.attachments).toEqual([{ title: 'Presentasjon fra bydelen', url: `https://bot.example/vedlegg/${ID}/signatur/Presentasjon%20Grorud.pptx` }]);
    expect(meeting.revision).toBe(1);
    expect(kicks()).toBe(1);
    expect(cardText(attach.responses[0])).toContain('Lagt ved: sak 4 «Kriminalitetsforebygging på nett – status i bydelene», Ordinært møte torsdag 10. desember 2026 kl. 09.00.');

    // Pressed again: nothing changes, and it says so.
    const again = fakeTurn({ member: secretary, data: attach.data });
    await handleAction(again, deps);
    expect(again.texts()[0]).toMatch(/^Filen er alt lagt ved sak 4/);
    expect(store.read().meetings.find((m) => m.id === 'mote-2026-12')!.revision).toBe(1);
  });

  it('offers the items of the last meeting held while its minutes are being written, and no longer once they are sent', async () => {
    const { deps, store } = harness();
    deps.files = fakeShelf().shelf;
    const turn = filesTurn([sent('Presentasjon fra politiet.pdf')]);
    await handleFiles(turn, deps);
    const card = (turn.replies[0] as { card: unknown }).card;
    expect(JSON.stringify(card)).toContain('"title":"Sak 4: Byutvikling (7. oktober 2024, til referatet)","value":"mote-2024-10#mote-2024-10-4"');
    const button = cardButtons(card)[0]!;
    const attach = fakeTurn({ member: secretary, data: { ...button.data, target: 'mote-2024-10#mote-2024-10-4', attachmentTitle: 'Presentasjon fra politiet' } });
    await handleAction(attach, deps);
    expect(attach.texts()[0]).toMatch(/^«Presentasjon fra politiet» er lagt ved sak 4 «Byutvikling» på Ordinært møte mandag 7\. oktober 2024/);
    expect(store.read().meetings.find((m) => m.id === 'mote-2024-10')!.agenda[3]!.attachments.map((a) => a.title)).toContain('Presentasjon fra politiet');
    // Sent minutes are what the council has: the meeting takes no more.
    await store.update((d) => {
      const held = d.meetings.find((m) => m.id === 'mote-2024-10')!;
      held.minutes = { ...held.minutes!, sentAt: '2026-11-20T10:00:00Z' };
    });
    const later = filesTurn([sent('Enda en.pdf')]);
    await handleFiles(later, deps);
    expect(JSON.stringify((later.replies[0] as { card: unknown }).card)).not.toContain('til referatet');
    const writes = store.writes();
    const refused = fakeTurn({ member: secretary, data: { ...button.data, target: 'mote-2024-10#mote-2024-10-5', attachmentTitle: 'Sent' } });
    await handleAction(refused, deps);
    expect(cardText(refused.responses[0])).toContain('Møtet er avlyst, avholdt eller har startet, så dette kan ikke lenger endres.');
    expect(store.writes()).toBe(writes);
  });

  it('keeps the card as it was, with the problem, when the item is gone or no item is chosen', async () => {
    const { deps, store } = harness();
    deps.files = fakeShelf().shelf;
    const turn = filesTurn([sent('Notat.pdf')]);
    await handleFiles(turn, deps);
    const button = cardButtons((turn.replies[0] as { card: unknown }).card)[0]!;
    expect(inputValues((turn.replies[0] as { card: unknown }).card)).toMatchObject({ attachmentTitle: 'Notat' });
    const none = fakeTurn({ member: secretary, data: { ...button.data, attachmentTitle: 'Notat' } });
    await handleAction(none, deps);
    expect(cardText(none.responses[0])).toContain('Velg saken filen skal legges ved.');
    const gone = fakeTurn({ member: secretary, data: { ...button.data, target: 'mote-2026-12#finnes-ikke', attachmentTitle: 'Mitt notat' } });
    await handleAction(gone, deps);
    expect(inputValues(gone.responses[0])).toMatchObject({ target: 'mote-2026-12#finnes-ikke', attachmentTitle: 'Mitt notat' });
    const blank = fakeTurn({ member: secretary, data: { ...button.data, target: 'mote-2026-12#mote-2026-12-1', attachmentTitle: '  ' } });
    await handleAction(blank, deps);
    expect(cardText(blank.responses[0])).toContain('Vedlegget må ha en tittel.');
    expect(store.writes()).toBe(0);
  });

  it('tells why a file was not taken, and takes files from the secretariat in personal chat only', async () => {
    const { deps, store } = harness();
    const files = fakeShelf();
    deps.files = files.shelf;
    const problems = filesTurn([sent('stor.mp4'), sent('borte.pdf')]);
    await handleFiles(problems, deps);
    expect(problems.texts()).toEqual([
      '«stor.mp4» er større enn 25 MB, så jeg tok den ikke. Legg den i SharePoint og lim inn lenken i saken i stedet.',
      'Jeg fikk ikke hentet «borte.pdf» fra Teams. Send den på nytt om litt.',
    ]);
    const fromMember = filesTurn([sent('Mitt forslag.pdf')], { member });
    await handleFiles(fromMember, deps);
    expect(fromMember.texts()).toEqual(['Filer til dagsordenen legger sekretariatet ved, så jeg har ikke tatt imot filen. Send den til sekretariatet, eller foreslå saken den hører til med /foreslå. Ingenting er endret.']);
    const fromCoordinator = filesTurn([sent('Rapport.docx')], { member: memberOf(data, 'aisha-rahman') });
    await handleFiles(fromCoordinator, deps);
    expect(fromCoordinator.texts()).toEqual(['Jeg tar bare imot filer fra sekretariatet, til dagsordenen. Ingenting er endret.']);
    const inChannel = filesTurn([sent('Notat.pdf')], { kind: 'channel', conversationId: '19:channel@thread.tacv2' });
    await handleFiles(inChannel, deps);
    expect(inChannel.texts()).toEqual(['Filer til dagsordenen tar jeg imot i personlig chat med meg.']);
    const many = filesTurn(['1.pdf', '2.pdf', '3.pdf', '4.pdf', '5.pdf', '6.pdf'].map(sent));
    await handleFiles(many, deps);
    expect(many.texts()[0]).toBe('Du sendte 6 filer; jeg tar de 5 første. Send resten i en ny melding.');
    expect(files.fetched).toEqual(['stor.mp4', 'borte.pdf', '1.pdf', '2.pdf', '3.pdf', '4.pdf', '5.pdf']);
    // Attaching is the secretariat's too.
    const forged = fakeTurn({ member, data: { verb: Verb.FileAttach, fileId: ID, name: 'x.pdf', size: 1, target: 'mote-2026-12#mote-2026-12-1', attachmentTitle: 'x' } });
    await handleAction(forged, deps);
    expect(forged.texts()[0]).toMatch(/^Beklager/);
    expect(store.writes()).toBe(0);
  });

  it('says what to do instead when the council could not open the file, or there is no meeting to attach it to', async () => {
    const noAddress = harness();
    noAddress.deps.files = fakeShelf(false).shelf;
    const turn = filesTurn([sent('Notat.pdf')]);
    await handleFiles(turn, noAddress.deps);
    expect(turn.texts()).toEqual(['Boten har ingen offentlig adresse (PUBLIC_BASE_URL), så rådet kan ikke åpne filer herfra. Legg filen i SharePoint og lim inn lenken i saken i stedet.']);
    const empty = demoData();
    empty.meetings = empty.meetings.filter((m) => Date.parse(m.start) < Date.parse('2026-11-22T00:00:00Z'));
    for (const meeting of empty.meetings) meeting.minutes = { ...meeting.minutes!, sentAt: '2024-10-14T10:00:00Z' };
    const noMeeting = harness(empty);
    noMeeting.deps.files = fakeShelf().shelf;
    const none = filesTurn([sent('Notat.pdf')]);
    await handleFiles(none, noMeeting.deps);
    expect(none.texts()).toEqual(['Det er ingen kommende møter med saker å legge filen ved. Lag møtet først, med /møte eller /årsplan.']);
  });
});
