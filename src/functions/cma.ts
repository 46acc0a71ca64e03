/**
 * =STACK.* capital-market-assumption functions (DESIGN.md §4, first table). Thin adapters: convert
 * Excel's arguments, call the core, let `excel`/`excelSpill` map errors. The JSDoc blocks are the
 * metadata: custom-functions-metadata-plugin turns them into functions.json and the associate calls.
 */
import { correlationMatrix } from "../core/correlation-matrix";
import { invalid } from "../core/errors";
import { expectedReturn } from "../core/expected-return";
import { geometricReturn } from "../core/geometric-return";
import { horizonPercentile, horizonProbability } from "../core/horizon";
import { leverageFor } from "../core/leverage";
import {
  covarianceMatrix,
  Financing,
  portfolio as buildPortfolio,
  Portfolio,
} from "../core/portfolio";
import { correlationsWithAssets, correlationWith } from "../core/portfolio-correlation";
import { equalRiskContributionWeights, inverseVolatilityWeights } from "../core/risk-parity";
import { portfolioVolatility } from "../core/volatility";
import {
  cells,
  choice,
  excel,
  excelSpill,
  ExcelValue,
  isMissing,
  number,
  optionalNumber,
  optionalVector,
  spill,
  vector,
} from "./excel";

/** The portfolio described by the shared (weights, vols, correlations, [financing_vol], [financing_correlations]) arguments. */
function portfolioOf(
  weights: ExcelValue,
  vols: ExcelValue,
  correlations: ExcelValue,
  financingVol?: ExcelValue,
  financingCorrelations?: ExcelValue
): Portfolio {
  const w = vector(weights, "weights").values;
  const financed = !isMissing(financingVol) || !isMissing(financingCorrelations);
  const financing: Financing | undefined = financed
    ? {
        vol: optionalNumber(financingVol, "financing_vol", 0),
        correlations:
          optionalVector(financingCorrelations, "financing_correlations")?.values ??
          new Float64Array(w.length),
      }
    : undefined;
  return buildPortfolio(
    w,
    vector(vols, "vols").values,
    correlationMatrix(cells(correlations, "correlations")),
    financing
  );
}

/**
 * Expected annual arithmetic return of a stacked portfolio: Σw·μ + (1 − Σw)·financing_rate − max(Σw − 1, 0)·premium − fee.
 * @customfunction RETURN
 * @param weights Weight of each asset (a row or a column), e.g. 100% stocks and 100% bonds.
 * @param returns Expected annual return of each asset (decimal).
 * @param [financing_rate] Annual rate paid on borrowing (and earned on cash). Omit when the weights already include the financing leg, e.g. cash at −100%.
 * @param [premium] Annual spread over the financing rate on the borrowed amount (default 0).
 * @param [fee] Annual fee (default 0).
 * @returns Expected annual arithmetic return (decimal).
 */
export function portfolioReturn(
  weights: any[][],
  returns: any[][],
  financing_rate?: number,
  premium?: number,
  fee?: number
): number | CustomFunctions.Error {
  return excel(() =>
    expectedReturn(
      vector(weights, "weights").values,
      vector(returns, "returns", "returns").values,
      {
        financingRate: optionalNumber(financing_rate, "financing_rate"),
        premium: optionalNumber(premium, "premium", 0),
        fee: optionalNumber(fee, "fee", 0),
      }
    )
  );
}

/**
 * Annual volatility of a portfolio, √(wᵀΣw). With the financing arguments, a financing asset of weight 1 − Σw is added.
 * @customfunction VOL
 * @param weights Weight of each asset (a row or a column).
 * @param vols Annual volatility of each asset (decimal).
 * @param correlations Correlation matrix of the assets (full, or its lower triangle).
 * @param [financing_vol] Volatility of the borrowing rate; giving it (or financing_correlations) adds the implicit financing asset.
 * @param [financing_correlations] Correlation of the financing asset with each asset (default 0).
 * @returns Annual volatility (decimal).
 */
