import { describe, expect, it } from 'vitest';
import { markHit, readSearchQuery, search, type SearchHit, type Segment } from '../../src/domain/search.js';
import type { Data, Member } from '../../src/domain/schema.js';
import { COORDINATOR_ID, demoData, memberOf, MEMBER_ID, NOW, SECRETARY_ID } from '../helpers/builders.js';

const ZONE = 'Europe/Oslo';
const find = (data: Data, text: string, viewer: Member | undefined, audience: 'personal' | 'shared' = 'personal') => search(data, readSearchQuery(text), viewer, audience, ZONE);
const where = (hit: SearchHit) => (hit.kind === 'item' ? `${hit.meeting.id}#${hit.number}` : hit.kind === 'point' ? hit.point.id : hit.report.id);
const shown = (segments: Segment[]) => segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

/** The demo data with the 2024 minutes sent, a confidential item with minutes, and a point made from it. */
function council(): Data {
  const data = demoData();
  const october = data.meetings.find((m) => m.id === 'mote-2024-10')!;
  october.minutes!.sentAt = NOW;
  october.minutes!.sentRevision = october.minutes!.revision;
  const december = data.meetings.find((m) => m.id === 'mote-2026-12')!;
  const brief = december.agenda.find((item) => item.confidential)!;
  brief.description = 'Skyting på Grønland; etterforskningen pågår.';
  december.minutes = { present: '', absent: '', items: { [brief.id]: 'Politiet orienterte om våpenbeslag etter skytingen.' }, revision: 1, updatedAt: NOW };
  data.followUps.push({ ...data.followUps[0]!, id: 'op-hemmelig', title: 'Trygghetsvandring på Grønland etter skytingen', ownerMemberId: MEMBER_ID, source: { meetingId: december.id, itemId: brief.id }, history: [{ at: NOW, text: 'Laget.' }] });
  return data;
}

describe('reading what is searched for', () => {
  it('folds case and accents, drops small words and takes a year apart', () => {
    expect(readSearchQuery('Bydel Grünerløkka og SALUTT i 2017')).toEqual({ words: ['bydel', 'grunerlokka', 'salutt'], year: 2017 });
    expect(readSearchQuery('«Grorud», Grorud!')).toEqual({ words: ['grorud'], year: undefined });
  });

  it('seeks a year alone as a word, and nothing for small words alone', () => {
    expect(readSearchQuery('2030')).toEqual({ words: ['2030'], year: undefined });
    expect(readSearchQuery('og i på')).toEqual({ words: [], year: undefined });
  });
});

