import { enqueue, personalRecipients } from './deliveries.js';
import { DomainError, ErrorCode } from './errors.js';
import { assertRevision, CLOSING_SUFFIXES, findMeeting, isWebUrl, meetingPhase, openMeeting, openMeetings } from './meetings.js';
import { isSecretariat, mayReadConfidential } from './roles.js';
import type { AgendaItem, Attachment, Cancellation, Data, Meeting, Member, Proposal } from './schema.js';

/** An agenda item as the secretary's form sends it. */
export interface AgendaItemInput {
  title: string;
  /** Comma- or line-separated: "Oslo politidistrikt, Bydel Grorud". */
  presenters?: string | undefined;
  description?: string | undefined;
  /** One link a line, optionally "Title | https://…". */
  attachments?: string | undefined;
  confidential?: boolean | undefined;
}

const clean = (text: string | undefined) => text?.trim() ?? '';

export function parsePresenters(text: string | undefined): string[] {
  return clean(text)
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * One attachment a line: a link, with its title before it as people write it ("Presentasjon |
 * https://…", "Presentasjon: https://…", "Presentasjon https://…") or after it, or a bare link.
 * A line without exactly one http(s) link is refused, quoted, so nothing typed is dropped.
 */
export function parseAttachments(text: string | undefined): Attachment[] {
  return clean(text)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const words = line.split(/\s+/);
      const links = words.filter((word) => LINK.test(word));
      const url = links.length === 1 ? unwrapped(links[0] as string) : '';
      if (!isWebUrl(url)) throw new DomainError(ErrorCode.InvalidUrl, 'attachment line without one link', { text: line.slice(0, 80) });
      const title = words
        .filter((word) => word !== links[0])
        .join(' ')
        .replace(/^[\s|:–—-]+|[\s|:–—-]+$/g, '')
        .replace(/^\((.*)\)$/, '$1');
      return { title: title || url, url };
    });
}

/** A word that is a link, or is meant as one: "https://…", "<https://…>", "(http://…)". */
const LINK = /^[<(]?https?:/i;
const unwrapped = (word: string) => {
  const bare = word.replace(/[.,;]+$/, '');
  return bare.startsWith('<') ? bare.slice(1).replace(/>$/, '') : bare.startsWith('(') ? bare.slice(1).replace(/\)$/, '') : bare;
};

function itemFields(input: AgendaItemInput): Omit<AgendaItem, 'id'> {
  const title = clean(input.title);
  if (!title) throw new DomainError(ErrorCode.EmptyTitle, 'agenda item without a title');
  const description = clean(input.description);
  return {
    title,
    presenters: parsePresenters(input.presenters),
    attachments: parseAttachments(input.attachments),
    confidential: input.confidential ?? false,
    ...(description ? { description } : {}),
  };
}

function newItemId(meeting: Meeting): string {
  for (let n = meeting.agenda.length + 1; ; n++) {
    const id = `${meeting.id}-s${n}`;
    if (!meeting.agenda.some((item) => item.id === id)) return id;
  }
}

/** Thematic items go in before the closing standard items (situation brief, SaLTo, eventuelt). */
function insertionIndex(meeting: Meeting): number {
  const closing = meeting.agenda.findIndex((item) => CLOSING_SUFFIXES.some((suffix) => item.id === `${meeting.id}${suffix}`));
  return closing === -1 ? meeting.agenda.length : closing;
}

function changed(meeting: Meeting): void {
  meeting.revision += 1;
}

function findItem(meeting: Meeting, itemId: string): number {
  const index = meeting.agenda.findIndex((item) => item.id === itemId);
  if (index === -1) throw new DomainError(ErrorCode.NotFound, `no agenda item ${itemId}`);
  return index;
}

export function addAgendaItem(data: Data, meetingId: string, input: AgendaItemInput, revision: number | undefined, now: Date, proposedBy?: string): AgendaItem {
  const meeting = openMeeting(data, meetingId, now);
  assertRevision(meeting, revision);
  const item: AgendaItem = { id: newItemId(meeting), ...itemFields(input), ...(proposedBy ? { proposedBy } : {}) };
  meeting.agenda.splice(insertionIndex(meeting), 0, item);
  changed(meeting);
  return item;
}

