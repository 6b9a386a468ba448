/**
 * A package-level merge of generated tabs into a user's .xlsx, which never parses a user's
 * worksheet: only the workbook part, the relationship parts, [Content_Types].xml, the styles
 * part, docProps/app.xml and (when a removed sheet is in it) the calculation chain are read
 * and rewritten. Every other part of the user's file is copied byte for byte, so whatever the
 * user's sheets hold (charts, shapes, pivot tables, slicers, threaded comments, extensions)
 * comes through as it was.
 *
 * Removing a sheet takes out its <sheet> entry, its relationship, its part and the parts only
 * it used (its relationships, drawings…), their content-type overrides, the names scoped to it
 * (the other sheet-level names renumbered), and its title in docProps/app.xml. Adding a rendered
 * sheet (./renderTabs.ts) puts its part in under a free sheetN.xml name, with a new relationship,
 * sheetId and content-type override; its styles are appended to the user's (./mergeStyles.ts).
 */
import JSZip from "jszip";
import { mergeStyles, StyleMap } from "./mergeStyles";
import type { RenderedSheets } from "./renderTabs";
import {
  addOverride,
  booleanAttribute,
  childElements,
  CONTENT_TYPES_PART,
  Container,
  decodeXml,
  encodeXml,
  findContainer,
  folderOf,
  parseAttributes,
  parseRelationships,
  prefixOf,
  Relationship,
  relativeTarget,
  relsPathOf,
  relType,
  removeOverride,
  resolveTarget,
  rootPrefix,
  setAttribute,
  utf8OfPieces,
  withPrefix,
} from "./ooxml";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const STYLES_REL = `${REL_NS}/styles`;
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** A package that is not a spreadsheet this program can add tabs to (the caller words the message). */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

export interface RawDefinedName {
  readonly name: string;
  /** Set for a sheet-level name (e.g. one Excel copied along with a sheet); markers are workbook-level only. */
  readonly localSheetId: number | null;
  readonly formula: string;
  /** The element as the file holds it, to be written back as it was. */
  readonly xml: string;
}

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** The sheet's part (zip entry name), or null when its relationship is missing. */
  readonly part: string | null;
  /** visible, hidden or veryHidden. */
  readonly state: string;
  /** The <sheet> element as the file holds it. */
  readonly xml: string;
}

/** The workbook-level parts of a package, read (the sheets are not). */
export interface WorkbookPackage {
  readonly zip: JSZip;
  readonly workbookPart: string;
  readonly workbookXml: string;
  readonly relsXml: string;
  readonly rels: readonly Relationship[];
  readonly sheets: readonly SheetEntry[];
  readonly names: readonly RawDefinedName[];
  /** Dates count from 1904 (workbookPr date1904). */
  readonly date1904: boolean;
}

async function text(zip: JSZip, part: string): Promise<string | null> {
  const file = zip.file(part);
  return file ? file.async("string") : null;
}

/** The workbook part and what it lists, from a loaded package. */
export async function openPackage(zip: JSZip): Promise<WorkbookPackage> {
  const rootRels = parseRelationships((await text(zip, "_rels/.rels")) ?? "");
  const main = rootRels.find((r) => relType(r) === "officeDocument" && !r.external);
  const workbookPart = main ? resolveTarget("", main.target) : "xl/workbook.xml";
  const workbookXml = await text(zip, workbookPart);
  if (workbookXml === null) throw new PackageError("文件中没有工作簿部件（xl/workbook.xml）");
  if (workbookXml.includes(STRICT_MAIN_NS))
    throw new PackageError("这是“严格 Open XML”格式的工作簿，请在 Excel 中另存为普通的“Excel 工作簿(*.xlsx)”后再试");
  const relsXml = (await text(zip, relsPathOf(workbookPart))) ?? "";
  const rels = parseRelationships(relsXml);
  const prefix = rootPrefix(workbookXml, "workbook");
  const sheetsBlock = findContainer(workbookXml, prefix, "sheets");
  const sheets = (sheetsBlock ? childElements(sheetsBlock.inner, prefix, "sheet") : []).map((xml): SheetEntry => {
    const a = parseAttributes(/^<[^>]*>/.exec(xml)?.[0] ?? "");
    const relId = a.get("r:id") ?? [...a.entries()].find(([k]) => k.endsWith(":id"))?.[1] ?? "";
    const rel = rels.find((r) => r.id === relId && !r.external);
    return {
      name: a.get("name") ?? "",
      sheetId: Number(a.get("sheetId") ?? 0),
      relId,
      part: rel ? resolveTarget(workbookPart, rel.target) : null,
      state: a.get("state") ?? "visible",
      xml,
    };
  });
  const namesBlock = findContainer(workbookXml, prefix, "definedNames");
  const names = (namesBlock ? childElements(namesBlock.inner, prefix, "definedName") : []).map((xml): RawDefinedName => {
    const startTag = /^<[^>]*>/.exec(xml)?.[0] ?? "";
    const a = parseAttributes(startTag);
    const local = a.get("localSheetId");
    const content = startTag.endsWith("/>") ? "" : xml.slice(startTag.length, xml.lastIndexOf("</"));
    return { name: a.get("name") ?? "", localSheetId: local === undefined ? null : Number(local), formula: decodeXml(content), xml };
  });
  const date1904 = booleanAttribute(workbookXml, "workbookPr", "date1904");
  return { zip, workbookPart, workbookXml, relsXml, rels, sheets, names, date1904 };
}

