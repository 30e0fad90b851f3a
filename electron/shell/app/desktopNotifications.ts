// The engine's notification requests become native notifications: the policy (grouping, throttling,
// quiet hours) decides what is shown and when, electronNotifier shows it, and a click opens the window on
// the item (or on the list a grouped notification stands for).
import { createNotificationPolicy, type NotificationPolicy } from '../notifications/notificationPolicy.ts';
import { createElectronNotifier } from '../notifications/electronNotifier.ts';
import { parseNotificationTarget } from '../notifications/notificationTargets.ts';
import { systemScheduler } from '../notifications/scheduler.ts';
import type { NotificationSettings } from '../../../shared/config/appSettings.ts';
import { INBOX_TARGET } from './appIdentity.ts';

export function createDesktopNotifications(options: {
  settings: NotificationSettings;
  iconPath?: string;
  open(target: string): void;
  warn(message: string): void;
}): NotificationPolicy {
  const show = createElectronNotifier({
    // A target the window would not recognise still opens the window, on the inbox.
    onClick: (target) =>
      options.open(parseNotificationTarget(target).kind === 'invalid' ? INBOX_TARGET : target),
    onError: (error) => options.warn(error.message),
    ...(options.iconPath ? { icon: options.iconPath } : {}),
  });
  return createNotificationPolicy({ settings: options.settings, scheduler: systemScheduler, show });
}