export function vol(
  weights: any[][],
  vols: any[][],
  correlations: any[][],
  financing_vol?: number,
  financing_correlations?: any[][]
): number | CustomFunctions.Error {
  return excel(() =>
    portfolioVolatility(
      portfolioOf(weights, vols, correlations, financing_vol, financing_correlations)
    )
  );
}

/**
 * Correlation of the portfolio with one of its assets (by position) or with an outside asset (by its correlations with each asset).
 * @customfunction CORR
 * @param weights Weight of each asset (a row or a column).
 * @param vols Annual volatility of each asset (decimal).
 * @param correlations Correlation matrix of the assets (full, or its lower triangle).
 * @param target Position of an asset (1 = first; with financing, the last position is the financing asset), or an outside asset's correlation with each asset.
 * @param [financing_vol] Volatility of the borrowing rate; giving it (or financing_correlations) adds the implicit financing asset.
 * @param [financing_correlations] Correlation of the financing asset with each asset (default 0).
 * @returns Correlation between −1 and 1.
 */
export function corr(
  weights: any[][],
  vols: any[][],
  correlations: any[][],
  target: any[][],
  financing_vol?: number,
  financing_correlations?: any[][]
): number | CustomFunctions.Error {
  return excel(() => {
    const p = portfolioOf(weights, vols, correlations, financing_vol, financing_correlations);
    const n = p.weights.length;
    const position =
      Array.isArray(target) && target.length === 1 && target[0].length === 1
        ? target[0][0]
        : target;
    if (!Array.isArray(position)) {
      const k = number(position, "target");
      if (!Number.isInteger(k) || k < 1 || k > n)
        throw invalid("target", `expected a position from 1 to ${n}`);
      return correlationWith(p, p.correlations.data.subarray((k - 1) * n, k * n));
    }
    const outside = vector(target, "target").values;
    const explicitAssets =
      n - (isMissing(financing_vol) && isMissing(financing_correlations) ? 0 : 1);
    // Without a value for the implicit financing asset, the outside asset is taken as uncorrelated with it.
    const withZ =
      outside.length === explicitAssets && explicitAssets < n
        ? Float64Array.from([...outside, 0])
        : outside;
    return correlationWith(p, withZ);
  });
}

/**
 * Spills the portfolio's correlation with every asset (and with the financing asset, last, when financing is given).
 * @customfunction CORRS
 * @param weights Weight of each asset (a row or a column).
 * @param vols Annual volatility of each asset (decimal).
 * @param correlations Correlation matrix of the assets (full, or its lower triangle).
 * @param [financing_vol] Volatility of the borrowing rate; giving it (or financing_correlations) adds the implicit financing asset.
 * @param [financing_correlations] Correlation of the financing asset with each asset (default 0).
 * @returns One correlation per asset, in the orientation of weights.
 */
export function corrs(
  weights: any[][],
  vols: any[][],
  correlations: any[][],
  financing_vol?: number,
  financing_correlations?: any[][]
): any[][] {
  return excelSpill(() => {
    const p = portfolioOf(weights, vols, correlations, financing_vol, financing_correlations);
    return spill(correlationsWithAssets(p), vector(weights, "weights").orientation);
  });
}

/**
 * Spills the covariance matrix σᵢ·ρᵢⱼ·σⱼ.
 * @customfunction COV
 * @param vols Annual volatility of each asset (decimal).
 * @param correlations Correlation matrix of the assets (full, or its lower triangle).
 * @returns The covariance matrix.
 */
export function cov(vols: any[][], correlations: any[][]): any[][] {
  return excelSpill(() => {
    const sigma = covarianceMatrix(
      vector(vols, "vols").values,
      correlationMatrix(cells(correlations, "correlations"))
    );
    const out: number[][] = [];
    for (let i = 0; i < sigma.n; i++)
      out.push(Array.from(sigma.data.subarray(i * sigma.n, (i + 1) * sigma.n)));
    return out;
  });
}

