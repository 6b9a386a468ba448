/**
 * Bench steps run in their own process by bench/run.ts, each printing one JSON line:
 *   engine FILE       read the ledger, then time the rules alone (checkLedger)
 *   functions         TIER over 100,000 cells, FILIAL_MATCH over 100,000 ID numbers
 *   office ROWS       syncs of the Office adapter reading ROWS × 34 columns from the fake Excel
 */
import "../test/setup/customFunctionsRuntime";
import { checkLedger } from "../src/checks";
import { checkFile } from "../src/cli/check";
import { FILIAL_MATCH, TIER } from "../src/functions/functions";
import { readSheet } from "../src/office/read";
import { resolvePolicy } from "../src/policy";
import { checkCharacter, parseDate } from "../src/values";
import { FakeExcel } from "../test/office/fakeExcel";
import { BENCH_HEADER } from "./ledgerFile";

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

async function engine(file: string): Promise<object> {
  const asOf = parseDate("2025-12-15", "检查日期")!;
  const { ledger } = await checkFile(file, { asOf });
  const policy = resolvePolicy(asOf.year);
  checkLedger(ledger, { asOf, policy }); // warm-up
  const started = process.hrtime.bigint();
  checkLedger(ledger, { asOf, policy });
  const seconds = ms(started) / 1000;
  return { rows: ledger.personCount, seconds, rowsPerSecond: ledger.personCount / seconds };
}

function id(index: number): string {
  const first17 = `370402${1940 + (index % 60)}0${1 + (index % 9)}1${index % 9}${String(index % 1000).padStart(3, "0")}`;
  return first17 + checkCharacter(first17);
}

function functions(): object {
  const n = 100_000;
  const incomes = Array.from({ length: n }, (_, i) => [5000 + ((i * 37) % 15000)]);
  const paid = Array.from({ length: n }, (_, i) => [1200 + (i % 30) * 100]);
  const ids = Array.from({ length: n }, (_, i) => [id(i)]);
  const asOf = [[46000]];
  const best = (run: () => void) => {
    run(); // warm-up
    let min = Infinity;
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      run();
      min = Math.min(min, ms(started));
    }
    return Math.round(min * 10) / 10;
  };
  return {
    tierMs: best(() => TIER(incomes)),
    filialMs: best(() => FILIAL_MATCH(paid, ids, undefined, undefined, undefined, asOf)),
  };
}

async function office(rows: number): Promise<object> {
  const columns = BENCH_HEADER.length;
  const excel = new FakeExcel([
    {
      name: "台账",
      computed: {
        box: { top: 1, left: 1, bottom: rows + 1, right: columns },
        value: (row, column) => (row === 1 ? BENCH_HEADER[column - 1] : column === 5 ? `H${Math.floor(row / 3)}` : row * column),
      },
    },
  ]);
  const sheet = await readSheet(excel.context.asContext(), "台账");
  return { rows: sheet.cells.length, syncs: excel.syncCount };
}

async function main(): Promise<void> {
  const [name, arg] = process.argv.slice(2);
  const result =
    name === "engine" ? await engine(arg) : name === "functions" ? functions() : name === "office" ? await office(Number(arg)) : null;
  if (result === null) throw new Error(`unknown step ${name}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
