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

/** The parts of functions.json that decide how Excel passes arguments. */
export interface FunctionsMetadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: ReadonlyArray<{ id: string; parameters: ReadonlyArray<{ name: string; type?: string }> }>;
}

/** An error cell as Excel hands it to a custom function: the runtime's Error with the error's code. */
export const errorCell = (code: string): StandInError => new StandInError(code);

const BASIC_DATA_TYPES = new Set(['Double', 'FormattedNumber', 'String', 'Boolean']);

/**
 * A data-type cell value (Excel.CellValue) as Excel passes it when the metadata does not set
 * allowCustomDataForDataTypeAny: its basic value. Entities, linked entities, images and arrays have
 * the basic value "#VALUE!" (basicType Error in @types/office-js), so they arrive as that error.
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 */
function basicValueOf(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof StandInError) return v;
  const d = v as { type?: unknown; basicValue?: unknown };
  if (typeof d.type !== 'string') return v;
  if (d.type === 'Empty') return '';
  if (BASIC_DATA_TYPES.has(d.type)) return d.basicValue;
  return errorCell(typeof d.basicValue === 'string' && d.basicValue.startsWith('#') ? d.basicValue : '#VALUE!');
}

/** The first error among an argument's cells (a value or a matrix of them), if any. */
function firstError(arg: unknown): StandInError | undefined {
  if (arg instanceof StandInError) return arg;
  if (!Array.isArray(arg)) return undefined;
  for (const row of arg) {
    if (row instanceof StandInError) return row;
    if (Array.isArray(row)) for (const v of row) if (v instanceof StandInError) return v;
  }
  return undefined;
}

/**
 * Calls `fn` the way Excel calls custom function `id` declared in `metadata`, as strict as Excel:
 * - an argument holding an error (a cell or any cell of a range) is withheld: Excel does not call
 *   the function and the cell shows that error, unless the parameter's type is `any` and the
 *   metadata sets `allowErrorForDataTypeAny: true` ("All parameters with the type any or any[][]
 *   can accept errors as input values when allowErrorForDataTypeAny is set to true. The default
 *   value is false": https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany,
 *   and https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors#errors-as-custom-function-inputs);
 * - data-type values become their basic value unless `allowCustomDataForDataTypeAny` is set;
 * - an exception that is not the runtime's Error shows as #VALUE! (same errors page: "By default,
 *   Excel returns #VALUE! for unhandled errors or exceptions").
 * Omitted trailing optional arguments are passed as null, as Excel on the web does.
 * Returns the function's value or throws the StandInError the cell would show.
 */
export function callAsExcel(
  metadata: FunctionsMetadata,
  id: string,
  fn: (...args: never[]) => unknown,
  ...args: unknown[]
): unknown {
  const declared = metadata.functions.find((f) => f.id === id);
  if (!declared) throw new StandInError('#NAME?', `${id} is not in the metadata`);
  if (args.length > declared.parameters.length) throw new Error(`${id} takes ${declared.parameters.length} arguments`);
  const passed = declared.parameters.map((p, i) => {
    const raw = i < args.length ? args[i] : null;
    const arg = metadata.allowCustomDataForDataTypeAny
      ? raw
      : Array.isArray(raw)
        ? raw.map((row: unknown) => (Array.isArray(row) ? row.map(basicValueOf) : basicValueOf(row)))
        : basicValueOf(raw);
    const error = firstError(arg);
    const acceptsErrors = (p.type ?? 'any') === 'any' && metadata.allowErrorForDataTypeAny === true;
    if (error && !acceptsErrors) throw new StandInError(error.code);
    return arg;
  });
  try {
    return (fn as (...a: unknown[]) => unknown)(...passed);
  } catch (e) {
    if (e instanceof StandInError) throw e;
    throw new StandInError(ERROR_CODES.invalidValue);
  }
}
