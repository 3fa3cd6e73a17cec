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

export const ResponsibleSchema = z.enum(['kommunen', 'politiet', 'begge']);

export const FollowUpStatusSchema = z.enum(['åpen', 'pågår', 'fullført', 'avlyst']);

export const FollowUpSchema = z.object({
  id,
  title: z.string().min(1).max(500),
  description: z.string().max(4000).optional(),
  focusAreaId: id,
  responsible: ResponsibleSchema,
  ownerMemberId: id.optional(),
  /** Free text from the source ("i 2017") until the secretary sets a real date. */
  dueText: z.string().max(200).optional(),
  dueDate: z.iso.date().optional(),
  /** "Politirådet orienteres …": the point becomes an agenda item when due. */
  briefing: z.boolean(),
  status: FollowUpStatusSchema,
  history: z.array(
    z.object({ at: instant, byMemberId: id.optional(), text: z.string().max(4000) }),
  ),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const SaltoFocusAreaSchema = PeriodFocusAreaSchema;
export type SaltoFocusArea = z.infer<typeof SaltoFocusAreaSchema>;

export const ReportingUnitSchema = z.object({
  id,
  name: z.string().min(1),
  kind: z.enum(['bydel', 'sentrum', 'etat']),
});
export type ReportingUnit = z.infer<typeof ReportingUnitSchema>;

export const AgendaItemSchema = z.object({
  id,
  title: z.string().min(1).max(300),
  presenters: z.array(z.string().max(200)),
  description: z.string().max(4000).optional(),
  attachments: z.array(z.object({ title: z.string().max(300), url: z.url() })),
  /** Unntatt offentlighet: never shown in a channel or group chat. */
  confidential: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const MeetingSchema = z.object({
  id,
  kind: z.enum(['ordinært', 'seminar', 'ekstraordinært']),
  title: z.string().max(300).optional(),
  start: instant,
  end: instant,
  place: z.string().max(300).optional(),
  onlineUrl: z.url().optional(),
  status: z.enum(['planlagt', 'avlyst', 'avholdt']),
  agenda: z.array(AgendaItemSchema),
});
export type Meeting = z.infer<typeof MeetingSchema>;

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

export const SettingsSchema = z.object({
  councilChannel: z
    .object({ conversationId: id, teamId: z.string().optional(), name: z.string().optional(), markedBy: id, markedAt: instant })
    .optional(),
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
  settings: SettingsSchema,
});
export type Data = z.infer<typeof DataSchema>;

/** Describes what is wrong with a parsed file, one short line per problem. */
export function describeIssues(error: z.ZodError, limit = 5): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}
