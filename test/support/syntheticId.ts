/**
 * Synthetic resident ID numbers for tests (no real person): region 370402 (a district code),
 * a chosen birth date and sequence, and the GB 11643 check character computed here,
 * independently of src/values/idNumber.ts, so a broken checkCharacter cannot pass its own test.
 */
const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const GB11643_RESULT = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"];

export function gb11643Check(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`test helper: 17 digits expected, got ${first17}`);
  const sum = first17.split("").reduce((total, digit, i) => total + Number(digit) * GB11643_WEIGHTS[i], 0);
  return GB11643_RESULT[sum % 11];
}

/** An 18-character ID with a correct check character. `birth` is YYYYMMDD. */
export function syntheticId(birth: string, sequence = "123", region = "370402"): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + gb11643Check(first17);
}

/** The same 17 digits with a check character that is certainly wrong. */
export function withWrongCheck(id: string): string {
  const right = id[17];
  const wrong = right === "0" ? "1" : "0";
  return id.slice(0, 17) + wrong;
}

/** A 17-digit prefix whose check character is X (searching sequences), for the lower-case x case. */
export function syntheticIdEndingInX(birth: string, region = "370402"): string {
  for (let n = 0; n < 1000; n++) {
    const id = syntheticId(birth, String(n).padStart(3, "0"), region);
    if (id.endsWith("X")) return id;
  }
  throw new Error("test helper: no sequence gives X");
}

/** An old 15-digit number: region, YYMMDD (19YY), 3-digit sequence. */
export function syntheticOldId(yymmdd: string, sequence = "123", region = "370402"): string {
  return `${region}${yymmdd}${sequence}`;
}
