/**
 * A stand-in for Excel's CustomFunctions runtime global (Error, ErrorCode, associate), faithful
 * to @types/custom-functions-runtime: error codes are Excel's error texts.
 */
export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export type Registered = Map<string, (...args: unknown[]) => unknown>;

/** Installs the stand-in on `target` (globalThis or a vm context) and returns what gets associated. */
export function installCustomFunctions(
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): Registered {
  const registered: Registered = new Map();
  target.CustomFunctions = {
    Error: StandInError,
    ErrorCode: ERROR_CODES,
    associate: (idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) => {
      if (typeof idOrMap === 'string' && fn) registered.set(idOrMap.toUpperCase(), fn);
      else if (typeof idOrMap === 'object') for (const [id, f] of Object.entries(idOrMap)) registered.set(id.toUpperCase(), f);
    },
  };
  return registered;
}

/** Sets the display language Office reports (as Office.context.displayLanguage). */
export function setDisplayLanguage(
  locale: string | undefined,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): void {
  target.Office = locale === undefined ? undefined : { context: { displayLanguage: locale } };
}
