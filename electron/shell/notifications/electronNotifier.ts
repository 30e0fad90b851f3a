// Shows a ShownNotification as a native notification and reports its click. The only notification
// file that imports electron, so everything with logic stays testable under Node.
//
// Windows shows notifications only for an app with an AppUserModelID: main must call
// app.setAppUserModelId(<the appId in electron-builder.yml>) before the first one.
import { Notification } from 'electron';
import type { ShownNotification } from './notificationPolicy.ts';

export interface ElectronNotifierOptions {
  /** Opens the window on the notification's target (see notificationTargets.ts). */
  onClick(target: string): void;
  onError?(error: Error): void;
  icon?: string;
}

/** Notifications kept referenced; older ones are let go (they stay in the OS notification centre). */
const MAX_LIVE = 50;

export function createElectronNotifier(options: ElectronNotifierOptions): (shown: ShownNotification) => void {
  // A Notification object that is garbage-collected loses its click handler, so each one is kept
  // until it is clicked or closed.
  const live = new Map<number, Notification>();
  let sequence = 0;

  return (shown) => {
    if (!Notification.isSupported()) return;
    try {
      const notification = new Notification({
        title: shown.title,
        body: shown.body,
        silent: shown.silent,
        ...(options.icon ? { icon: options.icon } : {}),
      });
      const key = ++sequence;
      const forget = () => live.delete(key);
      notification.on('click', () => {
        forget();
        options.onClick(shown.target);
      });
      notification.on('close', forget);
      notification.on('failed', (_event, error) => {
        forget();
        options.onError?.(new Error(`The notification "${shown.title}" could not be shown: ${error}`));
      });
      live.set(key, notification);
      if (live.size > MAX_LIVE) {
        const oldest = live.keys().next().value;
        if (oldest !== undefined) live.delete(oldest);
      }
      notification.show();
    } catch (e) {
      options.onError?.(e instanceof Error ? e : new Error(String(e)));
    }
  };
}
