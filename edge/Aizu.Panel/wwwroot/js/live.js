// One server-sent event stream for the whole page; screens subscribe to the readings they show.
const subscribers = new Set();
const connection = new Set();
let source = null;

export function subscribe(onReading) {
  subscribers.add(onReading);
  return () => subscribers.delete(onReading);
}

export function onConnection(listener) { connection.add(listener); }

export function connect() {
  if (source) return;
  // EventSource reconnects by itself after a gateway restart or a Wi-Fi hiccup.
  source = new EventSource('api/live');
  source.addEventListener('reading', (event) => {
    const reading = JSON.parse(event.data);
    for (const subscriber of subscribers) subscriber(reading);
  });
  source.addEventListener('error', () => { for (const l of connection) l(false); });
  source.addEventListener('open', () => { for (const l of connection) l(true); });
}