describe('searching the council’s agendas, minutes and points', () => {
  const data = council();
  const secretary = memberOf(data, SECRETARY_ID);

  it('finds whole words, the start of a word and, five letters or more, a word inside a compound, the newest first', () => {
    expect(find(data, 'grorud', secretary).map(where)).toEqual(['op-2024-03', 'mote-2024-10#3', 'mote-2024-10#5']);
    // "forebygging" inside "kriminalitetsforebygging" and "forebyggingsarbeidet"; "forebyggende" is another word.
    expect(find(data, 'forebygging', secretary).map(where)).toEqual(['mote-2026-12#4', 'op-2024-01', 'op-2024-03', 'mote-2024-10#7']);
    expect(find(data, 'grøn', secretary).map(where)).toContain('op-hemmelig');
    // Two letters find whole words only: "ne" is no beginning of "nett".
    expect(find(data, 'ne', secretary)).toEqual([]);
    expect(find(data, 'net', secretary).map(where)).toEqual(['mote-2026-12#4', 'mote-2024-10#7']);
  });

  it('needs every word, in any of an item’s texts: title, presenters, description, attachments or minutes', () => {
    expect(find(data, 'grorud statsbudsjettet', secretary).map(where)).toEqual(['mote-2024-10#3']);
    expect(find(data, 'grorud xyzzy', secretary)).toEqual([]);
    const [hit] = find(data, 'byrådsleder statsbudsjettet', secretary);
    expect(markHit(hit!, readSearchQuery('byrådsleder statsbudsjettet')).inMinutes).toBe(true);
  });

  it('marks the words found and cuts long texts around the first, on whole words', () => {
    const [hit] = find(data, 'statsbudsjettet', secretary);
    const excerpt = shown(markHit(hit!, readSearchQuery('statsbudsjettet')).excerpt);
    expect(excerpt).toMatch(/^….* \[Statsbudsjettet\]|^….*Til \[statsbudsjettet\]/);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThan(260);
    expect(shown(markHit(find(data, 'bydel grorud', secretary)[0]!, readSearchQuery('bydel grorud')).title)).toBe('[Bydelene] gir forebyggingsarbeidet en likere innretning, etter modell fra [Bydel] [Grorud]');
  });

  it('limits to a year: meetings held in it, points with something written in it', () => {
    expect(find(data, 'situasjonsbrief 2024', secretary).map(where)).toEqual(['mote-2024-10#6']);
    expect(find(data, 'situasjonsbrief 2027', secretary)).toHaveLength(4);
    expect(find(data, 'likere 2024', secretary).map(where)).toEqual(['op-2024-03', 'mote-2024-10#5']);
    expect(find(data, 'likere 2025', secretary)).toEqual([]);
  });

  it('leaves out cancelled meetings', () => {
    const cancelled = council();
    cancelled.meetings.find((m) => m.id === 'mote-2027-03')!.status = 'avlyst';
    expect(find(cancelled, 'situasjonsbrief 2027', secretary)).toHaveLength(3);
  });
});

describe('what a search may find, by who asks and where', () => {
  const data = council();
  const secretary = memberOf(data, SECRETARY_ID);
  const member = memberOf(data, MEMBER_ID);
  const coordinator = memberOf(data, COORDINATOR_ID);

  it('searches a confidential item, its minutes and its points only for the council in personal chat', () => {
    expect(find(data, 'skytingen', secretary).map(where)).toEqual(['mote-2026-12#5', 'op-hemmelig']);
    for (const [viewer, audience] of [[secretary, 'shared'], [member, 'shared'], [coordinator, 'personal'], [undefined, 'shared']] as const) {
      expect(find(data, 'grønland', viewer, audience)).toEqual([]);
      expect(find(data, 'etterforskningen', viewer, audience)).toEqual([]);
    }
  });

  it('searches minutes not yet sent only for the secretariat in personal chat, and a confidential item’s minutes for it alone', () => {
    // The December minutes are not sent: the member finds the confidential item by its description, not by its minutes.
    expect(find(data, 'våpenbeslag', secretary).map(where)).toEqual(['mote-2026-12#5']);
    expect(find(data, 'våpenbeslag', member)).toEqual([]);
    const sent = council();
    const december = sent.meetings.find((m) => m.id === 'mote-2026-12')!;
    december.minutes!.sentAt = NOW;
    december.minutes!.sentRevision = 1;
    // Sent minutes are public and leave confidential items out: only the secretariat finds what they say there.
    expect(find(sent, 'våpenbeslag', member)).toEqual([]);
    expect(find(sent, 'våpenbeslag', secretary).map(where)).toEqual(['mote-2026-12#5']);
    // The October minutes are sent: anyone with a role reads them, anywhere.
    expect(find(data, 'statsbudsjettet', coordinator, 'shared').map(where)).toEqual(['mote-2024-10#3']);
    expect(find(data, 'statsbudsjettet', member, 'shared')[0]).toMatchObject({ minutes: true });
  });

  it('finds points as /status shows them: the secretariat all, a member their own, a coordinator none', () => {
    expect(find(data, 'likere', member).map(where)).toEqual(['op-2024-03', 'mote-2024-10#5']);
    expect(find(data, 'byutvikling seminar', member).map(where)).toEqual(['mote-2024-10#4']);
    expect(find(data, 'byutvikling seminar', secretary).map(where)).toEqual(['op-2024-01', 'mote-2024-10#4']);
    expect(find(data, 'likere', coordinator).map(where)).toEqual(['mote-2024-10#5']);
  });
});
