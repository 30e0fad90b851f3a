// The tray icon (menu bar on macOS): shows trayMenuModel's tooltip, title and menu, and runs the action
// picked. State comes in pieces (engine state, count, pause) and the menu is rebuilt from the whole.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { trayMenuModel, type TrayAction, type TrayState } from './trayMenuModel.ts';

export interface TrayController {
  update(change: Partial<TrayState>): void;
  destroy(): void;
}

export function createTrayController(options: {
  iconPath: string;
  initial: TrayState;
  onAction(action: TrayAction): void;
  /** Windows and Linux: a click on the icon opens the window (macOS opens the menu). */
  onClick(): void;
}): TrayController {
  const image = nativeImage.createFromPath(options.iconPath);
  const tray = new Tray(image);
  let state = options.initial;

  const render = () => {
    const model = trayMenuModel(state);
    tray.setToolTip(model.tooltip);
    if (state.platform === 'darwin') tray.setTitle(model.title);
    const template: MenuItemConstructorOptions[] = model.items.map((item) => {
      switch (item.kind) {
        case 'separator':
          return { type: 'separator' };
        case 'status':
          return { label: item.label, enabled: false };
        case 'action':
          return { label: item.label, enabled: item.enabled, click: () => options.onAction(item.action) };
      }
    });
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };

  if (state.platform !== 'darwin') tray.on('click', () => options.onClick());
  render();
  return {
    update(change) {
      state = { ...state, ...change };
      if (!tray.isDestroyed()) render();
    },
    destroy: () => tray.destroy(),
  };
}
