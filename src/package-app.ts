import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppPackage, packageSettings, PackageRefused } from './teams-app/app-package.js';

/**
 * `npm run package`: writes the Teams app package (a zip to upload in Teams or the Teams admin
 * center) with the app id, bot id and domain taken from the environment, as the server reads them.
 * `--out <file>` chooses where; the default is build/politiradet-teams-app.zip.
 */
async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--out');
  const out = path.resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : 'build/politiradet-teams-app.zip');
  try {
    const settings = packageSettings(process.env);
    const { zip } = await buildAppPackage(settings);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, zip);
    console.log(`Wrote ${out} (app ${settings.teamsAppId}, bot ${settings.botId}, domain ${settings.domain}, version ${settings.version}).`);
    console.log('Upload it in Teams (Apps → Manage your apps → Upload an app) or in the Teams admin center.');
    return 0;
  } catch (error) {
    if (error instanceof PackageRefused) {
      console.error(error.message);
      console.error('Set the values in the environment, e.g. TEAMS_APP_ID=… MicrosoftAppId=… PUBLIC_BASE_URL=https://… npm run package');
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
