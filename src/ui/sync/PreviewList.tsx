/** The preview per folder: new / changed / deleted in each direction, each list expandable to item names. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { describePreview, SYNC_TEXTS } from '../../app/sync/texts.js';
import type { DirectionCounts, FolderPreview } from '../../core/sync/index.js';
import { SYNC_SCREEN_TEXTS, type UiLanguage } from './texts.js';

const useStyles = makeStyles({
  folder: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  names: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  warn: { color: tokens.colorPaletteRedForeground1 },
});

export interface PreviewListProps {
  readonly previews: readonly FolderPreview[];
  readonly lang: UiLanguage;
  readonly folderLabel: (folderId: string, datastore: string) => string;
}

export function PreviewList({ previews, lang, folderLabel }: PreviewListProps) {
  const t = SYNC_SCREEN_TEXTS[lang];
  const styles = useStyles();
  return (
    <div>
      {previews.map((p) => (
        <section key={p.folderId} className={styles.folder} aria-label={folderLabel(p.folderId, p.datastore)}>
          <Text weight="semibold">{folderLabel(p.folderId, p.datastore)}</Text>
          <Text>{describePreview(p, lang)}</Text>
          <Accordion collapsible multiple>
            <DirectionNames id={`${p.folderId}-o`} title={t.toOutlook} counts={p.toOutlook} lang={lang} />
            <DirectionNames id={`${p.folderId}-c`} title={t.toCrm} counts={p.toCrm} lang={lang} />
          </Accordion>
          {p.heldBack > 0 && <Text size={200}>{t.heldBack(p.heldBack)}</Text>}
          {p.guardTrips.map((trip) => (
            <Text key={trip.target} className={styles.warn}>
              {SYNC_TEXTS[lang].guard(trip)} {t.wouldStop}
            </Text>
          ))}
        </section>
      ))}
    </div>
  );
}

function DirectionNames(props: { id: string; title: string; counts: DirectionCounts; lang: UiLanguage }) {
  const { counts, lang } = props;
  const styles = useStyles();
  if (counts.names.length === 0) return null;
  return (
    <AccordionItem value={props.id}>
      <AccordionHeader size="small">
        {props.title}: {SYNC_SCREEN_TEXTS[lang].showNames(counts.names.length)}
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.names}>
          {counts.names.map((name, i) => (
            <li key={`${i}-${name}`}>{name}</li>
          ))}
        </ul>
      </AccordionPanel>
    </AccordionItem>
  );
}
