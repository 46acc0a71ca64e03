/**
 * One source of the backtest's data, as a card: its format and how it was read (separators, date
 * order, lines not read), the questions only the user can answer (day or month first, rows before
 * 1900), and each column with the unit it was read in, a menu to change it (or not use the column),
 * and any doubt about it, naming its line, which must be answered before the series is used.
 */
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { DateQuestion } from "../io/series-dates";
import type { ColumnUnit } from "../io/series-units";
import { Options } from "./Options";
import {
  describeSeries,
  FORMAT_NAMES,
  UNIT_CHOICES,
  unitLabel,
  type LoadedSeries,
  type Source,
  type SourceChoices,
  type SourceColumn,
} from "./series-sources";
import { usePaneStyles } from "./styles";

const useCardStyles = makeStyles({
  columnHead: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.4fr)",
    gap: "6px",
    alignItems: "center",
  },
  name: { overflowWrap: "anywhere" },
  doubt: { color: tokens.colorStatusWarningForeground1 },
  problem: { color: tokens.colorStatusDangerForeground1 },
});

export interface SourceCardProps {
  readonly source: Source;
  /** The source's series with the names the pane uses. */
  readonly series: readonly LoadedSeries[];
  onRemove(): void;
  onChoose(choices: SourceChoices): void;
}

export function SourceCard({
  source,
  series,
  onRemove,
  onChoose,
}: SourceCardProps): React.JSX.Element {
  const styles = usePaneStyles();
  const chooseUnit = (column: string, unit: ColumnUnit | "skip") =>
    onChoose({ units: { ...source.choices.units, [column]: unit } });
  const pending = source.columns.filter((c) => c.series?.pending !== undefined);
  const kind = source.origin === "range" ? "Range in this workbook" : FORMAT_NAMES[source.format];
  const encoding = source.encoding && source.encoding !== "UTF-8" ? ` · ${source.encoding}` : "";
  return (
    <li className={styles.card}>
      <div className={styles.cardHeader}>
        <h3 className={styles.cardTitle}>{source.label}</h3>
        <Button
          size="small"
          appearance="subtle"
          onClick={onRemove}
          aria-label={`Remove ${source.label}`}
        >
          Remove
        </Button>
      </div>
      <Caption1 className={styles.muted}>
        {kind} · {source.series.length} series{encoding}
      </Caption1>
      {source.notes.length > 0 && (
        <ul className={styles.notes} aria-label={`How ${source.label} was read`}>
          {source.notes.map((note) => (
            <li key={note}>
              <Caption1>{note}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {source.questions.map((question) => (
        <Question key={question.kind} question={question} onChoose={onChoose} />
      ))}
      {pending.length > 1 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{pending.length} series need their unit</MessageBarTitle>
            Choose each one below, or one unit for all of them:
            <Select
              aria-label={`Unit of every series of ${source.label} to confirm`}
              value=""
              onChange={(_, data) =>
                onChoose({
                  units: {
                    ...source.choices.units,
                    ...Object.fromEntries(
                      pending.map((c) => [c.column, data.value as ColumnUnit | "skip"])
                    ),
                  },
                })
              }
            >
              <option value="">Choose a unit for all…</option>
              <Options
                items={UNIT_CHOICES}
                value={(unit) => unit}
                label={(unit) => unitLabel(unit, pending[0].ppy)}
              />
            </Select>
          </MessageBarBody>
        </MessageBar>
      )}
      {source.columns.length > 0 && (
        <ul className={styles.seriesList} aria-label={`Series of ${source.label}`}>
          {source.columns.map((column) => (
            <ColumnItem
              key={column.column}
              column={column}
              name={series.find((s) => s.column === column.column)?.name ?? column.column}
              onUnit={(unit) => chooseUnit(column.column, unit)}
            />
          ))}
        </ul>
      )}
      {source.unread.length > 0 && (
        <Select
          aria-label={`Read another column of ${source.label}`}
          value=""
          onChange={(_, data) =>
            onChoose({
              add: [...(source.choices.add ?? []), data.value],
              units: Object.fromEntries(
                Object.entries(source.choices.units ?? {}).filter(([name]) => name !== data.value)
              ),
            })
          }
        >
          <option value="">Read another column…</option>
          <Options items={source.unread} value={(name) => name} label={(name) => name} />
        </Select>
      )}
    </li>
  );
}

/** A question about the whole source, with its answers as buttons. */
function Question({
  question,
  onChoose,
}: {
  readonly question: DateQuestion;
  onChoose(choices: SourceChoices): void;
}): React.JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {question.kind === "date-order" ? "Day first or month first?" : "Dates before 1900"}
        </MessageBarTitle>
        {question.text}
      </MessageBarBody>
      <MessageBarActions>
        {question.kind === "date-order" ? (
          <>
            <Button onClick={() => onChoose({ dateOrder: "dmy" })}>
              Day first ({question.dayFirst})
            </Button>
            <Button onClick={() => onChoose({ dateOrder: "mdy" })}>
              Month first ({question.monthFirst})
            </Button>
          </>
        ) : (
          <Button onClick={() => onChoose({ from1900: true })}>Import from 1900</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

/** One column: its name, the unit menu, what was read, and any doubt or problem. */
function ColumnItem({
  column,
  name,
  onUnit,
}: {
  readonly column: SourceColumn;
  readonly name: string;
  onUnit(unit: ColumnUnit | "skip"): void;
}): React.JSX.Element {
  const styles = usePaneStyles();
  const card = useCardStyles();
  const pending = column.series?.pending !== undefined;
  return (
    <li>
      <div className={card.columnHead}>
        <Text weight="semibold" className={card.name}>
          {name}
        </Text>
        <Select
          size="small"
          aria-label={`Unit of ${name}`}
          value={pending ? "" : column.unit}
          onChange={(_, data) => onUnit(data.value as ColumnUnit | "skip")}
        >
          {pending && <option value="">Choose the unit…</option>}
          <Options
            items={UNIT_CHOICES}
            value={(unit) => unit}
            label={(unit) => unitLabel(unit, column.ppy)}
          />
        </Select>
      </div>
      {column.series && (
        <Caption1 className={styles.muted}>
          {pending ? "For now: " : ""}
          {describeSeries(column.series)}
          {column.chosen ? "" : ` — from ${column.basis}`}
        </Caption1>
      )}
      {!column.chosen &&
        column.doubts.map((doubt) => (
          <Caption1 key={doubt} className={card.doubt} block>
            ⚠ {doubt}
            {pending ? " Choose the unit to use this series." : ""}
          </Caption1>
        ))}
      {column.problem && (
        <Caption1 className={card.problem} block>
          Cannot be used as {unitLabel(column.unit, column.ppy)}: {column.problem}
        </Caption1>
      )}
    </li>
  );
}
