import { ipcMain } from 'electron';
import { bindIpc, type BindIpcOptions } from './bindIpc';

/** bindIpc over Electron's ipcMain; kept apart so tests can load bindIpc without Electron. */
export function bindElectronIpc(options: Omit<BindIpcOptions, 'ipcMain'>): () => void {
  return bindIpc({ ipcMain, ...options });
}
