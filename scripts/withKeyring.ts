// Runs a command where the OS keychain is reachable, so the vault tests use a real keychain.
// On Linux without a desktop session (CI, a server) it starts a private D-Bus session with an
// unlocked gnome-keyring (the Secret Service keytar talks to); elsewhere it runs the command as is.
import { spawn, spawnSync } from 'node:child_process';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/withKeyring.ts <command> [args…]');
  process.exit(2);
}

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
const needsSession = process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS;

let child;
if (needsSession && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  // The keyring password only protects this throwaway test keyring, which dies with the session.
  const quoted = command.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  // A fresh keyring folder each time: an existing keyring with another password would stay locked.
  const script = `keyrings=$(mktemp -d); echo -n partner-desk-test | XDG_DATA_HOME="$keyrings" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec ${quoted}`;
  child = spawn('dbus-run-session', ['--', 'sh', '-c', script], { stdio: 'inherit' });
} else {
  if (needsSession)
    console.error(
      'No D-Bus session and no gnome-keyring: keychain tests will be skipped (run `npm run setup`).',
    );
  child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
