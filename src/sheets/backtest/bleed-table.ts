/**
 * The financing bleed (the first seed's condition): for borrowing rates from 0% to 10%, each portfolio's
 * yearly cost of its exposure — Σ weight × ((exposure − 1) × rate + max(exposure − 1, 0) × spread + fee)
 * over its funds, e.g. (2 − 1) × (rate + spread) + 0.89% for a 2x fund — and the excess return over the
 * rate that the borrowed exposure must earn to pay for it: (cost − (X − 1) × rate) / (X − 1) for a
 * portfolio of total exposure X > 1. Live formulas over the inputs; the rates are inputs too.
 */
import { rangeName } from "../../io/a1";
import { Area, formula } from "../layout";
import { theme } from "../theme";
import { at, PERCENT, ref, SheetContext } from "./context";
import { Inputs } from "./inputs";

/** Borrowing rates of the table: 0% to 10% in 1% steps. */
export const BLEED_RATES: readonly number[] = Array.from({ length: 11 }, (_, i) => i / 100);

export interface BleedTable {
  readonly rates: Area;
  /** Rates × portfolios: the yearly cost. */
  readonly costs: Area;
  /** Rates × portfolios: the break-even excess return over the rate. */
  readonly breakEven: Area;
  readonly next: number;
}

export function writeBleedTable(ctx: SheetContext, inputs: Inputs, row: number): BleedTable {
  const { builder, config } = ctx;
  const P = config.portfolios.length;
  builder.section(row, "Financing bleed: yearly cost of the exposure, by borrowing rate");
  const groups = row + 1;
  builder.put(groups, 1, [["Yearly financing and fees"]], { font: { bold: true } });
  builder.put(groups, 1 + P, [["Excess over the rate the borrowed part must earn"]], {
    font: { bold: true },
  });
  const header = groups + 1;
  const headings = (column: number) =>
    inputs.portfolios.map((p, j) =>
      builder.label(at(header, column + j), p.name, config.portfolios[j].name)
    );
  builder.put(header, 0, [["Borrowing rate", ...headings(1), ...headings(1 + P)]], theme.header);
  const top = header + 1;
  const E = rangeName(inputs.exposure, true);
  const S = rangeName(inputs.spread, true);
  const F = rangeName(inputs.cost, true);
  builder.put(
    top,
    0,
    BLEED_RATES.map((rate, i) => {
      const r = at(top + i, 0);
      const costs = inputs.portfolios.map((p) =>
        // max(E − 1, 0) as ((E − 1) + |E − 1|) / 2, so the array expression needs no IF.
        formula(
          `=SUMPRODUCT(${rangeName(p.weights, true)},(${E}-1)*${ref(r)}+((${E}-1)+ABS(${E}-1))/2*${S}+${F})`
        )
      );
      const breakEven = inputs.portfolios.map((p, j) => {
        const X = ref(p.exposure);
        const cost = ref(at(top + i, 1 + j));
        return formula(`=IF(${X}>1,(${cost}-(${X}-1)*${ref(r)})/(${X}-1),"no borrowing")`);
      });
      return [rate, ...costs, ...breakEven];
    })
  );
  const height = BLEED_RATES.length;
  const rates: Area = { row: top, column: 0, rows: height, columns: 1 };
  builder.style(rates, theme.input);
  builder.style(
    { row: top, column: 0, rows: height, columns: 1 + 2 * P },
    { numberFormat: PERCENT }
  );
  builder.style(
    { row: top, column: 1 + P, rows: height, columns: P },
    { horizontalAlignment: "right" }
  );
  const note = top + height;
  builder.put(
    note,
    0,
    [
      [
        "In a flat market a portfolio loses its yearly cost; the borrowed exposure pays for itself only when its asset beats the rate by the excess shown (the spread and fees per unit borrowed).",
      ],
    ],
    theme.note
  );
  return {
    rates,
    costs: { row: top, column: 1, rows: height, columns: P },
    breakEven: { row: top, column: 1 + P, rows: height, columns: P },
    next: note + 2,
  };
}
