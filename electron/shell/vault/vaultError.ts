// Keychain failures as a typed error whose message tells the person what to do. The platform libraries
// report problems as free text (libsecret over D-Bus, macOS Security framework, Windows Credential
// Manager); we recognise the common ones so the message can name the fix rather than echo the jargon.

export type VaultErrorKind =
  'invalid_name' | 'invalid_value' | 'unavailable' | 'locked' | 'denied' | 'timeout' | 'failed';

export type VaultOperation = 'read' | 'store' | 'delete';

export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly kind: VaultErrorKind;
  /** The entry involved; names are not secret, values never appear in a VaultError. */
  readonly secretName: string;

  constructor(kind: VaultErrorKind, secretName: string, message: string) {
    super(message);
    this.kind = kind;
    this.secretName = secretName;
  }
}

const UNAVAILABLE =
  /autolaunch d-bus|dbus_session_bus_address|cannot spawn a message bus|org\.freedesktop\.secrets|serviceunknown|not provided by any \.service|no such secret service|failed to connect|could not connect|connection refused|could not be loaded|cannot find module|cannot open shared object|no keychain|keychain.*not found/i;
const LOCKED = /locked|user interaction is not allowed/i;
const DENIED = /cancel|dismissed|denied|not permitted|not allowed/i;

/**
 * Turns whatever the keychain library threw into a VaultError. `secretValue`, when given, is cut out of
 * the underlying message first: some backends echo their arguments in errors.
 */
export function toVaultError(
  thrown: unknown,
  op: VaultOperation,
  secretName: string,
  secretValue?: string,
): VaultError {
  if (thrown instanceof VaultError) return thrown;
  const raw = thrown instanceof Error ? thrown.message : String(thrown);
  const detail = secretValue ? raw.split(secretValue).join('[secret]') : raw;
  const subject = `the secret "${secretName}"`;

  if (LOCKED.test(detail))
    return new VaultError(
      'locked',
      secretName,
      `The system keychain is locked, so Partner Desk could not ${op} ${subject}: unlock your keychain and try again (${detail})`,
    );
  if (UNAVAILABLE.test(detail))
    return new VaultError(
      'unavailable',
      secretName,
      `The system keychain is unavailable (${unavailableHint()}), so Partner Desk could not ${op} ${subject}: ` +
        `start or unlock your keychain and try again (${detail})`,
    );
  if (DENIED.test(detail))
    return new VaultError(
      'denied',
      secretName,
      `Partner Desk was not allowed to ${op} ${subject} in the system keychain: allow access when your system asks, then try again (${detail})`,
    );
  return new VaultError(
    'failed',
    secretName,
    `The system keychain could not ${op} ${subject}: ${detail}. Try again; if it keeps failing, check your keychain app`,
  );
}

function unavailableHint(): string {
  if (process.platform === 'linux') return 'Secret Service not running: GNOME Keyring or KWallet is needed';
  if (process.platform === 'darwin') return 'macOS Keychain not reachable';
  if (process.platform === 'win32') return 'Windows Credential Manager not reachable';
  return 'no keychain found';
}
