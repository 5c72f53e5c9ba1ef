import { useEffect, useRef, useState } from 'react';
import { useRecordingsStore, type NowPlaying } from './store';

const SPEEDS = ['0.75', '1', '1.25', '1.5', '1.75', '2'];

/**
 * The browser's own audio player (a seek bar, play and volume with the keyboard and screen
 * readers) and a speed choice. Its media address is the app's own (`/media/<ticket>`): the
 * element fetches with Range and the core answers 206 from the server or the offline copy.
 */
export function Player({ playing }: { playing: NowPlaying }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [speed, setSpeed] = useState('1');
  const [problem, setProblem] = useState<string | null>(null);
  const seek = useRecordingsStore((s) => s.seek);

  useEffect(() => {
    if (audio.current) audio.current.playbackRate = Number(speed);
  }, [speed, playing.src]);

  // A line was clicked: play from its moment (once the element knows the file's length).
  const handled = useRef(0);
  useEffect(() => {
    const el = audio.current;
    if (!el || !seek || seek.seq === handled.current) return;
    handled.current = seek.seq;
    const go = () => {
      el.currentTime = seek.seconds;
      void el.play().catch(() => undefined);
    };
    if (el.readyState >= HTMLMediaElement.HAVE_METADATA) go();
    else el.addEventListener('loadedmetadata', go, { once: true });
  }, [seek, playing.src]);

  return (
    <div className="recording-player">
      <audio
        ref={audio}
        controls
        preload="metadata"
        src={playing.src}
        data-testid="recording-audio"
        aria-label="Recording of the meeting"
        onTimeUpdate={(e) => useRecordingsStore.setState({ currentTime: e.currentTarget.currentTime })}
        onSeeked={(e) => useRecordingsStore.setState({ currentTime: e.currentTarget.currentTime })}
        onRateChange={(e) => setSpeed(String(e.currentTarget.playbackRate))}
        onError={() =>
          setProblem('The recording could not be played. The server may be out of reach, and no copy is kept on this computer.')
        }
        onLoadedMetadata={() => setProblem(null)}
      />
      <label className="recording-speed">
        <span>Speed</span>
        <select value={speed} onChange={(e) => setSpeed(e.target.value)} aria-label="Playback speed">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {problem ? (
        <p className="recording-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
