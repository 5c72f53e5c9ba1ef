import { contextBridge, ipcRenderer } from 'electron';
// The build swaps this module for a plain list of names (scripts/buildElectron.mjs), so the
// preload bundle stays free of zod: a sandboxed preload can only require `electron`.
import { channelNames } from '../../shared/ipc/contract';
import { createBridge } from './createBridge';

contextBridge.exposeInMainWorld('vexa', createBridge(ipcRenderer, channelNames));
