import { z } from 'zod';

/**
 * The shape of everything the bot keeps. The data file stores exactly this, with a schema
 * version; a file of another version is refused at start rather than guessed at.
 */
export const SCHEMA_VERSION = 1;

export const LangSchema = z.enum(['nb', 'en']);
export type Lang = z.infer<typeof LangSchema>;

export const RoleSchema = z.enum([
  'leder',
  'nestleder',
  'medlem',
  'observator',
  'sekretariat',
  'salto-koordinator',
  'admin',
]);
export type Role = z.infer<typeof RoleSchema>;

const id = z.string().min(1).max(200);
/** An instant, stored in UTC (ISO 8601 with Z or an offset); shown in the council's time zone. */
const instant = z.iso.datetime({ offset: true });

export const MemberSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  title: z.string().max(200).optional(),
  organisation: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
  upn: z.string().max(320).optional(),
  /** Entra object id (`from.aadObjectId` in Teams activities). */
  aadObjectId: z.string().max(100).optional(),
  roles: z.array(RoleSchema),
  /** Reporting units a SaLTo coordinator answers for. */
  unitIds: z.array(id).default([]),
  lang: LangSchema.optional(),
});
export type Member = z.infer<typeof MemberSchema>;

export const CouncilSchema = z.object({
  name: z.string().min(1),
  shortName: z.string().min(1),
  secretariat: z.string().min(1),
  website: z.string().optional(),
});
export type Council = z.infer<typeof CouncilSchema>;

/**
 * A numbered focus area of one period: the council's own innsatsområder for a year, or the
 * SaLTo programme's for its period. Both change with each period, so they are data.
 */
const PeriodFocusAreaSchema = z.object({
  id,
  period: z.string().min(1),
  number: z.number().int().positive(),
  title: z.string().min(1),
});

export const FocusAreaSchema = PeriodFocusAreaSchema;
export type FocusArea = z.infer<typeof FocusAreaSchema>;

/** Who answers for a follow-up point: one of the two parties, both, or the named owner alone. */
export const ResponsibleSchema = z.enum(['kommunen', 'politiet', 'begge', 'medlem']);
export type Responsible = z.infer<typeof ResponsibleSchema>;

export const FollowUpStatusSchema = z.enum(['åpen', 'pågår', 'fullført', 'avlyst']);
export type FollowUpStatus = z.infer<typeof FollowUpStatusSchema>;

/**
 * One line of a point's history: who, when, what they wrote, and what they changed (status or
 * due date). Entries are only ever appended, so two people updating at once both keep theirs.
 */
export const FollowUpEntrySchema = z.object({
  at: instant,
  byMemberId: id.optional(),
  text: z.string().max(4000),
  status: FollowUpStatusSchema.optional(),
  dueDate: z.iso.date().optional(),
  dueMeetingId: id.optional(),
  /** What the secretariat changed in the point itself (its deadline, when changed, is in `dueDate` or `dueMeetingId`). */
  edited: z.array(z.enum(['title', 'description', 'focusArea', 'responsible', 'owner', 'due', 'briefing'])).optional(),
});
export type FollowUpEntry = z.infer<typeof FollowUpEntrySchema>;

