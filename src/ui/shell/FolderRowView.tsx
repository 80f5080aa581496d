/** One folder: name, item count, sync switch; when on, datastore and direction. */
import {
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { FolderRow } from '../../app/folders/index.js';
import { datastoreNameProblem, DIRECTIONS, type FolderChoice } from '../../core/settings/folder-choices.js';
import type { SyncDirection } from '../../core/sync/state.js';
import type { ShellTexts } from './texts.js';

const useStyles = makeStyles({
  row: { padding: `${tokens.spacingVerticalS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  details: { display: 'grid', gap: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalXXL },
});

export function FolderRowView(props: {
  row: FolderRow;
  t: ShellTexts;
  onChange: (choice: FolderChoice) => void;
}) {
  const { row, t, onChange } = props;
  const s = useStyles();
  const id = useId();
  const { folder, choice } = row;
  const [datastore, setDatastore] = useState(choice.datastore);
  const problem = datastoreNameProblem(datastore);
  const dirLabel: Record<SyncDirection, string> = {
    'two-way': t.dirTwoWay,
    'crm-to-outlook': t.dirCrmToOutlook,
    'outlook-to-crm': t.dirOutlookToCrm,
  };
  return (
    <li className={s.row} data-folder-id={folder.id} data-testid="folder-row">
      <div className={s.head}>
        <Switch
          checked={choice.enabled}
          label={folder.name}
          aria-label={t.syncSwitch(folder.name)}
          aria-describedby={`${id}-count`}
          onChange={(_, d) => onChange({ ...choice, enabled: d.checked })}
        />
        <Caption1 id={`${id}-count`} data-testid="item-count">
          {t.items(folder.itemCount)}
        </Caption1>
      </div>
      {choice.enabled && (
        <div className={s.details}>
          <Field
            label={t.datastore}
            validationState={problem ? 'error' : 'none'}
            validationMessage={
              problem === 'EMPTY' ? t.datastoreEmpty : problem === 'INVALID' ? t.datastoreInvalid : undefined
            }
          >
            <Input
              value={datastore}
              onChange={(_, d) => setDatastore(d.value)}
              onBlur={() =>
                !problem &&
                datastore.trim() !== choice.datastore &&
                onChange({ ...choice, datastore: datastore.trim() })
              }
            />
          </Field>
          <Field label={t.direction}>
            <Dropdown
              value={dirLabel[choice.direction]}
              selectedOptions={[choice.direction]}
              onOptionSelect={(_, d) =>
                d.optionValue && onChange({ ...choice, direction: d.optionValue as SyncDirection })
              }
            >
              {DIRECTIONS.map((dir) => (
                <Option key={dir} value={dir}>
                  {dirLabel[dir]}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
      )}
    </li>
  );
}
