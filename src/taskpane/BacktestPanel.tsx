/**
 * The pane's backtest part: historical series in (CSV files or the selected range), holdings and rules
 * (or a preset), the alignment in plain words, then a new live backtest sheet built with progress and a
 * Cancel button. Settings and small files are remembered for the next session. Wiring only: reading and
 * checking are series-sources.ts and backtest-setup.ts, the sheet is src/sheets, Excel calls src/excel.
 */
import { Caption1, Checkbox, Field, Select, Text } from "@fluentui/react-components";
import * as React from "react";
import { explain } from "../excel/errors";
import { readSelection } from "../excel/selection";
import { PRESETS } from "../sheets/backtest-config";
import { PresetCosts } from "./PresetCosts";
import { applyPreset, BacktestSetup, prepare, restoreSetup } from "./backtest-setup";
import { BacktestSources } from "./BacktestSources";
import { BuildControls, Message, Notice, roundTrips, today, useSheetBuild } from "./build";
import { PortfoliosEditor } from "./PortfoliosEditor";
import { recall, remember, RememberedSource } from "./office-helpers";
import {
  gridToCsv,
  openQuestions,
  readProblem,
  readSource,
  readSourceFile,
  replaceSource,
  rereadSource,
  seriesBySource,
  Source,
} from "./series-sources";
import { usePaneStyles } from "./styles";
import { byName, choice, Options } from "./Options";
import { TextField } from "./TextField";

/** Larger files are not daily series (a century of daily Yahoo prices is under 2 MB). */
const MAX_FILE_BYTES = 30_000_000;

/** The last session's sources that can be read again, and the names of those that were too large to keep. */
function recallSources(): { sources: Source[]; forgotten: string[] } {
  const remembered = recall("backtest-sources") ?? [];
  const sources: Source[] = [];
  const forgotten: string[] = [];
  for (const { label, origin, text, choices } of remembered) {
    try {
      if (text === undefined) forgotten.push(label);
      else sources.push(readSource(text, label, origin, choices));
    } catch {
      forgotten.push(label); // read by an older version of the pane: the user adds it again
    }
  }
  return { sources, forgotten };
}

function startingNotice(forgotten: readonly string[]): Message | undefined {
  if (forgotten.length === 0) return undefined;
  return {
    intent: "info",
    title: "Your settings are back",
    text: `Add ${forgotten.join(", ")} again: Stack could not keep ${forgotten.length === 1 ? "it" : "them"} between sessions.`,
  };
}

/** Sources with `added` in place of any of the same name (reading a file again replaces it). */
const withSource = (sources: readonly Source[], added: Source) => [
  ...sources.filter((s) => s.label !== added.label),
  added,
];

