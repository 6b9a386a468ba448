/**
 * The 金融扶贫小额信贷 ledger export of Admin1024Admin/jrfp (rzdj6 …/util/FpxexdDaoChu2.java,
 * headers from FpxexdDaochu.getPkfDzbField): sheet 信息表; row 1 the title 金融扶贫小额信贷
 * merged over all columns; row 2 the group row (基本情况 · 原贷款情况 · 扶贫小额信贷 · 创业贷款 ·
 * 生源地贷款 · 其他类型贷款, each merged over its columns); row 3 the header, where 贷款金额,
 * 贷款期限, 还款时间 … repeat under each group; data from row 4, one row per loan.
 * Every value is written as text with a space appended (value + " "), so an empty text field
 * becomes "null " and an empty number "null "; an empty date becomes " "; decimals keep ".0"
 * ("50000.0 "); the 序号 is text without the space. The household is named by 户主姓名 and
 * 身份证号 (the head's); the borrower by 贷款人姓名 and 贷款人身份证.
 */
import { FixtureCell, HouseholdCase, letterOf, RealLayoutFixture, titleRow } from "./common";
import { NATIONAL_HOUSEHOLDS } from "./nationalMonitoring";

const GROUPS: readonly (readonly [string, readonly string[]])[] = [
  [
    "基本情况",
    ["序号", "乡镇", "行政村", "组别", "户主姓名", "身份证号", "家庭人口数", "贷款人姓名", "贷款人身份证", "与户主关系", "脱贫属性"],
  ],
  ["原贷款情况", ["原有余额", "原有贷款是否逾期", "原有逾期金额", "原有逾期时间", "原有欠息金额", "原有欠息时间"]],
  [
    "扶贫小额信贷",
    [
      "信用等级评定",
      "授信额度",
      "授信金融机构",
      "授信时间",
      "贷款金额",
      "贷款期限",
      "放款日期",
      "到期日期",
      "贷款利率",
      "贷款金融机构",
      "累计贴息金额（元）",
      "偿还贷款金额",
      "还款时间",
      "贷款余额（万元）",
      "逾期贷款金额",
      "贷款逾期时间",
      "欠息金额（元）",
      "欠息时间",
      "应贷未贷识别",
      "贷款用途",
    ],
  ],
  [
    "创业贷款",
    [
      "贷款金额",
      "贷款期限",
      "放款日期",
      "到期时间",
      "贷款利率",
      "偿还金额",
      "还款时间",
      "贷款余额",
      "逾期金额",
      "逾期时间",
      "欠息金额",
      "欠息时间",
      "创业用途",
    ],
  ],
  [
    "生源地贷款",
    [
      "贷款金额",
      "贷款期限",
      "放款日期",
      "到期时间",
      "贷款利率",
      "偿还金额",
      "还款时间",
      "贷款余额",
      "逾期金额",
      "逾期时间",
      "欠息金额",
      "欠息时间",
    ],
  ],
  [
    "其他类型贷款",
    [
      "贷款金额",
      "贷款期限",
      "放款日期",
      "到期时间",
      "贷款利率",
      "偿还金额",
      "还款时间",
      "贷款余额",
      "逾期金额",
      "逾期时间",
      "欠息金额",
      "欠息时间",
      "贷款用途",
      "备注",
    ],
  ],
];

export const SMALL_LOAN_HEADER: readonly string[] = GROUPS.flatMap(([, headers]) => headers);
/** First column (1-based) of each group. */
const GROUP_START: readonly number[] = GROUPS.reduce<number[]>(
  (starts, _group, i) => [...starts, i === 0 ? 1 : starts[i - 1] + GROUPS[i - 1][1].length],
  [],
);

/** How jrfp writes a value: text + " " (Java's null gives "null "). */
const cell = (value: string | null): string => `${value ?? "null"} `;
/** An Integer field (家庭人口数): "4 ". */
const int = (n: number): string => `${n} `;
/** A Double field: Java's Double.toString, 50000 → "50000.0 ", 3.85 → "3.85 "; null → "null ". */
const dbl = (n: number | null): string => (n === null ? "null " : `${Number.isInteger(n) ? `${n}.0` : String(n)} `);
/** A date as formaDate writes it ("yyyy-MM-dd"), or "" for none; the export appends the space. */
const date = (text: string | null): string => `${text ?? ""} `;

interface Loan {
  readonly household: number;
  /** Index of the borrower among the household's members (0 = head). */
  readonly borrower: number;
  readonly amount: number;
  readonly start: string;
  readonly due: string;
  readonly subsidy: number | null;
  readonly repaid: number | null;
  readonly repaidOn: string | null;
  /** Balance in 万元. */
  readonly balance: number;
  readonly story: string;
}

