import { useEffect, useRef, useState } from 'react';
import { Banner, Spinner } from '../../app/theme';
import { loadPreview } from './actions';
import { PARTIAL_NOTE, previewNote, type ExportOptionsInput, type MeetingRef } from './describe';
import type { ExportFormat } from './formats';

// Typing a time range or flipping switches quickly sends one request, not one per keystroke.
const DEBOUNCE_MS = 250;

type PreviewState = { text: string | null; partial: boolean; error: string | null; loading: boolean };

/** The first lines of the file as it will be written, refreshed as the choices change. */
export function ExportPreview({
  meetingRef,
  format,
  options,
}: {
  meetingRef: MeetingRef;
  format: ExportFormat;
  options: ExportOptionsInput | null;
}) {
  const [state, setState] = useState<PreviewState>({ text: null, partial: false, error: null, loading: true });
  const key = options ? JSON.stringify([format, options]) : null;
  const loaded = useRef(false);

  useEffect(() => {
    if (key === null || !options) return;
    let current = true;
    // The first preview is wanted at once; later ones wait for the choices to settle.
    const delay = loaded.current ? DEBOUNCE_MS : 0;
    const timer = window.setTimeout(() => {
      loaded.current = true;
      setState((s) => ({ ...s, loading: true }));
      void loadPreview(meetingRef, format, options).then((result) => {
        if (!current) return;
        setState(
          result.ok
            ? { text: result.value.text, partial: result.value.partial, error: null, loading: false }
            : { text: null, partial: false, error: result.message, loading: false },
        );
      });
    }, delay);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // `key` stands for format and options by value; the objects are rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, meetingRef]);

  const note = previewNote(format);
  return (
    <section className="export-preview-section" aria-label="Preview">
      <div className="export-preview-head">
        <span className="export-legend">Preview</span>
        {state.loading ? <Spinner label="Updating the preview…" /> : <span className="export-help">The first lines</span>}
      </div>
      {note ? <p className="export-help">{note}</p> : null}
      {state.partial && !state.error ? <Banner tone="warn">{PARTIAL_NOTE}</Banner> : null}
      {state.error ? (
        <Banner tone="error" title="No preview">
          {state.error}
        </Banner>
      ) : (
        <pre
          className="export-preview"
          tabIndex={0}
          role="region"
          aria-label="First lines of the export"
          aria-busy={state.loading || undefined}
          data-testid="export-preview"
        >
          {state.text ?? ''}
        </pre>
      )}
    </section>
  );
}
