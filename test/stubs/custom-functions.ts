/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides: `associate` records the
 * functions, `Error` and `ErrorCode` behave like the real ones (code + optional message).
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

export interface CustomFunctionsStub {
  associated: Map<string, (...args: unknown[]) => unknown>;
  api: {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => void;
    Error: typeof StubError;
    ErrorCode: typeof ErrorCode;
  };
}

export function customFunctionsStub(): CustomFunctionsStub {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    associated,
    api: {
      associate: (id, fn) => {
        if (associated.has(id)) throw new Error(`${id} associated twice`);
        associated.set(id, fn);
      },
      Error: StubError,
      ErrorCode,
    },
  };
}

/** Install the stub as the global CustomFunctions, for unit tests that import src/functions directly. */
export function installCustomFunctionsStub(): CustomFunctionsStub {
  const stub = customFunctionsStub();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = stub.api;
  return stub;
}
