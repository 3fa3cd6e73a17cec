import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type InvokeResponse,
  type TeamsChannelData,
} from 'botbuilder';
import { fitCard } from '../cards/fit.js';
import type { Card } from '../cards/render.js';
import { renderWelcome } from '../cards/render.js';
import { markWelcomed, saveConversation, sightedConversation, type ConversationSighting } from '../domain/conversations.js';
import { catchUpAgendas } from '../domain/deliveries.js';
import { catchUpInvites } from '../domain/salto-rounds.js';
import { formatDateTime } from '../domain/dates.js';
import { nextMeeting } from '../domain/meetings.js';
import type { ConversationKind, Lang, Member } from '../domain/schema.js';
import type { SentFile } from '../files/shelf.js';
import { langFromLocale, messages, roleNames } from '../i18n/index.js';
import { Verb } from './actions/index.js';
import { shownName } from './commands/command.js';
import { COMMANDS, type Command } from './commands/index.js';
import { commandsFor } from './commands/visible.js';
import { IdentityResolver } from './identity.js';
import { RecentIds } from './recent-ids.js';
import { handleAction, handleFiles, handleText } from './router.js';
import type { BotDeps, Reply, Turn } from './turn.js';

export interface BotOptions {
  /** Entra tenants whose activities are served; empty serves every tenant. */
  allowedTenantIds: readonly string[];
}

/**
 * The Teams side of the bot, kept thin: it checks the tenant, records where it was reached,
 * finds the member, and hands a plain Turn to the routers.
 */
export class PolitiradBot extends TeamsActivityHandler {
  private readonly identity: IdentityResolver;
  /** Teams resends a request it got no answer to within 15 s; the resend carries the same id. */
  private readonly seen = new RecentIds(2000);

