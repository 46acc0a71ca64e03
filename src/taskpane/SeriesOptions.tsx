/** The `<option>`s of a series drop-down: one per loaded series, its name as value and label. */
import * as React from "react";
import type { LoadedSeries } from "./series-sources";

export function SeriesOptions({ series }: { readonly series: readonly LoadedSeries[] }): React.JSX.Element {
  return (
    <>
      {series.map((s) => (
        <option key={s.name} value={s.name}>
          {s.name}
        </option>
      ))}
    </>
  );
}
