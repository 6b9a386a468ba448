import type { MergedRange, SheetInput } from "../../src/ledger";
import { checkCharacter } from "../../src/values";

/** A synthetic resident ID (region 370402) with a valid check character. */
export function syntheticId(birth: string, sequence: number): string {
  const first17 = `370402${birth}${String(sequence % 1000).padStart(3, "0")}`;
  return first17 + checkCharacter(first17);
}

/** The same ID with a wrong check character. */
export function wrongCheckId(birth: string, sequence: number): string {
  const id = syntheticId(birth, sequence);
  const wrong = id[17] === "0" ? "1" : "0";
  return id.slice(0, 17) + wrong;
}

export function sheetOf(
  name: string,
  cells: unknown[][],
  extra: { merges?: MergedRange[]; origin?: { row: number; column: number } } = {},
): SheetInput {
  return { name, cells, ...extra };
}

/** A merged range from an A1-style area, e.g. "E2:I2". */
export function range(area: string): MergedRange {
  const [a, b] = area.split(":");
  const parse = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(ref);
    let column = 0;
    for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), column };
  };
  const from = parse(a);
  const to = parse(b ?? a);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}
