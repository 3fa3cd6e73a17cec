/** A problem that must stop the start; each line is printed on its own, with no stack trace. */
export class StartupError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'StartupError';
  }
}
