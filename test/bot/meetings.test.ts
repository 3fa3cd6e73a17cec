import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { composer } from '../../src/bot/compose.js';
import { fixedClock } from '../../src/domain/clock.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { carryOverProposals } from '../../src/domain/agenda.js';
import { dueDispatches, queueDispatch } from '../../src/domain/deliveries.js';
import { openRound } from '../../src/domain/salto-rounds.js';
import { queueYearPlanReminders } from '../../src/domain/year-plan.js';
import { cardButtons, cardProblems, inputValues } from '../helpers/adaptive-cards.js';
import { cardText, composedCard, demoData, fakeTurn, harness, memberOf, MEMBER_ID, NOW, SECRETARY_ID, COORDINATOR_ID, TIMING, withChats } from '../helpers/builders.js';

const data = demoData();
const secretary = memberOf(data, SECRETARY_ID);
const member = memberOf(data, MEMBER_ID);
const coordinator = memberOf(data, COORDINATOR_ID);
const showCards = (card: unknown) => ((card as { actions?: { type: string; title: string; card?: unknown }[] }).actions ?? []).filter((a) => a.type === 'Action.ShowCard');

describe('/møteplan and /neste', () => {
  it('show every member the coming meetings, and only the secretary the planning buttons', async () => {
    const { deps } = harness();
    const asMember = fakeTurn({ text: '/møteplan', member });
    await handleText(asMember, deps);
    const shown = cardText((asMember.replies[0] as { card: unknown }).card);
    expect(shown).toMatch(/torsdag 10\. desember 2026 kl\. 09\.00–11\.30[\s\S]*torsdag 11\. mars 2027/);
    expect(shown).toContain('Legg i kalenderen');
    expect(shown).not.toMatch(/Nytt møte|Rediger/);
    const asSecretary = fakeTurn({ text: '/schedule', member: secretary });
    await handleText(asSecretary, deps);
    expect(cardText((asSecretary.replies[0] as { card: unknown }).card)).toMatch(/Rediger[\s\S]*Nytt møte[\s\S]*Legg opp 2027/);
  });

  it('write the times as each language does: 09.00–11.30 in Norwegian, 09:00–11:30 in English', async () => {
    const { deps } = harness();
    const english = fakeTurn({ text: '/next', member, lang: 'en' });
    await handleText(english, deps);
    expect(cardText((english.replies[0] as { card: unknown }).card)).toContain('Thursday 10 December 2026 at 09:00–11:30');
    const norwegian = fakeTurn({ text: '/neste', member });
    await handleText(norwegian, deps);
    expect(cardText((norwegian.replies[0] as { card: unknown }).card)).toContain('torsdag 10. desember 2026 kl. 09.00–11.30');
  });

  it('show a year’s meetings after /møteplan, held and cancelled ones marked', async () => {
    const data = demoData();
    data.meetings.find((m) => m.id === 'mote-2027-06')!.status = 'avlyst';
    const { deps } = harness(data, fixedClock('2027-07-01T08:00:00Z'));
    const asSecretary = fakeTurn({ text: '/møteplan 2027', member: secretary });
    await handleText(asSecretary, deps);
    const card = (asSecretary.replies[0] as { card: unknown }).card;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(
      /^Politirådets møter i 2027\ntorsdag 11\. mars 2027 kl\. 09\.00–11\.30\n · holdt\n.*\n.*\nDagsorden\nOppmøte\nReferat\ntorsdag 10\. juni 2027 kl\. 09\.00–11\.30\n AVLYST\n.*\n.*\ntorsdag 16\. september 2027 kl\. 09\.00–11\.30\nOrdinært møte/,
    );
    expect(JSON.stringify(card)).toContain('"text":" · holdt","color":"Default","weight":"Bolder","isSubtle":true');
    const lastYear = fakeTurn({ text: '/møteplan i fjor', member });
    await handleText(lastYear, deps);
    expect(cardText((lastYear.replies[0] as { card: unknown }).card)).toMatch(/^Politirådets møter i 2026\ntorsdag 10\. desember 2026/);
    const none = fakeTurn({ text: '/schedule 2025', member, lang: 'en' });
    await handleText(none, deps);
    expect(cardText((none.replies[0] as { card: unknown }).card)).toContain('The council has no meetings in 2025.');
    const unread = fakeTurn({ text: '/møteplan snart', member });
    await handleText(unread, deps);
    expect(unread.texts()[0]).toMatch(/^Skriv \/møteplan for de kommende møtene, eller \/møteplan og et år/);
  });

  it('show another meeting named after /neste, and say so when none fits', async () => {
    const { deps } = harness();
    const shown = async (text: string) => {
      const turn = fakeTurn({ text, member });
      await handleText(turn, deps);
      return turn.replies[0] as { card?: unknown } | string;
    };
    const seminar = await shown('/neste seminar');
    expect(cardText((seminar as { card: unknown }).card)).toMatch(/^Politirådets seminar 2027: rullering av handlingsplanen\nTid\ntorsdag 21\. oktober 2027/);
    expect(cardText(((await shown('/neste for møtet i mars')) as { card: unknown }).card)).toContain('torsdag 11. mars 2027');
    expect(cardText(((await shown('/neste møte')) as { card: unknown }).card)).toContain('torsdag 10. desember 2026');
    expect(await shown('/neste blåbær')).toMatch(/^Jeg finner ikke noe møte som passer «blåbær»/);
    // A meeting held, or under way, says so at the top, and has no answer buttons.
    const held = ((await shown('/neste forrige')) as { card: unknown }).card;
    expect(cardText(held)).toMatch(/^Møtet er holdt\nOrdinært møte i Politirådet\nTid\nmandag 7\. oktober 2024/);
    expect(JSON.stringify(held)).not.toContain(Verb.Attend);
    const during = harness(demoData(), fixedClock('2026-12-10T08:30:00Z'));
    const now = fakeTurn({ text: '/neste desember', member, lang: 'en' });
    await handleText(now, during.deps);
    expect(cardText((now.replies[0] as { card: unknown }).card)).toMatch(/^The meeting is under way\nOrdinary meeting of the council/);
  });

  it('show a coordinator the schedule too, but refuse a stranger', async () => {
    const { deps } = harness();
    const asCoordinator = fakeTurn({ text: '/neste', member: coordinator });
    await handleText(asCoordinator, deps);
    expect(cardText((asCoordinator.replies[0] as { card: unknown }).card)).toContain('Dagsorden');
    const stranger = fakeTurn({ text: '/neste' });
    await handleText(stranger, deps);
    expect(stranger.texts()[0]).toMatch(/^Beklager, dette kan bare/);
  });

  it('hide a confidential item’s title from /neste in a channel, but not in personal chat', async () => {
    const { deps } = harness();
    const inChannel = fakeTurn({ text: '/neste', member, kind: 'channel' });
    await handleText(inChannel, deps);
    const channelCard = JSON.stringify((inChannel.replies[0] as { card: unknown }).card);
    expect(channelCard).toContain('Unntatt offentlighet');
    expect(channelCard).not.toContain('Situasjonsbrief fra politiet');
    expect(channelCard).toContain('Saker unntatt offentlighet vises bare i personlig chat med boten.');
    const inChat = fakeTurn({ text: '/neste', member });
    await handleText(inChat, deps);
    expect(JSON.stringify((inChat.replies[0] as { card: unknown }).card)).toContain('Situasjonsbrief fra politiet');
    // Someone outside the council is not pointed to a personal chat that would not show it either.
    const asCoordinator = fakeTurn({ text: '/neste', member: coordinator });
    await handleText(asCoordinator, deps);
    const coordinatorCard = cardText((asCoordinator.replies[0] as { card: unknown }).card);
    expect(coordinatorCard).not.toContain('Situasjonsbrief fra politiet');
    expect(coordinatorCard).toContain('Saker unntatt offentlighet vises bare for Politirådet.');
    expect(coordinatorCard).not.toContain('personlig chat');
  });
});

