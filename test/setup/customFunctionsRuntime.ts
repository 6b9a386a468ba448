/**
 * Excel provides the global `CustomFunctions` at run time. Under Jest the functions
 * module needs the same constructor and error codes: the stand-in WPS uses (it keeps the code
 * and message so tests can assert which cell got which error), plus a no-op associate.
 */
import { CustomFunctionError, ERROR_CODES } from "../../src/functions/customFunctionsStandIn";

Object.assign(globalThis, {
  CustomFunctions: {
    Error: CustomFunctionError,
    ErrorCode: ERROR_CODES,
    associate: () => undefined,
  },
});