export function editAgendaItem(data: Data, meetingId: string, itemId: string, input: AgendaItemInput, revision: number | undefined, now: Date): AgendaItem {
  const meeting = openMeeting(data, meetingId, now);
  assertRevision(meeting, revision);
  const index = findItem(meeting, itemId);
  const existing = meeting.agenda[index] as AgendaItem;
  const item: AgendaItem = { id: itemId, ...itemFields(input), ...(existing.proposedBy ? { proposedBy: existing.proposedBy } : {}) };
  meeting.agenda[index] = item;
  changed(meeting);
  return item;
}

export function moveAgendaItem(data: Data, meetingId: string, itemId: string, direction: 'opp' | 'ned', revision: number | undefined, now: Date): void {
  const meeting = openMeeting(data, meetingId, now);
  assertRevision(meeting, revision);
  const index = findItem(meeting, itemId);
  const target = direction === 'opp' ? index - 1 : index + 1;
  if (target < 0 || target >= meeting.agenda.length) return;
  const [item] = meeting.agenda.splice(index, 1) as [AgendaItem];
  meeting.agenda.splice(target, 0, item);
  changed(meeting);
}

export function removeAgendaItem(data: Data, meetingId: string, itemId: string, revision: number | undefined, now: Date): AgendaItem {
  const meeting = openMeeting(data, meetingId, now);
  assertRevision(meeting, revision);
  const [removed] = meeting.agenda.splice(findItem(meeting, itemId), 1) as [AgendaItem];
  changed(meeting);
  return removed;
}

/**
 * A file the secretariat sent in chat, attached to an item of a meeting still to come, or of one
 * held whose minutes have not gone out (presentations often come after the meeting, for the
 * minutes' list of attachments). The same link again changes nothing.
 */
export function attachToItem(data: Data, meetingId: string, itemId: string, attachment: Attachment, now: Date): { item: AgendaItem; number: number; added: boolean } {
  const meeting = findMeeting(data, meetingId);
  if (!takesAttachments(meeting, now)) throw new DomainError(ErrorCode.MeetingClosed, `meeting ${meetingId} takes no attachments`, { status: meeting.status });
  const index = findItem(meeting, itemId);
  const item = meeting.agenda[index] as AgendaItem;
  const title = clean(attachment.title);
  if (!title) throw new DomainError(ErrorCode.EmptyTitle, 'attachment without a title', { what: 'attachment' });
  if (item.attachments.some((a) => a.url === attachment.url)) return { item, number: index + 1, added: false };
  item.attachments.push({ title, url: attachment.url });
  changed(meeting);
  return { item, number: index + 1, added: true };
}

/** A meeting to come, or one begun whose minutes have not been sent. */
export function takesAttachments(meeting: Meeting, now: Date): boolean {
  const phase = meetingPhase(meeting, now);
  return phase === 'coming' || ((phase === 'held' || phase === 'under-way') && !meeting.minutes?.sentAt);
}

/**
 * Where a proposal meant for a meeting goes: that meeting while it is still to come; once it has
 * begun, or if it was cancelled, the first meeting still to come after it (as the proposals it
 * had go on), if any.
 */
export function proposalMeeting(data: Readonly<Data>, meetingId: string, now: Date): Meeting | undefined {
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (!meeting || meetingPhase(meeting, now) === 'coming') return meeting;
  return openMeetings(data, now).find((m) => Date.parse(m.start) > Date.parse(meeting.start));
}

