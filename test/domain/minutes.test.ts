import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/domain/errors.js';
import { abbreviationsIn, hasMinutesReminders, MINUTES_ITEM_LIMIT, MINUTES_TOTAL_LIMIT, minutesDelivery, minutesMeeting, queueMinutesReminders, saveMinutes, sendMinutes, sentText } from '../../src/domain/minutes.js';
import { previousMeeting } from '../../src/domain/named-meetings.js';
import { DataSchema, type Data } from '../../src/domain/schema.js';
import { codeOf, demoData, NOW, TIMING, withChats } from '../helpers/builders.js';

const now = new Date(NOW);
/** The December meeting, held: the clock after it ended. */
const afterDecember = new Date('2026-12-10T12:00:00Z');
const meeting = (data: Data, id: string) => data.meetings.find((m) => m.id === id)!;

describe('minutes', () => {
  it('are written for a meeting that has begun, not for one to come or a cancelled one', () => {
    const data = demoData();
    expect(minutesMeeting(data, 'mote-2024-10', now).id).toBe('mote-2024-10');
    expect(minutesMeeting(data, 'mote-2026-12', new Date('2026-12-10T09:00:00Z')).id).toBe('mote-2026-12');
    expect(codeOf(() => minutesMeeting(data, 'mote-2026-12', now))).toBe(ErrorCode.MinutesTooEarly);
    meeting(data, 'mote-2026-12').status = 'avlyst';
    expect(codeOf(() => minutesMeeting(data, 'mote-2026-12', afterDecember))).toBe(ErrorCode.MinutesTooEarly);
    expect(codeOf(() => minutesMeeting(data, 'mote-1999', now))).toBe(ErrorCode.NotFound);
  });

  it('are saved with who wrote them and when, trimmed, and leave the posted agenda cards alone', () => {
    const data = demoData();
    const december = meeting(data, 'mote-2026-12');
    const revision = december.revision;
    const saved = saveMinutes(data, 'mote-2026-12', { revision: 0, present: ' Ola Hansen\nIngrid Berg ', absent: '', items: { 'mote-2026-12-1': ' Dagsorden godkjent. ', 'mote-2026-12-ev': '' } }, 'kari-nordmann', afterDecember);
    expect(saved).toEqual({ present: 'Ola Hansen\nIngrid Berg', absent: '', items: { 'mote-2026-12-1': 'Dagsorden godkjent.' }, revision: 1, updatedAt: afterDecember.toISOString(), updatedBy: 'kari-nordmann' });
    expect(december.minutes).toEqual(saved);
    expect(december.revision).toBe(revision);
  });

  it('keep what a later save does not mention, and clear what it empties', () => {
    const data = demoData();
    saveMinutes(data, 'mote-2026-12', { revision: 0, present: 'Ola Hansen', absent: 'Tor Lund', items: { 'mote-2026-12-1': 'Godkjent.', 'mote-2026-12-2': 'Politimesteren orienterte.' } }, 'kari-nordmann', afterDecember);
    const saved = saveMinutes(data, 'mote-2026-12', { revision: 1, items: { 'mote-2026-12-2': '', 'mote-2026-12-3': 'Byrådslederen orienterte.' } }, 'kari-nordmann', afterDecember);
    expect(saved).toMatchObject({ present: 'Ola Hansen', absent: 'Tor Lund', items: { 'mote-2026-12-1': 'Godkjent.', 'mote-2026-12-3': 'Byrådslederen orienterte.' }, revision: 2 });
  });

  it('refuse a form made before someone else saved, an item the agenda lacks, and texts over their limits, changing nothing', () => {
    const data = demoData();
    saveMinutes(data, 'mote-2026-12', { revision: 0, present: '', absent: '', items: { 'mote-2026-12-1': 'Godkjent.' } }, 'kari-nordmann', afterDecember);
    const before = structuredClone(data);
    const attempt = (items: Record<string, string>, revision = 1, present = '') => codeOf(() => saveMinutes(data, 'mote-2026-12', { revision, present, absent: '', items }, 'kari-nordmann', afterDecember));
    expect(attempt({ 'mote-2026-12-1': 'Noe annet.' }, 0)).toBe(ErrorCode.Stale);
    expect(attempt({ 'mote-2027-03-1': 'Feil møte.' })).toBe(ErrorCode.NotFound);
    expect(attempt({ 'mote-2026-12-2': 'x'.repeat(MINUTES_ITEM_LIMIT + 1) })).toBe(ErrorCode.TextTooLong);
    expect(attempt({}, 1, 'x'.repeat(2001))).toBe(ErrorCode.TextTooLong);
    const ids = meeting(data, 'mote-2026-12').agenda.map((item) => item.id);
    const full = Object.fromEntries(ids.map((id) => [id, 'x'.repeat(Math.ceil((MINUTES_TOTAL_LIMIT + 1) / ids.length))]));
    expect(attempt(full)).toBe(ErrorCode.TextTooLong);
    expect(data).toEqual(before);
    // A limit counts characters as people see them: 4,000 emoji are within it.
    expect(attempt({ 'mote-2026-12-2': '🙂'.repeat(MINUTES_ITEM_LIMIT) })).toBeUndefined();
  });

  it('open by default on the latest meeting that has begun and was not cancelled', () => {
    const data = demoData();
    expect(previousMeeting(data, now)?.id).toBe('mote-2024-10');
    expect(previousMeeting(data, new Date('2026-12-10T09:00:00Z'))?.id).toBe('mote-2026-12');
    meeting(data, 'mote-2026-12').status = 'avlyst';
    expect(previousMeeting(data, afterDecember)?.id).toBe('mote-2024-10');
  });

  it('name the abbreviations their text uses, as whole words', () => {
    expect(abbreviationsIn('SET har avholdt møte med OPD. Settet og OPDs ...').map((a) => a.short)).toEqual(['OPD', 'SET']);
    expect(abbreviationsIn('Ingen forkortelser her.')).toEqual([]);
  });

  it('save nothing new when nothing changed, so no one else\'s form goes stale', () => {
    const data = demoData();
    const first = saveMinutes(data, 'mote-2024-10', { revision: 1, items: { 'mote-2024-10-1': ' Dagsorden godkjent. ' } }, 'ola-hansen', now);
    expect(first.revision).toBe(1);
    expect(first.updatedBy).toBe('kari-nordmann');
  });
});

