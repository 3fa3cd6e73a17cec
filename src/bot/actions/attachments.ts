import { z } from 'zod';
import type { Card } from '../../cards/render.js';
import { renderCard } from '../../cards/render.js';
import { attachToItem, takesAttachments } from '../../domain/agenda.js';
import { formatDate } from '../../domain/dates.js';
import { comingMeetings } from '../../domain/meetings.js';
import { previousMeeting } from '../../domain/named-meetings.js';
import { SECRETARIAT } from '../../domain/roles.js';
import type { Data, Lang } from '../../domain/schema.js';
import { FILE_PATH, fileName, type KeptFile } from '../../files/shelf.js';
import { messages } from '../../i18n/index.js';
import { attempt, refuseTooLong } from '../meetings/handling.js';
import { meetingName } from '../meetings/views.js';
import type { BotDeps, Turn } from '../turn.js';
import { defineAction, field } from './card-action.js';
import { Verb } from './verbs.js';

/** At most this many files of one message are taken; Teams lets a user send ten. */
const MAX_FILES = 5;
/** The coming meetings whose items a file may go to (besides the last one held, for its minutes). */
const MEETINGS_SHOWN = 3;

/**
 * Files the secretariat sends in personal chat: each is fetched and kept at once (Teams' link to
 * it lasts a short while), then offered on a card for an item of a coming meeting.
 */
export async function receiveFiles(turn: Turn, deps: BotDeps): Promise<void> {
  const m = messages(turn.lang);
  const files = turn.files ?? [];
  if (turn.conversation.kind !== 'personal') return turn.reply(m['files.personalOnly']);
  const shelf = deps.files;
  if (!shelf?.linkable()) return turn.reply(m['files.unavailable']);
  if (targets(deps.store.read(), viewOf(turn, deps)).length === 0) return turn.reply(m['files.noMeeting']);
  if (files.length > MAX_FILES) await turn.reply(m['files.tooMany']({ count: files.length, limit: MAX_FILES }));
  const caption = turn.text.startsWith('/') ? '' : turn.text;
  for (const file of files.slice(0, MAX_FILES)) {
    const kept = await shelf.keep(file);
    if ('problem' in kept) {
      deps.logger.info({ activityId: turn.activityId, problem: kept.problem }, 'a sent file was not kept');
      // The name as it would be kept: a name of any length may come, and the answer must fit a message.
      const name = fileName(file.name);
      await turn.reply(kept.problem === 'too-large' ? m['files.tooLarge']({ name, limit: kept.limitMb }) : m['files.unreachable']({ name }));
      continue;
    }
    const title = files.length === 1 && caption ? caption.slice(0, 300) : kept.name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
    await turn.reply({ card: fileCard(deps.store.read(), kept, viewOf(turn, deps), { target: '', title }) });
  }
}

/**
 * Items of the last meeting held while its minutes are being written, then of the next few
 * meetings, as "Sak 4: Byutvikling (10. desember 2026)".
 */
function targets(data: Readonly<Data>, view: FileView): { title: string; value: string }[] {
  const { lang, timeZone } = view;
  const m = messages(lang);
  const held = previousMeeting(data, view.now);
  const meetings = [...(held && takesAttachments(held, view.now) ? [held] : []), ...comingMeetings(data, view.now).slice(0, MEETINGS_SHOWN)];
  return meetings.flatMap((meeting) => {
    const date = formatDate(meeting.start, timeZone, lang);
    const when = meeting === held ? m['files.forMinutes']({ date }) : date;
    return meeting.agenda.map((item, index) => ({ title: m['files.choice']({ number: index + 1, item: item.title, date: when }), value: `${meeting.id}#${item.id}` }));
  });
}

export interface FileView {
  lang: Lang;
  timeZone: string;
  now: Date;
}

const viewOf = (turn: Turn, deps: BotDeps): FileView => ({ lang: turn.lang, timeZone: deps.timeZone, now: deps.clock.now() });

/** The card for a kept file: which item to attach it to, its title, and where it is attached already. */
export function fileCard(data: Readonly<Data>, file: KeptFile, view: FileView, values: { target: string; title: string }, problem = ''): Card {
  const { lang } = view;
  const m = messages(lang);
  const marker = `/${FILE_PATH}/${file.id}/`;
  const attached = data.meetings.flatMap((meeting) =>
    meeting.agenda.flatMap((item, index) => (item.attachments.some((a) => a.url.includes(marker)) ? [m['files.attachedTo']({ number: index + 1, item: item.title, meeting: meetingName(meeting, lang, view.timeZone) })] : [])),
  );
  return renderCard('file-attach', {
    headline: m['files.headline'],
    file: m['files.file']({ name: file.name, size: sizeText(file.size, lang) }),
    attached: attached.length > 0 ? m['files.attached']({ where: attached.join('; ') }) : '',
    problem,
    targets: targets(data, view),
    values,
    attach: { verb: Verb.FileAttach, fileId: file.id, name: file.name, size: file.size },
    labels: { target: m['files.target'], targetError: m['files.targetError'], title: m['files.title'], titleError: m['files.titleError'], attach: m['files.attach'] },
  });
}

function sizeText(bytes: number, lang: Lang): string {
  const format = (n: number) => n.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${format(bytes / 1024 / 1024)} MB` : `${format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

export const fileAttachAction = defineAction({
  verb: Verb.FileAttach,
  role: SECRETARIAT,
  schema: z.object({
    verb: z.literal(Verb.FileAttach),
    fileId: z.string().regex(/^[0-9a-f]{64}$/),
    name: z.string().min(1).max(200),
    size: z.coerce.number().int().nonnegative(),
    target: z.string().max(500).default(''),
    attachmentTitle: field.typed.default(''),
  }),
  async handle(turn, data, deps) {
    const m = messages(turn.lang);
    const file = { id: data.fileId, name: data.name, size: data.size };
    const values = { target: data.target, title: data.attachmentTitle };
    const again = async (problem: string) => turn.respond(fileCard(deps.store.read(), file, viewOf(turn, deps), values, problem));
    if (await refuseTooLong(turn, [[m['files.title'], data.attachmentTitle, 300]])) return;
    const url = deps.files?.url(data.fileId, data.name);
    if (!deps.files || !url) return turn.reply(m['files.unavailable']);
    if (!(await deps.files.has(data.fileId))) return turn.reply(m['files.gone']({ name: data.name }));
    const [meetingId = '', itemId = ''] = data.target.split('#');
    if (!meetingId || !itemId) return again(m['files.targetError']);
    const now = deps.clock.now();
    const done = await attempt(turn, deps, () => deps.store.update((draft) => attachToItem(draft, meetingId, itemId, { title: data.attachmentTitle, url }, now)), again);
    if (!done) return;
    // Cards already posted show the item's attachments; the notifier updates them.
    if (done.added) deps.notifier.kick();
    const meeting = deps.store.read().meetings.find((mt) => mt.id === meetingId);
    const where = { title: data.attachmentTitle.trim(), number: done.number, item: done.item.title, meeting: meeting ? meetingName(meeting, turn.lang, deps.timeZone) : '' };
    await turn.reply(m[done.added ? 'files.done' : 'files.already'](where));
    await turn.respond(fileCard(deps.store.read(), file, viewOf(turn, deps), { target: '', title: values.title }));
  },
});
