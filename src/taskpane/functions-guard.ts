/**
 * The custom functions register themselves with `CustomFunctions.associate` when their module
 * runs. In Excel's shared runtime office.js provides it; when this page is opened anywhere else
 * (a browser, an Office host without custom functions) it may not exist, and an unguarded call
 * would stop the whole page before it can say "open in Excel". Imported just before the functions.
 */
const scope = globalThis as { CustomFunctions?: { associate?: unknown } };
if (typeof scope.CustomFunctions?.associate !== 'function') {
  scope.CustomFunctions = { ...scope.CustomFunctions, associate: () => undefined };
}

export {};
