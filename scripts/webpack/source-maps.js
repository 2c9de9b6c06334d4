/* Production source maps live beside the served folder (dist/addin-sourcemaps), never in it:
 * output.sourceMapFilename points there; this plugin empties that folder before a build (the
 * output's own `clean` only covers dist/addin), so maps of an old build never linger. */
const fs = require('fs');

class SourceMapsBesidePlugin {
  constructor({ dir }) {
    this.dir = dir;
  }

  apply(compiler) {
    compiler.hooks.beforeRun.tap('SourceMapsBesidePlugin', () => fs.rmSync(this.dir, { recursive: true, force: true }));
  }
}

module.exports = { SourceMapsBesidePlugin };
