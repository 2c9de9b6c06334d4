/* The task pane's Content-Security-Policy: the add-in's own origin and Office's script host only.
 * No inline script. Styles: Fluent UI (Griffel) inserts <style> rules at run time, which needs
 * 'unsafe-inline' for styles only. The dev server also needs its websocket. */
function contentSecurityPolicy({ dev }) {
  const self = "'self'";
  const office = 'https://appsforoffice.microsoft.com';
  const ws = dev ? ' wss://localhost:3000' : '';
  return [
    `default-src ${self}`,
    `script-src ${self} ${office}`,
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data:`,
    `font-src ${self} data:`,
    `connect-src ${self}${ws}`,
    `frame-src ${office}`,
    "object-src 'none'",
    `base-uri ${self}`,
    `form-action ${self}`,
  ].join('; ');
}

/** help.html: a static page with no script at all. */
function helpContentSecurityPolicy() {
  return [
    "default-src 'self'",
    "script-src 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

module.exports = { contentSecurityPolicy, helpContentSecurityPolicy };
