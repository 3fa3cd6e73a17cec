// The baseline: a bare Bot Framework echo bot on the same adapter (with the same settings) and
// the same HTTP server as the real bot, from dist/. The benchmark bundles it as the bot is bundled
// and runs it with npm start's Node flags. It reads nothing and stores nothing.
import { createAdapter } from '../dist/bot/adapter.js';
import { loadConfig } from '../dist/config.js';
import { createLogger } from '../dist/logger.js';
import { createHttpServer } from '../dist/server/http-server.js';

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel);
const adapter = createAdapter(config, logger);
const http = createHttpServer({
  logger,
  health: () => ({ mode: 'echo' }),
  endpoint: {
    process: (req, res) =>
      adapter.process(req, res, async (context) => {
        if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
      }),
  },
});
const { port } = await http.listen(config.port, config.host);
logger.info({ port }, `Listening on http://${config.host}:${port}/api/messages`);
process.once('SIGTERM', () => http.close().then(() => process.exit(0)));
