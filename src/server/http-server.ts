import { createReadStream } from 'node:fs';
import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { FILE_PATH, type OpenedFile } from '../files/shelf.js';
import { DOCUMENT_PATH, type DocumentKind } from '../reports/links.js';
import type { TabAnswer, TabService } from '../tab/service.js';

/** What the server needs from the bot: something that handles one Bot Framework request. */
export interface MessageEndpoint {
  process(req: Request, res: Response): Promise<void>;
}

export interface HttpServerOptions {
  endpoint: MessageEndpoint;
  logger: Logger;
  health: () => Record<string, unknown>;
  /** The iCalendar feed for a member's signed link, or undefined when the link is not valid. */
  calendar?: (memberId: string, token: string) => string | undefined;
  /** A compiled report, a meeting's minutes or its follow-up list as a Word file for a signed, unexpired link, or undefined when the link is not valid. */
  document?: (kind: DocumentKind, id: string, expires: string, token: string) => Promise<{ file: Buffer; name: string } | undefined>;
  /** A file the secretariat attached to an agenda item, for its signed link, or undefined when the link is not valid. */
  file?: (id: string, name: string, token: string) => Promise<OpenedFile | undefined>;
  /** The personal tab: its page, files and JSON API. */
  tab?: TabService;
}

/**
 * The tab page may be framed by Teams (web, desktop and the Microsoft 365 hosts) and nothing
 * else, and loads nothing from elsewhere. Inline styles are allowed for the Adaptive Cards renderer.
 */
const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://outlook.office.com',
].join('; ');

/** Teams activities are at most a few hundred KB; anything larger is not from Teams. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The least an activity must have before the adapter sees it. Anything less is a client error
 * (400), so a malformed request never reaches a handler or the data file.
 */
const ActivityShape = z.object({
  type: z.string().min(1).max(100),
  id: z.string().max(1000).optional(),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.object({ id: z.string().min(1).max(1000) }),
  from: z.object({ id: z.string().min(1).max(1000) }),
  recipient: z.object({ id: z.string().min(1).max(1000) }),
  text: z.string().max(100_000).optional(),
  locale: z.string().max(100).optional(),
});

export interface HttpServer {
  listen(port: number, host: string): Promise<{ port: number }>;
  /** Stops accepting requests and resolves when every request in flight has been answered. */
  close(): Promise<void>;
  readonly server: Server;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { endpoint, logger } = options;
  const server = restify.createServer({ name: 'politiradsboten', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  let inFlight = 0;
  let drained: (() => void) | undefined;
  const settle = () => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  };

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', ...options.health() });
  });

  server.get('/kalender/:memberId/:file', async (req: Request, res: Response) => {
    const { memberId, file } = req.params as { memberId: string; file: string };
    const match = /^([A-Za-z0-9_-]{1,100})\.ics$/.exec(file);
    const feed = match && options.calendar ? options.calendar(memberId, match[1] as string) : undefined;
    if (feed === undefined) {
      // The same answer for an unknown member and a wrong signature: nothing to learn by guessing.
      res.send(404, { error: 'not found' });
      return;
    }
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('cache-control', 'private, max-age=300');
    res.sendRaw(200, feed);
  });

  for (const kind of Object.keys(DOCUMENT_PATH) as DocumentKind[]) {
    server.get(`/${DOCUMENT_PATH[kind]}/:id/:expires/:file`, async (req: Request, res: Response) => {
      const { id, expires, file } = req.params as { id: string; expires: string; file: string };
      const match = /^([A-Za-z0-9_-]{1,100})\.docx$/.exec(file);
      const document = match && options.document ? await options.document(kind, id, expires, match[1] as string) : undefined;
      if (!document) {
        // Tampered, expired and unknown links get the same answer.
        res.send(404, { error: 'not found' });
        return;
      }
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      res.setHeader('content-disposition', `attachment; filename="${document.name}"`);
      res.setHeader('cache-control', 'private, no-store');
      res.sendRaw(200, document.file);
    });
  }

  server.get(`/${FILE_PATH}/:id/:token/:name`, async (req: Request, res: Response) => {
    const { id, token, name } = req.params as { id: string; token: string; name: string };
    const file = options.file ? await options.file(id, name, token) : undefined;
    if (!file) {
      // Tampered links and files not kept get the same answer.
      res.send(404, { error: 'not found' });
      return;
    }
    // Never run as a page: a file is shown only when it is a PDF or a picture, and never sniffed.
    const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': file.size,
      'content-disposition': `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=3600',
    });
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file.path);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      // Sent, or the reader went away halfway.
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  });

  const tab = options.tab;
  if (tab) {
    const answer = (res: Response, result: TabAnswer) => {
      res.setHeader('cache-control', 'no-store');
      res.send(result.status, result.body);
    };
    server.get('/tab', async (_req: Request, res: Response) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', TAB_CSP);
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('cache-control', 'no-cache');
      res.sendRaw(200, tab.page());
    });
    server.get('/tab/:file', async (req: Request, res: Response) => {
      const asset = tab.asset(String((req.params as { file?: unknown }).file));
      if (!asset) {
        res.send(404, { error: 'not found' });
        return;
      }
      res.setHeader('content-type', asset.type);
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('cache-control', 'no-cache');
      res.sendRaw(200, asset.body);
    });
    server.get('/api/tab/overview', async (req: Request, res: Response) => {
      const locale = typeof req.query === 'object' && req.query !== null ? (req.query as Record<string, unknown>)['locale'] : undefined;
      answer(res, await tab.overview(req.header('authorization'), typeof locale === 'string' ? locale.slice(0, 20) : undefined));
    });
    const development = tab.development;
    if (development) {
      server.get('/api/tab/dev/members', async (_req: Request, res: Response) => answer(res, development.members()));
      server.post('/api/tab/dev/sign-in', async (req: Request, res: Response) => {
        const body: unknown = req.body;
        answer(res, await development.signIn(typeof body === 'object' && body !== null ? (body as { memberId?: unknown }).memberId : undefined));
      });
    }
  }

  server.post('/api/messages', async (req: Request, res: Response) => {
    const shape = ActivityShape.safeParse(req.body);
    if (!shape.success) {
      const problem = shape.error.issues[0];
      res.send(400, { error: 'invalid activity', detail: problem ? `${problem.path.join('.')}: ${problem.message}` : undefined });
      return;
    }
    inFlight += 1;
    try {
      await endpoint.process(req, res);
    } catch (error) {
      logger.error({ err: error, activityId: shape.data.id }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      settle();
    }
  });

  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number }, next: (err?: unknown) => void) => {
    // Malformed JSON and oversized bodies are answered by restify itself with 400/413.
    logger.info({ status: error.statusCode, path: req.path(), message: error.message }, 'request refused');
    return next();
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          const address = server.address();
          resolve({ port: address.port });
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close();
        if (inFlight === 0) resolve();
        else drained = resolve;
      }),
  };
}
