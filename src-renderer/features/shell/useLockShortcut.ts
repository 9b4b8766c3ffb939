/** Ctrl/Cmd+L locks. Main has a menu accelerator too; this is the fallback when the menu is absent. */
import { useEffect } from 'react';

export function useLockShortcut(lock: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);
}