/** "Foreslå sak": any member may propose; the proposal waits for the secretary. */
export function proposeItem(data: Data, meetingId: string, byMemberId: string, input: { title: string; description?: string | undefined }, now: Date): Proposal {
  const meeting = openMeeting(data, meetingId, now);
  const title = clean(input.title);
  if (!title) throw new DomainError(ErrorCode.EmptyTitle, 'proposal without a title');
  const description = clean(input.description);
  const proposal: Proposal = {
    id: proposalId(meeting),
    byMemberId,
    title,
    status: 'foreslått',
    at: now.toISOString(),
    ...(description ? { description } : {}),
  };
  meeting.proposals.push(proposal);
  return proposal;
}

/**
 * After a meeting is cancelled: the proposals still waiting for an answer go on to `to`, the next
 * meeting, where the secretariat decides them; each takes an id of that meeting.
 */
export function moveWaitingProposals(data: Data, meetingId: string, to: Meeting): MovedProposal[] {
  return moveProposals(findMeeting(data, meetingId), to, (p) => (p.status === 'foreslått' ? proposalId(to) : undefined));
}

/** The note on a proposer's notice that their proposal came back to a meeting held after all. */
export const PROPOSAL_BACK = 'tilbake';
/** The note on a proposer's notice, and on the secretariat's, that the meeting began before the proposal was decided. */
export const PROPOSAL_UNDECIDED = 'ubehandlet';

/**
 * The proposals a meeting has not answered go on to `next`: the secretariat is told of each again
 * there, with buttons that decide it for that meeting, and the proposer hears where it went
 * (`note`: why, when not a cancellation).
 */
export function passOnProposals(data: Data, meetingId: string, next: Meeting, now: Date, note?: string): MovedProposal[] {
  const moved = moveWaitingProposals(data, meetingId, next);
  for (const { proposal } of moved) {
    const secretariat = data.members.filter((member) => isSecretariat(member) && member.id !== proposal.byMemberId);
    enqueue(data, 'proposal', next.id, proposal.id, personalRecipients(data, secretariat), now, note);
    tellProposer(data, next.id, proposal, now, note);
  }
  return moved;
}

/** The proposer hears where their proposal went; the note says why. */
export function tellProposer(data: Data, meetingId: string, proposal: Proposal, now: Date, note?: string): void {
  enqueue(data, 'proposal-moved', meetingId, proposal.id, personalRecipients(data, data.members.filter((member) => member.id === proposal.byMemberId)), now, note);
}

/**
 * Meetings with proposals that can no longer be answered there (the meeting has begun, or was
 * cancelled when no meeting came after it), each with the first meeting still to come after it.
 */
function undecidedProposals(data: Readonly<Data>, now: Date): { from: Meeting; to: Meeting }[] {
  return data.meetings.flatMap((from) => {
    if (meetingPhase(from, now) === 'coming' || !from.proposals.some((p) => p.status === 'foreslått')) return [];
    const to = proposalMeeting(data, from.id, now);
    return to ? [{ from, to }] : [];
  });
}

/**
 * Proposals the secretariat had not answered when their meeting began cannot be decided there any
 * more: they go on to the next meeting still to come, once there is one, as a cancellation's do.
 * So do those of a meeting cancelled when no meeting came after it, once one is planned (holding
 * that meeting after all does not bring them back).
 */
export function carryOverProposals(data: Data, now: Date): { from: string; to: string; moved: MovedProposal[] }[] {
  return undecidedProposals(data, now).map(({ from, to }) => ({
    from: from.id,
    to: to.id,
    moved: passOnProposals(data, from.id, to, now, meetingPhase(from, now) === 'cancelled' ? undefined : PROPOSAL_UNDECIDED),
  }));
}

/** True when `carryOverProposals` would move anything, so the scheduler writes only then. */
export function hasProposalsToCarryOver(data: Readonly<Data>, now: Date): boolean {
  return undecidedProposals(data, now).length > 0;
}

/**
 * A cancelled meeting held after all: the proposals its cancellation moved on come back with the
 * ids they had, so the messages already sent about them work again, if still waiting for an answer.
 */
