import {
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { meetingKey, type MeetingKey } from '../../app/meetingKey';
import { useReservedStrip } from '../../app/reservedStrip';
import { CrossIcon, MoveIcon } from '../../app/theme/icons';
import { isFinished } from '../bots/describe';
import { useBotsStore } from '../bots/store';
import { ensureCaptions } from '../captions/actions';
import { useSpeakerNames } from '../speakers/useSpeakerNames';
import { speakerName } from '../captions/describe';
import { useCaptionsStore } from '../captions/store';
import { closeOverlay, requestOverlaySize } from './actions';
import { overlayWindowSize, tailText } from './overlayText';
import { OVERLAY_FONT_SIZES, OVERLAY_OPACITY, useLiveStore } from './store';

const OVERLAY_TURNS = 3;

/** The last lines of one meeting, large: the overlay's whole purpose. */
function OverlayLines({ serverId, meetingId }: MeetingKey) {
  const key = meetingKey(serverId, meetingId);
  const turns = useCaptionsStore((s) => s.meetings[key]?.turns);
  const loading = useCaptionsStore((s) => s.meetings[key]?.status !== 'ready');
  const { names } = useSpeakerNames(serverId, meetingId);
  useEffect(() => ensureCaptions({ serverId, meetingId }), [serverId, meetingId]);
  const last = turns ? turns.slice(Math.max(0, turns.length - OVERLAY_TURNS)) : [];
  if (last.length === 0) return <p className="caption-overlay-empty">{loading ? 'Loading captions…' : 'Waiting for someone to speak…'}</p>;
  return (
    <ol className="caption-overlay-lines">
      {last.map((turn) => (
        <li key={turn.key} data-colour={turn.colour} data-draft={turn.draft || undefined}>
          <span className="caption-overlay-speaker">{speakerName(names.resolve(turn).name)}</span>
          <span className="caption-overlay-text">{tailText(turn.text, 240)}</span>
        </li>
      ))}
    </ol>
  );
}

function OverlaySettings() {
  const style = useLiveStore((s) => s.overlayStyle);
  const setStyle = useLiveStore((s) => s.setOverlayStyle);
  return (
    <div className="caption-overlay-settings" role="group" aria-label="Overlay settings">
      <button
        type="button"
        className="caption-overlay-button"
        title="Smaller text"
        disabled={style.fontSize <= OVERLAY_FONT_SIZES.min}
        onClick={() => setStyle({ fontSize: style.fontSize - OVERLAY_FONT_SIZES.step })}
      >
        <span aria-hidden="true">A−</span>
        <span className="sr-only">Smaller text</span>
      </button>
      <button
        type="button"
        className="caption-overlay-button"
        title="Larger text"
        disabled={style.fontSize >= OVERLAY_FONT_SIZES.max}
        onClick={() => setStyle({ fontSize: style.fontSize + OVERLAY_FONT_SIZES.step })}
      >
        <span aria-hidden="true">A+</span>
        <span className="sr-only">Larger text</span>
      </button>
      <label className="caption-overlay-opacity">
        <span className="sr-only">Background opacity</span>
        <input
          type="range"
          min={OVERLAY_OPACITY.min}
          max={OVERLAY_OPACITY.max}
          step={OVERLAY_OPACITY.step}
          value={style.opacity}
          aria-valuetext={`${Math.round(style.opacity * 100)}%`}
          onChange={(e) => setStyle({ opacity: Number(e.target.value) })}
        />
      </label>
    </div>
  );
}

function OverlayFrame({
  serverId,
  meetingId,
  className,
  handle,
  style,
  notices,
  frameRef,
}: MeetingKey & {
  className: string;
  handle: ReactNode;
  style?: CSSProperties;
  notices?: ReactNode;
  frameRef?: RefObject<HTMLElement | null>;
}) {
  const name = useBotsStore((s) => s.meetings.find((m) => m.serverId === serverId && m.id === meetingId)?.name ?? `Meeting ${meetingId}`);
  const look = useLiveStore((s) => s.overlayStyle);
  const vars = { '--overlay-opacity': look.opacity, '--overlay-font': `${look.fontSize}px`, ...style } as CSSProperties;
  return (
    <aside
      ref={frameRef}
      className={className}
      aria-label={`Caption overlay: ${name}`}
      data-meeting-id={meetingId}
      data-server-id={serverId}
      style={vars}
    >
      <div className="caption-overlay-bar">
        {handle}
        <span className="caption-overlay-name">{name}</span>
        <OverlaySettings />
        <button type="button" className="caption-overlay-button" aria-label="Close the caption overlay" onClick={() => void closeOverlay()}>
          <CrossIcon size={14} />
        </button>
      </div>
      {notices}
      <OverlayLines serverId={serverId} meetingId={meetingId} />
    </aside>
  );
}

const STEP_PX = 24;

/** The web harness's overlay: a panel floating over the page, moved by dragging its handle or with the arrow keys. */
function FloatingOverlay({ serverId, meetingId }: MeetingKey) {
  const [position, setPosition] = useState<{ x: number; y: number } | null>(null);
  const drag = useRef<{ dx: number; dy: number } | null>(null);
  const panel = (el: Element | null) => el?.closest('.caption-overlay')?.getBoundingClientRect() ?? null;

  const clampToWindow = (x: number, y: number, width: number, height: number) => ({
    x: Math.min(Math.max(0, x), Math.max(0, window.innerWidth - width)),
    y: Math.min(Math.max(0, y), Math.max(0, window.innerHeight - height)),
  });

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    const rect = panel(event.currentTarget);
    if (!rect) return;
    drag.current = { dx: event.clientX - rect.left, dy: event.clientY - rect.top };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const rect = panel(event.currentTarget);
    if (!drag.current || !rect) return;
    setPosition(clampToWindow(event.clientX - drag.current.dx, event.clientY - drag.current.dy, rect.width, rect.height));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const move = moves[event.key];
    const rect = panel(event.currentTarget);
    if (!move || !rect) return;
    event.preventDefault();
    setPosition(clampToWindow(rect.left + move[0] * STEP_PX, rect.top + move[1] * STEP_PX, rect.width, rect.height));
  };

  const handle = (
    <button
      type="button"
      className="caption-overlay-handle"
      aria-label="Move the overlay (drag, or use the arrow keys)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onKeyDown={onKeyDown}
    >
      <MoveIcon size={14} />
    </button>
  );
  const style: CSSProperties | undefined = position ? { left: position.x, top: position.y, right: 'auto', bottom: 'auto' } : undefined;
  // In its own place the panel keeps a strip of the window to itself, so it never covers a button
  // of the screen (Send bot); moved by the person, it floats where they put it.
  const frame = useRef<HTMLElement>(null);
  useReservedStrip(frame, '--overlay-space', position === null);
  return (
    <OverlayFrame
      serverId={serverId}
      meetingId={meetingId}
      className="caption-overlay caption-overlay-panel"
      handle={handle}
      style={style}
      frameRef={frame}
    />
  );
}

