export { TranscriptModel } from './transcriptModel';
export type { RestOptions } from './transcriptModel';
export { renderTranscript } from './renderTranscript';
export { groupTurns, speakerColourIndex, DEFAULT_PALETTE_SIZE } from './turns';
export type { SpeakerTurn, TurnOptions } from './turns';
export { parseTranscriptFrame } from './parseFrame';
export type { TranscriptFrame, FrameParse } from './parseFrame';
export { compareRendered } from './types';
export type { Applied, ApplyResult, DropReason, DroppedSegment, Rejected, RejectReason, RenderedSegment } from './types';
