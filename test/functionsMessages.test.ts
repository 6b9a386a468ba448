/**
 * #VALUE! messages of the custom functions must say what is wrong with the value and how to
 * write it (issue 2 §3: "a Chinese message naming the value").
 */
import { FILIAL_MATCH } from "../src/functions/functions";

function message(result: unknown[][]): string {
  const cell = result[0][0];
  expect(cell).toBeInstanceOf(CustomFunctions.Error);
  return (cell as CustomFunctions.Error).message ?? "";
}

test("a negative age is called negative, not 'not a whole number'", () => {
  const text = message(FILIAL_MATCH([[3600]], [[-5]]));
  expect(text).toContain("“-5”");
  expect(text).toContain("负数");
  expect(text).not.toContain("整数");
});

test("a fractional age is still 'a whole number of years'", () => {
  expect(message(FILIAL_MATCH([[3600]], [[60.5]]))).toContain("整数");
});

test("a rate typed as 30 (meant 30%) says to write 30% or 0.3", () => {
  const text = message(FILIAL_MATCH([[3600]], [[61]], null as never, null as never, [[30]]));
  expect(text).toContain("30%");
  expect(text).toContain("0.3");
  expect(text).toMatch(/写作/);
});
