/**
 * What the command line prints must be safe for a terminal and end quietly when the reader stops:
 * text from a workbook (unit, sheet and file names, cell text in issues) may hold control
 * characters — an escape sequence in a name could recolor, move the cursor or retitle the
 * terminal — so they are shown escaped ("\x1b"); and `cchc evaluate … | head` closes the pipe
 * early, which is a normal end, not an error with a stack trace.
 */

/** C0 and C1 controls, DEL, and the bidirectional overrides and isolates (they reorder a line). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Workbook text for a terminal line: every control character escaped, the rest unchanged. */
export function terminalText(s: string): string {
  return s.replace(UNSAFE, escape);
}

interface Closable {
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

/**
 * A write to a closed pipe (EPIPE) ends the process at once with status 0 and no message, as
 * `git log | head` does; any other stream error is left to the default handling.
 */
export function quietOnBrokenPipe(stream: Closable, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') exit(0);
    else throw e;
  });
}
