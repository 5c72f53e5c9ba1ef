import type { ServerCapabilities, ServerGeneration } from '../../../shared/vexa';
import { VexaClient } from './client';
import { createHttp } from './http';
import type { HttpOptions } from './http';

export { VexaClient } from './client';
export type { CallOptions, ListAllMeetingsQuery, ListMeetingsQuery } from './client';
export { VexaAdminClient, createVexaAdminClient, editableUserFields, DEFAULT_USER_PAGE } from './admin';
export type { CreateTokenOptions, MintTokenOptions, UserPatch } from './admin';
export { createHttp, buildUrl, seg } from './http';
export type { HttpMethod, HttpOptions, HttpResult, RequestOptions, VexaHttp } from './http';
export { probeServer } from './detect';
export { meetingOnLink, newestOnLink } from './linkTarget';
export type { ProbeOptions, ProbeResult, ServerProbe } from './detect';
export { classifyNetworkError, errorCodes } from './networkErrors';
export { VexaError, isVexaError } from '../../../shared/vexa';
export type { VexaErrorCode } from '../../../shared/vexa';

/** A client for a server whose generation is already known (from a probe, cached per server). */
export function createVexaClient(
  options: Omit<HttpOptions, 'adminKey'> & { apiKey: string; generation: ServerGeneration; capabilities?: ServerCapabilities },
): VexaClient {
  const { generation, capabilities, ...http } = options;
  return new VexaClient(createHttp(http), capabilities ? { generation, capabilities } : { generation });
}
