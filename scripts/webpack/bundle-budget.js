/* The task pane's download budget: every JavaScript file taskpane.html loads before the pane can
 * show anything (the entries' own files and their split chunks, minified) must fit in `budgetKiB`.
 * Prints one line per build and fails the build when over. Lazy chunks (the sample data, anything
 * loaded with import()) are not counted: they load when an action needs them. */
const { Compilation, WebpackError } = require('webpack');

const NAME = 'BundleBudgetPlugin';

function kib(bytes) {
  return (bytes / 1024).toFixed(1);
}

/**
 * The report for files [{ file, bytes }] in load order:
 * "initial task pane JS: 387.2 KiB (budget 450 KiB) — taskpane.js 12.3, 73.js 320.1, functions.js 54.8".
 */
function budgetReport(files, budgetKiB) {
  const total = files.reduce((n, f) => n + f.bytes, 0);
  const parts = files.map((f) => `${f.file} ${kib(f.bytes)}`).join(', ');
  return {
    total,
    over: total > budgetKiB * 1024,
    line: `initial task pane JS: ${kib(total)} KiB (budget ${budgetKiB} KiB) — ${parts}`,
  };
}

/** Appends to `out` the .js files of a chunk group (an entry or a named lazy chunk) not in `seen`. */
function addJsFiles(compilation, group, seen, out) {
  for (const file of group.getFiles())
    if (file.endsWith('.js') && !seen.some((f) => f.file === file) && !out.some((f) => f.file === file)) {
      const asset = compilation.getAsset(file);
      if (asset) out.push({ file, bytes: asset.source.size() });
    }
}

class BundleBudgetPlugin {
  /**
   * @param {{ entries: string[], budgetKiB: number, startChunks?: string[], log?: (line: string) => void }} options
   * `startChunks`: lazy chunks the page requests as soon as it runs (reported, not budgeted).
   */
  constructor({ entries, budgetKiB, startChunks, log }) {
    this.entries = entries;
    this.startChunks = startChunks ?? [];
    this.budgetKiB = budgetKiB;
    this.log = log ?? ((line) => console.log(line));
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After minification (PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE): the sizes of the files as written.
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const files = [];
        for (const name of this.entries) {
          const entry = compilation.entrypoints.get(name);
          if (!entry) {
            compilation.errors.push(new WebpackError(`${NAME}: no entry named "${name}"`));
            continue;
          }
          addJsFiles(compilation, entry, [], files);
        }
        const report = budgetReport(files, this.budgetKiB);
        this.log(report.line);
        if (this.startChunks.length) {
          const later = [];
          for (const name of this.startChunks) {
            const group = compilation.namedChunkGroups.get(name);
            if (group) addJsFiles(compilation, group, files, later);
          }
          const all = report.total + later.reduce((n, f) => n + f.bytes, 0);
          const parts = later.map((f) => `${f.file.replace(/^chunks\//, '')} ${kib(f.bytes)}`).join(', ');
          this.log(`task pane JS until the lists show: ${kib(all)} KiB (initial + ${parts}, loaded while Office starts)`);
        }
        if (report.over) {
          const error = new WebpackError(
            `${NAME}: the task pane's initial JavaScript is ${kib(report.total)} KiB, over its budget of ${this.budgetKiB} KiB. ` +
              'Load what only some actions need with import(), or trim dependencies.',
          );
          error.hideStack = true;
          compilation.errors.push(error);
        }
      });
    });
  }
}

module.exports = { BundleBudgetPlugin, budgetReport };
