import { TranscriptModel } from './transcriptModel';
import type { RenderedSegment } from './types';

/**
 * The displayed transcript for a REST body and the live frames received after it, in one call
 * (exports, tests, a one-off render). Live code keeps a `TranscriptModel` and applies frames as
 * they come.
 */
export function renderTranscript(input: { rest?: readonly unknown[]; frames?: readonly unknown[] }): RenderedSegment[] {
  const model = new TranscriptModel();
  if (input.rest) model.applyRestSegments(input.rest, { authoritative: true });
  for (const frame of input.frames ?? []) model.applyFrame(frame);
  return model.snapshot();
}
