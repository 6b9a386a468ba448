/**
 * Side ledgers joined to the main one, host-neutral: the national system spreads what the plan
 * needs over several exports (the pairing export with the support cadre, last year's all-fields
 * export with last year's income, the small-loan ledger, a relocation template's industry
 * support), linked by 户编号 or ID numbers. The rules then see one household with all its facts.
 * The command line (`check … --with`), the task pane (other sheets of the workbook) and the web
 * page call this with ledgers they have read.
 *
 * What a side ledger gives depends on what it is (JoinInfo.role):
 * - a pairing export (帮扶开始/结束时间): the current cadre (the row without an end date, else the
 *   latest start) as 增收帮扶责任人; its older rows are history;
 * - a loan ledger: each loan row, as a record of the household (M10 looks at each loan);
 * - a ledger with incomes of an earlier year (its title, sheet or file name says the year, or 上年):
 *   its per-capita income as 上年人均纯收入;
 * - anything else: the facts the main ledger lacks (household values, members' values matched by
 *   证件号码, measures).
 * A fact the main ledger already has is never overwritten. Where each joined fact came from is
 * kept (HouseholdRecord.sources, Ledger.joins) for the report.
 */
import { perCapitaIncomes } from "../checks/context";
import { FIELD_KEYS, FIELDS, FieldKey } from "../ledger/fields";
import { isHeadRelation } from "../ledger/layout";
import type { FieldValues, HouseholdRecord, JoinedRecord, JoinInfo, Ledger, PersonRecord } from "../ledger/model";

export interface SideLedger {
  readonly ledger: Ledger;
  /** How the user names it: the file (上年收入.xlsx), or the file and sheet, or the sheet (in a workbook). */
  readonly source: string;
}

export interface JoinOptions {
  /** The year the main ledger's incomes are of (the policy year): an earlier year's incomes are last year's. */
  readonly year: number;
}

/** Fields that name a household or a person: used to match, never copied. */
const IDENTITY: ReadonlySet<FieldKey> = new Set<FieldKey>([
  "householdId",
  "personId",
  "headId",
  "headPersonNo",
  "personNo",
  "name",
  "headName",
  "relation",
  "isHead",
  "borrowerId",
]);
const LOAN_FIELDS: readonly FieldKey[] = [
  "smallLoanAmount",
  "smallLoanBalance",
  "smallLoanRepaidAmount",
  "smallLoanRepaidDate",
  "smallLoanRepaid",
  "smallLoanInterestSubsidy",
  "borrowerId",
];
/** The side ledger keys not found in the main ledger that the report names. */
const UNMATCHED_SHOWN = 5;

type Values = Record<FieldKey, unknown>;

/** A main household being joined: copies made on the first fact it receives. */
interface Draft {
  values: Values | null;
  members: (PersonRecord | null)[];
  measures: string[] | null;
  records: JoinedRecord[];
  sources: Partial<Record<FieldKey, string>>;
}

function isHead(person: PersonRecord): boolean {
  const v = person.values;
  return v.relation !== undefined ? isHeadRelation(v.relation) : v.isHead === true;
}

/** Where the main ledger's households are found by each kind of key. */
class MainIndex {
  readonly byHouseholdId = new Map<string, number>();
  readonly byHeadId = new Map<string, number>();
  readonly byPersonId = new Map<string, { household: number; member: number }>();
  readonly byHeadPersonNo = new Map<string, number>();
  readonly byPersonNo = new Map<string, number>();

  constructor(main: Ledger) {
    main.households.forEach((h, i) => {
      const v = h.values;
      if (v.householdId !== undefined) this.byHouseholdId.set(v.householdId, i);
      if (v.headId !== undefined) this.byHeadId.set(v.headId, i);
      if (v.headPersonNo !== undefined) this.byHeadPersonNo.set(v.headPersonNo, i);
      const noRelations = h.members.every((m) => m.values.relation === undefined && m.values.isHead === undefined);
      h.members.forEach((m, j) => {
        const head = isHead(m) || (noRelations && j === 0);
        if (m.values.personId !== undefined) {
          if (!this.byPersonId.has(m.values.personId)) this.byPersonId.set(m.values.personId, { household: i, member: j });
          if (head && !this.byHeadId.has(m.values.personId)) this.byHeadId.set(m.values.personId, i);
        }
        if (m.values.personNo !== undefined) {
          this.byPersonNo.set(m.values.personNo, i);
          if (head && !this.byHeadPersonNo.has(m.values.personNo)) this.byHeadPersonNo.set(m.values.personNo, i);
        }
      });
    });
  }

