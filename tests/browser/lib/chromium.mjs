// Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH), headless, as
// every browser test launches it through playwright-core.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags for a machine with no network but loopback: without the
// background-networking ones Chromium keeps dialling Google's hosts and can
// stall.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
