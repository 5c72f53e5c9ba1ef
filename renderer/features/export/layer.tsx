import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadExportLayer } from '../../app/lazyScreens';

let mounted = false;

/**
 * Mounts the export dialogs and toasts once, in their own root at the end of <body>, the first
 * time any meeting offers its actions. Hosts (a library row, the live view header) then only place
 * a button: no screen has to remember to render the layer, and events inside a dialog never
 * bubble into a clickable row.
 */
export function ensureExportLayer(): void {
  if (mounted) return;
  mounted = true;
  const host = document.createElement('div');
  host.className = 'export-layer';
  document.body.append(host);
  // The dialogs (and the PDF preview in them) load with the first meeting that offers them; what
  // a click asks for meanwhile waits in the export store and shows once they are there.
  void loadExportLayer().then(({ ExportLayer }) =>
    createRoot(host).render(
      <StrictMode>
        <ExportLayer />
      </StrictMode>,
    ),
  );
}