export function moveProposalsBack(data: Data, meetingId: string, cancellation: Cancellation): MovedProposal[] {
  const from = cancellation.movedTo ? data.meetings.find((m) => m.id === cancellation.movedTo) : undefined;
  if (!from) return [];
  const to = findMeeting(data, meetingId);
  const taken = (id: string) => to.proposals.some((p) => p.id === id);
  const back = (p: Proposal) => {
    const earlier = cancellation.proposals.find((pair) => pair.to === p.id)?.from;
    return p.status === 'foreslått' && earlier ? (taken(earlier) ? proposalId(to) : earlier) : undefined;
  };
  return moveProposals(from, to, back);
}

/** A proposal moved to another meeting, and the id it had where it was. */
export interface MovedProposal {
  from: string;
  proposal: Proposal;
}

/** Moves the proposals `idFor` gives an id in `to`, from one meeting to the other. */
function moveProposals(from: Meeting, to: Meeting, idFor: (proposal: Proposal) => string | undefined): MovedProposal[] {
  const moved: MovedProposal[] = [];
  from.proposals = from.proposals.filter((proposal) => {
    const id = idFor(proposal);
    if (id === undefined) return true;
    const copy = { ...proposal, id };
    to.proposals.push(copy);
    moved.push({ from: proposal.id, proposal: copy });
    return false;
  });
  return moved;
}

/** A proposal id the meeting has not used: one more than it has, or the first free number after it. */
function proposalId(meeting: Meeting): string {
  for (let n = meeting.proposals.length + 1; ; n++) {
    const id = `${meeting.id}-f${n}`;
    if (!meeting.proposals.some((p) => p.id === id)) return id;
  }
}

function pendingProposal(meeting: Meeting, proposalId: string): Proposal {
  const proposal = meeting.proposals.find((p) => p.id === proposalId);
  if (!proposal) throw new DomainError(ErrorCode.NotFound, `no proposal ${proposalId}`);
  if (proposal.status !== 'foreslått') throw new DomainError(ErrorCode.AlreadyDecided, `proposal ${proposalId} is ${proposal.status}`, { status: proposal.status });
  return proposal;
}

/** Accepting puts the proposal on the agenda with its proposer as presenter. */
export function acceptProposal(data: Data, meetingId: string, proposalId: string, byMemberId: string, now: Date): { proposal: Proposal; item: AgendaItem } {
  const meeting = openMeeting(data, meetingId, now);
  const proposal = pendingProposal(meeting, proposalId);
  const proposer = data.members.find((m) => m.id === proposal.byMemberId);
  const item = addAgendaItem(data, meetingId, { title: proposal.title, description: proposal.description, presenters: proposer?.name }, undefined, now, proposal.byMemberId);
  Object.assign(proposal, { status: 'godtatt', decidedAt: now.toISOString(), decidedBy: byMemberId });
  return { proposal, item };
}

export function declineProposal(data: Data, meetingId: string, proposalId: string, reason: string | undefined, byMemberId: string, now: Date): Proposal {
  const meeting = openMeeting(data, meetingId, now);
  const proposal = pendingProposal(meeting, proposalId);
  const why = clean(reason);
  Object.assign(proposal, { status: 'avslått', decidedAt: now.toISOString(), decidedBy: byMemberId, ...(why ? { reason: why } : {}) });
  return proposal;
}

/**
 * Who a card is shown to decides whether confidential items are: 'personal' is one person's own
 * chat or tab, and only someone who may read confidential items (see `audienceFor`); 'shared' is
 * a channel, a group chat, or anyone else.
 */
export type Audience = 'personal' | 'shared';

/** The audience of a card shown in a conversation of some kind to a member (or to no one known). */
export function audienceFor(personal: boolean, viewer: Member | undefined): Audience {
  return personal && mayReadConfidential(viewer) ? 'personal' : 'shared';
}

/** An agenda item as an audience may see it: a confidential one is blanked outside personal chat. */
export function visibleItem(item: AgendaItem, audience: Audience): AgendaItem & { hidden: boolean } {
  if (!item.confidential || audience === 'personal') return { ...item, hidden: false };
  return { id: item.id, title: '', presenters: [], attachments: [], confidential: true, hidden: true };
}
