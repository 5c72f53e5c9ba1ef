import { platformLabel } from '../../../shared/meeting-link';
import './platformMark.css';

/** The platform's initial on its colour: the mark in front of every meeting, bot and tile. */
export function PlatformMark({ platform }: { platform: string }) {
  return (
    <span className="platform-mark" data-platform={platform} aria-hidden="true">
      {platformLabel(platform).charAt(0).toUpperCase()}
    </span>
  );
}
