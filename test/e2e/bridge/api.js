// The browser stand-in for the preload (test-only). It defines `window.partnerDesk` with exactly the
// PartnerDeskApi shape of shared/ipc/contract.ts, over HTTP to the bridge server on the same origin:
// invoke → POST /__bridge/invoke, on → Server-Sent Events from /__bridge/events, and
// pathsForDroppedFiles → POST /__bridge/files (the bytes become a file the engine streams from).
// Like contextBridge, it hands the page a frozen object and nothing else.
/* global window, document, fetch, EventSource, File, setTimeout, console */
(function installPartnerDeskBridge() {
  'use strict';
  // The bridge server fills this in from EVENT_CHANNELS in shared/ipc/contract.ts when it serves the file.
  const EVENT_CHANNELS = /* EVENT_CHANNELS */ [];
  const listeners = new Map();
  let source = null;

  function connectEvents() {
    if (source) return;
    source = new EventSource('/__bridge/events');
    // Test-only mark (not part of the API object): specs wait for it before they make the main process
    // "send" an event, as the preload's ipcRenderer listeners exist from the first `on`.
    source.onopen = function markConnected() {
      document.documentElement.dataset.bridgeEvents = 'open';
    };
    source.onmessage = function onEngineEvent(message) {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        console.warn('partnerDesk bridge: an event that is not JSON was ignored');
        return;
      }
      const set = listeners.get(event.channel);
      if (!set) return;
      for (const listener of Array.from(set)) {
        try {
          listener(event.payload);
        } catch (error) {
          // A failing listener must not stop the others; report it the way the browser would.
          setTimeout(function rethrow() {
            throw error;
          });
        }
      }
    };
  }

  async function invoke(channel, args) {
    const response = await fetch('/__bridge/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: channel, args: args === undefined ? {} : args }),
    });
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok) {
      const message = body && typeof body.error === 'string' ? body.error : 'HTTP ' + response.status;
      throw new Error(message);
    }
    return body === null ? null : body.result;
  }

  function on(channel, listener) {
    if (!EVENT_CHANNELS.includes(channel))
      throw new TypeError('Unknown event channel "' + String(channel) + '"');
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    connectEvents();
    let set = listeners.get(channel);
    if (!set) {
      set = new Set();
      listeners.set(channel, set);
    }
    // Each subscription is its own entry, so subscribing the same function twice needs two unsubscribes.
    const entry = function forward(payload) {
      listener(payload);
    };
    set.add(entry);
    return function unsubscribe() {
      set.delete(entry);
    };
  }

  async function pathsForDroppedFiles(files) {
    const paths = [];
    for (const file of Array.from(files)) {
      if (!(file instanceof File)) throw new TypeError('pathsForDroppedFiles takes File objects');
      const response = await fetch('/__bridge/files', {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
        body: file,
      });
      const body = await response.json().catch(function notJson() {
        return null;
      });
      if (!response.ok || !body || typeof body.path !== 'string')
        throw new Error((body && body.error) || 'Could not hand ' + file.name + ' to the engine');
      paths.push(body.path);
    }
    return paths;
  }

  Object.defineProperty(window, 'partnerDesk', {
    value: Object.freeze({ invoke: invoke, on: on, pathsForDroppedFiles: pathsForDroppedFiles }),
    writable: false,
    configurable: false,
    enumerable: true,
  });
})();
