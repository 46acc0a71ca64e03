/**
 * Loads the built dist/functions.js the way Excel's runtime does: in a fresh JavaScript context whose
 * only Office surface is a stub CustomFunctions object (no window, no document), and collects what it
 * associates. `npm test` builds dist/ before running jest.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { customFunctionsStub, StubError } from "../stubs/custom-functions";

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string };
}

const dist = path.resolve(__dirname, "../../dist");

export function loadMetadata(): FunctionMetadata[] {
  return JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")).functions;
}

export function loadBundle(): Map<string, (...args: unknown[]) => unknown> {
  const stub = customFunctionsStub();
  const context = vm.createContext({ CustomFunctions: stub.api, console });
  vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context, {
    filename: "functions.js",
  });
  return stub.associated;
}

/** What Excel passes as the last argument of every call. */
export function invocation(functionName: string) {
  return { address: "Sheet1!A1", functionName, parameterAddresses: [] as string[] };
}

/**
 * What Excel hands a scalar parameter declared as text (an enum-typed one, e.g. BACKTEST's rebalance):
 * it converts the value to the declared type, so a number arrives as the text it shows ("63") and a
 * boolean as "TRUE" / "FALSE" (Microsoft's custom-functions docs, "custom enums": Excel converts what
 * the user enters to the enum's type).
 */
function asDeclared(value: unknown, parameter: FunctionMetadata["parameters"][number]): unknown {
  if (parameter.type !== "string" || (parameter.dimensionality ?? "scalar") !== "scalar")
    return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/**
 * Call a function as Excel does: every declared parameter present (null when omitted), scalars of a
 * text type converted to text, then the invocation.
 */
export function callAsExcel(
  fn: (...args: unknown[]) => unknown,
  meta: FunctionMetadata,
  args: unknown[]
): unknown {
  const full = meta.parameters.map((p, i) => (i < args.length ? asDeclared(args[i], p) : null));
  return fn(...full, invocation(meta.name));
}

export { StubError };