  /** The main household a side household belongs to, and by which key. */
  find(side: HouseholdRecord): { index: number; key: string } | null {
    const v = side.values;
    const hit = (index: number | undefined, key: string) => (index === undefined ? null : { index, key });
    if (v.householdId !== undefined) {
      const found = hit(this.byHouseholdId.get(v.householdId), FIELDS.householdId.label);
      if (found) return found;
    }
    if (v.headId !== undefined) {
      const found = hit(this.byHeadId.get(v.headId) ?? this.byPersonId.get(v.headId)?.household, FIELDS.headId.label);
      if (found) return found;
    }
    if (v.headPersonNo !== undefined) {
      const found = hit(this.byHeadPersonNo.get(v.headPersonNo) ?? this.byPersonNo.get(v.headPersonNo), FIELDS.headPersonNo.label);
      if (found) return found;
    }
    for (const m of side.members) {
      const id = m.values.personId;
      const found = id === undefined ? null : hit(this.byPersonId.get(id)?.household, FIELDS.personId.label);
      if (found) return found;
    }
    return null;
  }
}

/** What a side ledger is for, and why (Chinese). */
function roleOf(side: SideLedger, year: number): Pick<JoinInfo, "role" | "roleReason"> {
  const ledger = side.ledger;
  if (ledger.kind === "pairing") return { role: "pairing", roleReason: "帮扶责任人结对表（有帮扶开始、结束时间），取现任帮扶责任人" };
  if (ledger.kind === "loans") return { role: "loans", roleReason: "贷款台账（每行一笔贷款），逐笔并入各户" };
  const has = (f: FieldKey) => ledger.fieldColumns[f] !== undefined;
  const income = has("perCapitaIncome") || has("netIncome") || has("wageIncome");
  if (income) {
    const text = `${ledger.titleText} ${ledger.sheetName} ${side.source}`;
    if (/上年|上一年|去年/.test(text)) return { role: "lastYear", roleReason: "标题或名称写明是上年，其人均纯收入作上年人均纯收入" };
    const years = [...text.matchAll(/(20\d{2})\s*年?/g)].map((m) => Number(m[1])).filter((y) => y >= 2000 && y < 2100);
    const earlier = years.filter((y) => y < year);
    if (earlier.length > 0 && !years.includes(year)) {
      return {
        role: "lastYear",
        roleReason: `标题或名称写明${earlier[earlier.length - 1]}年，早于本次检查的${year}年，其人均纯收入作上年人均纯收入`,
      };
    }
  }
  return {
    role: "supplement",
    roleReason: income
      ? "同一年的信息（标题、表名、文件名都没有写明更早的年份），只补入主台账没有的内容，收入不作上年收入"
      : "补入主台账没有的内容",
  };
}

/**
 * The main ledger with the side ledgers' facts joined in. Pure: neither ledger is changed; the
 * result is a new Ledger whose households carry the joined facts, `sources` and `records`.
 */
