import { useEffect, useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../../platform/api';
import { Banner, Bidi, Button, Dialog } from '../../app/theme';
import { useAppStore } from '../app/store';
import { saveExport } from './actions';
import { buildExportOptions, type ExportForm, type MeetingRef } from './describe';
import { ExportOptionsFields, FormatPicker } from './ExportOptionsFields';
import { ExportPreview } from './ExportPreview';
import { formatChoice } from './formats';
import { DownloadIcon } from './icons';
import { useExportStore } from './store';

const localTimeZone = (() => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
})();

const isControl = (target: EventTarget) =>
  target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement || target instanceof HTMLAnchorElement;

/**
 * Pick a format and options, see the first lines, save. Enter saves from any field, Esc closes,
 * Tab stays inside (Dialog). A PDF of a long meeting takes a moment; the button says so.
 */
export function ExportDialog({ meetingRef, title, onClose }: { meetingRef: MeetingRef; title: string; onClose(): void }) {
  const formId = useId();
  const initial = useExportStore((s) => s.lastForm);
  const remember = useExportStore((s) => s.rememberForm);
  const browser = useAppStore((s) => s.info?.transport === 'web');
  // A speaker filter belongs to one meeting: each dialog starts with everyone.
  const [form, setForm] = useState<ExportForm>({ ...initial, speakerFilter: null });
  const [speakers, setSpeakers] = useState<string[]>([]);
  const [hasChat, setHasChat] = useState(false);
  useEffect(() => {
    let live = true;
    void api.invoke('export:speakers', { ref: meetingRef }).then((r) => {
      if (live && r.ok) setSpeakers(r.value);
    });
    void api.invoke('export:hasChat', { ref: meetingRef }).then((r) => {
      if (live && r.ok) setHasChat(r.value);
    });
    return () => {
      live = false;
    };
  }, [meetingRef]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const built = useMemo(() => buildExportOptions(form, localTimeZone), [form]);
  const choice = formatChoice(form.format);

  const change = (patch: Partial<ExportForm>) => {
    setError(null);
    setForm((f) => ({ ...f, ...patch }));
  };

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving || !built.ok || form.speakerFilter?.length === 0) return;
    setSaving(true);
    setError(null);
    remember(form);
    const result = await saveExport(meetingRef, form.format, built.options);
    setSaving(false);
    if ('error' in result) setError(result.error);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || isControl(event.target)) return;
    event.preventDefault();
    void onSubmit();
  };

  const saveLabel = saving ? `Exporting ${choice.label}…` : browser ? `Download .${choice.extension}` : `Save .${choice.extension}…`;

  return (
    <Dialog
      open
      title="Export transcript"
      description={<Bidi className="break">{title}</Bidi>}
      onClose={onClose}
      actions={
        <>
          {saving ? (
            <span className="export-progress muted" role="status">
              {choice.binary ? `Laying out the ${choice.label}…` : 'Preparing the file…'}
            </span>
          ) : null}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            form={formId}
            variant="primary"
            icon={<DownloadIcon />}
            busy={saving}
            unavailable={!built.ok}
            aria-keyshortcuts="Enter"
          >
            {saveLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="export-dialog"
        onSubmit={(e) => void onSubmit(e)}
        onKeyDown={onKeyDown}
        noValidate
        aria-label="Export options"
      >
        <FormatPicker form={form} onChange={change} />
        <div className="export-main">
          <ExportOptionsFields
            form={form}
            onChange={change}
            rangeError={built.ok ? null : { field: built.field, message: built.message }}
            speakers={speakers}
            hasChat={hasChat}
          />
          <ExportPreview meetingRef={meetingRef} format={form.format} options={built.ok ? built.options : null} />
        </div>
      </form>
      {error ? (
        <Banner tone="error" title="The transcript was not exported">
          {error}
        </Banner>
      ) : null}
    </Dialog>
  );
}
