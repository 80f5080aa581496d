/**
 * The duplicate review (DESIGN.md §8.6): a virtualised Fluent DataGrid of pairs (thousands of rows stay
 * smooth: only the visible rows are in the DOM), keyboard navigable (arrow keys between rows, Tab into a
 * row's controls), one column of stacked versions so it fits a narrow pane; bulk "link all ≥ 90", per-pair
 * decision and per-field choice, a filter for duplicates within Outlook, then "Start first sync".
 */
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
} from '@fluentui-contrib/react-data-grid-react-window';
import {
  Button,
  createTableColumn,
  makeStyles,
  Select,
  Tab,
  TabList,
  Text,
  tokens,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { useMemo, useReducer, useState, type Dispatch } from 'react';
import type { PairDecision } from '../../core/dedupe/index.js';
import type { DuplicateCheck } from '../../app/dedupe/index.js';
import { FieldChoiceDialog } from './FieldChoiceDialog.js';
import { PairCell } from './PairCell.js';
import {
  BULK_LINK_SCORE,
  differingFields,
  initialReviewModel,
  linkableAbove,
  reduceReview,
  reviewRows,
  reviewSummary,
  type ReviewEvent,
  type ReviewModel,
  type ReviewRow,
} from './review-model.js';
import type { DedupeTexts } from './texts.js';

const ROW_HEIGHT = 132;
const MAX_GRID_HEIGHT = 5 * ROW_HEIGHT;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  decision: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
  decisionColumn: { flexGrow: 0, flexBasis: '128px', minWidth: '112px' },
  pairColumn: { flexGrow: 1, minWidth: 0 },
});

export interface DuplicateReviewProps {
  readonly check: DuplicateCheck;
  readonly texts: DedupeTexts;
  /** Store the decisions (applyReview) and start the first sync. */
  readonly onStartFirstSync: (model: ReviewModel) => void;
  readonly onCreateFolder?: () => void;
  /** Store the decisions without syncing (the Sync tab's preview and run apply them). */
  readonly onSaveForLater?: (model: ReviewModel) => void;
  readonly busy?: boolean;
}

function DecisionCell(props: {
  row: ReviewRow;
  texts: DedupeTexts;
  dispatch: Dispatch<ReviewEvent>;
  canLink: boolean;
  onFields: (index: number) => void;
  hasFieldChoice: boolean;
}) {
  const { row, texts, dispatch, canLink, onFields, hasFieldChoice } = props;
  const s = useStyles();
  const label = texts.decisionLabel(row.first.name);
  if (row.kind === 'within') {
    return (
      <Select
        aria-label={label}
        value={row.secondSkipped ? 'skip' : 'keep'}
        onChange={() => dispatch({ type: 'toggle-within-skip', outlookId: row.secondId })}
      >
        <option value="keep">{texts.actions['keep-both']}</option>
        <option value="skip">{texts.skipSecond}</option>
      </Select>
    );
  }
  const actions: PairDecision['action'][] = canLink
    ? ['undecided', 'link', 'keep-both', 'skip-outlook']
    : ['undecided', 'keep-both', 'skip-outlook'];
  return (
    <div className={s.decision}>
      <Select
        aria-label={label}
        value={row.decision}
        onChange={(_e, d) =>
          dispatch({ type: 'decide', index: row.index, action: d.value as PairDecision['action'] })
        }
      >
        {actions.map((a) => (
          <option key={a} value={a}>
            {texts.actions[a]}
          </option>
        ))}
      </Select>
      {row.decision === 'link' && hasFieldChoice && (
        <Button size="small" onClick={() => onFields(row.index)}>
          {texts.fieldsButton}
        </Button>
      )}
    </div>
  );
}

