/**
 * Tells the core when pushed live captions are on screen: the core sends its next push only then
 * (changes meanwhile merge into it), so captions arrive as fast as the window paints them and a
 * busy window is never sent more than it can show. One acknowledgement per server per frame.
 */
export function createPaintAck(
  send: (serverId: string) => void,
  // The callback runs as the frame that shows the applied push is being prepared for painting.
  nextFrame: (callback: () => void) => unknown = (callback) => requestAnimationFrame(callback),
): (serverId: string) => void {
  const waiting = new Set<string>();
  let scheduled = false;
  return (serverId) => {
    waiting.add(serverId);
    if (scheduled) return;
    scheduled = true;
    nextFrame(() => {
      scheduled = false;
      const servers = [...waiting];
      waiting.clear();
      for (const id of servers) send(id);
    });
  };
}
