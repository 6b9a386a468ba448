"use strict";
/**
 * Emits functions.<locale>.json from the functions.json that CustomFunctionsMetadataPlugin
 * emitted, with descriptions from a TypeScript translation table (loaded through tsx, so
 * the table and localizeMetadata stay typed and shared with the tests). A missing or
 * stale translation is a build error, not a silently English function.
 */
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const { require: tsxRequire } = require("tsx/cjs/api");

const NAME = "LocalizedMetadataPlugin";

class LocalizedMetadataPlugin {
  /**
   * @param {{ locale: string, table: string, exportName: string, localizer: string, source?: string }} options
   *   table / localizer: paths of the TS modules with the table and with localizeMetadata().
   */
  constructor(options) {
    this.options = { source: "functions.json", ...options };
  }

  apply(compiler) {
    const { locale, source, exportName } = this.options;
    const table = path.resolve(compiler.context, this.options.table);
    const localizer = path.resolve(compiler.context, this.options.localizer);
    const target = source.replace(/\.json$/, `.${locale}.json`);

    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(table);
        compilation.fileDependencies.add(localizer);
        const asset = compilation.getAsset(source);
        if (!asset) {
          // The metadata plugin reports its own errors; only say why the twin is missing.
          compilation.errors.push(new WebpackError(`${NAME}: ${source} was not emitted, so ${target} cannot be built`));
          return;
        }
        let localized;
        try {
          const { localizeMetadata } = loadFresh(localizer);
          const translations = loadFresh(table)[exportName];
          if (!translations) throw new Error(`${table} does not export ${exportName}`);
          localized = localizeMetadata(JSON.parse(asset.source.source().toString()), translations, locale);
        } catch (error) {
          compilation.errors.push(new WebpackError(`${NAME}: ${error instanceof Error ? error.message : String(error)}`));
          return;
        }
        compilation.emitAsset(target, new sources.RawSource(JSON.stringify(localized, null, 4)));
      });
    });
  }
}

/** tsx caches modules; drop them so that watch mode sees an edited table. */
function loadFresh(file) {
  const dir = path.dirname(file);
  for (const key of Object.keys(require.cache)) {
    if (key.split("?")[0].startsWith(dir + path.sep)) delete require.cache[key];
  }
  return tsxRequire(file, __filename);
}

module.exports = LocalizedMetadataPlugin;
