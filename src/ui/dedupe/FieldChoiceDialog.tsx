/** Per-field choice for a linked contact pair: which side's value each differing field keeps, or "newer". */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Field,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ContactScalarField, FieldChoices, Side } from '../../core/dedupe/index.js';
import type { DuplicatePair } from '../../app/dedupe/index.js';
import { differingFields, fieldText } from './review-model.js';
import type { DedupeTexts } from './texts.js';

type Choice = Side | 'newer';

export interface FieldChoiceDialogProps {
  readonly pair: DuplicatePair;
  readonly current: FieldChoices | 'newer';
  readonly texts: DedupeTexts;
  readonly onDone: (fields: FieldChoices | 'newer') => void;
  readonly onCancel: () => void;
}

export function FieldChoiceDialog({ pair, current, texts, onDone, onCancel }: FieldChoiceDialogProps) {
  const fields = differingFields(pair.outlook.item, pair.crm.item);
  const [choices, setChoices] = useState<Partial<Record<ContactScalarField, Choice>>>(() =>
    current === 'newer' ? {} : current,
  );
  const done = () => {
    const picked = Object.fromEntries(
      Object.entries(choices).filter(([, c]) => c !== 'newer'),
    ) as FieldChoices;
    onDone(Object.keys(picked).length === 0 ? 'newer' : picked);
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{texts.fieldsTitle(pair.crm.name)}</DialogTitle>
          <DialogContent>
            {fields.map((f) => (
              <Field key={f} label={texts.fieldNames[f]}>
                <RadioGroup
                  value={choices[f] ?? 'newer'}
                  onChange={(_e, d) => setChoices((c) => ({ ...c, [f]: d.value as Choice }))}
                >
                  <Radio value="newer" label={texts.fieldsNewer} />
                  <Radio value="outlook" label={`${texts.outlookSide}: ${fieldText(pair.outlook.item, f)}`} />
                  <Radio value="crm" label={`${texts.crmSide}: ${fieldText(pair.crm.item, f)}`} />
                </RadioGroup>
              </Field>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={done}>
              {texts.fieldsDone}
            </Button>
            <Button onClick={onCancel}>{texts.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
