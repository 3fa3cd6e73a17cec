import { createRequire } from 'node:module';

// The package's ESM build uses extensionless imports Node cannot load; its UMD bundle works in Node.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/**
 * Parses a card with the Adaptive Cards SDK the way a host would, and returns every problem the
 * SDK reports: unknown elements or properties, invalid values, failed validation.
 */
export function cardProblems(card: unknown): string[] {
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const validation = parsed.validateProperties();
  for (const event of validation.validationEvents) problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  // The Agents Playground's renderer cannot submit an action whose data has a `key` (it throws
  // "Cannot assign to read only property 'key'" and sends nothing), so no card may use that name.
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      const data = element['data'];
      if (typeof element['type'] === 'string' && element['type'].startsWith('Action.') && data && typeof data === 'object' && 'key' in data) {
        problems.push(`Action "${String(element['title'])}" has data with a "key" property, which the Agents Playground cannot submit`);
      }
      // Teams reads Markdown in a TextBlock and in a fact: a line starting "4. " becomes a
      // numbered list, indented, and numbered from 1 by some clients. Such texts go in TextRuns.
      const markdown = element['type'] === 'TextBlock' ? [element['text']] : element['type'] === 'FactSet' ? [] : 'title' in element && 'value' in element && !('type' in element) ? [element['title'], element['value']] : [];
      for (const text of markdown) {
        if (typeof text === 'string' && /^ {0,3}\d+[.)] /m.test(text)) problems.push(`"${text.slice(0, 40)}" would render as a numbered list in Teams`);
      }
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return problems;
}

/** The value each input of a card starts with, by the input's id: what a form shows as filled in. */
export function inputValues(card: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (typeof element['type'] === 'string' && element['type'].startsWith('Input.')) values[String(element['id'])] = element['value'];
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return values;
}

/** The data of every Action.Execute in a card, those nested in action sets and shown cards too. */
export function executeData(card: unknown): Record<string, unknown>[] {
  return cardButtons(card)
    .filter((button) => button.type === 'Action.Execute')
    .map((button) => button.data);
}

/** Every Action.Submit and Action.Execute of a card, in order, with its type, title and data. */
export function cardButtons(card: unknown): { type: string; title: string; data: Record<string, unknown> }[] {
  const found: { type: string; title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o['type'] === 'Action.Submit' || o['type'] === 'Action.Execute') found.push({ type: o['type'], title: String(o['title']), data: o['data'] as Record<string, unknown> });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}