export function BacktestPanel(): React.JSX.Element {
  const styles = usePaneStyles();
  const [start] = React.useState(recallSources);
  const [sources, setSources] = React.useState<readonly Source[]>(start.sources);
  const [setup, setSetup] = React.useState<BacktestSetup>(() =>
    restoreSetup(recall("backtest") as Record<string, unknown> | undefined)
  );
  const [notice, setNotice] = React.useState<Message | undefined>(() =>
    startingNotice(start.forgotten)
  );
  const [selecting, setSelecting] = React.useState(false);
  const build = useSheetBuild();

  const bySource = React.useMemo(() => seriesBySource(sources), [sources]);
  const all = React.useMemo(() => bySource.flat(), [bySource]);
  const returns = all.filter((s) => s.kind === "returns");
  const rates = all.filter((s) => s.kind === "rates");
  // Aligning and laying out thousands of rows takes a moment: typing stays responsive, the check follows.
  const checked = React.useDeferredValue(setup);
  const preparation = React.useMemo(() => prepare(checked, all, today()), [checked, all]);
  // A source whose dates need an answer has no series yet: nothing is built until it is answered.
  const questions = React.useMemo(() => openQuestions(sources), [sources]);

  const update = (changes: Partial<BacktestSetup>) => {
    const next = { ...setup, ...changes };
    setSetup(next);
    remember("backtest", next);
    build.setOutcome(undefined);
  };
  const updateSources = (next: readonly Source[], note: Message | undefined) => {
    setSources(next);
    setNotice(note);
    build.setOutcome(undefined);
    remember(
      "backtest-sources",
      next.map(({ label, origin, text, choices }): RememberedSource => ({
        label,
        origin,
        text,
        choices,
      }))
    );
  };

  const addFiles = async (files: readonly File[]) => {
    let next = sources;
    const problems: string[] = [];
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        problems.push(
          `${file.name}: ${Math.round(file.size / 1_000_000)} MB is too large for a series file.`
        );
        continue;
      }
      try {
        next = withSource(
          next,
          readSourceFile(new Uint8Array(await file.arrayBuffer()), file.name)
        );
      } catch (error) {
        problems.push(
          files.length === 1
            ? readProblem(error, "file")
            : `${file.name}: ${readProblem(error, "file")}`
        );
      }
    }
    const failed =
      problems.length === 1
        ? `Could not read ${files.length === 1 ? files[0].name : "a file"}`
        : `Could not read ${problems.length} files`;
    updateSources(
      next,
      problems.length === 0
        ? undefined
        : {
            intent: "error",
            title: `${failed}; nothing was added from it`,
            items: problems,
            itemsLabel: "Problems found",
          }
    );
  };

  const readRange = async () => {
    setSelecting(true);
    try {
      const range = await readSelection();
      const label = range.address;
      try {
        updateSources(
          withSource(
            sources,
            readSource(gridToCsv(range.values, range.row, range.numberFormat), label, "range")
          ),
          undefined
        );
      } catch (error) {
        setNotice({
          intent: "error",
          title: `Could not read ${label}; nothing was added from it`,
          items: [readProblem(error, "range")],
          itemsLabel: "Problems found",
        });
      }
    } catch (error) {
      setNotice({ intent: "error", text: explain(error) });
    } finally {
      setSelecting(false);
    }
  };

  const chooseForSource = (source: Source, choices: Source["choices"]) => {
    try {
      updateSources(replaceSource(sources, rereadSource(source, choices)), undefined);
    } catch (error) {
      setNotice({
        intent: "error",
        title: `${source.label} cannot be read that way; it is kept as it was`,
        items: [readProblem(error, source.origin)],
        itemsLabel: "Problems found",
      });
    }
  };

  const choosePreset = (id: string) => {
    const chosen = PRESETS.find((p) => p.id === id);
    if (chosen) update(applyPreset(setup, chosen, all));
  };

  const buildSheet = () =>
    void build.run(
      () => {
        // The settings as they are now, should the check above still be catching up with the typing.
        const now = checked === setup ? preparation : prepare(setup, all, today());
        if (!now.ok) throw new Error(now.problems.join(" "));
        return now.prepared.layout;
      },
      (result) => ({
        intent: "success",
        title: `Built “${result.sheetName}”`,
        text: `Edit the orange cells on the sheet (weights, leverage, fees, rebalancing); every result recalculates. (${roundTrips(result)}.)`,
      })
    );

  const preset = PRESETS.find((p) => p.id === setup.preset);
  const rate = rates.find((s) => s.name === setup.rate);
  return (
    <>
      <Text>Build a live backtest sheet from historical prices, returns and rates.</Text>

      <section className={styles.section} aria-labelledby="backtest-data-heading">
        <h2 id="backtest-data-heading" className={styles.heading}>
          1. Data
        </h2>
        <BacktestSources
          sources={sources}
          series={bySource}
          busy={selecting || build.progress !== undefined}
          onFiles={(files) => void addFiles(files)}
          onRange={() => void readRange()}
          onRemove={(label) =>
            updateSources(
              sources.filter((s) => s.label !== label),
              undefined
            )
          }
          onChoose={chooseForSource}
        />
        <div aria-live="polite">{notice && <Notice message={notice} />}</div>
      </section>

      <section className={styles.section} aria-labelledby="backtest-portfolio-heading">
        <h2 id="backtest-portfolio-heading" className={styles.heading}>
          2. Portfolios
        </h2>
        <Field
          label="Preset"
          hint={
            returns.length === 0
              ? "Add data first."
              : "Fills one or more portfolios below; edit them after."
          }
        >
          <Select
            value={preset?.id ?? ""}
            disabled={returns.length === 0}
            onChange={(_, data) => choosePreset(data.value)}
          >
            {!preset && <option value="">Choose a preset…</option>}
            <Options items={PRESETS} value={(p) => p.id} label={choice.label} />
          </Select>
        </Field>
        <PresetCosts />
        <PortfoliosEditor
          portfolios={setup.portfolios}
          series={all}
          rate={setup.rate}
          onChange={(portfolios) => update({ portfolios })}
        />
        <Field
          label="Borrowing rate"
          hint={
            rate
              ? `${rate.name}: ${rate.reading}.`
              : "What the funds pay on the borrowed part, before the spread."
          }
        >
          <Select value={setup.rate} onChange={(_, data) => update({ rate: data.value })}>
            <option value="">None (0%)</option>
            <Options items={rates} {...byName} />
          </Select>
        </Field>
        <Field
          label="Benchmark"
          hint="Shown beside the portfolios at 1x with no costs (both can be changed on the sheet); the risk table measures beta, capture and tracking error against it."
        >
          <Select value={setup.benchmark} onChange={(_, data) => update({ benchmark: data.value })}>
            <option value="">None</option>
            <Options items={returns} {...byName} />
          </Select>
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="backtest-rules-heading">
        <h2 id="backtest-rules-heading" className={styles.heading}>
          3. Period
        </h2>
        <div className={styles.pair}>
          <TextField
            label="Start date"
            value={setup.start}
            onChange={(value) => update({ start: value })}
            kind="date"
          />
          <TextField
            label="End date"
            value={setup.end}
            onChange={(end) => update({ end })}
            kind="date"
          />
        </div>
        <Caption1>Leave the dates blank to use every common date.</Caption1>
        <div className={styles.pair}>
          <TextField
            label="Starting amount"
            value={setup.startAmount}
            onChange={(startAmount) => update({ startAmount })}
            kind="decimal"
          />
          <TextField
            label="Rolling window"
            value={setup.rollingYears}
            onChange={(rollingYears) => update({ rollingYears })}
            unit="years"
            kind="decimal"
          />
        </div>
        <Checkbox
          checked={setup.monteCarlo}
          onChange={(_, data) => update({ monteCarlo: data.checked === true })}
          label="Add a Monte Carlo block (resampled histories)"
        />
        {setup.monteCarlo && (
          <div className={styles.pair}>
            <TextField
              label="Years per path"
              value={setup.monteCarloYears}
              onChange={(monteCarloYears) => update({ monteCarloYears })}
              kind="decimal"
            />
            <TextField
              label="Paths"
              value={setup.monteCarloPaths}
              onChange={(monteCarloPaths) => update({ monteCarloPaths })}
              kind="decimal"
            />
            <TextField
              label="Block (rows)"
              value={setup.monteCarloBlock}
              onChange={(monteCarloBlock) => update({ monteCarloBlock })}
              kind="decimal"
            />
            <TextField
              label="Seed"
              value={setup.monteCarloSeed}
              onChange={(monteCarloSeed) => update({ monteCarloSeed })}
              kind="decimal"
            />
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="backtest-build-heading">
        <h2 id="backtest-build-heading" className={styles.heading}>
          4. Backtest sheet
        </h2>
        <TextField label="Title" value={setup.title} onChange={(title) => update({ title })} />
        <Caption1>
          A new sheet with the aligned data and live =STACK formulas: every portfolio beside the
          benchmark in a risk table, annual and monthly returns, drawdowns, stress episodes, the
          financing bleed and charts. Your other sheets are not touched.
        </Caption1>
        <div aria-live="polite">
          {preparation.ok && questions.length === 0 ? (
            <Notice
              message={{
                intent: "info",
                title: preparation.prepared.alignment[0],
                items: preparation.prepared.alignment.slice(1),
                itemsLabel: "What alignment did",
              }}
            />
          ) : (
            <Notice
              message={{
                intent: all.length === 0 ? "info" : "warning",
                title: "Before building",
                // "add a file first" is no news when a file waits for an answer
                items: [
                  ...questions,
                  ...(preparation.ok || (questions.length > 0 && all.length === 0)
                    ? []
                    : preparation.problems),
                ],
                itemsLabel: "Still to do",
              }}
            />
          )}
        </div>
        <BuildControls
          build={build}
          label="Build backtest sheet"
          disabled={!preparation.ok || questions.length > 0 || selecting}
          onBuild={buildSheet}
        />
      </section>
    </>
  );
}
