/**
 * The custom functions' metadata as WPS takes it (wps.AddCustomFunction's fourth argument, or
 * functions.json beside manifest.xml), built from the metadata Excel's build generates from the
 * JSDoc of src/functions/functions.ts, localised with the same Chinese table (zh-CN.ts). One
 * description of each function serves both hosts.
 *
 * WPS types are strings: "any", "number", "string", "boolean", a 2-D array as "any[][]", and an
 * optional parameter ends in "?" (wpsjs 2.2's functionsScanner writes the same).
 */
import type { FunctionsMetadata, MetadataFunction } from "../functions/localizeMetadata";
import type { WpsFunctionMetadata } from "./et";

function wpsType(type: unknown, dimensionality: unknown): string {
  const base = typeof type === "string" && type !== "" ? type : "any";
  return dimensionality === "matrix" ? `${base}[][]` : base;
}

export function wpsFunctionMetadata(fn: MetadataFunction): WpsFunctionMetadata {
  const result = (fn.result ?? {}) as { type?: unknown; dimensionality?: unknown };
  return {
    description: fn.description,
    result: { type: wpsType(result.type, result.dimensionality) },
    parameters: fn.parameters.map((p) => ({
      name: p.name,
      description: p.description,
      type: wpsType(p.type, p.dimensionality) + (p.optional === true ? "?" : ""),
    })),
  };
}

/** Function id → WPS metadata, for every function of a (localised) functions.json. */
export function wpsFunctionsMetadata(metadata: FunctionsMetadata): Record<string, WpsFunctionMetadata> {
  return Object.fromEntries(metadata.functions.map((fn) => [fn.id, wpsFunctionMetadata(fn)]));
}