/**
 * GEORETURN's methods, offered by Excel's AutoComplete (older Excel shows a plain text argument).
 * @customenum {string}
 */
enum GeoReturnMethod {
  /** √((1+μ)²−σ²)−1, the actuarial convention (default) */
  quadratic = "quadratic",
  /** μ−σ²/2 */
  approx = "approx",
}

/**
 * Compound (geometric) annual return from an arithmetic return and a volatility.
 * @customfunction GEORETURN
 * @param arith_return Expected annual arithmetic return (decimal).
 * @param vol Annual volatility (decimal).
 * @param [method] "quadratic" (default): √((1+μ)²−σ²)−1; "approx": μ−σ²/2.
 * @returns Compound annual return (decimal).
 */
export function geoReturn(
  arith_return: number,
  vol: number,
  method?: GeoReturnMethod
): number | CustomFunctions.Error {
  return excel(() =>
    geometricReturn(
      number(arith_return, "arith_return"),
      number(vol, "vol"),
      choice(method, "method", ["quadratic", "approx"] as const)
    )
  );
}

/**
 * Annualised return at a percentile over a horizon, taking the annualised return as normal: g + z·σ/√years.
 * @customfunction HORIZON.PCTL
 * @param geo_return Compound annual return (decimal).
 * @param vol Annual volatility (decimal).
 * @param years Horizon in years.
 * @param percentile Percentile as a fraction between 0 and 1, e.g. 0.1 for the 10th.
 * @returns Annualised return at that percentile (decimal).
 */
export function horizonPctl(
  geo_return: number,
  vol: number,
  years: number,
  percentile: number
): number | CustomFunctions.Error {
  return excel(() =>
    horizonPercentile(
      number(geo_return, "geo_return"),
      number(vol, "vol"),
      number(years, "years"),
      number(percentile, "percentile")
    )
  );
}

/**
 * Probability that the annualised return over a horizon exceeds a target.
 * @customfunction HORIZON.PROB
 * @param geo_return Compound annual return (decimal).
 * @param vol Annual volatility (decimal).
 * @param years Horizon in years.
 * @param target Annualised return to beat (decimal).
 * @returns Probability between 0 and 1.
 */
export function horizonProb(
  geo_return: number,
  vol: number,
  years: number,
  target: number
): number | CustomFunctions.Error {
  return excel(() =>
    horizonProbability(
      number(geo_return, "geo_return"),
      number(vol, "vol"),
      number(years, "years"),
      number(target, "target")
    )
  );
}

/**
 * Spills risk-parity weights: inverse volatility, or equal risk contribution when correlations are given (checked equal; #VALUE! when no equal-risk solution exists, e.g. an asset and its exact inverse).
 * @customfunction RISKPARITY
 * @param vols Annual volatility of each asset (decimal, all positive).
 * @param [correlations] Correlation matrix of the assets (full, or its lower triangle).
 * @returns Weights summing to 1, in the orientation of vols.
 */
export function riskParity(vols: any[][], correlations?: any[][]): any[][] {
  return excelSpill(() => {
    const v = vector(vols, "vols");
    const weights = isMissing(correlations)
      ? inverseVolatilityWeights(v.values)
      : equalRiskContributionWeights(
          v.values,
          correlationMatrix(cells(correlations, "correlations"))
        );
    return spill(weights, v.orientation);
  });
}

/**
 * Scale factor k such that the portfolio k·weights has the target volatility.
 * @customfunction LEVERAGE
 * @param target_vol Target annual volatility (decimal).
 * @param weights Weight of each asset (a row or a column).
 * @param vols Annual volatility of each asset (decimal).
 * @param correlations Correlation matrix of the assets (full, or its lower triangle).
 * @returns The leverage factor k.
 */
export function leverage(
  target_vol: number,
  weights: any[][],
  vols: any[][],
  correlations: any[][]
): number | CustomFunctions.Error {
  return excel(() =>
    leverageFor(number(target_vol, "target_vol"), portfolioOf(weights, vols, correlations))
  );
}
