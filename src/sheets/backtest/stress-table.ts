/**
 * The stress table: an editable list of episodes (name, first day, last day) — the built-in ones of
 * DESIGN.md §8 that the data cover, then blank rows for the user's own — and one =STACK.STRESS over every
 * result column: each one's return over the episode and its deepest drawdown within it. The blank rows
 * reach STRESS as blanks on every host ({@link blanksKept}: Excel for Windows would pass them as 0s).
 */
import { STRESS_EPISODES } from "../../core/stress-episodes";
import { rangeName } from "../../io/a1";
import { Area, formula } from "../layout";
import { theme } from "../theme";
import { blanksKept, DATE, PERCENT, SheetContext } from "./context";
import { resultHeadings } from "./data";
import { Inputs } from "./inputs";

/** Blank rows left in the episodes table for the user's own episodes. */
export const EXTRA_EPISODES = 3;

export interface StressTable {
  /** Name, first day, last day; the built-in episodes the data cover, then blank rows. */
  readonly episodes: Area;
  readonly covered: readonly string[];
  /** The =STACK.STRESS spill: a header row, then a row per episode row. */
  readonly results: Area;
  readonly next: number;
}

export function writeStressTable(ctx: SheetContext, inputs: Inputs, row: number): StressTable {
  const { builder, data, first, rows, names } = ctx;
  const start = data.dates[first];
  const end = data.dates[first + rows - 1];
  const covered = STRESS_EPISODES.filter((e) => e.first >= start && e.last <= end);
  builder.section(row, "Stress episodes (edit or add episodes in the orange cells)");
  const top = row + 2;
  builder.put(top - 1, 0, [["Episode", "First day", "Last day"]], theme.header);
  builder.put(top, 0, [
    ...covered.map((e) => [e.name, e.first, e.last]),
    ...Array.from({ length: EXTRA_EPISODES }, () => [null, null, null]),
  ]);
  const episodes: Area = { row: top, column: 0, rows: covered.length + EXTRA_EPISODES, columns: 3 };
  builder.style(episodes, theme.input);
  builder.style({ ...episodes, column: 1, columns: 2 }, { numberFormat: DATE });
  names.push({
    name: "Backtest_Episodes",
    area: episodes,
    comment: "Stress episodes: name, first day, last day",
  });
  const labelsRow = top + episodes.rows + 1;
  const resultsTop = labelsRow + 1;
  // A row naming the result column of each return / drawdown pair.
  resultHeadings(ctx, inputs, labelsRow, 3, ctx.results, 2).forEach((heading, j) =>
    builder.put(labelsRow, 3 + 2 * j, [[heading]], { font: { bold: true } })
  );
  builder.put(resultsTop, 0, [
    [
      formula(
        `=STACK.STRESS(Backtest_Returns,Backtest_Dates,${blanksKept(rangeName(episodes, true))})`
      ),
    ],
  ]);
  const results: Area = {
    row: resultsTop,
    column: 0,
    rows: 1 + episodes.rows,
    columns: 3 + 2 * ctx.results,
  };
  builder.style({ ...results, rows: 1 }, theme.header);
  builder.style(
    { ...results, row: resultsTop + 1, rows: episodes.rows, column: 1, columns: 2 },
    {
      numberFormat: DATE,
    }
  );
  builder.style(
    { ...results, row: resultsTop + 1, rows: episodes.rows, column: 3, columns: 2 * ctx.results },
    { numberFormat: PERCENT }
  );
  const note = resultsTop + results.rows;
  builder.put(
    note,
    0,
    [
      [
        "Each episode runs from the close of its first day to the close of its last; #N/A where the data do not cover it.",
      ],
    ],
    theme.note
  );
  return { episodes, covered: covered.map((e) => e.name), results, next: note + 2 };
}
