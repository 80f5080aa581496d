/** One pair in the review grid: score, reason chips, and both versions stacked (fits a 320 px pane). */
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReviewRow, SideView } from './review-model.js';
import type { DedupeTexts, DuplicateReason } from './texts.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0, paddingBlock: '4px' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center' },
  side: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  line: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

function scoreColor(score: number): 'success' | 'warning' | 'informative' {
  return score >= 90 ? 'success' : score >= 70 ? 'warning' : 'informative';
}

function Side({ label, side }: { label: string; side: SideView }) {
  const s = useStyles();
  return (
    <div className={s.side}>
      <span className={s.label}>{label}</span>
      <Text weight="semibold" className={s.line}>
        {side.name}
      </Text>
      {side.details.length > 0 && (
        <Text size={200} className={s.line}>
          {side.details.join(' · ')}
        </Text>
      )}
    </div>
  );
}

export function PairCell({ row, texts }: { row: ReviewRow; texts: DedupeTexts }) {
  const s = useStyles();
  const reason = (r: string) => texts.reasons[r as DuplicateReason] ?? r;
  return (
    <div className={s.root}>
      <div className={s.chips}>
        <Badge appearance="filled" color={scoreColor(row.score)}>
          {texts.score(row.score)}
        </Badge>
        {row.reasons.map((r) => (
          <Badge key={r} appearance="tint" color={r.startsWith('different') ? 'danger' : 'brand'}>
            {reason(r)}
          </Badge>
        ))}
      </div>
      <Side label={texts.outlookSide} side={row.first} />
      <Side label={row.kind === 'pair' ? texts.crmSide : texts.secondOutlook} side={row.second} />
    </div>
  );
}
