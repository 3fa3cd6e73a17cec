import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Data } from '../domain/schema.js';

/**
 * Files the secretariat sends the bot in personal chat, kept for the council's agenda items.
 * Teams keeps a file sent to a bot in the sender's OneDrive, where the council cannot open it,
 * and hands the bot a short-lived download link; the bot fetches the file at once and keeps it
 * here, named by its content's SHA-256, so a file sent twice is kept once. The council opens it by
 * a link signed with the bot's link key, which names the file and its name.
 */

/** A file as Teams hands it to the bot: its name and where to fetch it for a short while. */
export interface SentFile {
  name: string;
  downloadUrl: string;
}

export interface KeptFile {
  id: string;
  name: string;
  size: number;
}

export type KeepResult = KeptFile | { problem: 'too-large'; limitMb: number } | { problem: 'unreachable' };

export interface OpenedFile {
  path: string;
  size: number;
  type: string;
  /** Shown in the browser (PDF, pictures) rather than saved. */
  inline: boolean;
}

export interface FileShelf {
  /** Fetches a sent file and keeps it, or says why it could not. */
  keep(file: SentFile): Promise<KeepResult>;
  has(id: string): Promise<boolean>;
  /** Whether the bot has a public address to link files by. */
  linkable(): boolean;
  /** The signed link the council opens a kept file by; undefined without a public address. */
  url(id: string, name: string): string | undefined;
  /** A kept file for a signed link; undefined for a tampered link or a file not kept. */
  open(id: string, name: string, token: string): Promise<OpenedFile | undefined>;
  /**
   * Deletes the files kept before `before` that no agenda item links to (never attached, or taken
   * off the item since), and what an interrupted download left. `linked` is asked again just
   * before each deletion, so a file attached meanwhile stays. Returns the ids deleted.
   */
  prune(linked: () => ReadonlySet<string>, before: Date): Promise<string[]>;
}

/** The kept files some agenda item links to. */
export function linkedFileIds(data: Readonly<Data>): Set<string> {
  const ids = new Set<string>();
  const link = new RegExp(`/${FILE_PATH}/([0-9a-f]{64})/`);
  for (const meeting of data.meetings) {
    for (const item of meeting.agenda) {
      for (const attachment of item.attachments) {
        const id = link.exec(attachment.url)?.[1];
        if (id) ids.add(id);
      }
    }
  }
  return ids;
}

export interface ShelfOptions {
  dir: string;
  maxBytes: number;
  /** The link key (settings.linkSecret). */
  secret: () => string;
  baseUrl: () => string | undefined;
  /** How long a download may take: Teams sends a message again when the bot has not answered in 15 seconds. */
  timeoutMs?: number;
}

const ID = /^[0-9a-f]{64}$/;
export const FILE_PATH = 'vedlegg';

/** A name that is safe in a path segment and a header: no slashes or control characters, at most 200 characters. */
export function fileName(name: string): string {
  const clean = [...name].map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '/' || c === '\\' ? '_' : c)).join('').trim().slice(-200);
  return clean === '' || clean === '.' || clean === '..' ? 'vedlegg' : clean;
}

export function fileToken(secret: string, id: string, name: string): string {
  return createHmac('sha256', secret).update(`${FILE_PATH}:${id}:${name}`).digest('base64url').slice(0, 43);
}

/** Teams' download links are https; plain http only to this machine (the local connector stub and Playground). */
export function mayFetch(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return true;
    return parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}

const TYPES: Record<string, { type: string; inline: boolean }> = {
  pdf: { type: 'application/pdf', inline: true },
  png: { type: 'image/png', inline: true },
  jpg: { type: 'image/jpeg', inline: true },
  jpeg: { type: 'image/jpeg', inline: true },
  gif: { type: 'image/gif', inline: true },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', inline: false },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', inline: false },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', inline: false },
  doc: { type: 'application/msword', inline: false },
  ppt: { type: 'application/vnd.ms-powerpoint', inline: false },
  xls: { type: 'application/vnd.ms-excel', inline: false },
  txt: { type: 'text/plain; charset=utf-8', inline: false },
  csv: { type: 'text/csv; charset=utf-8', inline: false },
};

/** The type a file is served as, from its name; anything else is a download of bytes. */
export function fileType(name: string): { type: string; inline: boolean } {
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return TYPES[extension] ?? { type: 'application/octet-stream', inline: false };
}

export function fileShelf(options: ShelfOptions): FileShelf {
  const { dir, maxBytes } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const tooLarge = { problem: 'too-large', limitMb: Math.round(maxBytes / 1024 / 1024) } as const;
  const pathOf = (id: string) => path.join(dir, id);
  const exists = async (id: string) => ID.test(id) && (await fs.stat(pathOf(id)).catch(() => undefined))?.isFile() === true;

  return {
    async keep(file) {
      if (!mayFetch(file.downloadUrl)) return { problem: 'unreachable' };
      const name = fileName(file.name);
      await fs.mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.incoming-${randomBytes(8).toString('hex')}`);
      try {
        const response = await fetch(file.downloadUrl, { signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok || !response.body) return { problem: 'unreachable' };
        if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
          await response.body.cancel();
          return tooLarge;
        }
        const hash = createHash('sha256');
        const handle = await fs.open(temp, 'w');
        let size = 0;
        try {
          for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
            size += chunk.byteLength;
            if (size > maxBytes) return tooLarge;
            hash.update(chunk);
            await handle.write(chunk);
          }
          await handle.sync();
        } finally {
          await handle.close();
        }
        const id = hash.digest('hex');
        await fs.rename(temp, pathOf(id));
        return { id, name, size };
      } catch {
        return { problem: 'unreachable' };
      } finally {
        await fs.rm(temp, { force: true });
      }
    },
    has: exists,
    linkable: () => options.baseUrl() !== undefined,
    url(id, name) {
      const base = options.baseUrl();
      const clean = fileName(name);
      return base ? `${base.replace(/\/+$/, '')}/${FILE_PATH}/${id}/${fileToken(options.secret(), id, clean)}/${encodeURIComponent(clean)}` : undefined;
    },
    async prune(linked, before) {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      const deleted: string[] = [];
      const first = linked();
      for (const name of names) {
        if (!ID.test(name) && !name.startsWith('.incoming-')) continue;
        if (first.has(name)) continue;
        const stat = await fs.stat(pathOf(name)).catch(() => undefined);
        if (!stat?.isFile() || stat.mtime >= before || linked().has(name)) continue;
        await fs.rm(pathOf(name), { force: true });
        if (ID.test(name)) deleted.push(name);
      }
      return deleted;
    },
    async open(id, name, token) {
      if (!ID.test(id)) return undefined;
      const expected = Buffer.from(fileToken(options.secret(), id, name));
      const given = Buffer.from(token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const stat = await fs.stat(pathOf(id)).catch(() => undefined);
      return stat?.isFile() ? { path: pathOf(id), size: stat.size, ...fileType(name) } : undefined;
    },
  };
}
