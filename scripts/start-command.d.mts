/** How `npm start` runs the bot: Node's flags and the script, from package.json. */
export function startCommand(root: string): { nodeFlags: string[]; script: string };
