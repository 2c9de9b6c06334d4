/* Custom functions metadata in two languages (Office's per-locale metadata + manifest override):
 * the JSDoc in src/functions/functions.ts is Vietnamese and becomes functions.vi.json; the default
 * functions.json is English, from src/functions/metadata.en.json. A missing English text fails
 * the build, so the two never drift apart. */
const fs = require('fs');
const path = require('path');
const { sources, WebpackError, Compilation } = require('webpack');

/**
 * Top-level metadata the JSDoc generator cannot write (custom-functions-metadata has no tag for
 * it; Microsoft: "can only be used with manually created JSON metadata"), set in both files.
 * allowErrorForDataTypeAny: without it Excel never calls a function whose `any` argument holds an
 * error and shows that error instead, so one #N/A in a list would hide every figure
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany).
 * (allowCustomDataForDataTypeAny is already written by the generator: data-type cells reach the
 * functions as objects, and src/functions/support.ts reads their plain value.)
 */
const RUNTIME_OPTIONS = Object.freeze({ allowErrorForDataTypeAny: true });

/** The metadata with the runtime options set (and first, as in Microsoft's JSON example). */
function withRuntimeOptions(metadata) {
  return { ...RUNTIME_OPTIONS, ...metadata, ...RUNTIME_OPTIONS };
}

/** English metadata from the Vietnamese metadata and the English texts; throws on a gap. */
function englishMetadata(vi, en) {
  const missing = [];
  const functions = vi.functions.map((f) => {
    const t = en[f.id];
    if (!t) {
      missing.push(f.id);
      return f;
    }
    const parameters = f.parameters.map((p) => {
      const pt = t.parameters && t.parameters[p.name];
      if (!pt) missing.push(`${f.id}.${p.name}`);
      return { ...p, description: pt ? pt : p.description };
    });
    if (!t.description) missing.push(`${f.id}.description`);
    const result = { ...f.result };
    return { ...f, description: t.description || f.description, parameters, result };
  });
  const extra = Object.keys(en).filter((id) => !vi.functions.some((f) => f.id === id));
  return { metadata: { ...vi, functions }, missing, extra };
}

/** Parameter names shown in Vietnamese Excel. */
function vietnameseMetadata(vi, names) {
  return {
    ...vi,
    functions: vi.functions.map((f) => ({
      ...f,
      parameters: f.parameters.map((p) => ({ ...p, name: (names[f.id] && names[f.id][p.name]) || p.name })),
    })),
  };
}

class FunctionsLocalesPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FunctionsLocalesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FunctionsLocalesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.options.source);
          if (!asset) return; // the metadata plugin reported its own errors
          const vi = JSON.parse(asset.source.source().toString());
          const file = path.resolve(compiler.context, this.options.english);
          compilation.fileDependencies.add(file);
          const texts = JSON.parse(fs.readFileSync(file, 'utf8'));
          const { metadata, missing, extra } = englishMetadata(vi, texts.functions);
          if (missing.length > 0 || extra.length > 0) {
            compilation.errors.push(
              new WebpackError(
                `${this.options.english}: missing English texts for ${missing.join(', ') || '-'}; unknown ids ${extra.join(', ') || '-'}`,
              ),
            );
            return;
          }
          compilation.updateAsset(
            this.options.source,
            new sources.RawSource(JSON.stringify(withRuntimeOptions(metadata), null, 2)),
          );
          compilation.emitAsset(
            'functions.vi.json',
            new sources.RawSource(
              JSON.stringify(withRuntimeOptions(vietnameseMetadata(vi, texts.vietnameseParameterNames || {})), null, 2),
            ),
          );
        },
      );
    });
  }
}

module.exports = { FunctionsLocalesPlugin, englishMetadata, vietnameseMetadata, withRuntimeOptions, RUNTIME_OPTIONS };