  constructor(
    private readonly deps: BotDeps,
    private readonly options: BotOptions,
  ) {
    super();
    this.identity = new IdentityResolver(deps);
    this.onMessage(async (context, next) => {
      await this.onUserMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.onInstalled(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.record(context, undefined, false);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botAdded) await this.onInstalled(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    this.deps.logger.debug({ activityId: activity.id, type: activity.type, locale: activity.locale, conversationType: activity.conversation?.conversationType }, 'activity');
    if (!this.tenantAllowed(activity)) {
      this.deps.logger.warn({ activityId: activity.id, tenantId: tenantOf(activity) }, 'activity from a tenant that is not allowed');
      if (activity.type === ActivityTypes.Message) {
        await context.sendActivity(plainText(messages(langFromLocale(activity.locale))['refusal.tenant']));
      }
      return;
    }
    if (activity.id && !this.seen.add(`${activity.conversation?.id}|${activity.id}`)) {
      this.deps.logger.info({ activityId: activity.id }, 'ignoring a resent activity');
      return;
    }
    await super.run(context);
  }

  private tenantAllowed(activity: Activity): boolean {
    const allowed = this.options.allowedTenantIds;
    if (allowed.length === 0) return true;
    const tenant = tenantOf(activity);
    return tenant !== undefined && allowed.includes(tenant);
  }

  private async onUserMessage(context: TurnContext): Promise<void> {
    const member = await this.identity.resolve(context);
    await this.record(context, member, true);
    const turn = this.turnFrom(context, member);
    const value: unknown = context.activity.value;
    if (turn.files && turn.files.length > 0) await handleFiles(turn, this.deps);
    else if (value !== null && typeof value === 'object' && !turn.text) await handleAction(turn, this.deps);
    else await handleText(turn, this.deps);
  }

  /**
   * Universal Actions: an Action.Execute arrives as an `adaptiveCard/action` invoke, and the card
   * the handler responds with replaces the card for this user only. Outside a personal chat,
   * texts go back in the invoke response (seen by this user) rather than into the shared thread.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const action = (context.activity.value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined)?.action;
    if (!action || action.type !== 'Action.Execute' || typeof action.verb !== 'string') {
      return { status: 200, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Not an Action.Execute' } } };
    }
    const member = await this.identity.resolve(context);
    await this.record(context, member, true);
    const data = action.data !== null && typeof action.data === 'object' ? action.data : {};
    let card: Card | undefined;
    const texts: string[] = [];
    const personal = whereOf(context.activity).kind === 'personal';
    const turn: Turn = {
      ...this.turnFrom(context, member),
      data: { ...data, verb: action.verb },
      respond: async (response) => {
        card = response;
      },
      reply: async (message) => {
        if (typeof message !== 'string') card = message.card;
        else if (personal) await context.sendActivity(plainText(message));
        else texts.push(message);
      },
    };
    await handleAction(turn, this.deps);
    const body = card
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: fitCard(card, turn.lang) }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: texts.join(' ') || messages(turn.lang)['problem.nothingChanged'] };
    return { status: 200, body };
  }

  private async onInstalled(context: TurnContext): Promise<void> {
    const member = await this.identity.resolve(context);
    const conversationId = await this.record(context, member, true);
    const welcomeDue = await this.deps.store.update((data) => markWelcomed(data, conversationId, this.deps.clock.now()));
    if (!welcomeDue) return;
    const turn = this.turnFrom(context, member);
    await turn.reply({ card: this.welcomeCard(turn) });
    if (member && turn.conversation.kind === 'personal') {
      const now = this.deps.clock.now();
      const queued = await this.deps.store.update((data) => [...catchUpAgendas(data, member.id, now), ...catchUpInvites(data, member.id, now, this.deps.timeZone)]);
      if (queued.length > 0) this.deps.notifier.kick();
    }
  }

  private welcomeCard(turn: Turn) {
    const m = messages(turn.lang);
    const { member } = turn;
    const status =
      turn.conversation.kind !== 'personal'
        ? m['welcome.channel']
        : member
          ? m['welcome.known']({ name: member.name, roles: roleNames(turn.lang, member.roles) })
          : m['welcome.unknown'];
    const next = nextMeeting(this.deps.store.read(), this.deps.clock.now());
    return renderWelcome({
      title: m['welcome.title'],
      intro: m['welcome.intro'],
      status,
      nextMeeting: next ? m['meeting.next']({ when: formatDateTime(next.start, this.deps.timeZone, turn.lang) }) : m['meeting.none'],
      youCan: m['welcome.youCan'],
      commands: this.welcomeCommands(turn).map((c) => ({ name: shownName(c, turn.lang), description: m[c.description] })),
      showHelp: m['welcome.showHelp'],
      verb: Verb.ShowHelp,
    });
  }

  /**
   * In a personal chat: everything this user may do. A channel or group chat welcome is read by
   * everyone there, so it lists only what everyone may do in that kind of conversation.
   */
  private welcomeCommands(turn: Turn): Command[] {
    const { kind } = turn.conversation;
    if (kind === 'personal') return commandsFor(turn.member, COMMANDS);
    const scope = kind === 'channel' ? 'team' : 'groupChat';
    return commandsFor(undefined, COMMANDS).filter((command) => command.scopes.includes(scope));
  }

  /** Saves where the bot was reached, so it can speak there later; returns the conversation id. */
  private async record(context: TurnContext, member: Member | undefined, installed: boolean): Promise<string> {
    const activity = context.activity;
    const where = whereOf(activity);
    const sighting: ConversationSighting = {
      id: where.id,
      kind: where.kind,
      tenantId: tenantOf(activity),
      teamId: where.teamId,
      name: where.name,
      memberId: where.kind === 'personal' ? member?.id : undefined,
      reference: referenceFor(activity, where.id),
      installed,
    };
    try {
      const record = sightedConversation(this.deps.store.read(), sighting, this.deps.clock.now());
      if (record) await this.deps.store.update((data) => saveConversation(data, record));
    } catch (error) {
      // Failing to note the conversation must not stop the user's own request from being served.
      this.deps.logger.warn({ err: error, activityId: activity.id }, 'could not save the conversation reference');
    }
    return where.id;
  }

  private turnFrom(context: TurnContext, member: Member | undefined): Turn {
    const activity = context.activity;
    const where = whereOf(activity);
    const lang = member?.lang ?? langFromLocale(activity.locale);
    return {
      activityId: activity.id,
      lang,
      user: { id: activity.from.id, name: activity.from.name, aadObjectId: activity.from.aadObjectId },
      member,
      conversation: where,
      text: activity.type === ActivityTypes.Message ? (TurnContext.removeRecipientMention(activity) ?? '').trim() : '',
      data: activity.value,
      files: sentFiles(activity),
      reply: async (message: Reply) => {
        await context.sendActivity(typeof message === 'string' ? plainText(message) : cardMessage(message.card, lang));
      },
      // An Action.Submit (or a command) has no card to replace in place, so the card is a reply.
      respond: async (card: Card) => {
        await context.sendActivity(cardMessage(card, lang));
      },
    };
  }
}

/**
 * What a later proactive message needs: the conversation (a channel's own id, not a thread's),
 * the service URL, the bot and the user. The id of the activity that happened to be sighted is
 * left out, so the saved reference changes only when the conversation does.
 */
function referenceFor(activity: Activity, conversationId: string): Record<string, unknown> {
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  return JSON.parse(JSON.stringify({ ...reference, conversation: { ...activity.conversation, id: conversationId } })) as Record<string, unknown>;
}

/** A card as a message, its long texts shortened if Teams would refuse it whole. */
function cardMessage(card: Card, lang: Lang): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(fitCard(card, lang)));
}

/** A file sent to the bot in personal chat arrives as this attachment, with a short-lived download link. */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

function sentFiles(activity: Activity): SentFile[] {
  if (activity.type !== ActivityTypes.Message || !Array.isArray(activity.attachments)) return [];
  return activity.attachments.flatMap((attachment: unknown) => {
    if (attachment === null || typeof attachment !== 'object') return [];
    const { contentType, name, content } = attachment as { contentType?: unknown; name?: unknown; content?: unknown };
    const downloadUrl = content !== null && typeof content === 'object' ? (content as { downloadUrl?: unknown }).downloadUrl : undefined;
    return contentType === FILE_DOWNLOAD_INFO && typeof name === 'string' && typeof downloadUrl === 'string' ? [{ name, downloadUrl }] : [];
  });
}

/** Text the bot sends is plain: anything a user typed and the bot repeats cannot become Markdown. */
function plainText(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'plain' };
}

function tenantOf(activity: Activity): string | undefined {
  const channelData = activity.channelData as TeamsChannelData | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/** A channel thread's id ends in ";messageid=…"; the channel itself is the part before it. */
function whereOf(activity: Activity): Turn['conversation'] {
  const channelData = activity.channelData as TeamsChannelData | undefined;
  const type = activity.conversation.conversationType;
  const kind: ConversationKind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  return {
    id: kind === 'channel' ? (activity.conversation.id.split(';')[0] ?? activity.conversation.id) : activity.conversation.id,
    kind,
    name: channelData?.channel?.name ?? activity.conversation.name ?? undefined,
    teamId: channelData?.team?.id ?? undefined,
  };
}
