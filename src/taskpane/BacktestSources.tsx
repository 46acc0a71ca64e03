/**
 * The backtest part's data section: add CSV files or read the selected range, and see each source on
 * its card (SourceCard.tsx): how it was read, the questions to answer, each series' unit.
 */
import { Button, Caption1 } from "@fluentui/react-components";
import * as React from "react";
import type { LoadedSeries, Source, SourceChoices } from "./series-sources";
import { SourceCard } from "./SourceCard";
import { usePaneStyles } from "./styles";

export interface BacktestSourcesProps {
  readonly sources: readonly Source[];
  /** Each source's series with the names the pane uses (see seriesBySource). */
  readonly series: readonly (readonly LoadedSeries[])[];
  readonly busy: boolean;
  onFiles(files: readonly File[]): void;
  onRange(): void;
  onRemove(label: string): void;
  /** The user answered a question or chose a unit: read the source again with these choices. */
  onChoose(source: Source, choices: SourceChoices): void;
}

export function BacktestSources({
  sources,
  series: named,
  busy,
  onFiles,
  onRange,
  onRemove,
  onChoose,
}: BacktestSourcesProps): React.JSX.Element {
  const styles = usePaneStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <div className={styles.row}>
        <Button onClick={() => fileInput.current?.click()} disabled={busy}>
          Add CSV files…
        </Button>
        <Button onClick={onRange} disabled={busy}>
          Read selected range
        </Button>
      </div>
      <input
        ref={fileInput}
        type="file"
        multiple
        accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
        aria-label="CSV files of prices, returns or rates"
        hidden
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = "";
        }}
      />
      <Caption1>
        Yahoo Finance, FRED or Kenneth French downloads, or a Date column then value columns (comma,
        semicolon or tab separated; a range: select it with its header row). Each series shows the
        unit it was read in: change it if it is wrong.
      </Caption1>
      {sources.length > 0 && (
        <ul className={styles.cards} aria-label="Data read">
          {sources.map((source, s) => (
            <SourceCard
              key={source.label}
              source={source}
              series={named[s]}
              onRemove={() => onRemove(source.label)}
              onChoose={(choices) => onChoose(source, { ...source.choices, ...choices })}
            />
          ))}
        </ul>
      )}
    </>
  );
}