describe('the secretary’s meeting tools', () => {
  it.each(['/møte', '/dagsorden', '/oppmøte', '/årsplan 2028'])('refuse %s to a member, politely', async (text) => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text, member });
    await handleText(turn, deps);
    expect(turn.texts()[0]).toBe('Beklager, dette kan bare sekretariatet eller administrator gjøre. Ingenting er endret.');
    expect(store.writes()).toBe(0);
  });

  it.each([
    ['/årsplan', 'Møteplan for 2027'],
    ['/årsplan 2028', 'Møteplan for 2028'],
    ['/årsplan neste år', 'Møteplan for 2027'],
    ['/årsplan i år', 'Møteplan for 2026'],
    ['/yearplan next year', 'Møteplan for 2027'],
  ])('reads the year after %s', async (text, title) => {
    const { deps } = harness();
    const turn = fakeTurn({ text, member: secretary });
    await handleText(turn, deps);
    expect(cardText((turn.replies[0] as { card: unknown }).card)).toContain(title);
  });

  it.each(['/årsplan 2025', '/årsplan 2040', '/årsplan snart'])('explains the year %s cannot be planned', async (text) => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text, member: secretary });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(['Skriv /årsplan og et år fra i år og ti år fram, for eksempel /årsplan 2027 eller /årsplan neste år.']);
    expect(store.writes()).toBe(0);
  });

  it('takes the lines under a typed proposal or point title as its description', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text: '/foreslå Trygghet på Oslo S\nVi ser mer uro om kvelden.\n\nKan politiet orientere?', member });
    await handleText(turn, deps);
    expect(turn.texts()[0]).toMatch(/^Takk! Forslaget «Trygghet på Oslo S» er sendt til sekretariatet/);
    expect(store.read().meetings.find((m) => m.id === 'mote-2026-12')!.proposals.at(-1)).toMatchObject({
      title: 'Trygghet på Oslo S',
      description: 'Vi ser mer uro om kvelden.\n\nKan politiet orientere?',
    });
    // The same for a follow-up point's form.
    const point = fakeTurn({ text: '/oppfølging Felles kartlegging av Oslo S\nKommunen og politiet ser på tallene sammen.', member: secretary });
    await handleText(point, deps);
    const fields = (point.replies[0] as { card: { body: { id?: string; value?: string }[] } }).card.body;
    expect(fields.find((f) => f.id === 'title')?.value).toBe('Felles kartlegging av Oslo S');
    expect(fields.find((f) => f.id === 'description')?.value).toBe('Kommunen og politiet ser på tallene sammen.');
  });

  it('takes a proposal typed while a meeting is under way to the next meeting, since that one can no longer take items', async () => {
    const { deps, store } = harness(demoData(), fixedClock('2026-12-10T08:30:00Z'));
    const turn = fakeTurn({ text: '/foreslå Trygghet i T-banen', member });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(['Takk! Forslaget «Trygghet i T-banen» er sendt til sekretariatet for Ordinært møte torsdag 11. mars 2027 kl. 09.00.']);
    expect(store.read().meetings.find((m) => m.id === 'mote-2027-03')!.proposals.map((p) => p.title)).toEqual(['Trygghet i T-banen']);
  });

  it('takes a proposal sent from a card of a meeting begun or cancelled on to the next meeting, and refuses it with none to come', async () => {
    const propose = { verb: Verb.Propose, meetingId: 'mote-2026-12', proposalTitle: 'Trygghet i T-banen' };
    const begun = harness(demoData(), fixedClock('2026-12-10T08:30:00Z'));
    const late = fakeTurn({ member, data: propose });
    await handleAction(late, begun.deps);
    expect(late.texts()).toEqual(['Takk! Forslaget «Trygghet i T-banen» er sendt til sekretariatet for Ordinært møte torsdag 11. mars 2027 kl. 09.00.']);
    const cancelled = demoData();
    cancelled.meetings.find((m) => m.id === 'mote-2026-12')!.status = 'avlyst';
    const after = harness(cancelled);
    await handleAction(fakeTurn({ member, data: propose }), after.deps);
    expect(after.store.read().meetings.find((m) => m.id === 'mote-2027-03')!.proposals.map((p) => p.title)).toEqual(['Trygghet i T-banen']);
    // Nothing to come after it: refused as before, nothing written.
    const last = harness(demoData(), fixedClock('2027-12-09T08:30:00Z'));
    const none = fakeTurn({ member, data: { ...propose, meetingId: 'mote-2027-12' } });
    await handleAction(none, last.deps);
    expect(none.texts()[0]).toMatch(/^Møtet er avlyst, avholdt eller har startet/);
    expect(last.store.writes()).toBe(0);
  });

  it('refuses an over-long typed proposal or point title, pointing to the message above rather than a card', async () => {
    const { deps, store } = harness();
    const proposal = fakeTurn({ text: `/foreslå ${'x'.repeat(301)}`, member });
    await handleText(proposal, deps);
    expect(proposal.texts()).toEqual(['«Tittel på saken» er for lang (301 tegn, høyst 300). Kort den ned og send kommandoen på nytt; meldingen din står over i chatten.']);
    const point = fakeTurn({ text: `/oppfølging ${'y'.repeat(501)}`, member: secretary });
    await handleText(point, deps);
    expect(point.texts()[0]).toMatch(/^«Hva skal følges opp\?» er for lang \(501 tegn, høyst 500\)\. Kort den ned og send kommandoen på nytt/);
    expect(store.writes()).toBe(0);
  });

  it('fills the new-meeting form from the words after /møte, a title and place included, and says what it could not read', async () => {
    const { deps, store } = harness();
    const inputsOf = (reply: unknown) => inputValues((reply as { card: unknown }).card);
    const filled = fakeTurn({ text: '/møte ekstraordinært 12. januar kl. 10', member: secretary });
    await handleText(filled, deps);
    expect(inputsOf(filled.replies[0])).toMatchObject({ kind: 'ekstraordinært', date: '2027-01-12', startTime: '10:00', endTime: '12:30' });
    expect(cardProblems((filled.replies[0] as { card: unknown }).card)).toEqual([]);
    expect(cardText((filled.replies[0] as { card: unknown }).card)).not.toContain('Jeg forsto ikke');

    const titled = fakeTurn({ text: '/møte ekstraordinært om skyting på Grønland 12. januar kl. 14 på Rådhuset', member: secretary });
    await handleText(titled, deps);
    expect(inputsOf(titled.replies[0])).toMatchObject({ kind: 'ekstraordinært', title: 'Skyting på Grønland', date: '2027-01-12', startTime: '14:00', endTime: '16:30', place: 'Rådhuset' });
    expect(cardText((titled.replies[0] as { card: unknown }).card)).not.toContain('Jeg forsto ikke');

    const half = fakeTurn({ text: '/møte neste måned', member: secretary });
    await handleText(half, deps);
    expect(cardText((half.replies[0] as { card: unknown }).card)).toContain('Jeg forsto ikke «neste måned». Fyll inn dato og tid i skjemaet.');
    expect(inputsOf(half.replies[0])).toMatchObject({ kind: 'ordinært', title: '', date: '', startTime: '09:00', endTime: '11:30' });
    expect(store.writes()).toBe(0);
  });

  it('opens the agenda and the attendance of a meeting named by its date or month, and says so when none fits', async () => {
    const { deps } = harness();
    const march = fakeTurn({ text: '/dagsorden 11. mars', member: secretary });
    await handleText(march, deps);
    expect(cardText(march.responses[0])).toContain('torsdag 11. mars 2027');
    const attendance = fakeTurn({ text: '/oppmøte mars', member: secretary });
    await handleText(attendance, deps);
    expect(cardText((attendance.replies[0] as { card: unknown }).card)).toContain('torsdag 11. mars 2027');
    const unknown = fakeTurn({ text: '/dagsorden 12. mars', member: secretary });
    await handleText(unknown, deps);
    expect(unknown.texts()[0]).toMatch(/^Jeg finner ikke noe møte som passer «12\. mars»\. Skriv møtets dato eller måned/);
  });

  it('reminds those who have not answered once per click, and says why when the meeting is no longer open', async () => {
    const { deps, store } = harness(withChats(demoData()));
    const remind = { verb: Verb.AttendanceRemind, meetingId: 'mote-2026-12' };
    const reminders = () => store.read().deliveries.filter((d) => d.kind === 'attendance-reminder');
    const click = fakeTurn({ member: secretary, data: remind });
    await handleAction(click, deps);
    // Of those who have not answered, the bot can write only to Ola Hansen.
    expect(click.texts()).toEqual(['Påminnelse sendes til 1 person.']);
    expect(reminders().map((d) => d.memberId)).toEqual([MEMBER_ID]);
    expect(cardText(click.responses[0])).toContain('Oppmøte: Ordinært møte');

    // Teams resends the same click: nothing more is queued.
    await handleAction(fakeTurn({ member: secretary, data: remind }), deps);
    expect(reminders()).toHaveLength(1);

    // The button on a card shown before the meeting was cancelled.
    await store.update((draft) => {
      draft.meetings.find((m) => m.id === 'mote-2026-12')!.status = 'avlyst';
    });
    const writes = store.writes();
    const late = fakeTurn({ member: secretary, data: remind });
    await handleAction(late, deps);
    expect(late.texts()).toEqual(['Møtet er avlyst, avholdt eller har startet, så dette kan ikke lenger endres.']);
    expect(cardText(late.responses[0])).not.toContain('Påminn dem som ikke har svart');
    expect(store.writes()).toBe(writes);

    const unknown = fakeTurn({ member: secretary, data: { ...remind, meetingId: 'mote-1999-01' } });
    await handleAction(unknown, deps);
    expect(unknown.texts()).toEqual(['Jeg finner ikke det du viser til; det kan være fjernet. Ingenting er endret.']);
  });

  it('holds the agenda of a meeting made at short notice until the next send time, and sends it when the secretary says so', async () => {
    const { deps, store, kicks } = harness(withChats(demoData()));
    const made = fakeTurn({ member: secretary, data: { verb: Verb.MeetingSave, kind: 'ekstraordinært', title: 'Skyting på Grønland', date: '2026-11-25', startTime: '14:00', endTime: '15:30', place: 'Rådhuset' } });
    await handleAction(made, deps);
    const editor = made.responses[0];
    expect(cardProblems(editor)).toEqual([]);
    expect(cardText(editor)).toContain(
      'Dagsordenen sendes ut mandag 23. november 2026 kl. 09.00. Den vanlige tiden, 7 dager før møtet, var alt passert, så den venter til da, og du rekker å gjøre den ferdig. Er den klar før, send den med «Send dagsorden nå».',
    );
    const meeting = store.read().meetings.find((m) => m.title === 'Skyting på Grønland')!;
    expect(meeting.agendaSendAt).toBe('2026-11-23T08:00:00.000Z');
    const [send] = showCards(editor).filter((a) => a.title === 'Send dagsorden nå');
    expect(cardText(send?.card)).toContain('Dagsordenen sendes nå til rådets kanal og i personlig chat til alle i rådet.');
    const button = cardButtons(send?.card).find((b) => b.title === 'Ja, send den')!;
    expect(button.data).toEqual({ verb: Verb.AgendaSend, meetingId: meeting.id, revision: meeting.revision });

    // A card from before someone changed the agenda sends nothing.
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.ItemSave, meetingId: meeting.id, revision: meeting.revision, title: 'Skytingen på Grønland', presenters: 'Politimester' } }), deps);
    const before = store.read();
    const stale = fakeTurn({ member: secretary, data: button.data });
    await handleAction(stale, deps);
    expect(stale.texts()).toEqual(['Kortet er utdatert fordi møtet er endret siden. Ingenting er endret; her er det oppdaterte kortet.']);
    expect(store.read().meetings.find((m) => m.id === meeting.id)!.agendaSendAt).toBe(before.meetings.find((m) => m.id === meeting.id)!.agendaSendAt);

    const kicked = kicks();
    const sent = fakeTurn({ member: secretary, data: { ...button.data, revision: meeting.revision + 1 } });
    await handleAction(sent, deps);
    expect(sent.texts()).toEqual(['Dagsordenen for Skyting på Grønland onsdag 25. november 2026 kl. 14.00 sendes ut nå.']);
    expect(kicks()).toBe(kicked + 1);
    expect(cardText(sent.responses[0])).toContain('Dagsordenen sendes ut nå.');
    expect(showCards(sent.responses[0]).map((a) => a.title)).not.toContain('Send dagsorden nå');
    expect(dueDispatches(store.read(), deps.clock.now(), deps.timing)).toEqual([{ meetingId: meeting.id, kind: 'agenda' }]);

    // Once it has gone out, the button is gone and a second press says so.
    await store.update((draft) => queueDispatch(draft, { meetingId: meeting.id, kind: 'agenda' }, deps.clock.now(), deps.timing));
    const again = fakeTurn({ member: secretary, data: { ...button.data, revision: meeting.revision + 1 } });
    await handleAction(again, deps);
    expect(again.texts()).toEqual(['Dagsordenen er alt sendt ut.']);
    expect(cardText(again.responses[0])).toContain('Dagsordenen er sendt ut.');
  });

  it('leaves the agenda to the secretary when the meeting begins before the next send time', async () => {
    const { deps } = harness(withChats(demoData()));
    const made = fakeTurn({ member: secretary, data: { verb: Verb.MeetingSave, kind: 'ekstraordinært', date: '2026-11-23', startTime: '08:30', endTime: '09:30' } });
    await handleAction(made, deps);
    expect(cardText(made.responses[0])).toContain('Dagsordenen sendes ikke ut av seg selv, for møtet begynner før neste faste utsending. Send den med «Send dagsorden nå» når den er klar.');
    expect(showCards(made.responses[0]).map((a) => a.title)).toContain('Send dagsorden nå');
    // In good time, the usual time, and the button to send it sooner.
    const inTime = fakeTurn({ text: '/dagsorden desember', member: secretary });
    await handleText(inTime, deps);
    const card = inTime.responses[0];
    expect(cardText(card)).toContain('Dagsordenen sendes ut torsdag 3. desember 2026 kl. 09.00.');
    expect(showCards(card).map((a) => a.title)).toContain('Send dagsorden nå');
  });

  it('moves a SaLTo round\'s deadline with its meeting when the meeting moves before it, and tells the coordinators', async () => {
    const world = withChats(demoData());
    openRound(world, 'mote-2027-03', undefined, SECRETARY_ID, new Date(NOW), 'Europe/Oslo');
    const { deps, store } = harness(world);
    const move = async (date: string) => {
      const meeting = store.read().meetings.find((m) => m.id === 'mote-2027-03')!;
      const turn = fakeTurn({ member: secretary, data: { verb: Verb.MeetingSave, meetingId: meeting.id, revision: meeting.revision, kind: 'ordinært', date, startTime: '09:00', endTime: '11:30', place: 'Oslo rådhus' } });
      await handleAction(turn, deps);
      return turn.texts();
    };
    // Later: the deadline (25 February) stays.
    expect(await move('2027-03-18')).toEqual(['Møtet er flyttet: Ordinært møte torsdag 18. mars 2027 kl. 09.00. Ingen har fått dagsordenen ennå, så ingen trenger beskjed.']);
    expect(store.read().saltoRounds[0]!.deadline).toBe('2027-02-25');
    // Before it: the deadline moves to the meeting's day, and the coordinator still writing is told.
    expect((await move('2027-02-18'))[1]).toBe('Fristen for SaLTo-rapportene var etter den nye møtedagen, så den er flyttet til torsdag 18. februar 2027. Koordinatorene som ikke har levert, får beskjed.');
    expect(store.read().saltoRounds[0]!.deadline).toBe('2027-02-18');
    expect(store.read().deliveries.filter((d) => d.kind === 'salto-deadline-moved').map((d) => [d.memberId, d.note])).toEqual([['aisha-rahman', '2027-02-18']]);
  });

  it('moves the points due by a cancelled meeting to the next one, says so, and counts the sent minutes listing them as changed', async () => {
    const world = withChats(demoData());
    const held = world.meetings.find((m) => m.id === 'mote-2024-10')!;
    held.minutes = { ...held.minutes!, sentAt: '2024-10-14T10:00:00Z', sentRevision: held.minutes!.revision };
    const { deps, store } = harness(world);
    const seminar = store.read().meetings.find((m) => m.id === 'seminar-2027')!;
    // The editor's confirmation says what will move.
    const editor = fakeTurn({ text: '/dagsorden seminaret', member: secretary });
    await handleText(editor, deps);
    expect(cardText(editor.responses[0])).toContain('Vil du avlyse møtet? Alle som har fått dagsordenen, får beskjed. 1 oppfølgingspunkt har frist til møtet og får frist til neste møte i stedet.\n');
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: seminar.id, revision: seminar.revision } });
    await handleAction(turn, deps);
    expect(turn.texts()).toEqual([
      'Politirådets seminar 2027: rullering av handlingsplanen torsdag 21. oktober 2027 kl. 09.00 er avlyst. Ingen har fått dagsordenen ennå, så ingen trenger beskjed.',
      '1 oppfølgingspunkt hadde frist til dette møtet. Ny frist: innen møtet torsdag 9. desember 2027.',
    ]);
    const data = store.read();
    expect(data.followUps.find((p) => p.id === 'op-2024-01')!.dueMeetingId).toBe('mote-2027-12');
    const minutes = data.meetings.find((m) => m.id === 'mote-2024-10')!.minutes!;
    expect(minutes.revision).toBe(minutes.sentRevision! + 1);
    // A meeting no point is due by says nothing of points.
    const march = data.meetings.find((m) => m.id === 'mote-2027-03')!;
    const other = fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: march.id, revision: march.revision } });
    await handleAction(other, deps);
    expect(other.texts()).toHaveLength(1);
  });

  it('asks everyone to answer again when a meeting moves to another day, showing each their earlier answer', async () => {
    const world = withChats(demoData());
    const december = world.meetings.find((m) => m.id === 'mote-2026-12')!;
    december.agendaQueuedAt = '2026-11-20T08:00:00Z';
    world.deliveries.push({ id: 'mote-2026-12|agenda|auto|a:ola', kind: 'agenda', meetingId: 'mote-2026-12', conversationId: 'a:ola', memberId: MEMBER_ID, status: 'sent', attempts: 1, createdAt: '2026-11-20T08:00:00Z' });
    december.attendance = [{ memberId: MEMBER_ID, answer: 'forfall', substitute: 'Per Vara', at: '2026-11-21T08:00:00Z' }];
    const { deps, store } = harness(world);
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MeetingSave, meetingId: december.id, revision: december.revision, kind: 'ordinært', date: '2026-12-11', startTime: '09:00', endTime: '11:30', place: 'Oslo rådhus' } });
    await handleAction(turn, deps);
    // Ola got the agenda, so the reply says those who did are told.
    expect(turn.texts()[0]).toBe('Møtet er flyttet: Ordinært møte fredag 11. desember 2026 kl. 09.00. Alle som har fått dagsordenen, får beskjed.');
    const data = store.read();
    const notice = data.deliveries.find((d) => d.kind === 'moved')!;
    const text = (composer({ timeZone: 'Europe/Oslo', clock: deps.clock })(notice, data, 'send')!.activity as { text: string }).text;
    expect(text).toBe(
      'Ordinært møte er flyttet til fredag 11. desember 2026 kl. 09.00. Dagsordenen under er oppdatert. Svarene som er gitt, gjaldt den gamle dagen: svar på nytt på dagsordenen om du kommer.',
    );
    const next = fakeTurn({ text: '/neste', member });
    await handleText(next, deps);
    const card = (next.replies[0] as { card: unknown }).card;
    expect(cardText(card)).toContain('Du svarte «Forfall» før møtet ble flyttet til en annen dag. Svar på nytt for den nye dagen.');
    // What was typed is still on the form.
    expect(inputValues(card)).toMatchObject({ substitute: 'Per Vara' });
    expect(data.meetings.find((m) => m.id === 'mote-2026-12')!.attendance).toHaveLength(1);
  });

  it('takes a cancelled meeting\'s SaLTo round on to the next meeting, or leaves it where the secretary can still read it', async () => {
    const world = withChats(demoData());
    openRound(world, 'mote-2027-03', undefined, SECRETARY_ID, new Date(NOW), 'Europe/Oslo');
    const { deps, store } = harness(world);
    const cancel = async (meetingId: string) => {
      const meeting = store.read().meetings.find((m) => m.id === meetingId)!;
      const turn = fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId, revision: meeting.revision } });
      await handleAction(turn, deps);
      return turn.texts();
    };
    const editor = fakeTurn({ text: '/dagsorden mars', member: secretary });
    await handleText(editor, deps);
    expect(cardText(editor.responses[0])).toContain('får beskjed. SaLTo-rapportrunden til møtet går videre til neste møte, om det ikke har sin egen.');
    expect((await cancel('mote-2027-03'))[1]).toBe(
      'SaLTo-rapportrunden til møtet går videre til Ordinært møte torsdag 10. juni 2027 kl. 09.00, med samme frist (torsdag 25. februar 2027) og de svarene som alt er gitt.',
    );
    const june = fakeTurn({ text: '/rapporter juni', member: secretary });
    await handleText(june, deps);
    expect(cardText((june.replies[0] as { card: unknown }).card)).toMatch(/^SaLTo-rapportering til møtet torsdag 10\. juni 2027\nFrist: torsdag 25\. februar 2027/);
  });

  it('leaves a cancelled meeting\'s SaLTo round where it is when the next meeting has its own, readable with /rapporter', async () => {
    const world = withChats(demoData());
    openRound(world, 'mote-2027-03', undefined, SECRETARY_ID, new Date(NOW), 'Europe/Oslo');
    openRound(world, 'mote-2027-06', undefined, SECRETARY_ID, new Date(NOW), 'Europe/Oslo');
    const { deps, store } = harness(world);
    const march = store.read().meetings.find((m) => m.id === 'mote-2027-03')!;
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: march.id, revision: march.revision } });
    await handleAction(turn, deps);
    expect(turn.texts()[1]).toBe(
      'Møtet hadde en SaLTo-rapportrunde. Neste møte har sin egen (eller det er ikke satt opp flere møter), så runden står på det avlyste møtet, og koordinatorene får ingen flere påminnelser. Rapportene finner du med /rapporter torsdag 11. mars 2027.',
    );
    const read = fakeTurn({ text: '/rapporter torsdag 11. mars 2027', member: secretary });
    await handleText(read, deps);
    expect(cardText((read.replies[0] as { card: unknown }).card)).toMatch(/^SaLTo-rapportering til møtet torsdag 11\. mars 2027\n/);
  });

  it('keeps what the secretary typed on the meeting form when the date is in the past', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MeetingSave, kind: 'ordinært', title: 'Møte i fortiden', date: '2026-01-15', startTime: '09:00', endTime: '11:00', place: 'Rådhuset' } });
    await handleAction(turn, deps);
    const form = cardText(turn.responses[0]);
    expect(form).toContain('Møtet kan ikke starte i fortiden.');
    expect(form).toMatch(/Møte i fortiden[\s\S]*2026-01-15[\s\S]*Rådhuset/);
    expect(store.writes()).toBe(0);
  });

  it('states the limit for an over-long agenda item title and keeps the card as it was', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.ItemSave, meetingId: 'mote-2026-12', revision: 0, title: 'x'.repeat(301) } });
    await handleAction(turn, deps);
    expect(turn.texts()[0]).toBe('«Tittel» er for lang (301 tegn, høyst 300). Kort den ned; det du skrev, står fortsatt i kortet.');
    expect(turn.responses).toEqual([]);
    expect(store.writes()).toBe(0);
  });

  it('names the attachment line without a link, keeps the form as typed, and saves titled links', async () => {
    const { deps, store } = harness();
    const attachments = 'Presentasjon: https://oslo.example/p.pptx\nTallene kommer';
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.ItemSave, meetingId: 'mote-2026-12', revision: 0, title: 'Trygghet på Oslo S', attachments } });
    await handleAction(turn, deps);
    const form = cardText(turn.responses[0]);
    expect(form).toContain('«Tallene kommer» må ha én lenke, som begynner med https://. Skriv ett vedlegg per linje, gjerne med tittelen foran: Presentasjon | https://…');
    expect(form).toContain(attachments);
    expect(store.writes()).toBe(0);

    const saved = fakeTurn({ member: secretary, data: { verb: Verb.ItemSave, meetingId: 'mote-2026-12', revision: 0, title: 'Trygghet på Oslo S', attachments: 'Presentasjon: https://oslo.example/p.pptx' } });
    await handleAction(saved, deps);
    const item = store.read().meetings.find((m) => m.id === 'mote-2026-12')!.agenda.find((i) => i.title === 'Trygghet på Oslo S');
    expect(item?.attachments).toEqual([{ title: 'Presentasjon', url: 'https://oslo.example/p.pptx' }]);
  });

  it('lays out a year from the card and refuses the whole plan when one meeting clashes', async () => {
    const { deps, store } = harness();
    const plan = { verb: Verb.YearPlanConfirm, year: 2028, keys: 'm3:ordinært,seminar:seminar' };
    const clash = fakeTurn({ member: secretary, data: { ...plan, m3_date: '2026-12-10', m3_start: '09:00', m3_end: '10:00', seminar_date: '2028-10-19', seminar_start: '09:00', seminar_end: '15:00' } });
    await handleAction(clash, deps);
    expect(cardText(clash.responses[0])).toContain('Tidspunktet kolliderer med et annet møte');
    expect(store.writes()).toBe(0);
    const good = fakeTurn({ member: secretary, data: { ...plan, m3_date: '2028-03-09', m3_start: '09:00', m3_end: '11:30', seminar_date: '2028-10-19', seminar_start: '09:00', seminar_end: '15:00', seminar_include: 'false' } });
    await handleAction(good, deps);
    expect(good.texts()[0]).toBe('1 møte er lagt inn for 2028.');
    expect(store.read().meetings.filter((m) => m.start.startsWith('2028'))).toHaveLength(1);
  });

  it('speaks of a past or cancelled meeting’s attendance in the past, without a reminder button', async () => {
    const { deps, store } = harness();
    const held = fakeTurn({ text: '/oppmøte forrige', member: secretary });
    await handleText(held, deps);
    const card = (held.replies[0] as { card: unknown }).card;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/Svarte ikke \(11\)[\s\S]*Dagsordenen ble ikke sendt ut gjennom boten\.\nOppdater$/);
    expect(JSON.stringify(card)).not.toContain(Verb.AttendanceRemind);
    const coming = fakeTurn({ text: '/oppmøte', member: secretary });
    await handleText(coming, deps);
    expect(cardText((coming.replies[0] as { card: unknown }).card)).toMatch(/Har ikke svart \(11\)[\s\S]*Dagsordenen er ikke sendt ut ennå\./);
    const march = store.read().meetings.find((m) => m.id === 'mote-2027-03')!;
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: march.id, revision: march.revision } }), deps);
    const cancelled = fakeTurn({ text: '/oppmøte mars', member: secretary });
    await handleText(cancelled, deps);
    expect(cardText((cancelled.replies[0] as { card: unknown }).card)).toMatch(/Svarte ikke \(\d+\)[\s\S]*Møtet er avlyst\. Dagsordenen ble ikke sendt ut gjennom boten\./);
  });

  it('asks before removing an item, naming it, and says which item went', async () => {
    const { deps, store } = harness();
    const editor = fakeTurn({ text: '/dagsorden desember', member: secretary });
    await handleText(editor, deps);
    const card = editor.responses[0];
    expect(cardProblems(card)).toEqual([]);
    // «Fjern» opens a question; only its answer removes.
    const item = store.read().meetings.find((m) => m.id === 'mote-2026-12')!.agenda[3]!;
    expect(cardText(card)).toContain(`Fjern\nFjerne sak 4 «${item.title}» fra dagsordenen? Det som står i saken (beskrivelse, innledere, vedlegg), forsvinner med den.\nJa, fjern saken`);
    expect(cardButtons(card).filter((b) => b.title === 'Fjern')).toEqual([]);
    const remove = cardButtons(card).filter((b) => b.title === 'Ja, fjern saken')[3]!;
    expect(remove.data).toMatchObject({ verb: Verb.ItemRemove, itemId: item.id });
    const turn = fakeTurn({ member: secretary, data: remove.data });
    await handleAction(turn, deps);
    expect(turn.texts()).toEqual([`Saken «${item.title}» er fjernet.`]);
    expect(store.read().meetings.find((m) => m.id === 'mote-2026-12')!.agenda.map((i) => i.id)).not.toContain(item.id);
    // The same card pressed again is out of date, and says so rather than that anything went.
    const again = fakeTurn({ member: secretary, data: remove.data });
    await handleAction(again, deps);
    expect(again.texts()).toEqual(['Kortet er utdatert fordi møtet er endret siden. Ingenting er endret; her er det oppdaterte kortet.']);
  });

  it('shows a held, started or cancelled meeting’s agenda as it was, with only follow-up points, attendance and minutes to act on', async () => {
    const verbsOf = (card: unknown) => [...JSON.stringify(card).matchAll(/"verb":"([^"]+)"/g)].map((x) => x[1]);
    const { deps, store } = harness();
    const held = fakeTurn({ text: '/dagsorden forrige', member: secretary });
    await handleText(held, deps);
    const card = held.responses[0];
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/^Dagsorden: Ordinært møte\nmandag 7\. oktober 2024 kl\. 10\.00–12\.00\nMøtet er holdt, så dagsordenen står som den var\. Du kan skrive referatet og lage oppfølgingspunkter fra sakene\.\n/);
    expect(new Set(verbsOf(card))).toEqual(new Set([Verb.FollowUpForm, Verb.AttendanceShow, Verb.MinutesForm]));

    // During the meeting the same, said as it is.
    const during = harness(demoData(), fixedClock('2026-12-10T08:30:00Z'));
    const now = fakeTurn({ text: '/dagsorden', member: secretary });
    await handleText(now, during.deps);
    expect(cardText(now.responses[0])).toMatch(/^Dagsorden: Ordinært møte\n.*\nMøtet har startet, så dagsordenen kan ikke endres lenger\./);
    expect(new Set(verbsOf(now.responses[0]))).toEqual(new Set([Verb.FollowUpForm, Verb.AttendanceShow, Verb.MinutesForm]));

    // A coming meeting keeps every button; cancelled, it keeps none but these.
    const coming = fakeTurn({ text: '/dagsorden mars', member: secretary });
    await handleText(coming, deps);
    expect(verbsOf(coming.responses[0])).toEqual(expect.arrayContaining([Verb.ItemForm, Verb.ItemMove, Verb.ItemRemove, Verb.MeetingForm, Verb.MeetingCancel, Verb.RoundForm]));
    const march = store.read().meetings.find((m) => m.id === 'mote-2027-03')!;
    const cancel = fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: march.id, revision: march.revision } });
    await handleAction(cancel, deps);
    expect(store.read().meetings.find((m) => m.id === march.id)!.status).toBe('avlyst');
    const reopened = fakeTurn({ member: secretary, data: { verb: Verb.EditorShow, meetingId: march.id } });
    await handleAction(reopened, deps);
    const cancelled = reopened.responses[0];
    expect(cardText(cancelled)).toContain('Møtet er avlyst, så dagsordenen kan ikke endres. Blir det holdt likevel, velg «Gjenoppta møtet».');
    expect(new Set(verbsOf(cancelled))).toEqual(new Set([Verb.FollowUpForm, Verb.AttendanceShow, Verb.MeetingReinstate]));
    // Once its time has come, it cannot be held after all.
    const later = harness(store.read(), fixedClock('2027-03-11T08:00:00Z'));
    const past = fakeTurn({ member: secretary, data: { verb: Verb.EditorShow, meetingId: march.id } });
    await handleAction(past, later.deps);
    expect(cardText(past.responses[0])).toContain('Møtet er avlyst, så dagsordenen kan ikke endres.\n');
    expect(new Set(verbsOf(past.responses[0]))).toEqual(new Set([Verb.FollowUpForm, Verb.AttendanceShow]));
  });

  it('tells the secretariat of a new proposal in personal chat, with buttons to take it or open the agenda', async () => {
    const { deps, store, kicks } = harness(withChats(demoData()));
    const compose = composer({ timeZone: 'Europe/Oslo', clock: deps.clock });
    await handleText(fakeTurn({ text: '/foreslå Trygghet i T-banen\nVekterne melder om **mer uro** på kveldstid.', member }), deps);
    const queued = store.read().deliveries;
    expect(queued).toEqual([expect.objectContaining({ kind: 'proposal', conversationId: 'a:kari', memberId: SECRETARY_ID, meetingId: 'mote-2026-12', status: 'pending' })]);
    expect(kicks()).toBe(1);

    const card = (compose(queued[0]!, store.read(), 'send')?.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/^Nytt forslag til dagsordenen\nTrygghet i T-banen\nVekterne melder om \*\*mer uro\*\* på kveldstid\.\nForeslått av Ola Hansen til Ordinært møte torsdag 10\. desember 2026 kl\. 09\.00\./);
    // What the member typed stays literal: it is in TextRuns, never Markdown.
    expect(JSON.stringify(card)).toContain('"type":"TextRun","text":"Vekterne melder om **mer uro** på kveldstid."');
    const buttons = (card as { actions: { title: string; data: Record<string, unknown> }[] }).actions;
    expect(buttons.map((b) => b.title)).toEqual(['Ta med på dagsordenen', 'Åpne dagsordenen']);

    // The secretary takes it from the message; a message not yet sent then has nothing to say.
    const accept = fakeTurn({ member: secretary, data: buttons[0]!.data });
    await handleAction(accept, deps);
    expect(store.read().meetings.find((m) => m.id === 'mote-2026-12')!.agenda.map((i) => i.title)).toContain('Trygghet i T-banen');
    expect(compose(queued[0]!, store.read(), 'send')).toBeUndefined();
    const opened = fakeTurn({ member: secretary, data: buttons[1]!.data });
    await handleAction(opened, deps);
    expect(cardText(opened.responses[0])).toMatch(/^Rediger dagsorden: Ordinært møte/);
  });

  it('takes proposals not yet answered on to the next meeting when a meeting is cancelled, with a new message to decide them there', async () => {
    const { deps, store } = harness(withChats(demoData()));
    const compose = composer({ timeZone: 'Europe/Oslo', clock: deps.clock });
    await handleText(fakeTurn({ text: '/foreslå Trygghet i T-banen', member }), deps);
    const first = store.read().deliveries[0]!;
    const december = store.read().meetings.find((m) => m.id === 'mote-2026-12')!;
    const cancel = fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: december.id, revision: december.revision } });
    await handleAction(cancel, deps);
    expect(cancel.texts()).toContain('1 forslag til dagsordenen var ikke avgjort. Det går videre til Ordinært møte torsdag 11. mars 2027 kl. 09.00, der du kan ta det med eller avslå det.');
    const data = store.read();
    expect(data.meetings.find((m) => m.id === 'mote-2026-12')!.proposals).toEqual([]);
    expect(data.meetings.find((m) => m.id === 'mote-2027-03')!.proposals).toEqual([expect.objectContaining({ id: 'mote-2027-03-f1', title: 'Trygghet i T-banen', byMemberId: MEMBER_ID, status: 'foreslått' })]);
    // The first message, about the cancelled meeting, has nothing to say now; the new one decides it for March.
    expect(compose(first, data, 'send')).toBeUndefined();
    const notice = data.deliveries.find((d) => d.kind === 'proposal' && d.meetingId === 'mote-2027-03')!;
    expect(notice).toMatchObject({ conversationId: 'a:kari', memberId: SECRETARY_ID });
    const card = (compose(notice, data, 'send')!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardText(card)).toContain('Foreslått av Ola Hansen til Ordinært møte torsdag 11. mars 2027 kl. 09.00.');
    const take = (card as { actions: { data: Record<string, unknown> }[] }).actions[0]!.data;
    await handleAction(fakeTurn({ member: secretary, data: take }), deps);
    expect(store.read().meetings.find((m) => m.id === 'mote-2027-03')!.agenda.map((i) => i.title)).toContain('Trygghet i T-banen');
  });

  it('takes a proposal not answered before its meeting began on to the next meeting, saying so to the secretary and the proposer', async () => {
    const world = withChats(demoData());
    world.members.find((m) => m.id === MEMBER_ID)!.lang = 'en';
    const begun = '2026-12-10T08:00:00Z';
    const { deps, store } = harness(world, fixedClock(begun));
    await store.update((d) => {
      d.meetings.find((m) => m.id === 'mote-2026-12')!.proposals.push({ id: 'mote-2026-12-f1', byMemberId: MEMBER_ID, title: 'Trygghet i T-banen', status: 'foreslått', at: NOW });
    });
    // The secretary's first message, for December, can no longer put it on that agenda.
    const late = fakeTurn({ member: secretary, data: { verb: Verb.ProposalAccept, meetingId: 'mote-2026-12', proposalId: 'mote-2026-12-f1' } });
    await handleAction(late, deps);
    expect(late.texts()[0]).toMatch(/^Møtet er avlyst, avholdt eller har startet/);
    await store.update((d) => carryOverProposals(d, new Date(begun)));
    const compose = composer({ timeZone: 'Europe/Oslo', clock: deps.clock });
    const data = store.read();
    const toSecretary = data.deliveries.find((d) => d.kind === 'proposal')!;
    const card = (compose(toSecretary, data, 'send')!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/^Forslag som ikke ble avgjort før forrige møte\nTrygghet i T-banen\nForeslått av Ola Hansen til Ordinært møte torsdag 11\. mars 2027 kl\. 09\.00\./);
    const toProposer = data.deliveries.find((d) => d.kind === 'proposal-moved')!;
    expect((compose(toProposer, data, 'send')!.activity as { text: string }).text).toBe(
      'The secretariat had not decided on your proposal “Trygghet i T-banen” before the meeting it was for. The proposal goes on to Ordinary meeting Thursday 11 March 2027 at 09:00, where the secretariat decides on it.',
    );
    const take = fakeTurn({ member: secretary, data: cardButtons(card)[0]!.data });
    await handleAction(take, deps);
    expect(store.read().meetings.find((m) => m.id === 'mote-2027-03')!.agenda.map((i) => i.title)).toContain('Trygghet i T-banen');
    // Decided: the proposer's notice, not yet sent, has nothing more to say; the decision says the rest.
    expect(compose(toProposer, store.read(), 'send')).toBeUndefined();
  });

  it('reminds the secretary that the schedule runs out, with buttons to plan the next year or a meeting, and says nothing once more is planned', async () => {
    const at = '2027-10-28T07:00:00Z';
    const { deps, store } = harness(withChats(demoData()), fixedClock(at));
    await store.update((data) => queueYearPlanReminders(data, new Date(at), TIMING));
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(at) });
    const card = () => composedCard(compose, store.read(), 'year-plan-reminder');
    expect(cardProblems(card())).toEqual([]);
    expect(cardText(card())).toBe(
      'Møteplanen tar slutt\nMøteplan for 2028\nDet siste møtet i møteplanen er Ordinært møte torsdag 9. desember 2027 kl. 09.00. Legg opp de neste møtene, så dagsordener, SaLTo-runder og påminnelser fortsetter. Datoene kan også settes på dagsordenen for det møtet.\nLegg opp 2028\nNytt møte',
    );
    const plan = fakeTurn({ member: secretary, data: cardButtons(card())[0]!.data });
    await handleAction(plan, deps);
    expect(cardText(plan.responses[0])).toMatch(/^Møteplan for 2028\n/);
    const form = fakeTurn({ member: secretary, data: cardButtons(card())[1]!.data });
    await handleAction(form, deps);
    expect(cardText(form.responses[0])).toMatch(/^Nytt møte/);
    // A member cannot use the buttons.
    const forged = fakeTurn({ member, data: cardButtons(card())[0]!.data });
    await handleAction(forged, deps);
    expect(forged.responses).toEqual([]);
    await handleAction(fakeTurn({ member: secretary, data: { ...inputValues(plan.responses[0]), ...cardButtons(plan.responses[0]).at(-1)!.data } }), deps);
    expect(store.read().meetings.filter((m) => m.start.startsWith('2028'))).not.toHaveLength(0);
    expect(card()).toBeUndefined();
  });

  it('holds a cancelled meeting after all: tells those told of the cancellation, and brings back what went on to the next meeting', async () => {
    const world = withChats(demoData());
    const december = world.meetings.find((m) => m.id === 'mote-2026-12')!;
    december.agendaQueuedAt = '2026-11-20T08:00:00Z';
    for (const [conversationId, memberId] of [['a:ola', MEMBER_ID], ['a:kari', SECRETARY_ID]] as const) {
      world.deliveries.push({ id: `mote-2026-12|agenda|auto|${conversationId}`, kind: 'agenda', meetingId: december.id, conversationId, memberId, status: 'sent', attempts: 1, createdAt: '2026-11-20T08:00:00Z' });
    }
    // A point due by the meeting, and one that the secretary will postpone after the cancellation.
    Object.assign(world.followUps.find((p) => p.id === 'op-2024-03')!, { dueMeetingId: december.id, dueDate: undefined });
    Object.assign(world.followUps.find((p) => p.id === 'op-2024-02')!, { dueMeetingId: december.id, dueDate: undefined });
    openRound(world, december.id, undefined, SECRETARY_ID, new Date(NOW), 'Europe/Oslo');
    const { deps, store } = harness(world);
    const compose = composer({ timeZone: 'Europe/Oslo', clock: deps.clock });
    await handleText(fakeTurn({ text: '/foreslå Trygghet i T-banen', member }), deps);
    const cancel = fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: december.id, revision: december.revision } });
    await handleAction(cancel, deps);
    // The cancellation's answer is the editor, where the meeting can be held after all, saying what would come back.
    const editor = cancel.responses.at(-1);
    expect(cardProblems(editor)).toEqual([]);
    expect(cardText(editor)).toContain(
      'Skal møtet holdes likevel, på samme tid og med dagsordenen som før? Alle som fikk beskjed om avlysningen, får beskjed. Da møtet ble avlyst, gikk 2 oppfølgingspunkter, SaLTo-rapportrunden og 1 forslag til dagsordenen videre til neste møte. Det kommer tilbake hit, så sant ingen har endret det siden.',
    );
    // Ola's cancellation went out; Kari's had not when the meeting was reinstated.
    // Ola is told where his proposal went.
    const movedNotice = store.read().deliveries.find((d) => d.kind === 'proposal-moved')!;
    expect(movedNotice).toMatchObject({ meetingId: 'mote-2027-03', conversationId: 'a:ola' });
    expect((compose(movedNotice, store.read(), 'send')!.activity as { text: string }).text).toBe(
      'Møtet du foreslo «Trygghet i T-banen» til, er avlyst. Forslaget går videre til Ordinært møte torsdag 11. mars 2027 kl. 09.00, og sekretariatet tar stilling til det der.',
    );
    // Tor's point has been postponed since, to a date.
    await store.update((d) => {
      d.deliveries.find((x) => x.kind === 'proposal-moved')!.status = 'sent';
      d.deliveries.find((x) => x.kind === 'cancelled' && x.conversationId === 'a:ola')!.status = 'sent';
      Object.assign(d.followUps.find((p) => p.id === 'op-2024-02')!, { dueMeetingId: undefined, dueDate: '2027-02-01' });
    });

    const button = cardButtons(editor).find((b) => b.title === 'Ja, gjenoppta møtet')!;
    const reinstate = fakeTurn({ member: secretary, data: button.data });
    await handleAction(reinstate, deps);
    expect(reinstate.texts()).toEqual([
      'Ordinært møte torsdag 10. desember 2026 kl. 09.00 blir holdt likevel. Alle som fikk beskjed om avlysningen, får beskjed.',
      '1 oppfølgingspunkt har frist til møtet igjen. SaLTo-rapportrunden er tilbake på møtet, med frist torsdag 26. november 2026. 1 forslag til dagsordenen er tilbake på møtet og venter på svar.',
    ]);
    expect(cardText(reinstate.responses[0])).toMatch(/^Rediger dagsorden: Ordinært møte\n[\s\S]*Trygghet i T-banen[\s\S]*Avlys møtet/);
    const data = store.read();
    const meeting = data.meetings.find((m) => m.id === december.id)!;
    expect([meeting.status, meeting.cancellation]).toEqual(['planlagt', undefined]);
    expect(meeting.proposals).toEqual([expect.objectContaining({ id: 'mote-2026-12-f1', title: 'Trygghet i T-banen', status: 'foreslått' })]);
    expect(data.meetings.find((m) => m.id === 'mote-2027-03')!.proposals).toEqual([]);
    expect(data.saltoRounds[0]!.meetingId).toBe(december.id);
    expect(data.followUps.find((p) => p.id === 'op-2024-03')!.dueMeetingId).toBe(december.id);
    // The point postponed since keeps the deadline chosen for it.
    const postponed = data.followUps.find((p) => p.id === 'op-2024-02')!;
    expect([postponed.dueDate, postponed.dueMeetingId]).toEqual(['2027-02-01', undefined]);
    const sent = (delivery: (typeof data.deliveries)[number]) => (compose(delivery, data, 'send')?.activity as { text?: string } | undefined)?.text;
    const held = data.deliveries.filter((d) => d.kind === 'reinstated');
    expect(held.map((d) => d.conversationId).sort()).toEqual(['a:kari', 'a:ola']);
    expect(sent(held.find((d) => d.conversationId === 'a:ola')!)).toBe('Ordinært møte torsdag 10. desember 2026 kl. 09.00 blir holdt likevel, til samme tid. Dagsordenen du har fått, er oppdatert.');
    // Kari never heard of the cancellation: neither message goes to her.
    expect(compose(held.find((d) => d.conversationId === 'a:kari')!, data, 'send')).toBeUndefined();
    expect(compose(data.deliveries.find((d) => d.kind === 'cancelled' && d.conversationId === 'a:kari')!, data, 'send')).toBeUndefined();
    // Ola, told it went on, is told it came back; the message about March would say nothing true now.
    const back = data.deliveries.filter((d) => d.kind === 'proposal-moved' && d.meetingId === december.id);
    expect(back.map((d) => [d.conversationId, d.note])).toEqual([['a:ola', 'tilbake']]);
    expect(sent(back[0]!)).toBe('Ordinært møte torsdag 10. desember 2026 kl. 09.00 blir holdt likevel, og forslaget ditt «Trygghet i T-banen» er tilbake på det.');
    expect(compose(movedNotice, data, 'send')).toBeUndefined();
    // The secretariat's message about the proposal on March has nothing to say now.
    expect(compose(data.deliveries.find((d) => d.kind === 'proposal' && d.meetingId === 'mote-2027-03')!, data, 'send')).toBeUndefined();

    // The card pressed again is out of date and changes nothing.
    const again = fakeTurn({ member: secretary, data: button.data });
    await handleAction(again, deps);
    expect(again.texts()[0]).toBe('Kortet er utdatert fordi møtet er endret siden. Ingenting er endret; her er det oppdaterte kortet.');
    expect(store.read().deliveries.filter((d) => d.kind === 'reinstated')).toHaveLength(2);

    // Cancelled again, everyone who got the agenda is told again.
    const current = store.read().meetings.find((m) => m.id === december.id)!;
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: december.id, revision: current.revision } }), deps);
    expect(store.read().deliveries.filter((d) => d.kind === 'cancelled' && d.status === 'pending').map((d) => d.conversationId).sort()).toEqual(['a:kari', 'a:kari', 'a:ola']);
  });

  it('tells a proposer nothing of a move and a return that both came before the first message went', async () => {
    const { deps, store } = harness(withChats(demoData()));
    const compose = composer({ timeZone: 'Europe/Oslo', clock: deps.clock });
    await handleText(fakeTurn({ text: '/foreslå Trygghet i T-banen', member }), deps);
    const december = () => store.read().meetings.find((m) => m.id === 'mote-2026-12')!;
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: 'mote-2026-12', revision: december().revision } }), deps);
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MeetingReinstate, meetingId: 'mote-2026-12', revision: december().revision } }), deps);
    const notices = store.read().deliveries.filter((d) => d.kind === 'proposal-moved');
    expect(notices.map((d) => d.meetingId)).toEqual(['mote-2027-03']);
    expect(compose(notices[0]!, store.read(), 'send')).toBeUndefined();
  });

  it('holds a meeting cancelled before cancellations were kept after all, telling those told', async () => {
    const world = withChats(demoData());
    const december = world.meetings.find((m) => m.id === 'mote-2026-12')!;
    Object.assign(december, { status: 'avlyst', revision: 1 });
    world.deliveries.push({ id: 'mote-2026-12|cancelled|avlyst|a:ola', kind: 'cancelled', meetingId: december.id, conversationId: 'a:ola', memberId: MEMBER_ID, status: 'sent', attempts: 1, createdAt: '2026-11-20T08:00:00Z' });
    const { deps, store } = harness(world);
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MeetingReinstate, meetingId: december.id, revision: 1 } });
    await handleAction(turn, deps);
    expect(turn.texts()).toEqual(['Ordinært møte torsdag 10. desember 2026 kl. 09.00 blir holdt likevel. Alle som fikk beskjed om avlysningen, får beskjed.']);
    expect(store.read().meetings.find((m) => m.id === december.id)!.status).toBe('planlagt');
    expect(store.read().deliveries.filter((d) => d.kind === 'reinstated').map((d) => d.conversationId)).toEqual(['a:ola']);
  });

  it('does not hold a cancelled meeting after all when another meeting has taken its time, or for those who may not', async () => {
    const { deps, store } = harness(withChats(demoData()));
    const december = store.read().meetings.find((m) => m.id === 'mote-2026-12')!;
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: december.id, revision: december.revision } }), deps);
    const revision = store.read().meetings.find((m) => m.id === december.id)!.revision;
    const refused = fakeTurn({ member, data: { verb: Verb.MeetingReinstate, meetingId: december.id, revision } });
    await handleAction(refused, deps);
    expect(store.read().meetings.find((m) => m.id === december.id)!.status).toBe('avlyst');
    expect(refused.texts()[0]).toMatch(/sekretariatet/);
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MeetingSave, kind: 'ekstraordinært', date: '2026-12-10', startTime: '10:00', endTime: '12:00', place: 'Oslo rådhus' } }), deps);
    const writes = store.writes();
    const clash = fakeTurn({ member: secretary, data: { verb: Verb.MeetingReinstate, meetingId: december.id, revision } });
    await handleAction(clash, deps);
    expect(clash.texts()[0]).toBe('Tidspunktet kolliderer med et annet møte: Ekstraordinært møte torsdag 10. desember 2026 kl. 10.00.');
    expect(store.read().meetings.find((m) => m.id === december.id)!.status).toBe('avlyst');
    expect(store.writes()).toBe(writes);
  });

  it('tells no one but the rest of the secretariat when a secretary proposes', async () => {
    const { deps, store } = harness(withChats(demoData()));
    await handleText(fakeTurn({ text: '/foreslå Status for Oslostandarden', member: secretary }), deps);
    expect(store.read().meetings.find((m) => m.id === 'mote-2026-12')!.proposals.map((p) => p.title)).toEqual(['Status for Oslostandarden']);
    expect(store.read().deliveries).toEqual([]);
  });

  it('tells the proposer when a proposal is declined, with the reason', async () => {
    const { deps, store } = harness();
    await handleAction(fakeTurn({ member, data: { verb: Verb.Propose, meetingId: 'mote-2026-12', proposalTitle: 'Trygghet i T-banen' } }), deps);
    const proposal = store.read().meetings.find((m) => m.id === 'mote-2026-12')!.proposals[0]!;
    await store.update((d) => {
      d.conversations.push({ id: 'a:ola', kind: 'personal', memberId: MEMBER_ID, reference: {}, installed: true, firstSeenAt: '2026-11-01T00:00:00Z', lastSeenAt: '2026-11-01T00:00:00Z' });
    });
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.ProposalDecline, meetingId: 'mote-2026-12', proposalId: proposal.id, [`reason_${proposal.id}`]: 'Tas opp på seminaret' } });
    await handleAction(turn, deps);
    expect(store.read().deliveries).toEqual([expect.objectContaining({ kind: 'decision', conversationId: 'a:ola', status: 'pending' })]);
    expect(store.read().meetings.find((m) => m.id === 'mote-2026-12')!.proposals[0]).toMatchObject({ status: 'avslått', reason: 'Tas opp på seminaret' });
  });
});
