/**
 * The stacked-portfolio sheet's formulas in Excel's own functions only (issue #12): the same results in the
 * same cells as the live =STACK.* formulas (portfolio-formulas.ts), so the sheet opens and recalculates in
 * any Excel, Excel on the web, LibreOffice Calc or Google Sheets without Stack. Only functions every
 * engine has are used — SUMPRODUCT, MMULT, SUM, SQRT, MAX, MIN, NORM.S.INV — and every array sits inside
 * SUMPRODUCT, which evaluates its arguments as arrays everywhere, so nothing needs dynamic arrays or
 * Ctrl+Shift+Enter (LibreOffice before 24.8 has no LET, so none is used).
 *
 * The maths (DESIGN.md §1) with w the weights, σ the vols, R the correlation matrix, f = 1 − Σw the
 * financing leg with volatility σ_f and correlations c with the assets (cash's column of R; 0 without a
 * cash asset), a = w∘σ:
 * - E = Σ wᵢμᵢ + f·rate − max(Σw − 1, 0)·premium − fee;
 * - σ_P² = aᵀRa + 2·f·σ_f·(aᵀc) + (f·σ_f)²  (wᵀΣw over the assets and the financing leg), with
 *   aᵀRa = SUMPRODUCT(MMULT(R, a), a);
 * - ρ(P, asset i) = (Σⱼ aⱼRⱼᵢ + f·σ_f·cᵢ) / σ_P and ρ(P, financing) = (aᵀc + f·σ_f) / σ_P, clamped to
 *   [−1, 1] as STACK.CORRS clamps rounding;
 * - compound return √((1 + E)² − σ_P²) − 1; horizon percentile g + Φ⁻¹(q)·σ_P/√years;
 * - look-through exposure to class k: Σ_f holding_f·E[f, k], the total Σₖ, the financing 1 − total.
 * They read the matrix as it stands: both triangles (the builder writes the full matrix), where
 * STACK.VOL would also accept a lower triangle.
 */
import { cellName, rangeName } from "../io/a1";
import { Area, Cell, formula, Formula } from "./layout";
import {
  CmaGeometry,
  PortfolioFormulas,
  PortfolioTerms,
  RESULT_LABELS,
} from "./portfolio-formulas";

const ref = (c: Cell, absolute = false) => cellName(c.row, c.column, absolute);

/** Column `j` of an area, absolute (e.g. `$D$7:$D$9`). */
const column = (area: Area, j: number) =>
  rangeName({ ...area, column: area.column + j, columns: 1 }, true);

/** Native formulas for a CMA table at `cma`. */
export function portableFormulas(cma: CmaGeometry): PortfolioFormulas {
  const { correlations, cash } = cma;
  // The financing leg's correlations c: cash's column of the matrix, and its entry for asset i.
  const c = cash === undefined ? undefined : column(correlations, cash);
  const cAt = (i: number) =>
    cash === undefined
      ? undefined
      : cellName(correlations.row + i, correlations.column + cash, true);
  /** Pieces of a portfolio's formulas: its weights w, f = 1 − Σw and f·σ_f. */
  const parts = (p: PortfolioTerms) => {
    const w = rangeName(p.weights);
    const f = `(1-SUM(${w}))`;
    return { w, f, fVol: `${f}*${ref(p.financingVol)}` };
  };
  /** A correlation: covariance over σ_P, clamped to [−1, 1]. */
  const clamped = (covariance: string, vol: Cell): Formula =>
    formula(`=MAX(-1,MIN(1,(${covariance})/${ref(vol)}))`);

  const expectedReturn = (p: PortfolioTerms): Formula => {
    const { w, f } = parts(p);
    return formula(
      `=SUMPRODUCT(${w},CMA_Returns)+${f}*${ref(p.rate)}-MAX(SUM(${w})-1,0)*${ref(p.premium)}-${ref(p.fee)}`
    );
  };
  const volatility = (p: PortfolioTerms): Formula => {
    const { w, f, fVol } = parts(p);
    const a = `${w}*CMA_Vols`;
    const cross =
      c === undefined ? "" : `+2*${f}*${ref(p.financingVol)}*SUMPRODUCT(${w},CMA_Vols,${c})`;
    // MAX(…, 0): a riskless portfolio's variance may round to −1e-18, as STACK.VOL clamps it.
    return formula(
      `=SQRT(MAX(SUMPRODUCT(MMULT(CMA_Correlations,${a}),${a})${cross}+(${fVol})^2,0))`
    );
  };

  return {
    kind: "portable",
    resultRows: (portfolios, top) => {
      const at = (k: number, p: PortfolioTerms) => cellName(top + k, p.weights.column);
      const formulas: ((p: PortfolioTerms) => Formula)[] = [
        expectedReturn,
        (p) => formula(`=SQRT((1+${at(0, p)})^2-${at(2, p)}^2)-1`),
        volatility,
        (p) => formula(`=(${at(0, p)}-${ref(p.rate)})/${at(2, p)}`),
      ];
      return RESULT_LABELS.map((label, k) => [label, ...portfolios.map(formulas[k])]);
    },
    correlations: (p, vol) => {
      const { w, fVol } = parts(p);
      const n = p.weights.rows;
      const withAsset = (i: number) => {
        const leg = cAt(i);
        return clamped(
          `SUMPRODUCT(${w},CMA_Vols,${column(correlations, i)})${leg === undefined ? "" : `+${fVol}*${leg}`}`,
          vol
        );
      };
      const withFinancing = clamped(
        c === undefined ? fVol : `SUMPRODUCT(${w},CMA_Vols,${c})+${fVol}`,
        vol
      );
      return [...Array.from({ length: n }, (_, i) => withAsset(i)), withFinancing];
    },
    horizonPercentile: (compound, vol, years, q) =>
      formula(`=${ref(compound)}+NORM.S.INV(${q})*${ref(vol)}/SQRT(${ref(years, true)})`),
    lookThrough: (holdings, exposures, _name, at) => {
      const k = exposures.columns;
      const classes = rangeName({ ...at, rows: 1, columns: k });
      const total = cellName(at.row, at.column + k);
      return [
        ...Array.from({ length: k }, (_, j) =>
          formula(`=SUMPRODUCT(${holdings},${column(exposures, j)})`)
        ),
        formula(`=SUM(${classes})`),
        formula(`=1-${total}`),
      ];
    },
  };
}