describe('sending the minutes', () => {
  const sent = (data: Data) => data.deliveries.filter((d) => d.kind === 'minutes');

  it('go to the council\'s channel and every member and secretary the bot reaches, once per version', () => {
    const data = withChats(demoData());
    const queued = sendMinutes(data, 'mote-2024-10', 1, now);
    expect(queued.map((d) => [d.conversationId, d.memberId])).toEqual([
      ['19:channel@thread.tacv2', undefined],
      ['a:kari', 'kari-nordmann'],
      ['a:ola', 'ola-hansen'],
    ]);
    expect(meeting(data, 'mote-2024-10').minutes).toMatchObject({ sentAt: now.toISOString(), sentRevision: 1 });
    expect(minutesDelivery(data, meeting(data, 'mote-2024-10'))).toEqual({ sent: 0, pending: 3, failed: 0 });
    // The same version again adds nothing; a changed one goes out as a new message.
    expect(sendMinutes(data, 'mote-2024-10', 1, now)).toEqual([]);
    saveMinutes(data, 'mote-2024-10', { revision: 1, items: { 'mote-2024-10-8': 'Ingen saker ble meldt.' } }, 'kari-nordmann', afterDecember);
    expect(meeting(data, 'mote-2024-10').minutes).toMatchObject({ revision: 2, sentRevision: 1 });
    expect(sendMinutes(data, 'mote-2024-10', 2, afterDecember)).toHaveLength(3);
    expect(sent(data)).toHaveLength(6);
    expect(meeting(data, 'mote-2024-10').minutes).toMatchObject({ sentAt: afterDecember.toISOString(), sentRevision: 2 });
  });

  it('keep the texts as sent, which stay what the council reads while the secretary changes them, through the data file too', () => {
    const data = withChats(demoData());
    const saved = meeting(data, 'mote-2024-10').minutes!;
    expect(sentText(saved)).toBeUndefined();
    saveMinutes(data, 'mote-2024-10', { revision: 1, items: { 'mote-2024-10-8': 'Ingen saker ble meldt.' } }, 'kari-nordmann', now);
    sendMinutes(data, 'mote-2024-10', 2, now);
    saveMinutes(data, 'mote-2024-10', { revision: 2, present: 'Bare sekretariatet', items: { 'mote-2024-10-8': 'Utkast til ny tekst.' } }, 'kari-nordmann', afterDecember);
    const changed = meeting(data, 'mote-2024-10').minutes!;
    expect(changed).toMatchObject({ revision: 3, sentRevision: 2, present: 'Bare sekretariatet', items: { 'mote-2024-10-8': 'Utkast til ny tekst.' } });
    expect(sentText(changed)).toEqual({ present: saved.present, absent: saved.absent, items: { ...saved.items, 'mote-2024-10-8': 'Ingen saker ble meldt.' } });
    // Kept through the schema, as the store reads the file.
    expect(sentText(DataSchema.parse(JSON.parse(JSON.stringify(data))).meetings.find((m) => m.id === 'mote-2024-10')!.minutes)).toEqual(sentText(changed));
    sendMinutes(data, 'mote-2024-10', 3, afterDecember);
    expect(sentText(meeting(data, 'mote-2024-10').minutes)!.items['mote-2024-10-8']).toBe('Utkast til ny tekst.');
    // Minutes sent before the texts were kept read as they stand.
    const older = { ...changed, sent: undefined };
    expect(sentText(older)).toBe(older);
  });

  it('are refused for an older version, a meeting without minutes, and one to come; with no one to reach, they count as not sent', () => {
    const data = withChats(demoData());
    expect(codeOf(() => sendMinutes(data, 'mote-2024-10', 0, now))).toBe(ErrorCode.Stale);
    expect(codeOf(() => sendMinutes(data, 'mote-2026-12', 0, afterDecember))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => sendMinutes(data, 'mote-2026-12', 0, now))).toBe(ErrorCode.MinutesTooEarly);
    expect(sent(data)).toEqual([]);
    const alone = demoData();
    expect(sendMinutes(alone, 'mote-2024-10', 1, now)).toEqual([]);
    expect(meeting(alone, 'mote-2024-10').minutes!.sentAt).toBeUndefined();
  });
});

