// The baseline: a bare Bot Framework echo bot on the same adapter (with the same settings) and
// the same HTTP server as the real bot, from dist/. The benchmark bundles it as the bot is bundled
// and runs it with npm start's Node flags. It reads nothing and stores nothing.
//
// With REPLIES_FILE it is the second baseline: a text it has a recorded reply for is answered with
// that reply, the real bot's own answer to it (its Adaptive Card), recorded by the benchmark. So
// the cost of sending the bot's message can be told from the cost of making it.
import { readFileSync } from 'node:fs';
import { createAdapter } from '../dist/bot/adapter.js';
import { loadConfig } from '../dist/config.js';
import { createLogger } from '../dist/logger.js';
import { createHttpServer } from '../dist/server/http-server.js';

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel);
const adapter = createAdapter(config, logger);
/** Incoming text → the activities the bot answered it with. */
const replies = new Map(process.env.REPLIES_FILE ? Object.entries(JSON.parse(readFileSync(process.env.REPLIES_FILE, 'utf8'))) : []);
const http = createHttpServer({
  logger,
  health: () => ({ mode: 'echo' }),
  endpoint: {
    process: (req, res) =>
      adapter.process(req, res, async (context) => {
        if (context.activity.type !== 'message') return;
        const recorded = replies.get(context.activity.text ?? '');
        // A shallow copy each turn: the adapter fills in the addresses on the activity it is given.
        if (recorded) await context.sendActivities(recorded.map((activity) => ({ ...activity })));
        else await context.sendActivity(context.activity.text ?? '');
      }),
  },
});
const { port } = await http.listen(config.port, config.host);
logger.info({ port }, `Listening on http://${config.host}:${port}/api/messages`);
process.once('SIGTERM', () => http.close().then(() => process.exit(0)));
