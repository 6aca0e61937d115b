// Whether a process id names a live process: lock files and half-written builds left by a process
// that died (kill -9, crash) are taken over or cleaned instead of blocking forever.
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
