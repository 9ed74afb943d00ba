const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

interface SpinnerStream {
  isTTY?: boolean;
  hasColors?: () => boolean;
  write(text: string): boolean;
}

/** A spinner on standard error while an answer is on its way; nothing when it is piped or NO_COLOR is set. */
export function startSpinner(stream: SpinnerStream, label: string): () => void {
  // hasColors() is false under NO_COLOR (and TERM=dumb), the terminal's own "keep it plain".
  if (!stream.isTTY || !stream.hasColors?.()) return () => {};
  let frame = 0;
  const draw = () => stream.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label}`);
  draw();
  const timer = setInterval(draw, 80);
  timer.unref();
  return () => {
    clearInterval(timer);
    stream.write("\r\u001b[2K");
  };
}
