/**
 * Builds a locale's functions.json from the generated (English) one and a translation
 * table. Pure: used by webpack (through tsx) and by the tests. Function ids and names are copied
 * unchanged (Excel matches formulas by id, and =BANGFU.TIER is the same in every locale);
 * descriptions and the parameter names Excel shows in its formula tooltips are translated.
 */

export interface MetadataParameter {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

export interface FunctionTranslation {
  readonly description: string;
  /** Parameter name → description. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Parameter name → the name shown in the formula tooltip (short, no spaces or commas). */
  readonly names: Readonly<Record<string, string>>;
}

export type TranslationTable = Readonly<Record<string, FunctionTranslation>>;

export class TranslationError extends Error {
  constructor(
    readonly locale: string,
    readonly problems: readonly string[],
  ) {
    super(`functions.${locale}.json cannot be built; fix src/functions/${locale}.ts:\n- ${problems.join("\n- ")}`);
    this.name = "TranslationError";
  }
}

/**
 * The localized copy of `metadata`. Throws a TranslationError listing every function or
 * parameter without a translation, and every table entry that matches nothing, so that a
 * new or renamed function cannot ship untranslated.
 */
export function localizeMetadata<M extends FunctionsMetadata>(metadata: M, table: TranslationTable, locale = "zh-CN"): M {
  const problems: string[] = [];
  const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);
  const functions = metadata.functions.map((fn) => {
    const translation = has(table, fn.id) ? table[fn.id] : undefined;
    if (!translation) {
      problems.push(`function ${fn.id} has no translation`);
      return fn;
    }
    if (!translation.description.trim()) problems.push(`function ${fn.id}: empty description`);
    const parameters = fn.parameters.map((parameter) => {
      const text = has(translation.parameters, parameter.name) ? translation.parameters[parameter.name] : undefined;
      if (text === undefined) problems.push(`parameter ${fn.id}.${parameter.name} has no translation`);
      else if (!text.trim()) problems.push(`parameter ${fn.id}.${parameter.name}: empty description`);
      const name = has(translation.names, parameter.name) ? translation.names[parameter.name] : undefined;
      if (name === undefined) problems.push(`parameter ${fn.id}.${parameter.name} has no translated name`);
      else if (!/^[^\s,;()"]+$/.test(name))
        problems.push(`parameter ${fn.id}.${parameter.name}: name "${name}" must be one word without spaces, commas or brackets`);
      return { ...parameter, name: name ?? parameter.name, description: text ?? parameter.description };
    });
    const known = new Set(fn.parameters.map((p) => p.name));
    for (const name of new Set([...Object.keys(translation.parameters), ...Object.keys(translation.names)])) {
      if (!known.has(name)) problems.push(`translation for ${fn.id}.${name}, which is not a parameter of ${fn.id}`);
    }
    const shown = Object.values(translation.names);
    if (new Set(shown).size !== shown.length) problems.push(`function ${fn.id}: two parameters have the same translated name`);
    return { ...fn, description: translation.description, parameters };
  });
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`translation for function ${id}, which does not exist`);
  }
  if (problems.length > 0) throw new TranslationError(locale, problems);
  return { ...metadata, functions };
}