export const FollowUpSchema = z.object({
  id,
  title: z.string().min(1).max(500),
  description: z.string().max(4000).optional(),
  focusAreaId: id,
  responsible: ResponsibleSchema,
  ownerMemberId: id.optional(),
  /** Free text from the source ("i 2017") until the secretary sets a real date. */
  dueText: z.string().max(200).optional(),
  /** A calendar date in the council's time zone. */
  dueDate: z.iso.date().optional(),
  /** "Innen neste møte": due at that meeting's date, following it if the meeting moves. */
  dueMeetingId: id.optional(),
  /** "Politirådet orienteres …": the point becomes an agenda item of the meeting it is due at. */
  briefing: z.boolean(),
  /** The agenda item the point was made from; a confidential item keeps the point's title out of shared chats. */
  source: z.object({ meetingId: id, itemId: id }).optional(),
  status: FollowUpStatusSchema,
  history: z.array(FollowUpEntrySchema),
  /** Grows with every change, so a card made before someone else's change is recognised as stale. */
  revision: z.number().int().nonnegative().default(0),
  closedAt: instant.optional(),
  /** The request that created the point, so a resent or double-clicked "Lagre" makes it once. */
  requestKey: z.string().max(500).optional(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const SaltoFocusAreaSchema = PeriodFocusAreaSchema;
export type SaltoFocusArea = z.infer<typeof SaltoFocusAreaSchema>;

export const ReportingUnitSchema = z.object({
  id,
  name: z.string().min(1),
  kind: z.enum(['bydel', 'sentrum', 'etat']),
  /** No longer reports (e.g. merged into another unit): left out of new rounds, kept for old ones. */
  retired: z.boolean().default(false),
  /** Grows with every change, so a form made before someone else's change is recognised as stale. */
  revision: z.number().int().nonnegative().default(0),
});
export type ReportingUnit = z.infer<typeof ReportingUnitSchema>;

export const AttachmentSchema = z.object({ title: z.string().min(1).max(300), url: z.url({ protocol: /^https?$/ }) });
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AgendaItemSchema = z.object({
  id,
  title: z.string().min(1).max(300),
  presenters: z.array(z.string().max(200)),
  description: z.string().max(4000).optional(),
  attachments: z.array(AttachmentSchema),
  /** Unntatt offentlighet: never shown in a channel or group chat. */
  confidential: z.boolean(),
  /** The member whose accepted proposal this item came from. */
  proposedBy: id.optional(),
  /** The follow-up point this briefing item is for; the bot keeps such items in step with the point. */
  followUpId: id.optional(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const MeetingKindSchema = z.enum(['ordinært', 'seminar', 'ekstraordinært']);
export type MeetingKind = z.infer<typeof MeetingKindSchema>;
export const MeetingStatusSchema = z.enum(['planlagt', 'avlyst', 'avholdt']);

/** A member's answer on the agenda card; the latest answer replaces the earlier one. */
export const AttendanceSchema = z.object({
  memberId: id,
  answer: z.enum(['kommer', 'forfall']),
  substitute: z.string().max(200).optional(),
  reason: z.string().max(500).optional(),
  at: instant,
});
export type Attendance = z.infer<typeof AttendanceSchema>;

/** "Foreslå sak": a member's proposed item, waiting for the secretary. */
export const ProposalSchema = z.object({
  id,
  byMemberId: id,
  title: z.string().min(1).max(300),
  description: z.string().max(4000).optional(),
  status: z.enum(['foreslått', 'godtatt', 'avslått']),
  reason: z.string().max(500).optional(),
  at: instant,
  decidedAt: instant.optional(),
  decidedBy: id.optional(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

/**
 * The minutes (referat) of a meeting that has begun: who came, who sent apologies, and what was
 * said and decided under each agenda item, as the secretary wrote it.
 */
const MinutesTextSchema = z.object({
  present: z.string().max(2000).default(''),
  absent: z.string().max(2000).default(''),
  /** The text for each agenda item, by the item's id; an item with nothing written has none. */
  items: z.record(z.string(), z.string().max(4000)).default({}),
});
export type MinutesText = z.infer<typeof MinutesTextSchema>;

export const MinutesSchema = MinutesTextSchema.extend({
  /** Grows with every save, so a form made before someone else's save is recognised as stale. */
  revision: z.number().int().nonnegative().default(0),
  updatedAt: instant,
  updatedBy: id.optional(),
  /** When the minutes were last sent to the council, and the revision that was sent. */
  sentAt: instant.optional(),
  sentRevision: z.number().int().nonnegative().optional(),
  /**
   * The texts as they were last sent, which is what everyone but the secretariat reads until the
   * changes are sent too. Files from before it was kept have none: their current texts stand in.
   */
  sent: MinutesTextSchema.optional(),
});
export type Minutes = z.infer<typeof MinutesSchema>;

export const MeetingSchema = z.object({
  id,
  kind: MeetingKindSchema,
  title: z.string().max(300).optional(),
  start: instant,
  end: instant,
  place: z.string().max(300).optional(),
  onlineUrl: z.url({ protocol: /^https$/ }).optional(),
  status: MeetingStatusSchema,
  agenda: z.array(AgendaItemSchema),
  attendance: z.array(AttendanceSchema).default([]),
  proposals: z.array(ProposalSchema).default([]),
  /** Grows with every change a posted card shows, so posted cards know when they are stale. */
  revision: z.number().int().nonnegative().default(0),
  minutes: MinutesSchema.optional(),
  /** Answers given before this were for another day: a meeting moved to another day asks again. */
  answersFrom: instant.optional(),
  /**
   * When the agenda goes out by itself, for a meeting made or moved after its usual time
   * (`agendaLeadDays` before it) had passed, or sent at once by the secretary. At or after the
   * start it goes out only when the secretary sends it.
   */
  agendaSendAt: instant.optional(),
  /** When the agenda was first queued for posting, and when the reminder was. */
  agendaQueuedAt: instant.optional(),
  reminderQueuedAt: instant.optional(),
  /** What cancelling the meeting moved on, so that holding it after all can bring back what is still as it was left. */
  cancellation: z
    .object({
      at: instant,
      /** The next meeting, where the points, the round and the proposals went; without one the points became due by this meeting's day. */
      movedTo: id.optional(),
      pointIds: z.array(id).default([]),
      /** The SaLTo round, when it went on to `movedTo`. */
      roundId: id.optional(),
      /** Each waiting proposal's id here and on `movedTo`. */
      proposals: z.array(z.object({ from: id, to: id })).default([]),
    })
    .optional(),
});
export type Meeting = z.infer<typeof MeetingSchema>;
export type Cancellation = NonNullable<Meeting['cancellation']>;

/** A reporting round: the SaLTo units report to one meeting, by a deadline. */
export const SaltoRoundSchema = z.object({
  id,
  meetingId: id,
  /** The last day (in the council's zone) reports may be handed in or changed. */
  deadline: z.iso.date(),
  /** The focus areas and units as they were when the round opened. */
  focusAreaIds: z.array(id).min(1),
  unitIds: z.array(id).min(1),
  openedAt: instant,
  openedBy: id,
  /** Units the secretary has let change their report after the deadline (until they hand it in again). */
  unlockedUnitIds: z.array(id).default([]),
  /** When the secretary last moved the deadline: reminders then count from it, apart from those of the first. */
  deadlineChangedAt: instant.optional(),
});
export type SaltoRound = z.infer<typeof SaltoRoundSchema>;

/** Where a coordinator is in the form: a question's key, or the review before handing in. */
export const FormPositionSchema = z.union([z.object({ question: z.string().min(1).max(200) }), z.object({ review: z.literal(true) })]);

/** One unit's report in a round: every answer saved as soon as it is given. */
export const SaltoReportSchema = z.object({
  id,
  roundId: id,
  unitId: id,
  /** The coordinator who started it; a draft is theirs (and the secretariat's) alone. */
  authorMemberId: id,
  answers: z.record(z.string(), z.string().max(4000)),
  /** Optional questions the coordinator chose to skip. */
  skipped: z.array(z.string()).default([]),
  position: FormPositionSchema,
  /** Set while changing one answer from the review: the form goes back to the review after it. */
  returnToReview: z.boolean().default(false),
  status: z.enum(['utkast', 'levert']),
  startedAt: instant,
  updatedAt: instant,
  submittedAt: instant.optional(),
  /** An answer refused as too long, kept so nothing typed is lost. */
  refused: z.string().max(20000).optional(),
});
export type SaltoReport = z.infer<typeof SaltoReportSchema>;

/** Which report a coordinator is answering in chat right now; their next message is its answer. */
export const FormSessionSchema = z.object({ memberId: id, reportId: id, at: instant });

export const ConversationKindSchema = z.enum(['personal', 'groupChat', 'channel']);
export type ConversationKind = z.infer<typeof ConversationKindSchema>;

/**
 * Where the bot can speak later. `reference` is the platform's conversation reference, kept as
 * opaque JSON so the domain stays free of any chat SDK.
 */
export const ConversationRecordSchema = z.object({
  id,
  kind: ConversationKindSchema,
  tenantId: z.string().optional(),
  teamId: z.string().optional(),
  name: z.string().optional(),
  /** The member a personal chat belongs to, once known. */
  memberId: id.optional(),
  reference: z.record(z.string(), z.unknown()),
  installed: z.boolean(),
  welcomedAt: instant.optional(),
  firstSeenAt: instant,
  lastSeenAt: instant,
});
export type ConversationRecord = z.infer<typeof ConversationRecordSchema>;

export const DeliveryKindSchema = z.enum([
  'agenda',
  'reminder',
  'moved',
  'cancelled',
  /** To those told of a cancellation: the meeting is held after all. */
  'reinstated',
  /** To the proposer: what became of their proposal. */
  'decision',
  /** To the proposer: their proposal went on with its meeting's cancellation, or came back when the meeting was held after all. */
  'proposal-moved',
  /** To the secretariat: a member proposed an item for a meeting's agenda. */
  'proposal',
  'attendance-reminder',
  /** To the council's channel and members: a meeting's minutes, as made public. */
  'minutes',
  /** To the secretariat, some weeks before the last meeting planned: nothing is planned after it. */
  'year-plan-reminder',
  /** To the secretariat, some days after a meeting: its minutes have not been sent yet. */
  'minutes-reminder',
  /** To a point's owner: due soon, overdue, or to be briefed at a coming meeting. */
  'followup-due',
  'followup-overdue',
  'followup-briefing',
  /** To a point's owner when the secretariat makes them its owner; `note` is who did. */
  'followup-assigned',
  /** To a point's former owner when the secretariat gives it to someone else; `note` is who did. */
  'followup-unassigned',
  /** To a point's owner when someone else moves its deadline; `note` is who did. */
  'followup-rescheduled',
  /** To the secretariat with the agenda: what closed, what is overdue, what will be briefed. */
  'followup-summary',
  /** To SaLTo coordinators: a round has opened; reminders before and on the deadline. */
  'salto-invite',
  'salto-reminder',
  'salto-deadline',
  /** To SaLTo coordinators whose unit has not handed in: the secretary moved the deadline; `note` is the new one. */
  'salto-deadline-moved',
  /** To the secretariat: a coming meeting has SaLTo reporting on its agenda and no round has been opened for it. */
  'salto-round-missing',
  /** To the secretariat, the morning after a round's deadline: who handed in and who did not; `note` is the deadline. */
  'salto-round-summary',
]);
export type DeliveryKind = z.infer<typeof DeliveryKindSchema>;

/**
 * One proactive message to one conversation, written before it is sent (the outbox), so a
 * restart neither forgets nor repeats it. The notifier records how it went.
 */
export const DeliverySchema = z.object({
  id,
  kind: DeliveryKindSchema,
  /** The meeting the message is about; absent for a follow-up point's own reminders. */
  meetingId: id.optional(),
  followUpId: id.optional(),
  roundId: id.optional(),
  conversationId: id,
  /** The member the message is for; absent for the council's channel. */
  memberId: id.optional(),
  /** Extra text for the message (e.g. a decision's reason), as the user wrote it. */
  note: z.string().max(1000).optional(),
  status: z.enum(['pending', 'sent', 'failed', 'undeliverable']),
  attempts: z.number().int().nonnegative(),
  /** The activity id Teams gave the sent message; posted agenda cards are updated through it. */
  activityId: z.string().max(500).optional(),
  /** The meeting revision the sent card shows. */
  revision: z.number().int().nonnegative().optional(),
  error: z.string().max(500).optional(),
  createdAt: instant,
  sentAt: instant.optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const SettingsSchema = z.object({
  councilChannel: z
    .object({ conversationId: id, teamId: z.string().optional(), name: z.string().optional(), markedBy: id, markedAt: instant })
    .optional(),
  /** Key for signed links (calendar feed, downloads); made on first start and kept. */
  linkSecret: z.string().min(32).max(200).optional(),
});

export const DataSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  council: CouncilSchema,
  members: z.array(MemberSchema),
  focusAreas: z.array(FocusAreaSchema),
  followUps: z.array(FollowUpSchema),
  saltoFocusAreas: z.array(SaltoFocusAreaSchema),
  reportingUnits: z.array(ReportingUnitSchema),
  meetings: z.array(MeetingSchema),
  conversations: z.array(ConversationRecordSchema),
  deliveries: z.array(DeliverySchema).default([]),
  saltoRounds: z.array(SaltoRoundSchema).default([]),
  saltoReports: z.array(SaltoReportSchema).default([]),
  formSessions: z.array(FormSessionSchema).default([]),
  settings: SettingsSchema,
});
export type Data = z.infer<typeof DataSchema>;

/** Describes what is wrong with a parsed file, one short line per problem. */
export function describeIssues(error: z.ZodError, limit = 5): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}
