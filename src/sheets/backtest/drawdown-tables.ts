/**
 * The five deepest drawdowns of each portfolio (=STACK.DRAWDOWNS), one table under another: depth, peak,
 * trough and recovery dates, days from peak to trough and from trough to recovery.
 */
import { rangeName } from "../../io/a1";
import { Area, formula } from "../layout";
import { columnOf } from "../sheet-builder";
import { theme } from "../theme";
import { DATE, PERCENT, SheetContext } from "./context";
import { DataAreas } from "./data";
import { Inputs } from "./inputs";

/** Episodes per portfolio. */
export const TOP_DRAWDOWNS = 5;

export function writeDrawdownTables(
  ctx: SheetContext,
  inputs: Inputs,
  areas: DataAreas,
  row: number
): { tables: Area[]; next: number } {
  const { builder, config } = ctx;
  builder.section(
    row,
    `Deepest drawdowns (top ${TOP_DRAWDOWNS} per portfolio; days are trading days)`
  );
  let r = row + 1;
  const tables = config.portfolios.map((p, j) => {
    builder.put(r, 0, [[builder.label({ row: r, column: 0 }, inputs.portfolios[j].name, p.name)]], {
      font: { bold: true },
    });
    const top = r + 1;
    builder.put(top, 0, [
      [
        formula(
          `=STACK.DRAWDOWNS(${rangeName(columnOf(areas.portfolios, j), true)},Backtest_Dates,${TOP_DRAWDOWNS})`
        ),
      ],
    ]);
    const table: Area = { row: top, column: 0, rows: 1 + TOP_DRAWDOWNS, columns: 6 };
    builder.style({ ...table, rows: 1 }, theme.header);
    builder.style(
      { ...table, row: top + 1, rows: TOP_DRAWDOWNS, columns: 1 },
      { numberFormat: PERCENT }
    );
    builder.style(
      { row: top + 1, column: 1, rows: TOP_DRAWDOWNS, columns: 3 },
      { numberFormat: DATE }
    );
    builder.style(
      { row: top + 1, column: 4, rows: TOP_DRAWDOWNS, columns: 2 },
      { numberFormat: "0" }
    );
    r = top + TOP_DRAWDOWNS + 2;
    return table;
  });
  return { tables, next: r };
}