export function joinLedgers(main: Ledger, sides: readonly SideLedger[], options: JoinOptions): Ledger {
  if (sides.length === 0) return main;
  const index = new MainIndex(main);
  const drafts: (Draft | null)[] = main.households.map(() => null);
  const draftOf = (i: number): Draft =>
    (drafts[i] ??= { values: null, members: main.households[i].members.map(() => null), measures: null, records: [], sources: {} });
  const joinedFields = new Set<FieldKey>(main.joinedFields ?? []);
  const joins: JoinInfo[] = [...(main.joins ?? [])];

  for (const side of sides) {
    const { role, roleReason } = roleOf(side, options.year);
    const incomeOf = role === "lastYear" ? perCapitaIncomes(side.ledger) : null;
    const keys = new Set<string>();
    const fields = new Set<FieldKey>();
    const receivers = new Set<number>();
    const unmatchedKeys: string[] = [];
    let matched = 0;
    let unmatched = 0;
    for (const sideHousehold of side.ledger.households) {
      const found = index.find(sideHousehold);
      if (!found) {
        unmatched += 1;
        if (unmatchedKeys.length < UNMATCHED_SHOWN && sideHousehold.key !== "") unmatchedKeys.push(sideHousehold.key);
        continue;
      }
      matched += 1;
      keys.add(found.key);
      const target = main.households[found.index];
      const given = (field: FieldKey, value: unknown): boolean => {
        const draft = draftOf(found.index);
        const current = (draft.values ?? (target.values as Values))[field];
        if (value === undefined || current !== undefined) return false;
        draft.values ??= { ...(target.values as Values) };
        draft.values[field] = value;
        draft.sources[field] = side.source;
        fields.add(field);
        receivers.add(found.index);
        return true;
      };
      switch (role) {
        case "pairing":
          given("supportCadre", sideHousehold.values.supportCadre);
          break;
        case "lastYear":
          given("lastYearPerCapitaIncome", incomeOf?.(sideHousehold) ?? undefined);
          break;
        case "loans": {
          const draft = draftOf(found.index);
          for (const loan of sideHousehold.members) {
            draft.records.push({ source: side.source, row: loan.row, values: loan.values, cells: loan.cells });
            for (const f of LOAN_FIELDS) {
              if (loan.values[f] === undefined) continue;
              fields.add(f);
              draft.sources[f] ??= side.source;
            }
          }
          receivers.add(found.index);
          break;
        }
        case "supplement":
          supplement(side, sideHousehold, target, draftOf(found.index), given, fields, () => receivers.add(found.index));
          break;
      }
    }
    for (const f of fields) if (main.fieldColumns[f] === undefined) joinedFields.add(f);
    joins.push({
      source: side.source,
      sheetName: side.ledger.sheetName,
      role,
      roleReason,
      keys: [...keys],
      matched,
      unmatched,
      unmatchedKeys,
      households: receivers.size,
      fields: FIELD_KEYS.filter((f) => fields.has(f)),
      unreadable: side.ledger.problems.filter((p) => p.kind !== "note").length,
    });
  }

  const households = main.households.map((h, i): HouseholdRecord => {
    const draft = drafts[i];
    if (!draft) return h;
    return {
      key: h.key,
      rows: h.rows,
      values: (draft.values ?? h.values) as FieldValues,
      cells: h.cells,
      members: draft.members.some((m) => m !== null) ? h.members.map((m, j) => draft.members[j] ?? m) : h.members,
      measures: draft.measures ?? h.measures,
      records: [...(h.records ?? []), ...draft.records],
      sources: { ...(h.sources ?? {}), ...draft.sources },
    };
  });
  return { ...main, households, joins, joinedFields: FIELD_KEYS.filter((f) => joinedFields.has(f)) };
}

/**
 * Facts of a side ledger of the same year: household values the main household lacks, members'
 * values by 证件号码, and measures (a relocation template's industry and employment support).
 */
function supplement(
  side: SideLedger,
  sideHousehold: HouseholdRecord,
  target: HouseholdRecord,
  draft: Draft,
  given: (field: FieldKey, value: unknown) => boolean,
  fields: Set<FieldKey>,
  received: () => void,
): void {
  const columns = Object.keys(side.ledger.fieldColumns) as FieldKey[];
  for (const f of columns) if (!IDENTITY.has(f) && FIELDS[f].level === "household") given(f, (sideHousehold.values as Values)[f]);
  // Members' own facts, matched by 证件号码.
  for (const sideMember of sideHousehold.members) {
    const id = sideMember.values.personId;
    const j = id === undefined ? -1 : target.members.findIndex((m) => m.values.personId === id);
    if (j < 0) continue;
    const member = target.members[j];
    for (const f of columns) {
      if (IDENTITY.has(f) || FIELDS[f].level !== "person") continue;
      const value = (sideMember.values as Values)[f];
      const current = draft.members[j] ?? member;
      if (value === undefined || (current.values as Values)[f] !== undefined) continue;
      draft.members[j] = { row: member.row, values: { ...(current.values as Values), [f]: value } as FieldValues, cells: member.cells };
      draft.sources[f] ??= side.source;
      fields.add(f);
      received();
    }
  }
  const measures = draft.measures ?? [...target.measures];
  let added = false;
  for (const m of sideHousehold.measures) {
    if (measures.includes(m)) continue;
    measures.push(m);
    added = true;
  }
  if (added) {
    draft.measures = measures;
    draft.sources.measures ??= side.source;
    fields.add("measures");
    received();
  }
}
