import { drawdowns } from "./drawdown";

/**
 * Ulcer index (Martin, 1987): √(Σ Dₖ² / n), Dₖ the drawdown after period k from the running peak
 * (including the starting value), over all n periods. In DECIMALS like every drawdown here (0.05 means
 * 5%), as PerformanceAnalytics' UlcerIndex; Martin's original quotes percentage points (100× this).
 * @example ulcer([0.1, -0.5, 0.2]) // drawdowns 0, −0.5, −0.4 → √((0 + 0.25 + 0.16) / 3) = 0.369685
 */
export function ulcer(returns: Float64Array): number {
  const series = drawdowns(returns);
  let squares = 0;
  for (let t = 0; t < series.length; t++) squares += series[t] * series[t];
  return Math.sqrt(squares / series.length);
}