/** A rendered sheet as added to the user's package: its tab name and its part there. */
export interface AddedSheet {
  readonly name: string;
  readonly part: string;
}

export interface MergeRequest {
  /** Positions (in the user's sheet order) of the sheets to remove. */
  readonly remove: ReadonlySet<number>;
  /** The user's defined names to drop (markers of replaced or vanished tabs). */
  readonly dropNames: ReadonlySet<RawDefinedName>;
}

/**
 * Remove the user's sheets named in the request and add every rendered sheet after the user's,
 * with the rendered defined names. Works on user.zip in place; returns the sheets added, with
 * their parts.
 */
export async function mergeRenderedSheets(user: WorkbookPackage, rendered: RenderedSheets, request: MergeRequest): Promise<AddedSheet[]> {
  const zip = user.zip;
  const prefix = rootPrefix(user.workbookXml, "workbook");
  let contentTypes = (await text(zip, CONTENT_TYPES_PART)) ?? "";
  let relsXml = user.relsXml;

  // ---- removal
  const removed = user.sheets.filter((_, i) => request.remove.has(i));
  for (const sheet of removed) {
    const rel = user.rels.find((r) => r.id === sheet.relId);
    if (rel) relsXml = relsXml.replace(rel.xml, "");
  }
  let rels = parseRelationships(relsXml);
  const roots = removed.map((s) => s.part).filter((p): p is string => p !== null);
  for (const part of await orphanedParts(zip, roots, user.workbookPart, rels)) {
    zip.remove(part);
    zip.remove(relsPathOf(part));
    contentTypes = removeOverride(contentTypes, part);
  }
  const calcChain = rels.find((r) => relType(r) === "calcChain" && !r.external);
  if (calcChain && removed.length > 0) {
    const part = resolveTarget(user.workbookPart, calcChain.target);
    const removedIds = new Set(removed.map((s) => s.sheetId));
    if (chainReferences((await text(zip, part)) ?? "", removedIds)) {
      // Excel rebuilds a missing calculation chain; one naming a sheet that is gone is a corrupt file.
      zip.remove(part);
      contentTypes = removeOverride(contentTypes, part);
      relsXml = relsXml.replace(calcChain.xml, "");
      rels = parseRelationships(relsXml);
    }
  }
  const kept = user.sheets.filter((_, i) => !request.remove.has(i));
  const newIndex = (old: number): number | null =>
    request.remove.has(old) ? null : old - [...request.remove].filter((r) => r < old).length;

  // ---- styles
  let styleMap: StyleMap | null = null;
  const addedSheets: { name: string; part: string; relId: string; sheetId: number }[] = [];
  const wbDir = folderOf(user.workbookPart);
  const relsPrefix = rootPrefix(relsXml, "Relationships");
  const taken = new Set(Object.keys(zip.files).map((p) => p.toLowerCase()));
  const relIds = new Set(rels.map((r) => r.id));
  const newRelId = () => {
    for (let n = 1; ; n++) {
      if (!relIds.has(`rId${n}`)) {
        relIds.add(`rId${n}`);
        return `rId${n}`;
      }
    }
  };
  const addRel = (type: string, part: string): string => {
    const id = newRelId();
    const target = encodeXml(relativeTarget(wbDir, part));
    relsXml = relsXml.replace(
      new RegExp(`</${relsPrefix}Relationships>\\s*$`),
      `<${relsPrefix}Relationship Id="${id}" Type="${type}" Target="${target}"/></${relsPrefix}Relationships>`,
    );
    return id;
  };
  const freePart = (stem: string, from: number) => {
    for (let n = from; ; n++) {
      const part = `${wbDir === "" ? "" : `${wbDir}/`}${stem}${n === 0 ? "" : n}.xml`;
      if (!taken.has(part.toLowerCase()) && !taken.has(relsPathOf(part).toLowerCase())) {
        taken.add(part.toLowerCase());
        return part;
      }
    }
  };

  if (rendered.sheets.length > 0) {
    const userStyles = rels.find((r) => relType(r) === "styles" && !r.external);
    const userStylesPart = userStyles ? resolveTarget(user.workbookPart, userStyles.target) : null;
    const userStylesXml = userStylesPart ? await text(zip, userStylesPart) : null;
    if (userStylesPart !== null && userStylesXml !== null) {
      const merged = mergeStyles(userStylesXml, rendered.stylesXml);
      zip.file(userStylesPart, merged.xml);
      styleMap = merged.map;
    } else {
      // A package without styles (some generators write none, a new workbook has none yet): the rendered styles become the workbook's.
      const part = freePart("styles", 0);
      zip.file(part, rendered.stylesXml);
      addRel(STYLES_REL, part);
      contentTypes = addOverride(contentTypes, part, STYLES_TYPE);
    }

    // ---- the rendered sheets
    // After the sheets kept (a calculation chain naming a removed sheet's id was dropped above): regenerating gives the same ids.
    let nextSheetId = Math.max(0, ...kept.map((s) => s.sheetId).filter(Number.isFinite)) + 1;
    for (const sheet of rendered.sheets) {
      const part = freePart("worksheets/sheet", 1);
      zip.file(part, utf8OfPieces(sheet.pieces(styleMap?.xf)));
      const relId = addRel(WORKSHEET_REL, part);
      contentTypes = addOverride(contentTypes, part, WORKSHEET_TYPE);
      addedSheets.push({ name: sheet.name, part, relId, sheetId: nextSheetId++ });
    }
  }

  // ---- the workbook part
  let workbookXml = user.workbookXml;
  const relPrefix = prefixOf(workbookXml, REL_NS);
  const idAttribute = relPrefix === null ? `xmlns:r="${REL_NS}" r:id` : `${relPrefix}:id`;
  const sheetsBlock = findContainer(workbookXml, prefix, "sheets");
  if (!sheetsBlock) throw new PackageError("工作簿部件中没有工作表列表");
  let sheetsInner = sheetsBlock.inner;
  for (const sheet of removed) sheetsInner = sheetsInner.replace(sheet.xml, "");
  sheetsInner += addedSheets
    .map((s) => `<${prefix}sheet name="${encodeXml(s.name)}" sheetId="${s.sheetId}" ${idAttribute}="${s.relId}"/>`)
    .join("");
  workbookXml =
    workbookXml.slice(0, sheetsBlock.start) +
    sheetsBlock.startTag.replace(/\s*\/>$/, ">") +
    sheetsInner +
    `</${prefix}sheets>` +
    workbookXml.slice(sheetsBlock.end);

  const names: string[] = [];
  for (const n of user.names) {
    if (request.dropNames.has(n)) continue;
    if (n.localSheetId === null) {
      names.push(n.xml);
      continue;
    }
    const index = newIndex(n.localSheetId);
    if (index === null) continue; // scoped to a removed sheet
    names.push(index === n.localSheetId ? n.xml : n.xml.replace(/localSheetId\s*=\s*(["'])\d+\1/, `localSheetId="${index}"`));
  }
  for (const n of rendered.names) {
    const xml = withPrefix(n.xml, prefix);
    names.push(
      n.localSheetId === null ? xml : xml.replace(/localSheetId\s*=\s*(["'])\d+\1/, `localSheetId="${kept.length + n.localSheetId}"`),
    );
  }
  workbookXml = replaceDefinedNames(workbookXml, prefix, names);
  workbookXml = keepViewsInRange(workbookXml, prefix, user.sheets, request.remove, newIndex, kept);
  zip.file(user.workbookPart, workbookXml);
  zip.file(relsPathOf(user.workbookPart), relsXml);
  zip.file(CONTENT_TYPES_PART, contentTypes);

  await updateAppTitles(
    zip,
    user.sheets,
    removed,
    addedSheets.map((s) => s.name),
  );
  return addedSheets.map((s) => ({ name: s.name, part: s.part }));
}

/**
 * The parts only the removed sheets lead to: each removed sheet part and whatever its
 * relationships reach, less what the rest of the package (walked from _rels/.rels without the
 * removed sheets' relationships) still reaches.
 */
async function orphanedParts(
  zip: JSZip,
  roots: readonly string[],
  workbookPart: string,
  workbookRels: readonly Relationship[],
): Promise<string[]> {
  const targetsCache = new Map<string, string[]>();
  const targetsOf = async (part: string): Promise<string[]> => {
    if (part === workbookPart) return workbookRels.filter((r) => !r.external).map((r) => resolveTarget(part, r.target));
    let targets = targetsCache.get(part);
    if (!targets) {
      const xml = await text(zip, relsPathOf(part));
      targets =
        xml === null
          ? []
          : parseRelationships(xml)
              .filter((r) => !r.external)
              .map((r) => resolveTarget(part, r.target));
      targetsCache.set(part, targets);
    }
    return targets;
  };
  const walk = async (starts: readonly string[]): Promise<Set<string>> => {
    const seen = new Set<string>();
    const queue = [...starts];
    while (queue.length > 0) {
      const part = queue.pop()!;
      for (const target of await targetsOf(part)) {
        if (seen.has(target) || !zip.file(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    return seen;
  };
  const present = roots.filter((r) => zip.file(r));
  if (present.length === 0) return [];
  const candidates = new Set([...present, ...(await walk(present))]);
  const reachable = await walk([""]);
  return [...candidates].filter((p) => !reachable.has(p));
}

/** Does a calculation chain name a cell on one of these sheets (by sheetId; an entry without i is on the previous entry's sheet)? */
function chainReferences(xml: string, sheetIds: ReadonlySet<number>): boolean {
  let current = NaN;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)\/?>/g)) {
    const i = /\si\s*=\s*"(\d+)"/.exec(m[1])?.[1];
    if (i !== undefined) current = Number(i);
    if (sheetIds.has(current)) return true;
  }
  return false;
}

function replaceDefinedNames(xml: string, prefix: string, names: readonly string[]): string {
  const block = names.length > 0 ? `<${prefix}definedNames>${names.join("")}</${prefix}definedNames>` : "";
  const existing = findContainer(xml, prefix, "definedNames");
  if (existing) return xml.slice(0, existing.start) + block + xml.slice(existing.end);
  if (block === "") return xml;
  // In its schema place: after sheets, functionGroups and externalReferences.
  const after =
    findContainer(xml, prefix, "externalReferences") ??
    findContainer(xml, prefix, "functionGroups") ??
    findContainer(xml, prefix, "sheets");
  if (!after) throw new PackageError("工作簿部件中没有工作表列表");
  return xml.slice(0, after.end) + block + xml.slice(after.end);
}

/**
 * The workbook window's active and first tab are positions: renumber them past removed
 * sheets, and move them to the first visible sheet when theirs was removed. Custom views name
 * their active sheet by sheetId.
 */
function keepViewsInRange(
  xml: string,
  prefix: string,
  sheets: readonly SheetEntry[],
  remove: ReadonlySet<number>,
  newIndex: (old: number) => number | null,
  kept: readonly SheetEntry[],
): string {
  if (remove.size === 0) return xml;
  const firstVisible = Math.max(
    0,
    kept.findIndex((s) => s.state === "visible"),
  );
  const position = (value: string | undefined): string | null => {
    if (value === undefined) return null;
    const old = Number(value);
    if (!Number.isInteger(old) || old >= sheets.length) return String(firstVisible);
    return String(newIndex(old) ?? firstVisible);
  };
  xml = xml.replace(new RegExp(`<${prefix}workbookView\\b[^>]*>`, "g"), (tag) => {
    const a = parseAttributes(tag);
    for (const name of ["activeTab", "firstSheet"]) {
      const value = position(a.get(name));
      if (value !== null) tag = setAttribute(tag, name, value);
    }
    return tag;
  });
  const removedIds = new Set(sheets.filter((_, i) => remove.has(i)).map((s) => String(s.sheetId)));
  return xml.replace(new RegExp(`<${prefix}customWorkbookView\\b[^>]*>`, "g"), (tag) => {
    const id = parseAttributes(tag).get("activeSheetId");
    return id !== undefined && removedIds.has(id) && kept.length > 0
      ? setAttribute(tag, "activeSheetId", String(kept[firstVisible]?.sheetId ?? kept[0].sheetId))
      : tag;
  });
}

// ---------------------------------------------------------------- docProps/app.xml

/**
 * docProps/app.xml lists the sheet names (TitlesOfParts, counted per group in HeadingPairs:
 * "Worksheets"/"工作表", "Named Ranges"/"命名范围"…). Take out the removed sheets and what
 * names them, add the new tabs to the worksheet group. A file whose lists do not add up is left
 * as it was (Excel rewrites them on every save; nothing reads them to open a workbook).
 */
async function updateAppTitles(
  zip: JSZip,
  sheets: readonly SheetEntry[],
  removed: readonly SheetEntry[],
  added: readonly string[],
): Promise<void> {
  if (removed.length === 0 && added.length === 0) return;
  const rootRels = parseRelationships((await text(zip, "_rels/.rels")) ?? "");
  const rel = rootRels.find((r) => relType(r) === "extended-properties" && !r.external);
  const part = rel ? resolveTarget("", rel.target) : "docProps/app.xml";
  const xml = await text(zip, part);
  if (xml === null) return;
  const vt = prefixOf(xml, "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  if (vt === null) return;
  const pairsBlock = findContainer(xml, rootPrefix(xml, "Properties"), "HeadingPairs");
  const titlesBlock = findContainer(xml, rootPrefix(xml, "Properties"), "TitlesOfParts");
  if (pairsBlock?.selfClosing || titlesBlock?.selfClosing) return;
  if (!pairsBlock || !titlesBlock) return;
  const variants = childElements(pairsBlock.inner, `${vt}:`, "variant").map(
    (v) => /<[\w:]+>([^<]*)<\/[\w:]+>\s*<\/[\w:]+variant>$/.exec(v)?.[1] ?? "",
  );
  const titles = childElements(titlesBlock.inner, `${vt}:`, "lpstr").map((t) => decodeXml(/>([^<]*)</.exec(t)?.[1] ?? ""));
  if (variants.length % 2 !== 0) return;
  const groups: { label: string; titles: string[] }[] = [];
  let at = 0;
  for (let i = 0; i < variants.length; i += 2) {
    const count = Number(variants[i + 1]);
    if (!Number.isInteger(count) || count < 0) return;
    groups.push({ label: variants[i], titles: titles.slice(at, at + count) });
    at += count;
  }
  if (at !== titles.length) return;
  const sheetNames = new Set(sheets.map((s) => s.name));
  const removedNames = new Set(removed.map((s) => s.name));
  const worksheets = groups
    .filter((g) => g.titles.length > 0 && g.titles.every((t) => sheetNames.has(t)))
    .sort((a, b) => b.titles.length - a.titles.length)[0];
  if (!worksheets && added.length > 0) return;
  const namesRemovedSheet = (title: string) =>
    [...removedNames].some((n) => title.startsWith(`${n}!`) || title.startsWith(`'${n.replace(/'/g, "''")}'!`));
  for (const g of groups) {
    if (g === worksheets) g.titles = [...g.titles.filter((t) => !removedNames.has(t)), ...added];
    else g.titles = g.titles.filter((t) => !namesRemovedSheet(t));
  }
  const kept = groups.filter((g) => g.titles.length > 0 || g === worksheets);
  const all = kept.flatMap((g) => g.titles);
  const pairs = kept
    .map(
      (g) =>
        `<${vt}:variant><${vt}:lpstr>${g.label}</${vt}:lpstr></${vt}:variant><${vt}:variant><${vt}:` +
        `i4>${g.titles.length}</${vt}:i4></${vt}:variant>`,
    )
    .join("");
  const list = all.map((t) => `<${vt}:lpstr>${encodeXml(t)}</${vt}:lpstr>`).join("");
  const propsPrefix = rootPrefix(xml, "Properties");
  /** The block with its vector's content and size replaced. */
  const rewritten = (block: Container, name: string, inner: string, size: number): string | null => {
    const vector = findContainer(block.inner, `${vt}:`, "vector");
    if (!vector) return null;
    const tag = setAttribute(vector.startTag.replace(/\s*\/>$/, ">"), "size", String(size));
    return (
      `${block.startTag}${block.inner.slice(0, vector.start)}${tag}${inner}</${vt}:` +
      `vector>${block.inner.slice(vector.end)}</${propsPrefix}${name}>`
    );
  };
  const newPairs = rewritten(pairsBlock, "HeadingPairs", pairs, kept.length * 2);
  const newTitles = rewritten(titlesBlock, "TitlesOfParts", list, all.length);
  if (newPairs === null || newTitles === null) return;
  // Replace the later block first, so that the earlier one's offsets stay right.
  const blocks = [
    { block: pairsBlock, text: newPairs },
    { block: titlesBlock, text: newTitles },
  ].sort((x, y) => y.block.start - x.block.start);
  let out = xml;
  for (const { block, text: replacement } of blocks) out = out.slice(0, block.start) + replacement + out.slice(block.end);
  zip.file(part, out);
}
