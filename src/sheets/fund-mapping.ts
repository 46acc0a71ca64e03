/**
 * Which asset of a capital-market-assumption table stands for each asset class of a fund table, so the
 * look-through exposure of a portfolio of funds can be priced with the CMA's returns, volatilities and
 * correlations. Matched by name where they agree — the same name (ignoring case, spacing and
 * punctuation), else one of the class's other names ({@link ASSET_CLASSES} aliases, e.g. "Stocks" for US
 * equity) — and otherwise left unmapped for the user to choose: never guessed further, and an unmapped
 * class is listed, not dropped.
 */
import { ASSET_CLASSES } from "./fund-template";

/** How a class was matched: by its own name, by another of its names, or not at all. */
export interface ClassMatch {
  readonly assetClass: string;
  /** The CMA asset's index, when matched. */
  readonly asset?: number;
  readonly how: "name" | "alias" | "none";
}

/** "US Equity", "us-equity" and "U.S. equity " all read "us equity". */
const normal = (name: string) =>
  name
    .toLowerCase()
    .replace(/\bu\.s\.(?=\s|$)/g, "us")
    .replace(/[^a-z0-9&/+]+/g, " ")
    .trim();

/** Match each class to a CMA asset by name, else by alias; the first asset listed wins a tie. */
export function matchClasses(classes: readonly string[], assets: readonly string[]): ClassMatch[] {
  const names = assets.map(normal);
  return classes.map((assetClass) => {
    const byName = names.indexOf(normal(assetClass));
    if (byName >= 0) return { assetClass, asset: byName, how: "name" };
    const aliases = ASSET_CLASSES.find((c) => c.name === assetClass)?.aliases ?? [];
    const byAlias = names.findIndex((n) => aliases.some((a) => normal(a) === n));
    return byAlias >= 0
      ? { assetClass, asset: byAlias, how: "alias" }
      : { assetClass, how: "none" };
  });
}
