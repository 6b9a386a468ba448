/**
 * Excel provides the global `CustomFunctions` at run time. Under Jest the functions
 * module needs the same constructor and error codes; this stand-in keeps the code and
 * message so tests can assert which cell got which error.
 */
class CustomFunctionError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

Object.assign(globalThis, {
  CustomFunctions: {
    Error: CustomFunctionError,
    ErrorCode,
    associate: () => undefined,
  },
});
