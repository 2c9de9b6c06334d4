/* The manifest for a build: as written (https://localhost:3000) for development; for production
 * every URL moved to ADDIN_URL and the AppDomains replaced by ADDIN_URL's origin, so nothing of
 * the development server is left for Office to trust. A bad ADDIN_URL fails the build. */
const DEV_ORIGIN = 'https://localhost:3000';

/** ADDIN_URL as a base URL ending in "/", or an error message. */
function addinBase(addinUrl) {
  let url;
  try {
    url = new URL(addinUrl);
  } catch {
    return { error: `ADDIN_URL is not a URL: ${addinUrl}` };
  }
  if (url.protocol !== 'https:') return { error: `ADDIN_URL must be https (Office loads add-ins over https only): ${addinUrl}` };
  if (url.search || url.hash) return { error: `ADDIN_URL must not have a query or fragment: ${addinUrl}` };
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { base: href, origin: url.origin };
}

/** The production manifest for the add-in served at `addinUrl`; throws on a bad URL or a leftover. */
function productionManifest(xml, addinUrl) {
  const { base, origin, error } = addinBase(addinUrl);
  if (error) throw new Error(error);
  const out = xml
    .replace(/<AppDomains>[\s\S]*?<\/AppDomains>/, () => `<AppDomains>\n    <AppDomain>${origin}</AppDomain>\n  </AppDomains>`)
    .split(`${DEV_ORIGIN}/`)
    .join(base);
  if (out.includes('localhost')) throw new Error('the production manifest still names localhost');
  return out;
}

module.exports = { productionManifest, addinBase, DEV_ORIGIN };
