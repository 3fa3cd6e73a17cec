import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { CARDS_DIR } from '../paths.js';

/** An Adaptive Card as JSON, ready to attach to a message. */
export type Card = Record<string, unknown>;

export interface WelcomeCardModel {
  title: string;
  intro: string;
  status: string;
  nextMeeting: string;
  youCan: string;
  commands: { name: string; description: string }[];
  showHelp: string;
  verb: string;
}

export interface HelpCardModel {
  title: string;
  commands: { name: string; description: string; aliases: string }[];
  hint: string;
}

export interface MeCardModel {
  title: string;
  rows: { label: string; value: string }[];
}

interface Templates {
  welcome: WelcomeCardModel;
  help: HelpCardModel;
  me: MeCardModel;
}
export type TemplateName = keyof Templates;

const cache = new Map<TemplateName, ACData.Template>();

function template(name: TemplateName): ACData.Template {
  let loaded = cache.get(name);
  if (!loaded) {
    loaded = new ACData.Template(JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    cache.set(name, loaded);
  }
  return loaded;
}

/**
 * Fills a template with data. Everything a user typed arrives as data and is only ever bound
 * to `text` properties (of TextRun where it may hold Markdown), never spliced into the JSON.
 */
export function renderCard<N extends TemplateName>(name: N, model: Templates[N]): Card {
  return template(name).expand({ $root: model }) as Card;
}

export const renderWelcome = (model: WelcomeCardModel) => renderCard('welcome', model);
export const renderHelp = (model: HelpCardModel) => renderCard('help', model);
export const renderMe = (model: MeCardModel) => renderCard('me', model);
