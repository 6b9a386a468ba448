/**
 * Sanity bounds on the values BANGFU accepts. They are not the plan's numbers (those live
 * only in src/policy/parameters.ts): a value beyond one of them is a typo, or a number from
 * the wrong column, and letting it through would put ∞, lost digits or nonsense into a
 * result. Each bound is stated in the message that refuses a value.
 */

/**
 * Amounts (yuan), and every number read the lenient way: the absolute value must be below
 * 10^15 (1000万亿). Excel keeps 15 significant digits, so a larger number has already lost
 * digits (and its fen); and sums of a few such amounts stay finite.
 */
export const AMOUNT_LIMIT = 1e15;
export const AMOUNT_LIMIT_TEXT = "10^15（1000万亿）";

/**
 * Members of one household: at most 100. Registered households rarely pass a dozen members;
 * a larger number is an ID number, an amount or a row count in the wrong column.
 */
export const MAX_HOUSEHOLD_SIZE = 100;

/** Age in full years: below 150 (the oldest person on record lived to 122). */
export const AGE_LIMIT = 150;

/**
 * The earliest birth year accepted in an ID number or a birth-date column: anyone born
 * earlier would be past AGE_LIMIT during the plan period.
 */
export const EARLIEST_BIRTH_YEAR = 1890;

/**
 * Cells one custom-function call may compute: 100,000 (10万), one column of a large district
 * export. Excel's custom functions, the task pane and the ribbon share one JavaScript runtime:
 * a call over a million cells, most of them errors, kept it busy for tens of seconds. A larger
 * range is refused as a whole with #VALUE!, asking for the range to be split.
 */
export const MAX_FUNCTION_CELLS = 100_000;
