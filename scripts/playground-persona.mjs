// The Agents Playground reads .m365agentsplayground.yml from its working folder. To play another
// demo user, copy the committed file with that user as the current user into a fresh folder.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

/** Demo personas and their ids in .m365agentsplayground.yml (members of the demo seed). */
export const PERSONAS = {
  sekretariat: 'user-kari',
  medlem: 'user-ola',
  koordinator: 'user-aisha',
  leder: 'user-ingrid',
  nestleder: 'user-tor',
  observator: 'user-marianne',
};

/** Returns the folder to start the Playground in for this persona. */
export function playgroundFolder(root, persona) {
  if (!(persona in PERSONAS)) throw new Error(`unknown persona "${persona}"; use one of: ${Object.keys(PERSONAS).join(', ')}`);
  if (persona === 'sekretariat') return root;
  const config = YAML.parse(readFileSync(path.join(root, '.m365agentsplayground.yml'), 'utf8'));
  const index = config.users.findIndex((user) => user.id === PERSONAS[persona]);
  [config.currentUser, config.users[index]] = [config.users[index], config.currentUser];
  const folder = mkdtempSync(path.join(tmpdir(), 'politirad-playground-'));
  writeFileSync(path.join(folder, '.m365agentsplayground.yml'), YAML.stringify(config));
  return folder;
}
