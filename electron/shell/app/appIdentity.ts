// Names the OS knows the app by. APP_ID must equal `appId` in electron-builder.yml: Windows shows
// notifications only for the AppUserModelID the installer registered (a test checks they agree).
export const APP_ID = 'com.partnerdesk.app';
export const PRODUCT_NAME = 'Partner Desk';

/** Targets the tray menu opens in the window (the renderer routes them). */
export const INBOX_TARGET = 'view:inbox';
export const SETTINGS_TARGET = 'view:settings';
