import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { composer } from '../../src/bot/compose.js';
import { dueFollowUpNotices } from '../../src/domain/follow-up-reminders.js';
import { memberKey } from '../../src/domain/members.js';
import { cardProblems, inputValues } from '../helpers/adaptive-cards.js';
import { cardText, COORDINATOR_ID, demoData, fakeTurn, harness, memberOf, MEMBER_ID, NOW, SECRETARY_ID, withChats } from '../helpers/builders.js';

const data = demoData();
const secretary = memberOf(data, SECRETARY_ID);
const member = memberOf(data, MEMBER_ID);
const cardOf = (reply: unknown) => (reply as { card: unknown }).card;

describe('/medlemmer', () => {
  it('lists the council with titles, roles and who is not yet recognised, each with a button to change them', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/medlemmer', member: secretary });
    await handleText(turn, deps);
    const card = cardOf(turn.replies[0]);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/^Politirådets medlemmer\n/);
    expect(text).toContain('Tor Lund\npolitimester · Oslo politidistrikt · nestleder\nEndre');
    expect(text).toContain('Byråd for utdanning\nbyråd · Oslo kommune, UTD · medlem · ikke kjent igjen i Teams ennå');
    // SaLTo coordinators come after the council, so one can be given a council role; their units are kept under /salto.
    expect(text).toMatch(/Visepolitimester \(forebygging\)[\s\S]*Aisha Rahman\n[^\n]*SaLTo-koordinator for Bydel Grorud/);
    expect(JSON.stringify(card)).toContain(JSON.stringify({ verb: Verb.MemberForm, memberId: COORDINATOR_ID }));
    expect(text).toMatch(/Legg til person$/);
  });

  it('is for the secretariat, in personal chat', async () => {
    const { deps } = harness();
    const asMember = fakeTurn({ text: '/medlemmer', member });
    await handleText(asMember, deps);
    expect(asMember.texts()[0]).toMatch(/^Beklager, dette kan bare sekretariatet/);
    const inChannel = fakeTurn({ text: '/members', member: secretary, kind: 'channel', conversationId: '19:channel@thread.tacv2' });
    await handleText(inChannel, deps);
    expect(inChannel.texts()).toEqual(['Medlemmene ser og endrer du i personlig chat med boten, ikke her.']);
    for (const verb of [{ verb: Verb.MemberForm, memberId: MEMBER_ID }, { verb: Verb.MemberSave, name: 'X', email: 'x@oslo.kommune.no', roles: 'admin' }]) {
      const turn = fakeTurn({ member, data: verb });
      await handleAction(turn, deps);
      expect(turn.texts()[0]).toMatch(/^Beklager, dette kan bare sekretariatet/);
    }
  });

  it('adds a person from the form, and shows them on the list', async () => {
    const { deps, store } = harness();
    const open = fakeTurn({ member: secretary, data: { verb: Verb.MemberForm } });
    await handleAction(open, deps);
    const form = open.responses[0];
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toMatch(/^Ny person i rådet\n/);
    const save = (form as { actions: { data: Record<string, unknown> }[] }).actions[0]!.data;
    const turn = fakeTurn({ member: secretary, data: { ...save, name: 'Per Olsen', title: 'Byråd for miljø', organisation: 'Oslo kommune', email: 'per.olsen@oslo.kommune.no', roles: 'medlem' } });
    await handleAction(turn, deps);
    expect(cardText(turn.responses[0])).toMatch(/^Per Olsen er lagt til\. Boten kjenner personen igjen på e-postadressen første gang de skriver til den\.\nPolitirådets medlemmer/);
    expect(cardText(turn.responses[0])).toContain('Per Olsen\nByråd for miljø · Oslo kommune · medlem · ikke kjent igjen i Teams ennå');
    expect(store.read().members.find((m) => m.id === 'per-olsen')).toMatchObject({ roles: ['medlem'], email: 'per.olsen@oslo.kommune.no' });
  });

  it('brings the form back with what was typed and the reason, changing nothing, when a save is refused', async () => {
    const { deps, store } = harness();
    const writes = store.writes();
    const tor = store.read().members.find((m) => m.id === 'tor-lund')!;
    const typed = { name: 'Tor Lund', title: 'Politimester', organisation: 'Oslo politidistrikt', email: 'ola.hansen@oslo-kommune.example', roles: 'nestleder,medlem' };
    const taken = fakeTurn({ member: secretary, data: { verb: Verb.MemberSave, memberId: tor.id, formKey: memberKey(tor), ...typed } });
    await handleAction(taken, deps);
    expect(cardText(taken.responses[0])).toMatch(/^Endre Tor Lund\nE-postadressen brukes alt av Ola Hansen\.\n/);
    expect(inputValues(taken.responses[0])).toEqual(typed);

    const self = store.read().members.find((m) => m.id === SECRETARY_ID)!;
    const demote = fakeTurn({ member: secretary, data: { verb: Verb.MemberSave, memberId: self.id, formKey: memberKey(self), name: self.name, email: self.email ?? '', roles: 'medlem' } });
    await handleAction(demote, deps);
    expect(cardText(demote.responses[0])).toContain('Du kan ikke ta fra deg selv rollen i sekretariatet. Be en annen i sekretariatet gjøre det.');

    const stale = fakeTurn({ member: secretary, data: { verb: Verb.MemberSave, memberId: tor.id, formKey: 'an older key', ...typed, email: '' } });
    await handleAction(stale, deps);
    expect(cardText(stale.responses[0])).toContain('Personen er endret av noen andre siden skjemaet ble vist.');
    // The form now carries Tor as he is, so saving again is a choice made knowingly.
    expect(JSON.stringify(stale.responses[0])).toContain(JSON.stringify(memberKey(tor)).slice(1, -1));
    expect(store.writes()).toBe(writes);
  });

  it('sends a coordinator who joins the council the agendas already out, in their chat', async () => {
    const base = withChats(demoData());
    base.meetings.find((m) => m.id === 'mote-2026-12')!.agendaQueuedAt = '2026-11-20T08:00:00Z';
    const { deps, store, kicks } = harness(base);
    const aisha = store.read().members.find((m) => m.id === COORDINATOR_ID)!;
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MemberSave, memberId: aisha.id, formKey: memberKey(aisha), name: aisha.name, email: aisha.email ?? '', roles: 'observator' } });
    await handleAction(turn, deps);
    expect(cardText(turn.responses[0])).toMatch(/^Endringene for Aisha Rahman er lagret\./);
    expect(store.read().deliveries).toEqual([expect.objectContaining({ kind: 'agenda', meetingId: 'mote-2026-12', conversationId: 'a:aisha', memberId: COORDINATOR_ID })]);
    expect(kicks()).toBe(1);
    expect(store.read().members.find((m) => m.id === COORDINATOR_ID)!.roles).toEqual(['observator', 'salto-koordinator']);
  });

  it('tells the secretary of the open points someone taken off the council still owns, who gets no more reminders of them', async () => {
    const { deps, store } = harness(withChats(demoData()));
    const ola = store.read().members.find((m) => m.id === MEMBER_ID)!;
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MemberSave, memberId: ola.id, formKey: memberKey(ola), name: ola.name, title: ola.title ?? '', email: ola.email ?? '', roles: '' } });
    await handleAction(turn, deps);
    expect(cardText(turn.responses[0])).toMatch(
      /^Ola Hansen har ingen rolle i rådet lenger, men navnet står fortsatt på det de har gjort\. Ola Hansen eier 1 åpent oppfølgingspunkt og får ikke lenger påminnelser\. Gi det til en annen med «Endre» på \/status Ola Hansen\.\n/,
    );
    // His overdue point is in no reminder, and one already waiting is not sent.
    expect(dueFollowUpNotices(store.read(), deps.clock.now(), deps.timing).map((n) => n.followUpId)).not.toContain('op-2024-03');
    const waiting = { id: 'op:op-2024-03|followup-overdue|2026-11-01|a:ola', kind: 'followup-overdue' as const, followUpId: 'op-2024-03', conversationId: 'a:ola', memberId: MEMBER_ID, status: 'pending' as const, attempts: 0, createdAt: NOW };
    expect(composer({ timeZone: 'Europe/Oslo', clock: deps.clock })(waiting, store.read(), 'send')).toBeUndefined();
    expect(composer({ timeZone: 'Europe/Oslo', clock: deps.clock })(waiting, withChats(demoData()), 'send')).toBeDefined();
  });
});