export function DuplicateReview({
  check,
  texts,
  onStartFirstSync,
  onCreateFolder,
  onSaveForLater,
  busy,
}: DuplicateReviewProps) {
  const s = useStyles();
  const [model, dispatch] = useReducer(reduceReview, check, initialReviewModel);
  const [fieldsFor, setFieldsFor] = useState<number | undefined>();
  const [announce, setAnnounce] = useState('');
  const rows = useMemo(() => reviewRows(model), [model]);
  const summary = reviewSummary(model);
  const canLink = !check.synced;

  const columns: TableColumnDefinition<ReviewRow>[] = useMemo(
    () => [
      createTableColumn<ReviewRow>({
        columnId: 'pair',
        renderHeaderCell: () => texts.columnPair,
        renderCell: (row) => <PairCell row={row} texts={texts} />,
      }),
      createTableColumn<ReviewRow>({
        columnId: 'decision',
        renderHeaderCell: () => texts.columnDecision,
        renderCell: (row) => (
          <DecisionCell
            row={row}
            texts={texts}
            dispatch={dispatch}
            canLink={canLink}
            onFields={setFieldsFor}
            hasFieldChoice={
              row.kind === 'pair' &&
              differingFields(check.pairs[row.index]!.outlook.item, check.pairs[row.index]!.crm.item).length >
                0
            }
          />
        ),
      }),
    ],
    [texts, canLink, check],
  );

  const linkAbove = () => {
    const n = linkableAbove(model, BULK_LINK_SCORE);
    dispatch({ type: 'link-above', score: BULK_LINK_SCORE });
    setAnnounce(texts.linkedAnnounce(n));
  };
  const columnClass = (id: string | number) => (id === 'decision' ? s.decisionColumn : s.pairColumn);

  return (
    <div className={s.root}>
      <Text>{texts.counts(check.outlookItems, check.crmItems, check.pairs.length)}</Text>
      <TabList
        aria-label={texts.filterLabel}
        selectedValue={model.filter}
        onTabSelect={(_e, d) => dispatch({ type: 'filter', filter: d.value as 'pairs' | 'within' })}
      >
        <Tab value="pairs">{texts.filterPairs(check.pairs.length)}</Tab>
        <Tab value="within">{texts.filterWithin(check.withinOutlook.length)}</Tab>
      </TabList>
      {model.filter === 'pairs' && canLink && (
        <div className={s.bar}>
          <Button onClick={linkAbove} disabled={linkableAbove(model, BULK_LINK_SCORE) === 0}>
            {texts.linkAbove(BULK_LINK_SCORE)}
          </Button>
        </div>
      )}
      {rows.length === 0 ? (
        <Text>{texts.none}</Text>
      ) : (
        <DataGrid
          items={rows as ReviewRow[]}
          columns={columns}
          getRowId={(r: ReviewRow) => r.key}
          focusMode="composite"
        >
          <DataGridHeader>
            <DataGridRow>
              {({ renderHeaderCell, columnId }) => (
                <DataGridHeaderCell className={columnClass(columnId)}>
                  {renderHeaderCell()}
                </DataGridHeaderCell>
              )}
            </DataGridRow>
          </DataGridHeader>
          <DataGridBody<ReviewRow>
            itemSize={ROW_HEIGHT}
            height={Math.min(MAX_GRID_HEIGHT, rows.length * ROW_HEIGHT)}
          >
            {({ item, rowId }, style) => (
              <DataGridRow<ReviewRow> key={rowId} style={style as React.CSSProperties}>
                {({ renderCell, columnId }) => (
                  <DataGridCell
                    className={columnClass(columnId)}
                    focusMode={columnId === 'decision' ? 'group' : 'cell'}
                  >
                    {renderCell(item)}
                  </DataGridCell>
                )}
              </DataGridRow>
            )}
          </DataGridBody>
        </DataGrid>
      )}
      <Text role="status" aria-live="polite">
        {announce} {texts.summary(summary.linked, summary.keptBoth, summary.skipped, summary.undecided)}
      </Text>
      <div className={s.bar}>
        <Button
          appearance="primary"
          disabled={busy === true || check.synced}
          onClick={() => onStartFirstSync(model)}
        >
          {texts.startFirstSync}
        </Button>
        {onSaveForLater && (
          <Button disabled={busy === true || check.synced} onClick={() => onSaveForLater(model)}>
            {texts.saveForLater}
          </Button>
        )}
        {onCreateFolder && <Button onClick={onCreateFolder}>{texts.createFolderInstead}</Button>}
      </div>
      {fieldsFor !== undefined && (
        <FieldChoiceDialog
          pair={check.pairs[fieldsFor]!}
          current={(() => {
            const d = model.review.decisions[fieldsFor]!;
            return d.action === 'link' ? d.fields : 'newer';
          })()}
          texts={texts}
          onCancel={() => setFieldsFor(undefined)}
          onDone={(fields) => {
            dispatch({ type: 'fields', index: fieldsFor, fields });
            setFieldsFor(undefined);
          }}
        />
      )}
    </div>
  );
}
