/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (runtime class name "RichApi.Error").
 *
 * Shape confirmed in the Office.js runtime shipped in node_modules/@microsoft/office-js
 * (excel-web-16.00.debug.js, `_Internal.RuntimeError`): an Error with `name` "RichApi.Error",
 * `code`, `message`, `traceMessages`, `innerError`, `debugInfo` ({ code, message, errorLocation,
 * statement?, surroundingStatements? }) and `httpStatusCode`. Messages of client-side errors
 * (PropertyNotLoaded, ValueNotLoaded, InvalidObjectPath …) are copied from that runtime's resource
 * strings; server-side messages come from the table in "Error handling with the
 * application-specific JavaScript APIs" (learn.microsoft.com/office/dev/add-ins/testing/
 * application-specific-api-error-handling) or, where an issue showed the real text, from it.
 */

export const ErrorCode = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  badPassword: 'BadPassword',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidObjectPath: 'InvalidObjectPath',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidRequestContext: 'InvalidRequestContext',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  mergedRangeConflict: 'MergedRangeConflict',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  valueNotLoaded: 'ValueNotLoaded',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

const PAYLOAD_DOC =
  'Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".';

/** Default message per code (Office's wording). */
export const ErrorMessages: Record<ErrorCodeValue, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  BadPassword: 'The password you supplied is incorrect.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidReference: 'This reference is not valid for the current operation.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit. ' + PAYLOAD_DOC,
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit. ' + PAYLOAD_DOC,
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

/** HTTP status Office attaches per code (RuntimeError's mapping; 500 otherwise). */
function httpStatusFor(code: string): number {
  switch (code) {
    case 'AccessDenied':
      return 401;
    case 'InvalidArgument':
    case 'InvalidObjectPath':
    case 'InvalidRequestContext':
    case 'ValueNotLoaded':
    case 'PropertyNotLoaded':
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return 400;
    case 'ItemNotFound':
    case 'ApiNotFound':
      return 404;
    default:
      return 500;
  }
}

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
}

/** The error every failing fake operation throws or rejects with, like `OfficeExtension.Error`. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly httpStatusCode: number;
  traceMessages: string[] = [];
  readonly innerError: Error | null = null;

  constructor(code: string, message?: string, errorLocation?: string, statement?: string) {
    const text = message ?? (ErrorMessages as Record<string, string>)[code] ?? code;
    super(text);
    Object.setPrototypeOf(this, FakeOfficeError.prototype);
    this.name = 'RichApi.Error';
    this.code = code;
    this.httpStatusCode = httpStatusFor(code);
    this.debugInfo = { code, message: text };
    if (errorLocation !== undefined) this.debugInfo.errorLocation = errorLocation;
    if (statement !== undefined) this.debugInfo.statement = statement;
  }

  override toString(): string {
    return this.code + ': ' + this.message;
  }
}

export function officeError(code: ErrorCodeValue, errorLocation?: string, message?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, errorLocation);
}

export function propertyNotLoaded(entity: string | null, property: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCode.propertyNotLoaded,
    ErrorMessages.PropertyNotLoaded.replace('{0}', property),
    entity ? entity + '.' + property : undefined,
  );
}

/**
 * A member the fake does not model. Thrown synchronously where the member is touched, so a test
 * can never pass against a silent stub.
 */
export class FakeNotImplementedError extends Error {
  readonly code = ErrorCode.notImplemented;
  constructor(member: string) {
    super('FakeExcel: ' + member + ' is not implemented');
    Object.setPrototypeOf(this, FakeNotImplementedError.prototype);
    this.name = 'FakeNotImplementedError';
  }
}

export function notImplemented(member: string): FakeNotImplementedError {
  return new FakeNotImplementedError(member);
}
