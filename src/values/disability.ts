import { InputError, quote } from "./errors";
import { compactText, isBlank } from "./text";

export type DisabilityGrade = 1 | 2 | 3 | 4;

const GRADE_WORDS: Record<string, DisabilityGrade> = {
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};
/** What a cell says for "no disability" (compacted text). */
export const NO_DISABILITY_WORDS: readonly string[] = ["无", "否", "没有", "非残疾", "未残疾", "不残疾", "0", "-", "—", "/", "无残疾"];
const NONE = new Set(NO_DISABILITY_WORDS);

/** The ways a grade is written before 级 (一, 壹, 1 …), for the native formulas that must read it alike. */
export function gradeSpellings(grade: DisabilityGrade): string[] {
  return Object.keys(GRADE_WORDS).filter((word) => GRADE_WORDS[word] === grade);
}

/**
 * Read a disability grade (残疾等级): 1–4, 一级…四级, 2级, or descriptive text such as
 * 肢体二级 / 视力一级残疾. Blank or 无 gives null (no disability). When a cell names
 * several disabilities (肢体二级、视力一级) the most severe grade counts.
 */
export function parseDisabilityGrade(value: unknown): DisabilityGrade | null {
  if (isBlank(value)) return null;
  if (typeof value === "number") {
    if (value === 0) return null;
    if (Number.isInteger(value) && value >= 1 && value <= 4) return value as DisabilityGrade;
    throw new InputError(`残疾等级应为1至4级：${quote(value)}`);
  }
  if (typeof value !== "string") throw new InputError(`无法识别的残疾等级：${quote(value)}`);
  const text = compactText(value);
  if (NONE.has(text)) return null;
  if (/^[1-4]$/.test(text)) return Number(text) as DisabilityGrade;
  const grades: DisabilityGrade[] = [];
  for (const match of text.matchAll(/([一壹二贰两三叁四肆1-4])级/g)) grades.push(GRADE_WORDS[match[1]]);
  if (grades.length === 0) {
    throw new InputError(`无法识别的残疾等级：${quote(value)}（可写作 1、二级、肢体二级，无残疾留空或写“无”）`);
  }
  return Math.min(...grades) as DisabilityGrade;
}
