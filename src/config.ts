import path from 'node:path';
import { z } from 'zod';
import { isValidTimeZone } from './domain/dates.js';
import { PROJECT_ROOT } from './paths.js';
import { StartupError } from './startup-error.js';

/**
 * Every setting the bot reads, in one place. Names follow the Bot Framework's own
 * (MicrosoftAppId …) where they exist, so an Azure App Service configured for any bot works.
 */
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const EnvSchema = z.object({
  /** Port for POST /api/messages and GET /healthz. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Interface to listen on; 0.0.0.0 in a container, 127.0.0.1 to stay local. */
  HOST: z.string().default('0.0.0.0'),
  /** The JSON database. Created from SEED_FILE when it does not exist. */
  DATA_FILE: z.string().min(1).default('data/politirad.json'),
  /** Where files the secretariat sends the bot for agenda items are kept. Empty: `vedlegg` beside DATA_FILE. */
  FILES_DIR: optionalText,
  /** The largest file (in MB) the bot takes for an agenda item. */
  FILE_MAX_MB: z.coerce.number().int().min(1).max(250).default(25),
  /** Seed imported when DATA_FILE does not exist. */
  SEED_FILE: z.string().min(1).default(path.join(PROJECT_ROOT, 'src/seed/demo-seed.json')),
  /** The bot's Entra app (client) id. Empty: local mode, no authentication. */
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: optionalText,
  /** Comma-separated Entra tenant ids whose users may use the bot; empty allows every tenant. */
  ALLOWED_TENANT_IDS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  /** The council's time zone for showing and reading dates. */
  TZ_NAME: z.string().default('Europe/Oslo').refine(isValidTimeZone, 'is not a known IANA time zone'),
  /** The Teams app's own id (a GUID, the manifest's `id`): for `npm run package` and the tab's "open in Teams" link. */
  TEAMS_APP_ID: optionalText.pipe(z.guid().optional()),
  /** Entra's signing keys for checking the tab's single sign-on tokens. Change only to test. */
  ENTRA_JWKS_URL: z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  /** Where the bot is reachable from outside, e.g. https://politirad.example.no (for links). */
  PUBLIC_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Whole days before a meeting that its agenda is posted. */
  AGENDA_LEAD_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  /** Whole days before a meeting that the reminder is posted. */
  REMINDER_LEAD_DAYS: z.coerce.number().int().min(0).max(30).default(1),
  /** Time of day (HH:mm, in TZ_NAME) the agenda and the reminder go out. */
  SEND_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm').default('09:00'),
  /** Whole days before a follow-up point's due date (or the meeting it is briefed at) that its owner is reminded. */
  FOLLOW_UP_NOTICE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** Whole days before a SaLTo round's deadline that units which have not reported are reminded (and again on the day). */
  SALTO_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** Whole days before a meeting with SaLTo reporting on its agenda that the secretariat is reminded to open its round, if not yet opened. */
  SALTO_ROUND_LEAD_DAYS: z.coerce.number().int().min(1).max(120).default(28),
  /** Whole days after a meeting that the secretariat is reminded of minutes not yet sent to the council. */
  MINUTES_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** Hours a download link for a compiled SaLTo report stays valid. */
  REPORT_LINK_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /** How often (ms) the bot looks for agendas and reminders that are due. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export interface Config {
  port: number;
  host: string;
  dataFile: string;
  /** Files kept for agenda items, and the largest taken. */
  files: { dir: string; maxBytes: number };
  seedFile: string;
  timeZone: string;
  publicBaseUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** When agendas and reminders go out. */
  dispatch: { agendaLeadDays: number; reminderLeadDays: number; sendTime: string; followUpNoticeDays: number; saltoReminderDays: number; saltoRoundLeadDays: number; minutesReminderDays: number };
  /** How long a signed report download link is valid. */
  reportLinkHours: number;
  schedulerIntervalMs: number;
  production: boolean;
  allowedTenantIds: string[];
  /** The personal tab: the Teams app id and where Entra's signing keys are. */
  tab: { teamsAppId: string | undefined; jwksUrl: string };
  /** Undefined in local mode: anonymous requests from a local client, as the Bot Framework allows. */
  auth:
    | { appId: string; appPassword: string | undefined; appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI'; tenantId: string | undefined }
    | undefined;
}

/** Reads the environment once; throws a StartupError with one line per problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new StartupError(parsed.error.issues.map((issue) => `Configuration: ${issue.path.join('.')} ${issue.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (e.MicrosoftAppId) {
    if (e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
      problems.push('Configuration: MicrosoftAppPassword is required when MicrosoftAppId is set');
    }
    if (e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
      problems.push(`Configuration: MicrosoftAppTenantId is required for MicrosoftAppType=${e.MicrosoftAppType}`);
    }
  } else if (production) {
    problems.push('Configuration: MicrosoftAppId is required when NODE_ENV=production (local mode accepts unauthenticated requests)');
  }
  if (e.REMINDER_LEAD_DAYS >= e.AGENDA_LEAD_DAYS) problems.push('Configuration: REMINDER_LEAD_DAYS must be less than AGENDA_LEAD_DAYS');
  if (production && !e.PUBLIC_BASE_URL) problems.push('Configuration: PUBLIC_BASE_URL is required when NODE_ENV=production');
  if (problems.length > 0) throw new StartupError(problems);

  return {
    port: e.PORT,
    host: e.HOST,
    dataFile: path.resolve(e.DATA_FILE),
    files: { dir: path.resolve(e.FILES_DIR ?? path.join(path.dirname(e.DATA_FILE), 'vedlegg')), maxBytes: e.FILE_MAX_MB * 1024 * 1024 },
    seedFile: path.resolve(e.SEED_FILE),
    timeZone: e.TZ_NAME,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    logLevel: e.LOG_LEVEL,
    dispatch: { agendaLeadDays: e.AGENDA_LEAD_DAYS, reminderLeadDays: e.REMINDER_LEAD_DAYS, sendTime: e.SEND_TIME, followUpNoticeDays: e.FOLLOW_UP_NOTICE_DAYS, saltoReminderDays: e.SALTO_REMINDER_DAYS, saltoRoundLeadDays: e.SALTO_ROUND_LEAD_DAYS, minutesReminderDays: e.MINUTES_REMINDER_DAYS },
    reportLinkHours: e.REPORT_LINK_HOURS,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    production,
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    tab: { teamsAppId: e.TEAMS_APP_ID, jwksUrl: e.ENTRA_JWKS_URL },
    auth: e.MicrosoftAppId
      ? { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId }
      : undefined,
  };
}