describe('the reminder of minutes not yet sent', () => {
  /** 09:00 in Oslo three days after the December meeting. */
  const due = new Date('2026-12-13T08:00:00Z');
  const reminders = (data: Data) => data.deliveries.filter((d) => d.kind === 'minutes-reminder');

  it('goes to the secretariat in personal chat at the send time, the given days after the meeting, once', () => {
    const data = withChats(demoData());
    data.conversations.push({ ...data.conversations.find((c) => c.id === 'a:kari')!, id: 'a:forvaltning', memberId: 'forvaltning' });
    expect(hasMinutesReminders(data, new Date(due.getTime() - 60_000), TIMING)).toBe(false);
    expect(queueMinutesReminders(data, new Date(due.getTime() - 60_000), TIMING)).toEqual([]);
    expect(hasMinutesReminders(data, due, TIMING)).toBe(true);
    const queued = queueMinutesReminders(data, due, TIMING);
    // The secretary, not the administrator, nor a member.
    expect(queued.map((d) => [d.meetingId, d.conversationId, d.memberId])).toEqual([['mote-2026-12', 'a:kari', 'kari-nordmann']]);
    expect(queueMinutesReminders(data, new Date(due.getTime() + 3600_000), TIMING)).toEqual([]);
    expect(hasMinutesReminders(data, new Date(due.getTime() + 3600_000), TIMING)).toBe(false);
    expect(reminders(data)).toHaveLength(1);
  });

  it('is not sent for minutes already sent, a cancelled meeting, or a meeting long past', () => {
    const sent = withChats(demoData());
    saveMinutes(sent, 'mote-2026-12', { revision: 0, items: { 'mote-2026-12-1': 'Godkjent.' } }, 'kari-nordmann', due);
    sendMinutes(sent, 'mote-2026-12', 1, due);
    expect(queueMinutesReminders(sent, due, TIMING)).toEqual([]);
    const cancelled = withChats(demoData());
    meeting(cancelled, 'mote-2026-12').status = 'avlyst';
    expect(queueMinutesReminders(cancelled, due, TIMING)).toEqual([]);
    // Fifteen days after it fell due (a bot started with old meetings), it is not worth a word.
    expect(queueMinutesReminders(withChats(demoData()), new Date(due.getTime() + 15 * 86_400_000), TIMING)).toEqual([]);
    expect(queueMinutesReminders(withChats(demoData()), new Date(due.getTime() + 13 * 86_400_000), TIMING)).toHaveLength(1);
  });
});

