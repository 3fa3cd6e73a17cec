import { describe, expect, it } from 'vitest';
import { readYear } from '../../src/domain/date-text.js';
import { formatDate, formatDateTime, isValidTimeZone } from '../../src/domain/dates.js';
import { nextMeeting } from '../../src/domain/meetings.js';
import { demoData } from '../helpers/builders.js';

describe('dates in the council’s time zone', () => {
  it('shows a winter meeting in Norwegian, in Oslo time', () => {
    expect(formatDateTime('2026-12-10T08:00:00Z', 'Europe/Oslo', 'nb')).toBe('torsdag 10. desember 2026 kl. 09.00');
  });

  it('shows a summer meeting with summer time (UTC+2)', () => {
    expect(formatDateTime('2027-06-10T07:00:00Z', 'Europe/Oslo', 'nb')).toBe('torsdag 10. juni 2027 kl. 09.00');
  });

  it('shows the same instant in English for English users', () => {
    expect(formatDateTime('2026-12-10T08:00:00Z', 'Europe/Oslo', 'en')).toBe('Thursday 10 December 2026 at 09:00');
  });

  it('keeps the Oslo date even when UTC is still on the day before', () => {
    expect(formatDate('2026-12-09T23:30:00Z', 'Europe/Oslo', 'nb')).toBe('10. desember 2026');
  });

  it('knows real time zones from made-up ones', () => {
    expect(isValidTimeZone('Europe/Oslo')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
  });
});

describe('the next meeting', () => {
  it('is the first planned meeting that has not ended', () => {
    expect(nextMeeting(demoData(), new Date('2026-11-22T08:00:00Z'))?.id).toBe('mote-2026-12');
  });

  it('is still the meeting under way until it ends', () => {
    expect(nextMeeting(demoData(), new Date('2026-12-10T09:00:00Z'))?.id).toBe('mote-2026-12');
  });

  it('skips a cancelled meeting', () => {
    const data = demoData();
    data.meetings.find((m) => m.id === 'mote-2026-12')!.status = 'avlyst';
    expect(nextMeeting(data, new Date('2026-11-22T08:00:00Z'))?.id).toBe('mote-2027-03');
  });

  it('is undefined when nothing is planned', () => {
    expect(nextMeeting(demoData(), new Date('2030-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('a year as people name it', () => {
  it.each([
    ['2024', 2024],
    ['i 2027', 2027],
    ['neste år', 2027],
    ['i år', 2026],
    ['I fjor.', 2025],
    ['next year', 2027],
    ['last year', 2025],
  ])('reads «%s» as %i', (text, year) => {
    expect(readYear(text, 2026)).toBe(year);
  });

  it('reads nothing else as a year', () => {
    for (const text of ['', 'snart', '20245', 'mars 2027', 'fjoråret']) expect(readYear(text, 2026)).toBeUndefined();
  });
});
