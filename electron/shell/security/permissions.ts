// Web permissions (camera, microphone, geolocation, notifications, clipboard reads, MIDI, HID, …) are
// all refused: the page needs none of them. Native notifications come from the main process, and file
// drops go through the preload, so neither needs a web permission.
export function decidePermissionRequest(_permission: string): boolean {
  return false;
}

export function decidePermissionCheck(_permission: string): boolean {
  return false;
}
