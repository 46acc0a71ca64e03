/**
 * Text codes offered in Excel's AutoComplete: custom enums (`@customenum` in src/functions, generated into
 * functions.json's "enums" and each parameter's "customEnumId"). Checked for every enum of the built metadata, so a
 * new one is covered without new test code: it resolves, its id is unique (the generator merges the files of
 * src/functions without checking), it is used, its type is the parameter's, and the function accepts every
 * choice it offers, passed the way Excel passes it.
 */
import fs from "fs";
import path from "path";
import { callAsExcel, FunctionMetadata, loadBundle, StubError } from "./bundle";

interface EnumParameter {
  name: string;
  type?: string;
  customEnumId?: string;
}
interface CustomEnum {
  id: string;
  type: "string" | "number";
  values: { name: string; stringValue?: string; numberValue?: number; tooltip?: string }[];
}

const metadata = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../dist/functions.json"), "utf8")
) as {
  functions: (Omit<FunctionMetadata, "parameters"> & {
    parameters: (FunctionMetadata["parameters"][number] & EnumParameter)[];
  })[];
  enums?: CustomEnum[];
};
const enums = metadata.enums ?? [];
const { examples } = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../docs/examples.json"), "utf8")
) as { examples: { id: string; args: unknown[] }[] };
const functions = loadBundle();

/** Every parameter that offers choices, with its function. */
const uses = metadata.functions.flatMap((f) =>
  f.parameters.map((p, index) => ({ f, p, index })).filter(({ p }) => p.customEnumId !== undefined)
);
// customEnumId is matched without regard to case (Microsoft's metadata reference).
const enumOf = (id: string) => enums.find((e) => e.id.toLowerCase() === id.toLowerCase());

describe("custom enums in the built functions.json", () => {
  it("exist: GEORETURN's method offers its two methods", () => {
    const method = uses.find(({ f, p }) => f.id === "GEORETURN" && p.name === "method");
    expect(method).toBeDefined();
    expect(enumOf(method!.p.customEnumId!)?.values.map((v) => v.stringValue)).toEqual([
      "quadratic",
      "approx",
    ]);
  });

  it("have unique ids, each used by a parameter of the same type", () => {
    const ids = enums.map((e) => e.id.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of enums)
      expect({
        id: e.id,
        used: uses.some(({ p }) => p.customEnumId!.toLowerCase() === e.id.toLowerCase()),
      }).toEqual({
        id: e.id,
        used: true,
      });
    for (const { f, p } of uses)
      expect({ fn: f.id, param: p.name, type: p.type }).toEqual({
        fn: f.id,
        param: p.name,
        type: enumOf(p.customEnumId!)?.type,
      });
  });

  it("offer only choices the function knows: each one, in its documented example, is not refused as a code", () => {
    for (const { f, p, index } of uses) {
      const example = examples.find((e) => e.id === f.id)!;
      for (const v of enumOf(p.customEnumId!)!.values) {
        const args = f.parameters.map((_, i) => (i < example.args.length ? example.args[i] : null));
        args[index] = v.stringValue ?? v.numberValue;
        const result = callAsExcel(functions.get(f.id)!, f, args);
        const refused =
          result instanceof StubError && (result.message ?? "").startsWith(`${p.name}: expected`);
        expect({ fn: f.id, choice: args[index], refused }).toEqual({
          fn: f.id,
          choice: args[index],
          refused: false,
        });
      }
    }
  });
});
