import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExportLayer } from './ExportLayer';

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
  createRoot(host).render(
    <StrictMode>
      <ExportLayer />
    </StrictMode>,
  );
}