/**
 * Shown in the main window when the core answered `panel` (the web harness). The overlay, panel or
 * window, closes when its meeting ends: it has nothing more to show, and it would float over the
 * window's own buttons (Send bot) for nothing.
 */
export function OverlayPanel() {
  const overlay = useLiveStore((s) => s.overlay);
  const ended = useBotsStore((s) =>
    overlay ? s.meetings.some((m) => m.serverId === overlay.serverId && m.id === overlay.meetingId && isFinished(m.status)) : false,
  );
  useEffect(() => {
    if (ended) void closeOverlay();
  }, [ended]);
  if (!overlay || overlay.mode !== 'panel' || ended) return null;
  return (
    <FloatingOverlay key={meetingKey(overlay.serverId, overlay.meetingId)} serverId={overlay.serverId} meetingId={overlay.meetingId} />
  );
}

/** A one-line note inside the overlay window, dismissed with its × (it is a small window). */
function OverlayNotice({ children, onDismiss }: { children: ReactNode; onDismiss(): void }) {
  return (
    <div className="caption-overlay-notice" role="status">
      <span>{children}</span>
      <button type="button" className="caption-overlay-button" aria-label="Dismiss this note" onClick={onDismiss}>
        <CrossIcon size={12} />
      </button>
    </div>
  );
}

export interface OverlayWindowFlags {
  /** The window was reloaded after its page crashed. */
  restarted: boolean;
  /** The desktop cannot keep the window on top by itself (Wayland). */
  pinByHand: boolean;
}

/**
 * The whole page of the Electron overlay window (route `#/overlay/<id>/<server id>`); the bar
 * drags the frameless window, and the window's size follows the caption text size.
 */
export function OverlayWindowContent({ serverId, meetingId, flags }: MeetingKey & { flags: OverlayWindowFlags }) {
  const fontSize = useLiveStore((s) => s.overlayStyle.fontSize);
  const [restarted, setRestarted] = useState(flags.restarted);
  const [pinByHand, setPinByHand] = useState(flags.pinByHand);
  useEffect(() => void requestOverlaySize(overlayWindowSize(fontSize)), [fontSize]);
  const handle = (
    <span className="caption-overlay-handle caption-overlay-drag" aria-hidden="true">
      <MoveIcon size={14} />
    </span>
  );
  const notices = (
    <>
      {restarted ? <OverlayNotice onDismiss={() => setRestarted(false)}>The captions restarted after a problem.</OverlayNotice> : null}
      {pinByHand ? (
        <OverlayNotice onDismiss={() => setPinByHand(false)}>
          This desktop keeps no app on top by itself. To pin the captions, click them, open the window menu (Alt+Space on GNOME, Alt+F3 on
          KDE) and choose “Always on Top”.
        </OverlayNotice>
      ) : null}
    </>
  );
  return (
    <OverlayFrame
      serverId={serverId}
      meetingId={meetingId}
      className="caption-overlay caption-overlay-window"
      handle={handle}
      notices={notices}
    />
  );
}
