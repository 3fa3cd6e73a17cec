import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { composer } from '../../src/bot/compose.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { fixedClock } from '../../src/domain/clock.js';
import type { AgendaItem, ConversationKind, Data, Delivery } from '../../src/domain/schema.js';
import { agendaDocx } from '../../src/reports/agenda-docx.js';
import { followUpListDocx } from '../../src/reports/follow-ups-docx.js';
import { minutesDocx } from '../../src/reports/minutes-docx.js';
import { markHit, readSearchQuery, search } from '../../src/domain/search.js';
import { tabOverview } from '../../src/tab/overview.js';
import { COORDINATOR_ID, demoData, harness, memberOf, fakeTurn, NOW, withChats } from '../helpers/builders.js';

const GROUP_CHAT = '19:gruppe@thread.v2';
const CHANNEL = '19:channel@thread.tacv2';

/** An agenda of up to 12 items; each confidential item's text carries a marker no other item has. */
const agenda = fc
  .array(
    fc.record({
      confidential: fc.boolean(),
      title: fc.string({ minLength: 1, maxLength: 40 }),
      presenter: fc.string({ maxLength: 30 }),
      description: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
      attachment: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((items) =>
    items.map((item, n): AgendaItem => {
      const mark = item.confidential ? `HEMMELIG${n}X` : `Åpen${n}`;
      return {
        id: `sak-${n}`,
        title: `${mark} ${item.title}`,
        presenters: [`${mark}-innleder ${item.presenter}`],
        ...(item.description !== undefined ? { description: `${mark}-beskrivelse ${item.description}` } : {}),
        attachments: item.attachment ? [{ title: `${mark}-vedlegg`, url: `https://www.oslo.kommune.no/${mark}.pdf` }] : [],
        confidential: item.confidential,
      };
    }),
  );

function council(items: AgendaItem[]): Data {
  const data = withChats(demoData());
  const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
  meeting.agenda = items;
  data.conversations.push({ id: GROUP_CHAT, kind: 'groupChat', reference: { serviceUrl: 'https://smba.example', conversation: { id: GROUP_CHAT } }, installed: true, firstSeenAt: NOW, lastSeenAt: NOW });
  return data;
}
const secrets = (items: AgendaItem[]) => items.filter((i) => i.confidential).map((_, n, all) => all[n]!.title.split(' ')[0]!);
const delivery = (kind: Delivery['kind'], conversationId: string, memberId?: string): Delivery => ({ id: `d-${kind}-${conversationId}`, kind, meetingId: 'mote-2026-12', conversationId, ...(memberId ? { memberId } : {}), status: 'pending', attempts: 0, createdAt: NOW });

describe('confidential agenda items, over generated agendas', () => {
  it('never appear in a channel or group chat message, nor to anyone outside the council, and do appear in a member’s personal chat', async () => {
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW), reportUrl: () => 'https://bot.example/rapport' });
    await fc.assert(
      fc.asyncProperty(agenda, async (items) => {
        const data = council(items);
        const hidden = secrets(items);
        const shared: string[] = [];
        // A cancellation is told only of a meeting still cancelled when it goes.
        const cancelled = structuredClone(data);
        cancelled.meetings.find((m) => m.id === 'mote-2026-12')!.status = 'avlyst';
        for (const kind of ['agenda', 'reminder', 'attendance-reminder', 'moved', 'cancelled'] as const) {
          const state = kind === 'cancelled' ? cancelled : data;
          for (const conversationId of [CHANNEL, GROUP_CHAT]) shared.push(JSON.stringify(compose(delivery(kind, conversationId), state, 'send')!.activity));
          shared.push(JSON.stringify(compose(delivery(kind, CHANNEL), state, 'update')!.activity));
        }
        // What members see in the channel and group chat when they ask, or when their card refreshes.
        const { deps } = harness(data);
        for (const kind of ['channel', 'groupChat'] as ConversationKind[]) {
          const conversationId = kind === 'channel' ? CHANNEL : GROUP_CHAT;
          for (const turn of [
            fakeTurn({ text: '/neste', member: memberOf(data, 'ola-hansen'), kind, conversationId }),
            fakeTurn({ text: '/dagsorden', member: memberOf(data, 'kari-nordmann'), kind, conversationId }),
            fakeTurn({ data: { verb: Verb.AgendaView, meetingId: 'mote-2026-12' }, member: memberOf(data, 'ola-hansen'), kind, conversationId }),
          ]) {
            await (turn.data ? handleAction(turn, deps) : handleText(turn, deps));
            shared.push(JSON.stringify([turn.replies, turn.responses]));
          }
        }
        // Outside the council even a personal chat is no place for them: a SaLTo coordinator asking,
        // or anyone at all who finds the bot and sends the agenda card's refresh by hand.
        const coordinator = memberOf(data, COORDINATOR_ID);
        for (const turn of [
          fakeTurn({ text: '/neste', member: coordinator }),
          fakeTurn({ data: { verb: Verb.AgendaView, meetingId: 'mote-2026-12' }, member: coordinator }),
          fakeTurn({ data: { verb: Verb.AgendaView, meetingId: 'mote-2026-12' } }),
        ]) {
          await (turn.data ? handleAction(turn, deps) : handleText(turn, deps));
          shared.push(JSON.stringify([turn.replies, turn.responses]));
        }
        shared.push(JSON.stringify(tabOverview(data, coordinator, { lang: 'nb', timeZone: 'Europe/Oslo', now: new Date(NOW), reportUrl: () => undefined })));
        for (const text of shared) for (const secret of hidden) expect(text).not.toContain(secret);
        // The same agenda in a member's own chat names them, so the markers are really in the data.
        const personal = JSON.stringify(compose(delivery('agenda', 'a:ola', 'ola-hansen'), data, 'send')?.activity);
        for (const secret of hidden) expect(personal).toContain(secret);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('never appear in the minutes, which are public, nor the points agreed under them (there or in the follow-up list), nor in the notice with the agenda, nor in what /søk finds outside the council’s personal chats, while the open items, their texts and points do', async () => {
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW) });
    await fc.assert(
      fc.asyncProperty(agenda, async (items) => {
        const data = council(items);
        const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
        const marks = items.map((item) => item.title.split(' ')[0]!);
        meeting.minutes = { present: '', absent: '', items: Object.fromEntries(items.map((item, n) => [item.id, `${marks[n]}-referat SET`])), revision: 1, updatedAt: NOW, sentAt: NOW, sentRevision: 1 };
        // The minutes were sent; a follow-up point agreed under each item.
        const template = data.followUps[0]!;
        data.followUps.push(...items.map((item, n) => ({ ...template, id: `punkt-${n}`, title: `${marks[n]}-punkt`, source: { meetingId: meeting.id, itemId: item.id }, status: 'åpen' as const })));
        const zip = await JSZip.loadAsync(await minutesDocx(meeting, data, 'Europe/Oslo'));
        // The notice with the agenda, for the meeting papers: the open items whole, the others by number.
        const notice = await (await JSZip.loadAsync(await agendaDocx(meeting, data, 'Europe/Oslo'))).file('word/document.xml')!.async('string');
        for (const secret of secrets(items)) expect(notice).not.toContain(secret);
        for (const [n, item] of items.entries()) if (!item.confidential) expect(notice).toContain(`${marks[n]}-innleder`);
        // The Word file, and the minutes as sent to the channel, a group chat and a member's own chat.
        const list = await JSZip.loadAsync(await followUpListDocx(meeting, data, new Date(NOW), 'Europe/Oslo'));
        const shown = [await zip.file('word/document.xml')!.async('string')];
        // The follow-up list for the meeting's papers: the points, but none from a confidential item.
        const listed = await list.file('word/document.xml')!.async('string');
        for (const secret of secrets(items)) expect(listed).not.toContain(secret);
        for (const [n, item] of items.entries()) if (!item.confidential) expect(listed).toContain(`${marks[n]}-punkt`);
        for (const [conversationId, memberId] of [[CHANNEL], [GROUP_CHAT], ['a:ola', 'ola-hansen']] as const) {
          shown.push(JSON.stringify(compose({ ...delivery('minutes', conversationId, memberId), id: `mote-2026-12|minutes|r1|${conversationId}` }, data, 'send')?.activity));
        }
        for (const text of shown) {
          for (const secret of secrets(items)) expect(text).not.toContain(secret);
          for (const [n, item] of items.entries()) {
            if (item.confidential) continue;
            expect(text).toContain(`${marks[n]}-referat`);
            expect(text).toContain(`${marks[n]}-punkt`);
          }
        }
        // /søk, for words every item's texts have: every page, in the channel and a group chat,
        // and in a SaLTo coordinator's personal chat, names no confidential item.
        const { deps } = harness(data);
        const searched: string[] = [];
        const askers = [[memberOf(data, 'kari-nordmann'), 'channel', CHANNEL], [memberOf(data, 'ola-hansen'), 'groupChat', GROUP_CHAT], [memberOf(data, COORDINATOR_ID), 'personal', 'a:aisha']] as const;
        for (const [member, kind, conversationId] of askers) {
          for (const word of ['innleder', 'beskrivelse', 'vedlegg', 'referat', 'punkt']) {
            for (let page = 1; page <= 3; page += 1) {
              const turn = fakeTurn({ data: { verb: Verb.SearchPage, text: word, page }, member, kind, conversationId });
              await handleAction(turn, deps);
              searched.push(JSON.stringify([turn.replies, turn.responses]));
            }
          }
        }
        for (const text of searched) for (const secret of secrets(items)) expect(text).not.toContain(secret);
        // The search really reads the minutes: the secretariat finds every item's in personal chat, the channel only the open ones'.
        const secretary = memberOf(data, 'kari-nordmann');
        const found = (where: 'personal' | 'shared') => search(data, readSearchQuery('referat'), secretary, where, 'Europe/Oslo').filter((hit) => hit.kind === 'item' && hit.meeting.id === meeting.id && markHit(hit, readSearchQuery('referat')).inMinutes);
        expect(found('personal')).toHaveLength(items.length);
        expect(found('shared')).toHaveLength(items.filter((i) => !i.confidential).length);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('a point made from a confidential item', () => {
  it('stays confidential when the item is taken off the agenda', async () => {
    const { deps, store } = harness(withChats(demoData()));
    const secretary = memberOf(store.read(), 'kari-nordmann');
    const point = { verb: Verb.FollowUpSave, title: 'HEMMELIG-punkt om gjengene', description: '', focusAreaId: 'io-2017-3', responsible: 'politiet', ownerMemberId: '', due: '', briefing: 'false', meetingId: 'mote-2026-12', itemId: 'mote-2026-12-sit', requestKey: 'k1' };
    await handleAction(fakeTurn({ member: secretary, data: point }), deps);
    const meeting = store.read().meetings.find((m) => m.id === 'mote-2026-12')!;
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.ItemRemove, meetingId: meeting.id, revision: meeting.revision, itemId: 'mote-2026-12-sit' } }), deps);
    expect(store.read().meetings.find((m) => m.id === 'mote-2026-12')!.agenda.some((i) => i.id === 'mote-2026-12-sit')).toBe(false);
    const inChannel = fakeTurn({ text: '/status 3 politiet', member: secretary, kind: 'channel', conversationId: CHANNEL });
    await handleText(inChannel, deps);
    const shown = JSON.stringify(inChannel.replies);
    expect(shown).toContain('Unntatt offentlighet');
    expect(shown).not.toContain('HEMMELIG');
    const inPersonal = fakeTurn({ text: '/status 3 politiet', member: secretary });
    await handleText(inPersonal, deps);
    expect(JSON.stringify(inPersonal.replies)).toContain('HEMMELIG-punkt om gjengene');
  });
});
