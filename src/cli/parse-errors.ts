/**
 * node's parseArgs throws English sentences ("Option '-y, --year <value>' argument is ambiguous.
 * Did you forget to specify the option argument for '--year'? …"); the command line speaks the
 * chosen language only. Its error codes are mapped to our own messages, in both languages.
 */

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

const SEE_HELP: Bilingual = { vi: ' (xem "cchc --help").', en: ' (see "cchc --help").' };

/** A value to show with an option that takes one. */
const EXAMPLES: Readonly<Record<string, string>> = {
  '--year': '2024',
  '--lang': 'en',
  '--out': 'ket-qua.xlsx',
  '--plan': 'ke-hoach.json',
};
const LONG_OF: Readonly<Record<string, string>> = { '-y': 'year', '-o': 'out' };

/** The long option a parseArgs message names ("--year"), else the first quoted token. */
function optionIn(message: string): string {
  const long = /--[A-Za-z][\w-]*/.exec(message);
  if (long) return long[0];
  const quoted = /'([^']+)'/.exec(message);
  return quoted ? quoted[1].split(' ')[0] : '?';
}

function quoted(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? '?';
}

function say(vi: string, en: string): Bilingual {
  return { vi: vi + SEE_HELP.vi, en: en + SEE_HELP.en };
}

/** Our message for an error thrown by parseArgs (an unknown error gets a message without its text). */
export function parseArgsMessage(error: unknown): Bilingual {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const opt = quoted(message);
      return say(`Không có tùy chọn "${opt}"`, `There is no option "${opt}"`);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const arg = quoted(message);
      return say(`Lệnh này không nhận tham số "${arg}"`, `This command takes no argument "${arg}"`);
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const opt = optionIn(message);
      if (/does not take an argument/.test(message))
        return say(`Tùy chọn ${opt} không nhận giá trị`, `The option ${opt} takes no value`);
      // "argument missing", or "ambiguous" (the next word starts with "-"): the value is not there.
      const example = EXAMPLES[opt] ?? EXAMPLES[`--${LONG_OF[opt] ?? ''}`];
      return example
        ? say(
            `Tùy chọn ${opt} cần một giá trị ngay sau nó (ví dụ ${opt} ${example})`,
            `The option ${opt} needs a value right after it (e.g. ${opt} ${example})`,
          )
        : say(`Tùy chọn ${opt} cần một giá trị ngay sau nó`, `The option ${opt} needs a value right after it`);
    }
    default:
      return say('Tham số không hợp lệ', 'Invalid arguments');
  }
}