/** Loans of households of the national fixture; the household is found by the head's ID. */
const LOANS: readonly Loan[] = [
  {
    household: 0,
    borrower: 0,
    amount: 50_000,
    start: "2023-04-12",
    due: "2026-04-11",
    subsidy: 3_250,
    repaid: 50_000,
    repaidOn: "2025-04-10",
    balance: 0,
    story: "已还清（贷款余额0.0万元，还款时间2025-04-10），累计贴息3250元：不报 M10。",
  },
  {
    household: 4,
    borrower: 0,
    amount: 30_000,
    start: "2024-05-20",
    due: "2027-05-19",
    subsidy: 975,
    repaid: null,
    repaidOn: null,
    balance: 3,
    story: "未还清（贷款余额3.0万元，无还款时间），已登记累计贴息975元：应报 M10（真问题）。",
  },
  {
    household: 7,
    borrower: 1,
    amount: 50_000,
    start: "2024-09-02",
    due: "2027-09-01",
    subsidy: null,
    repaid: null,
    repaidOn: null,
    balance: 5,
    story: "配偶名下贷款，未到期，累计贴息为“null ”（空）：不报 M10，不报 D04。",
  },
  {
    household: 7,
    borrower: 0,
    amount: 20_000,
    start: "2020-03-16",
    due: "2023-03-15",
    subsidy: 1_300,
    repaid: 20_000,
    repaidOn: "2023-03-10",
    balance: 0,
    story: "户主名下已还清的旧贷款：同一户的第二笔贷款，不是重复登记（不报 D02）。",
  },
  {
    household: 1,
    borrower: 0,
    amount: 10_000,
    start: "2024-06-01",
    due: "2025-05-31",
    subsidy: null,
    repaid: 10_000,
    repaidOn: "2025-05-30",
    balance: 0,
    story: "已还清，未登记贴息：不报 M10。",
  },
];

export function smallLoanExport(): RealLayoutFixture {
  const width = SMALL_LOAN_HEADER.length;
  const groups: FixtureCell[] = Array<FixtureCell>(width).fill(null);
  GROUPS.forEach(([name], i) => (groups[GROUP_START[i] - 1] = name));
  const rows: FixtureCell[][] = [titleRow("金融扶贫小额信贷", width), groups, [...SMALL_LOAN_HEADER]];
  LOANS.forEach((loan, i) => {
    const h = NATIONAL_HOUSEHOLDS[loan.household];
    const head = h.persons[0];
    const borrower = h.persons[loan.borrower];
    const basic = [
      String(i + 1),
      cell("齐村镇"),
      cell("东王庄村"),
      cell(null),
      cell(head.name),
      cell(head.id),
      int(h.persons.length),
      cell(borrower.name),
      cell(borrower.id),
      cell(borrower.relation),
      cell("已脱贫（享受政策）"),
    ];
    const previous = [dbl(null), cell(null), dbl(null), date(null), dbl(null), date(null)];
    const microcredit = [
      cell("AA"),
      dbl(5),
      cell("农村商业银行"),
      date("2023-03-01"),
      dbl(loan.amount),
      cell("3年"),
      date(loan.start),
      date(loan.due),
      dbl(3.85),
      cell("农村商业银行"),
      dbl(loan.subsidy),
      dbl(loan.repaid),
      date(loan.repaidOn),
      dbl(loan.balance),
      dbl(null),
      date(null),
      dbl(null),
      date(null),
      cell("否"),
      cell("发展种养殖"),
    ];
    const empty = (n: number, dates: readonly number[]) =>
      Array.from({ length: n }, (_, k) => (dates.includes(k) ? date(null) : k === 1 || k === n - 1 ? cell(null) : dbl(null)));
    const other = [...empty(13, [2, 3, 6, 9, 11]), ...empty(12, [2, 3, 6, 9, 11]), ...empty(14, [2, 3, 6, 9, 11])];
    rows.push([...basic, ...previous, ...microcredit, ...other]);
  });
  const merges = [
    `A1:${letterOf(width)}1`,
    ...GROUPS.map(([, headers], i) => `${letterOf(GROUP_START[i])}2:${letterOf(GROUP_START[i] + headers.length - 1)}2`),
  ];
  const byHousehold = new Map<number, Loan[]>();
  for (const loan of LOANS) byHousehold.set(loan.household, [...(byHousehold.get(loan.household) ?? []), loan]);
  const households: HouseholdCase[] = [...byHousehold].map(([index, loans]) => ({
    key: NATIONAL_HOUSEHOLDS[index].persons[0].id,
    persons: NATIONAL_HOUSEHOLDS[index].persons.length,
    story: loans.map((l) => l.story).join(""),
  }));
  return {
    id: "smallLoan",
    title: "金融扶贫小额信贷台账导出",
    fileName: "小额信贷.xlsx",
    source: {
      repo: "Admin1024Admin/jrfp",
      paths: [
        "rzdj6/src/main/java/com/ky/ct/rzdj/util/FpxexdDaoChu2.java",
        "rzdj6/src/main/java/com/ky/ct/rzdj/util/FpxexdDaochu.java",
        "rzdj6/src/main/java/com/ky/ct/rzdj/model/BaseFpxexd.java",
      ],
    },
    sheets: [{ name: "信息表", rows, merges }],
    households,
  };
}
